package org.unrolled.io;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.unrolled.document.ScenarioDocument;

/**
 * Reads one scenario file on a worker thread, with a time limit, and measures the memory the read
 * allocated; says whether the reader kept its promise: the file loads, or it is rejected with a
 * {@link ScenarioException} whose message names the file and says where. Anything else (another
 * exception, an error, a hang, a message that names no file) is a {@link AssertionError}.
 */
final class ReaderProbe {
    /** Loaded, or rejected with this exception. */
    record Outcome(ScenarioDocument scenario, ScenarioException rejection, long allocatedBytes, long nanos) {
        boolean loaded() {
            return scenario != null;
        }
    }

    private static ExecutorService worker = newWorker();

    private ReaderProbe() {
    }

    private static ExecutorService newWorker() {
        return Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "reader-probe");
            t.setDaemon(true);
            return t;
        });
    }

    private static long allocatedByThisThread() {
        return ((com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean()).getCurrentThreadAllocatedBytes();
    }

    /** Writes {@code bytes} to {@code file} and reads it; {@code what} describes the case for messages. */
    static Outcome read(Path file, byte[] bytes, Duration limit, String what) throws Exception {
        Files.write(file, bytes);
        return read(file, limit, what);
    }

    static synchronized Outcome read(Path file, Duration limit, String what) throws InterruptedException {
        Future<Outcome> f = worker.submit(() -> {
            long before = allocatedByThisThread();
            long start = System.nanoTime();
            try {
                ScenarioDocument s = ScenarioReader.read(file);
                return new Outcome(s, null, allocatedByThisThread() - before, System.nanoTime() - start);
            } catch (ScenarioException e) {
                return new Outcome(null, e, allocatedByThisThread() - before, System.nanoTime() - start);
            }
        });
        Outcome o;
        try {
            o = f.get(limit.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            f.cancel(true);
            worker.shutdownNow();
            worker = newWorker();
            throw new AssertionError(what + ": the reader took more than " + limit.toSeconds() + " s", e);
        } catch (ExecutionException e) {
            throw new AssertionError(what + ": the reader threw " + e.getCause() + " instead of a ScenarioException",
                    e.getCause());
        }
        if (o.rejection() != null) {
            checkMessage(o.rejection(), file, what);
        }
        return o;
    }

    /** The message starts with the file as given, says where (a JSON path or a line), and is of a readable length. */
    static void checkMessage(ScenarioException e, Path file, String what) {
        String m = e.getMessage();
        String context = what + ": message \"" + abbreviate(m) + "\"";
        if (!m.startsWith(file.toString() + ": ") || !m.contains(file.getFileName().toString())) {
            throw new AssertionError(context + " does not start with the file's name " + file);
        }
        String at = e.location();
        if (!(at.isEmpty() || at.startsWith("$") || at.startsWith("line "))) {
            throw new AssertionError(context + " has a location that is neither a JSON path nor a line: " + at);
        }
        if (e.problem() == null || e.problem().isBlank()) {
            throw new AssertionError(context + " says nothing about the problem");
        }
        if (m.length() > 1000) {
            throw new AssertionError(context + " is " + m.length() + " characters long");
        }
        // the parser's own words mean nothing to the file's author: its settings, its markers, its source
        for (String internal : new String[] {"Source:", "REDACTED", "Feature", "marker", "com.fasterxml", "Exception"}) {
            if (m.contains(internal)) {
                throw new AssertionError(context + " speaks of the parser's internals (" + internal + ")");
            }
        }
    }

    static String abbreviate(String s) {
        return s.length() <= 300 ? s : s.substring(0, 300) + "… (" + s.length() + " characters)";
    }
}
