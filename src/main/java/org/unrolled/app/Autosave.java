package org.unrolled.app;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.unrolled.engine.Scenario;
import org.unrolled.io.AtomicFiles;
import org.unrolled.io.ScenarioReader;
import org.unrolled.io.ScenarioWriter;

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
    static final String FORMAT = "unrolled-autosave/1";
    private static final String PREFIX = "autosave-";
    private static final ObjectMapper JSON = new ObjectMapper();

    /** What is autosaved: the scenario, the file it belongs to (null for a sample) and its name. */
    record Snapshot(Scenario scenario, Path file, String name) {
    }

    /** An autosave left behind by a session that did not end cleanly. */
    record Recovered(Path path, Scenario scenario, Path file, String name, Instant savedAt) {
    }

    private final Path dir;
    private final Duration interval;
    private final String session;
    private final Path ownFile;
    private final Path lockFile;
    private final ScheduledExecutorService io;
    /**
     * Looks through the folder at start, apart from {@link #io} (the saving thread): whatever is found
     * there, autosaving goes on. Each file is read on a thread of {@link #READERS} with a time limit.
     */
    private final java.util.concurrent.ExecutorService scan;
    /** Reads candidate autosaves; a read that never returns (a network share, a pipe swapped in) is abandoned. */
    private static final java.util.concurrent.ExecutorService READERS = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "unrolled-autosave-read");
        t.setDaemon(true);
        return t;
    });
    /** How long one autosave may take to read before it is skipped. */
    static final Duration READ_LIMIT = Duration.ofSeconds(5);
    /** Largest autosave read: a scenario of the largest size, and its few fields around it. */
    private static final long MAX_AUTOSAVE_BYTES = org.unrolled.io.Limits.MAX_FILE_BYTES + (1 << 20);
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
        this.session = ProcessHandle.current().pid() + "-" + Long.toHexString(System.nanoTime())
                + Integer.toHexString(new java.util.Random().nextInt(1 << 16));
        this.ownFile = this.dir.resolve(PREFIX + session + ".json");
        this.lockFile = this.dir.resolve(PREFIX + session + ".lock");
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
            update(d != null && model.dirtyProperty().get() ? new Snapshot(d.scenario(), d.file(), d.name()) : null);
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
            write(s);
            written = s;
        } catch (IOException | RuntimeException e) {
            System.err.println("unrolled: autosave failed: " + ownFile + ": "
                    + (e instanceof IOException io ? AtomicFiles.describe(io) : e));
        }
    }

    private void write(Snapshot s) throws IOException {
        ByteArrayOutputStream scenario = new ByteArrayOutputStream();
        ScenarioWriter.write(s.scenario(), scenario);
        AtomicFiles.writeDurably(ownFile, out -> {
            try (JsonGenerator g = JSON.getFactory().createGenerator(out, JsonEncoding.UTF8)) {
                g.setPrettyPrinter(new DefaultPrettyPrinter());
                g.writeStartObject();
                g.writeStringField("format", FORMAT);
                g.writeStringField("savedAt", Instant.now().toString());
                g.writeStringField("file", s.file() == null ? null : s.file().toAbsolutePath().toString());
                g.writeStringField("name", s.name());
                g.writeFieldName("scenario");
                g.writeRawValue(scenario.toString(StandardCharsets.UTF_8).strip());
                g.writeEndObject();
                g.writeRaw('\n');
            }
        });
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
            sweepStaleLocks();
            return orphans();
        }, scan);
    }

    /** A regular file, not a link, pipe or device: the only thing ever opened in the autosave folder. */
    private static boolean plainFile(Path p) {
        return Files.isRegularFile(p, java.nio.file.LinkOption.NOFOLLOW_LINKS);
    }

    /** Removes lock files of ended sessions that left no autosave (a crash with nothing unsaved). */
    void sweepStaleLocks() {
        if (!Files.isDirectory(dir)) {
            return;
        }
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir, PREFIX + "*.lock")) {
            for (Path p : entries) {
                String name = p.getFileName().toString();
                Path json = p.resolveSibling(name.substring(0, name.length() - ".lock".length()) + ".json");
                // a lock file younger than a minute may belong to a session that is just starting
                boolean old = Files.getLastModifiedTime(p).toInstant().isBefore(Instant.now().minusSeconds(60));
                if (!p.equals(lockFile) && plainFile(p) && old && !Files.exists(json) && !isLive(json)) {
                    Files.deleteIfExists(p);
                }
            }
        } catch (IOException | RuntimeException e) {
            // left for next time
        }
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
        List<Recovered> found = new ArrayList<>();
        if (!Files.isDirectory(dir)) {
            return found;
        }
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir, PREFIX + "*.json")) {
            for (Path p : entries) {
                if (p.equals(ownFile) || !plainFile(p) || isLive(p)) {
                    continue; // a pipe would block the read for ever, a device never end
                }
                Recovered r = readWithin(p, READ_LIMIT);
                if (r != null) {
                    found.add(r);
                }
            }
        } catch (IOException | RuntimeException e) {
            // an unreadable folder: nothing to offer
        }
        found.sort(Comparator.comparing(Recovered::savedAt).reversed());
        return found;
    }

    /** {@link #read}, given up after {@code limit}: a read that hangs costs a thread, never the start. */
    static Recovered readWithin(Path p, Duration limit) {
        java.util.concurrent.Future<Recovered> f = READERS.submit(() -> read(p));
        try {
            return f.get(limit.toMillis(), TimeUnit.MILLISECONDS);
        } catch (java.util.concurrent.TimeoutException e) {
            f.cancel(true);
            System.err.println("unrolled: an autosave took too long to read and is not offered: "
                    + org.unrolled.io.Text.path(p));
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        } catch (ExecutionException e) {
            return null;
        }
    }

    /** Whether the session that wrote {@code json} still runs (holds its lock). */
    private static boolean isLive(Path json) {
        String name = json.getFileName().toString();
        Path lockOf = json.resolveSibling(name.substring(0, name.length() - ".json".length()) + ".lock");
        if (!plainFile(lockOf)) {
            return false; // no lock file (or something planted in its place, never opened): nobody holds it
        }
        try (FileChannel ch = FileChannel.open(lockOf, StandardOpenOption.WRITE)) {
            FileLock l = ch.tryLock();
            if (l == null) {
                return true; // held by another running process
            }
            l.release();
            return false;
        } catch (OverlappingFileLockException e) {
            return true; // held by another window in this process
        } catch (IOException e) {
            return false; // no lock file: nobody holds it
        }
    }

    /** The autosave in {@code p}, or null if it cannot be read as one. */
    static Recovered read(Path p) {
        try {
            JsonNode root = JSON.readTree(org.unrolled.io.SafeFiles.readRegular(p, MAX_AUTOSAVE_BYTES));
            if (root == null || !FORMAT.equals(root.path("format").asText()) || !root.path("scenario").isObject()) {
                return null;
            }
            Scenario s = ScenarioReader.parse(JSON.writeValueAsString(root.get("scenario")), p.toString());
            String file = root.path("file").isTextual() ? root.get("file").asText() : null;
            Instant at = Instant.parse(root.path("savedAt").asText());
            String name = root.path("name").asText(file == null ? s.title() : Path.of(file).getFileName().toString());
            return new Recovered(p, s, file == null ? null : Path.of(file), name, at);
        } catch (IOException | RuntimeException | OutOfMemoryError | org.unrolled.io.ScenarioException e) {
            // not offered, but said: work that cannot be restored should not vanish without a word
            String why = e instanceof com.fasterxml.jackson.core.JsonProcessingException j && j.getLocation() != null
                    ? "not valid JSON at line " + j.getLocation().getLineNr() + ", column " + j.getLocation().getColumnNr()
                    : e instanceof OutOfMemoryError ? "out of memory" : String.valueOf(e.getMessage());
            System.err.println("unrolled: an autosave cannot be read and is not offered: " + org.unrolled.io.Text.path(p)
                    + ": " + org.unrolled.io.Text.quote(why, 500));
            return null;
        }
    }

    /** Removes a recovered autosave (restored or discarded), in the background, in order with other writes. */
    void forget(Recovered r) {
        submit(() -> {
            String json = r.path().getFileName().toString();
            String base = json.substring(0, json.length() - ".json".length());
            try {
                Files.deleteIfExists(r.path());
                Files.deleteIfExists(r.path().resolveSibling(base + ".lock"));
                // a temporary file the crash left half-written
                try (DirectoryStream<Path> parts = Files.newDirectoryStream(dir, "." + json + ".*.part")) {
                    for (Path part : parts) {
                        Files.deleteIfExists(part);
                    }
                }
            } catch (IOException e) {
                System.err.println("unrolled: " + r.path() + ": could not be removed (" + AtomicFiles.describe(e) + ")");
            }
        });
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
