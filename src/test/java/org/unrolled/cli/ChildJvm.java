package org.unrolled.cli;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/** For the tests that run a command in a child JVM and stop it as a user would. */
public final class ChildJvm {
    /** What the child must have done before it is stopped. */
    @FunctionalInterface
    public interface Condition {
        boolean holds() throws Exception;
    }

    private ChildJvm() {
    }

    /**
     * Sends {@code child} SIGTERM (what Ctrl+C and a closing terminal send, too) once {@code ready} holds,
     * and waits for it to end. Fails, with the child's output from {@code log}, if it ends or takes more
     * than 45 s before {@code ready} holds ({@code what} says what was awaited), or more than 30 s to end.
     */
    public static void sigtermWhen(Process child, Path log, Condition ready, String what) throws Exception {
        try {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(45);
            while (!ready.holds()) {
                if (!child.isAlive() || System.nanoTime() > deadline) {
                    fail(what + " in time: " + Files.readString(log));
                }
                Thread.sleep(20);
            }
            child.destroy(); // SIGTERM
            assertTrue(child.waitFor(30, TimeUnit.SECONDS), "the child ends after SIGTERM");
        } finally {
            child.destroyForcibly();
        }
    }
}
