package org.unrolled.app;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * Makes a folder impossible to write into, for tests of failed writes: by its permissions, or where
 * those do not bind (running as root) by the immutable attribute ({@code chattr +i}), which binds root too.
 */
final class Unwritable {
    private Unwritable() {
    }

    /** Tries to make {@code dir} unwritable; returns whether a file really can no longer be created in it. */
    static boolean lock(Path dir) throws Exception {
        dir.toFile().setWritable(false, false);
        if (!canCreateIn(dir)) {
            return true;
        }
        run("chattr", "+i", dir.toString());
        return !canCreateIn(dir);
    }

    /** Undoes {@link #lock}. */
    static void unlock(Path dir) throws Exception {
        run("chattr", "-i", dir.toString());
        dir.toFile().setWritable(true, false);
    }

    private static boolean canCreateIn(Path dir) {
        try {
            Files.delete(Files.createTempFile(dir, "probe", ".tmp"));
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static void run(String... command) throws InterruptedException {
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            p.waitFor(10, TimeUnit.SECONDS);
        } catch (IOException e) {
            // no chattr here: the permissions are all there is
        }
    }
}
