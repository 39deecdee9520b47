package org.unrolled.app;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.unrolled.document.ScenarioDocument;
import org.unrolled.io.AtomicFiles;

/**
 * Keeps unsaved work safe from a crash. While the document has unsaved changes it is written every
 * {@code interval} (20 s by default), on a background thread and atomically, to
 * {@code autosave-<session>.json} in a per-user folder ({@code ~/.unrolled/autosave}), with the file it
 * came from. The autosave is deleted when the document is saved or its changes are discarded (it is no
 * longer dirty) and at a clean exit ({@link #close}).
 *
 * <p>Each running window holds an operating-system lock on its own {@code autosave-<session>.lock}
 * while it runs. The operating system releases it when the process ends however it ends, so an
 * autosave whose lock is free was left by a session that crashed: {@link #orphans} lists those, never
 * another window's live work. A file that cannot be read as an autosave is ignored.
 */
public final class Autosave implements AutoCloseable {
    /** How often unsaved changes are written. */
    public static final Duration DEFAULT_INTERVAL = Duration.ofSeconds(20);

    /** What is autosaved: the scenario, the file it belongs to (null for a sample) and its name. */
    record Snapshot(ScenarioDocument scenario, Path file, String name) {
    }

    /** An autosave left behind by a session that did not end cleanly. */
    record Recovered(Path path, ScenarioDocument scenario, Path file, String name, Instant savedAt) {
    }

    private final Path dir;
    private final AutosaveFolder folder;
    private final Duration interval;
    private final String session;
    private final Path ownFile;
    private final Path lockFile;
    private final ScheduledExecutorService io;
    /**
     * Looks through the folder at start, apart from {@link #io} (the saving thread): whatever is found
     * there, autosaving goes on. Each file is read with a time limit ({@link AutosaveFolder}).
     */
    private final java.util.concurrent.ExecutorService scan;
    private volatile FileChannel lockChannel;
    private volatile FileLock lock;
    private boolean started;
    /** The latest unsaved state, or null when there is nothing unsaved. Set on the JavaFX thread. */
    private volatile Snapshot pending;
    /** The state last written; only used on the background thread. */
    private Snapshot written;

    public Autosave(Path dir, Duration interval) {
        this.dir = dir.toAbsolutePath();
        this.interval = interval;
        this.folder = new AutosaveFolder(this.dir);
        this.session = ProcessHandle.current().pid() + "-" + Long.toHexString(System.nanoTime())
                + Integer.toHexString(new java.util.Random().nextInt(1 << 16));
        this.ownFile = this.dir.resolve(AutosaveFolder.PREFIX + session + ".json");
        this.lockFile = this.dir.resolve(AutosaveFolder.PREFIX + session + ".lock");
        this.io = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "unrolled-autosave");
            t.setDaemon(true);
            return t;
        });
        this.scan = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "unrolled-autosave-scan");
            t.setDaemon(true);
            return t;
        });
    }

    /** {@code ~/.unrolled/autosave}, or the folder named by the system property {@code unrolled.autosave.dir}. */
    public static Path defaultDir() {
        String override = System.getProperty("unrolled.autosave.dir");
        return override != null && !override.isBlank() ? Path.of(override)
                : Path.of(System.getProperty("user.home"), ".unrolled", "autosave");
    }

    /**
     * Takes this session's lock and starts the timer. Returns false, and autosaving stays off, if the
     * folder cannot be used; the program goes on.
     */
    public synchronized boolean start() {
        if (started) {
            return lock != null;
        }
        started = true;
        try {
            Files.createDirectories(dir);
            lockChannel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            lock = lockChannel.tryLock();
        } catch (IOException | RuntimeException e) {
            System.err.println("unrolled: autosave is off: " + dir + " cannot be used ("
                    + (e instanceof IOException io ? AtomicFiles.describe(io) : e) + ")");
            closeLock();
            return false;
        }
        long ms = Math.max(1, interval.toMillis());
        io.scheduleWithFixedDelay(this::tick, ms, ms, TimeUnit.MILLISECONDS);
        return true;
    }

    /** Follows the model: call on the JavaFX thread. */
    public void track(AppModel model) {
        javafx.beans.InvalidationListener follow = o -> {
            Document d = model.document();
            update(d != null && model.dirtyProperty().get() ? new Snapshot(d.content(), d.file(), d.name()) : null);
        };
        model.documentProperty().addListener(follow);
        model.dirtyProperty().addListener(follow);
        follow.invalidated(null);
    }

    /** The current unsaved state, or null once there is none (saved or discarded): the autosave goes. */
    void update(Snapshot s) {
        Snapshot was = pending;
        pending = s;
        if (s == null && was != null && lock != null) {
            submit(this::deleteOwn);
        }
    }

    private void tick() {
        Snapshot s = pending;
        if (s == null || s == written || lock == null) {
            return;
        }
        try {
            AutosaveFile.write(ownFile, s);
            written = s;
        } catch (IOException | RuntimeException e) {
            System.err.println("unrolled: autosave failed: " + ownFile + ": "
                    + (e instanceof IOException io ? AtomicFiles.describe(io) : e));
        }
    }

    private void deleteOwn() {
        written = null;
        try {
            Files.deleteIfExists(ownFile);
        } catch (IOException e) {
            System.err.println("unrolled: " + ownFile + ": could not be removed (" + AtomicFiles.describe(e) + ")");
        }
    }

    /** {@link #start} and then {@link #orphans}, on a background thread (not the saving one). */
    java.util.concurrent.CompletableFuture<List<Recovered>> startAndFindOrphans() {
        return java.util.concurrent.CompletableFuture.supplyAsync(() -> {
            start();
            folder.sweepStaleLocks(lockFile);
            return orphans();
        }, scan);
    }

    /**
     * Recovered work is now this session's: writes it as this session's autosave, then removes the
     * old one (in that order, so that it is on disk throughout).
     */
    void adopt(Recovered r) {
        submit(this::tick);
        forget(r);
    }

    /** Writes the current unsaved state now, on the background thread, and waits for it. */
    void flush() {
        await(submit(this::tick));
    }

    /**
     * Autosaves left by sessions that ended without cleaning up, newest first. Reads files: call off
     * the JavaFX thread. Anything unreadable is ignored.
     */
    List<Recovered> orphans() {
        return folder.orphans(ownFile);
    }

    /** Removes a recovered autosave (restored or discarded), in the background, in order with other writes. */
    void forget(Recovered r) {
        submit(() -> folder.remove(r));
    }

    /**
     * A clean exit: stops, removes this session's autosave and lock. Waits for the background thread,
     * briefly.
     */
    @Override
    public void close() {
        pending = null;
        if (lock != null) {
            await(submit(() -> {
                deleteOwn();
                closeLock();
                try {
                    Files.deleteIfExists(lockFile);
                } catch (IOException e) {
                    // a stale lock file is harmless: nobody holds it
                }
            }));
        }
        io.shutdown();
        scan.shutdown();
    }

    /**
     * Stops without cleaning up, leaving the autosave and releasing the lock: what a crash leaves
     * behind. Tests use it to stand for a crash within one process.
     */
    void abandon() {
        await(submit(this::closeLock));
        io.shutdownNow();
        scan.shutdownNow();
    }

    private void closeLock() {
        try {
            if (lock != null) {
                lock.release();
            }
            if (lockChannel != null) {
                lockChannel.close();
            }
        } catch (IOException e) {
            // the channel is gone either way
        }
        lock = null;
        lockChannel = null;
    }

    /** This session's autosave file (written only while there are unsaved changes). */
    Path file() {
        return ownFile;
    }

    Path dir() {
        return dir;
    }

    private java.util.concurrent.Future<?> submit(Runnable r) {
        try {
            return io.submit(r);
        } catch (java.util.concurrent.RejectedExecutionException e) {
            return java.util.concurrent.CompletableFuture.completedFuture(null);
        }
    }

    private static void await(java.util.concurrent.Future<?> f) {
        try {
            f.get(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | java.util.concurrent.TimeoutException e) {
            // best effort at exit
        }
    }
}
