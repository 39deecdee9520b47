package org.unrolled.export;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.unrolled.document.DocumentTrace;
import org.unrolled.io.AtomicFiles;
import org.unrolled.io.Text;
import org.unrolled.view.StepSchedule;

/**
 * Writes an animation as numbered PNG frames and a {@code frames.json} manifest. With a source that
 * several threads may draw from ({@link FrameSource#concurrent}, Java2D's), each of a few lanes (two on two
 * cores) draws a frame and encodes it, then takes the next; with one that draws on one thread only (the
 * JavaFX one), the caller draws and worker threads encode. A few pixel buffers are reused, so memory stays
 * flat however many frames there are. Frames are moved into place in order, each complete or not at all (a
 * temporary file moved into place).
 *
 * <p>The manifest {@code frames.json} is written (atomically) before the first frame, marked
 * {@code "complete": false} with the plan ({@code framesPlanned}, the options), rewritten as frames
 * land (at most once every {@link #MANIFEST_INTERVAL_NANOS}) and rewritten a last time at the end. So
 * however the export stops — finished, cancelled, failed, or the process killed — the folder says what
 * it holds: every frame the manifest lists exists and is complete, and {@code complete} is true only
 * when every planned frame was written.
 */
public final class Exporter {
    public static final String MANIFEST = "frames.json";
    /** How often, at most, the manifest is rewritten while frames are being written. */
    static final long MANIFEST_INTERVAL_NANOS = 1_000_000_000L;
    /** The manifest's {@code status} while the export runs (and after a kill: nothing rewrote it). */
    static final String IN_PROGRESS = "in progress";
    /** The manifest's {@code status} once every planned frame is written. */
    static final String COMPLETE = "complete";

    /** Told after each frame written. */
    @FunctionalInterface
    public interface Progress {
        void frameWritten(int done, int total);
    }

    /** What was written. */
    public record Result(int framesWritten, int framesPlanned, boolean complete) {
    }

    private Exporter() {
    }

    /**
     * The name of a frame or manifest already in {@code dir} that an export with {@code o} could
     * overwrite, or null. Looks only: changes nothing on disk.
     */
    public static String existingFrame(Path dir, ExportOptions o) throws IOException {
        if (!Files.isDirectory(dir)) {
            return null;
        }
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir)) {
            for (Path p : entries) {
                String name = p.getFileName().toString();
                if (name.equals(MANIFEST) || name.equals(o.fileName(1)) || name.matches(globToRegex(o.pattern()))) {
                    return name;
                }
            }
        }
        return null;
    }

    /** Refuses a folder that already holds frames or a manifest; creates a missing one. */
    public static void prepareFolder(Path dir, ExportOptions o) throws ExportException {
        if (dir.toString().isEmpty()) {
            throw new ExportException("the output folder is empty; name a folder (\".\" for the current one)");
        }
        String name = Text.path(dir);
        try {
            if (Files.exists(dir) && !Files.isDirectory(dir)) {
                throw new ExportException(name + " is a file, not a folder");
            }
            String occupied = ExistingExport.describe(dir, o);
            if (occupied != null) {
                throw new ExportException(name + " " + occupied
                        + "; choose an empty or new folder, so that nothing is overwritten");
            }
            Files.createDirectories(dir);
            if (!Files.isWritable(dir)) {
                throw new ExportException(name + ": the folder is not writable (permission denied)");
            }
        } catch (AccessDeniedException e) {
            throw new ExportException(name + ": permission denied");
        } catch (IOException e) {
            throw new ExportException(name + ": cannot be used: " + describe(e));
        }
    }

    /** What a Throwable means to the user, in words: no class names (and never "java.lang.OutOfMemoryError"). */
    static String plain(Throwable e) {
        if (e instanceof OutOfMemoryError) {
            return "out of memory (Java may use " + Runtime.getRuntime().maxMemory() / (1024 * 1024) + " MB; a smaller "
                    + "frame size needs less)";
        }
        String m = e.getMessage();
        return Text.quote(e.getClass().getSimpleName() + (m == null ? "" : ": " + m), 300);
    }

    /** The file names a pattern makes, as a regular expression: frame_%04d.png matches frame_0001.png. */
    static String globToRegex(String pattern) {
        StringBuilder b = new StringBuilder();
        for (String part : pattern.split("%0?\\d*d", -1)) {
            if (b.length() > 0) {
                b.append("\\d+");
            }
            b.append(java.util.regex.Pattern.quote(part));
        }
        return b.toString();
    }

    /**
     * Renders and writes every frame of the plan into {@code dir} (prepared with {@link #prepareFolder}).
     * Stops early, with a manifest marked incomplete, when {@code cancel} is set.
     */
    public static Result run(DocumentTrace shown, ExportOptions o, Path dir, FrameSource source, Progress progress,
            AtomicBoolean cancel) throws ExportException {
        FramePlan plan;
        try {
            plan = new FramePlan(shown, o);
        } catch (IllegalArgumentException e) {
            throw new ExportException(e.getMessage());
        }
        int total = plan.count();
        Path folder = dir.toAbsolutePath().normalize();
        ManifestFile manifest = new ManifestFile(shown, o, dir, plan);
        try {
            // before any frame, and claiming the folder: of two exports started at once, one gets it
            manifest.claim();
        } catch (java.nio.file.FileAlreadyExistsException e) {
            throw new ExportException(Text.path(dir) + ": another export started in this folder at the same moment "
                    + "(its " + MANIFEST + " appeared after the folder was checked); nothing was written");
        } catch (IOException e) {
            throw new ExportException(Text.path(dir.resolve(MANIFEST)) + ": could not be written: " + describe(e)
                    + ". No frames were written.");
        }
        AtomicReference<String> failure = new AtomicReference<>();
        AtomicBoolean outOfMemory = new AtomicBoolean();
        int threads = MovieExporter.lanes(o.width(), o.height());
        Committer committer = new Committer(o, folder, total, progress, manifest, failure, outOfMemory,
                source.concurrent() ? 2 * threads : Integer.MAX_VALUE);
        if (source.concurrent()) {
            inLanes(source, plan, o, threads, cancel, committer);
        } else {
            drawThenEncode(source, plan, o, threads, cancel, committer);
        }
        int[] written = {committer.written()};
        boolean complete = failure.get() == null && !cancel.get() && written[0] == total;
        String status = complete ? COMPLETE : failure.get() != null ? "failed" : "cancelled";
        String manifestProblem = null;
        try {
            manifest.write(written[0], complete, status, failure.get());
        } catch (IOException e) {
            manifestProblem = describe(e);
            failure.compareAndSet(null, Text.path(dir.resolve(MANIFEST)) + ": could not be written: " + manifestProblem);
        }
        if (failure.get() != null) {
            int listed = Math.max(0, manifest.listed());
            String lists = manifestProblem == null ? MANIFEST + " lists them and marks the export incomplete (" + status + ")"
                    : MANIFEST + " could not be updated (" + manifestProblem + ") and lists " + listed + " of them, "
                            + "marked as still in progress";
            throw new ExportException(failure.get() + ". " + written[0] + " of " + total + " frames were written to "
                    + Text.path(dir) + "; " + lists + ".", outOfMemory.get());
        }
        return new Result(written[0], total, complete);
    }

    /**
     * Draws every frame (but the held ones) on the calling thread, one at a time in order, while {@code encoders} threads
     * encode the frames drawn: for a source that draws on one thread only (the JavaFX one).
     */
    private static void drawThenEncode(FrameSource source, FramePlan plan, ExportOptions o, int encoders,
            AtomicBoolean cancel, Committer committer) {
        int total = plan.count();
        AtomicReference<String> failure = committer.failure;
        AtomicBoolean outOfMemory = committer.outOfMemory;
        try {
            int buffers = encoders + 2; // one being drawn, one being encoded on each encoder, one waiting
            // taken as the renderer first needs them, not all before the first frame: while it is drawn no
            // encoder has work, and making every buffer first (zeroing 8 MB each at 1080p) delayed it
            BlockingQueue<int[]> free = new ArrayBlockingQueue<>(buffers);
            int made = 0;
            BlockingQueue<Job> jobs = new ArrayBlockingQueue<>(buffers + encoders);
            List<Thread> threads = new ArrayList<>();
            for (int k = 0; k < encoders; k++) {
                Thread encoder = new Thread(() -> encodeLoop(o, jobs, free, committer), "unrolled-png-encoder-" + (k + 1));
                encoder.setDaemon(true);
                encoder.start();
                threads.add(encoder);
            }
            try {
                for (int i = 0; i < total && !cancel.get() && failure.get() == null; i++) {
                    if (plan.repeatsPrevious(i)) {
                        // to the encoders, which write it: the caller never writes a file, so an interrupt
                        // (Ctrl+C) cannot break a write in progress
                        jobs.put(new Job(i, null));
                        continue;
                    }
                    int[] pixels = free.poll();
                    if (pixels == null && made < buffers) {
                        try {
                            pixels = PixelBuffers.take(o.width() * o.height());
                            made++;
                        } catch (OutOfMemoryError e) {
                            if (made == 0) {
                                outOfMemory.set(true);
                                failure.compareAndSet(null, "the frames could not be drawn: " + plain(e));
                                break;
                            }
                            buffers = made; // goes on with the buffers it has
                        }
                    }
                    if (pixels == null) {
                        pixels = free.take();
                    }
                    try {
                        source.render(plan, i, pixels);
                    } catch (InterruptedException e) {
                        throw e; // cancelled while the frame was being drawn (Ctrl+C, SIGTERM): not a failure
                    } catch (Exception | Error e) {
                        if (cancel.get() || shuttingDown()) {
                            // Ctrl+C or SIGTERM: JavaFX stops its renderer as the JVM shuts down, so the frame
                            // being drawn fails; that is the cancellation, not a failure of the export
                            cancel.set(true);
                            break;
                        }
                        outOfMemory.compareAndSet(false, e instanceof OutOfMemoryError);
                        failure.compareAndSet(null, "frame " + (i + 1) + " could not be drawn: " + plain(e));
                        break;
                    }
                    jobs.put(new Job(i, pixels));
                }
                for (int k = 0; k < encoders; k++) {
                    jobs.put(Job.END);
                }
                for (Thread t : threads) {
                    t.join();
                }
                // every encoder has ended and given its buffer back: the next export can use them
                PixelBuffers.giveBack(free);
            } catch (InterruptedException e) {
                // cancelled while waiting (Ctrl+C, SIGTERM): let the encoders write what they hold and stop, so
                // that their own progress note cannot overwrite the "cancelled" written below. The interrupt is
                // not raised again: the manifest must still be written, and an interrupted file write fails.
                cancel.set(true);
                committer.stop();
                try {
                    for (int k = 0; k < encoders; k++) {
                        jobs.offer(Job.END, 2, java.util.concurrent.TimeUnit.SECONDS);
                    }
                    for (Thread t : threads) {
                        t.join(5000);
                    }
                } catch (InterruptedException again) {
                    // stopping twice: write the manifest all the same
                }
            }
        } catch (OutOfMemoryError e) {
            // the pixel buffers themselves: the manifest still says what happened
            outOfMemory.set(true);
            failure.compareAndSet(null, "the frames could not be drawn: " + plain(e));
        }
    }

    /**
     * Draws and encodes on {@code lanes} threads at once: each takes the next frame of the plan, draws it
     * into its own buffer and encodes it. For a source that several threads may draw from: no frame waits
     * for another thread to draw it or hand it over, so every core has work from the first frame to the
     * last. A lane does not run more than the committer's window ahead of the frames written.
     */
    private static void inLanes(FrameSource source, FramePlan plan, ExportOptions o, int lanes, AtomicBoolean cancel,
            Committer committer) {
        AtomicInteger next = new AtomicInteger();
        AtomicInteger withoutBuffer = new AtomicInteger();
        LastFrameHalves last = new LastFrameHalves(o.width(), o.height());
        List<int[]> used = java.util.Collections.synchronizedList(new ArrayList<>());
        List<Future<?>> running = new ArrayList<>();
        for (int k = 0; k < lanes; k++) {
            running.add(LANES.submit(() -> {
                int[] pixels;
                try {
                    pixels = PixelBuffers.take(o.width() * o.height());
                } catch (OutOfMemoryError e) {
                    // the other lanes go on with the buffers they have; with none at all, the export fails
                    if (withoutBuffer.incrementAndGet() == lanes) {
                        committer.outOfMemory.set(true);
                        committer.failure.compareAndSet(null, "the frames could not be drawn: " + plain(e));
                    }
                    return;
                }
                try {
                    drawAndEncode(source, plan, o, cancel, committer, next, pixels, last);
                } catch (Throwable t) {
                    // escaped drawAndEncode (out of memory while reporting a failure, say): the frame this lane
                    // held will never be written, so no other lane may wait for it
                    committer.stop();
                    throw t;
                } finally {
                    used.add(pixels);
                }
            }));
        }
        try {
            for (Future<?> lane : running) {
                lane.get();
            }
            PixelBuffers.giveBack(used);
        } catch (ExecutionException e) {
            // drawAndEncode reports what fails; only something beyond it (a bug) ends up here
            committer.failure.compareAndSet(null, "the export stopped: " + plain(e.getCause()));
            stopLanes(committer, running);
        } catch (InterruptedException e) {
            // cancelled while waiting (Ctrl+C, SIGTERM): the lanes end after the frame each holds, and the
            // interrupt is not raised again, so that the manifest can still be written
            cancel.set(true);
            stopLanes(committer, running);
        }
    }

    /** No more frames are written; waits a moment for each lane to finish the frame it holds. */
    private static void stopLanes(Committer committer, List<Future<?>> running) {
        committer.stop();
        for (Future<?> lane : running) {
            try {
                lane.get(5, TimeUnit.SECONDS);
            } catch (InterruptedException | ExecutionException | TimeoutException | java.util.concurrent.CancellationException e) {
                // stopping twice, or a lane that does not end: the manifest is written all the same
            }
        }
    }

    /**
     * One lane's work: the next frame of the plan, drawn, encoded and committed, until none is left. A
     * lane that ends holding a frame it has not committed stops the committer, so that no other lane
     * waits for that frame to be written.
     */
    private static void drawAndEncode(FrameSource source, FramePlan plan, ExportOptions o, AtomicBoolean cancel,
            Committer committer, AtomicInteger next, int[] pixels, LastFrameHalves last) {
        int total = plan.count();
        while (!cancel.get() && committer.going()) {
            int i = next.getAndIncrement();
            if (i >= total) {
                // nothing left to draw: help with the last frame, and work out the finished export's manifest
                last.help(() -> {
                    if (!cancel.get() && committer.running()) {
                        committer.manifest.prepareComplete();
                    }
                }, () -> cancel.get() || !committer.running());
                return;
            }
            // (a network frame never repeats the one before: its position moves on every frame)
            byte[] png = pngOf(source, plan, o, cancel, committer, i, pixels, i == total - 1 ? last : null);
            if (png == null) {
                if (!cancel.get()) {
                    committer.stop(); // cancelled, the frames finished before it are still written
                }
                return;
            }
            committer.commit(i, png);
        }
    }

    /**
     * Frame {@code i} as PNG bytes, or null when the export stops first (its failure recorded). The last frame
     * ({@code last} not null) is offered to the lanes that have nothing left, to compress its lower half.
     */
    private static byte[] pngOf(FrameSource source, FramePlan plan, ExportOptions o, AtomicBoolean cancel,
            Committer committer, int i, int[] pixels, LastFrameHalves last) {
        try {
            if (!committer.awaitRoom(i, cancel)) {
                return null;
            }
            try {
                source.render(plan, i, pixels);
            } catch (Exception | Error e) {
                if (cancel.get() || shuttingDown()) {
                    cancel.set(true);
                    return null;
                }
                committer.outOfMemory.compareAndSet(false, e instanceof OutOfMemoryError);
                committer.failure.compareAndSet(null, "frame " + (i + 1) + " could not be drawn: " + plain(e));
                return null;
            }
            try {
                return last == null ? encode(pixels, o.width(), o.height()) : last.encode(pixels);
            } catch (RuntimeException | Error e) {
                committer.failed(i, e);
                return null;
            }
        } finally {
            if (last != null) {
                last.close();
            }
        }
    }

    /**
     * The lanes' threads, kept between exports (a minute idle): a thread's first frames are slower (Java2D's
     * rasteriser sizes its work arrays per thread), and a window's repeated exports need not pay that again.
     */
    private static final ExecutorService LANES = Executors.newCachedThreadPool(new ThreadFactory() {
        private final AtomicInteger made = new AtomicInteger();

        @Override
        public Thread newThread(Runnable r) {
            Thread t = new Thread(r, "unrolled-export-lane-" + made.incrementAndGet());
            t.setDaemon(true);
            return t;
        }
    });

    /** What a frame that repeats the one before ({@link FramePlan#repeatsPrevious}) is committed as. */
    private static final byte[] SAME_AS_BEFORE = new byte[0];

    private record Job(int index, int[] pixels) {
        static final Job END = new Job(-1, null);
    }

    /**
     * Encodes frames as they come, on several threads at once (PNG frames are independent); the pixel
     * buffer goes back to the renderer as soon as its frame is encoded.
     */
    private static void encodeLoop(ExportOptions o, BlockingQueue<Job> jobs, BlockingQueue<int[]> free,
            Committer committer) {
        try {
            while (true) {
                Job job = jobs.take();
                if (job == Job.END) {
                    return;
                }
                if (job.pixels() == null) {
                    committer.commit(job.index(), SAME_AS_BEFORE); // a held frame: the bytes of the one before
                    continue;
                }
                byte[] png = null;
                try {
                    if (committer.going()) {
                        png = encode(job.pixels(), o.width(), o.height());
                    }
                } catch (RuntimeException | Error e) {
                    // keep taking jobs, so that the renderer is never left waiting on a dead encoder
                    committer.failed(job.index(), e);
                } finally {
                    free.put(job.pixels());
                }
                if (png != null) {
                    committer.commit(job.index(), png);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * Moves encoded frames into place in frame order, whichever encoder finished first: so the frames on
     * disk are always the first {@link #written()} of the plan, as the manifest lists them.
     */
    private static final class Committer {
        private final ExportOptions o;
        private final Path folder;
        private final int total;
        private final Progress progress;
        final ManifestFile manifest;
        final AtomicReference<String> failure;
        final AtomicBoolean outOfMemory;
        /** How far ahead of the frames written a frame may be begun ({@link #awaitRoom}). */
        private final int window;
        private final Map<Integer, byte[]> waiting = new HashMap<>();
        /** The bytes of the frame written last: a frame that repeats it is written with them. */
        private byte[] last;
        private int written;
        private volatile boolean stopped;
        private long lastManifest = System.nanoTime();

        Committer(ExportOptions o, Path folder, int total, Progress progress, ManifestFile manifest,
                AtomicReference<String> failure, AtomicBoolean outOfMemory, int window) {
            this.o = o;
            this.window = window;
            this.folder = folder;
            this.total = total;
            this.progress = progress;
            this.manifest = manifest;
            this.failure = failure;
            this.outOfMemory = outOfMemory;
        }

        boolean going() {
            return failure.get() == null;
        }

        /** Neither failed nor stopped (read without the lock: for a lane waiting on something else). */
        boolean running() {
            return going() && !stopped;
        }

        synchronized int written() {
            return written;
        }

        /** No more frames are written (the export is being stopped). */
        synchronized void stop() {
            stopped = true;
            notifyAll();
        }

        /**
         * Waits until frame {@code index} lies within the window of the next frame to be written, so that
         * frames finished out of order cannot pile up in memory. False if the export stops, fails or is
         * cancelled meanwhile.
         */
        synchronized boolean awaitRoom(int index, AtomicBoolean cancel) {
            try {
                while (index >= written + window && going() && !stopped && !cancel.get()) {
                    wait(100); // woken by each frame written; the timeout notices a failure or a cancel set elsewhere
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
            return going() && !stopped && !cancel.get();
        }

        void failed(int index, Throwable e) {
            outOfMemory.compareAndSet(false, e instanceof OutOfMemoryError);
            failure.compareAndSet(null, Text.path(folder.resolve(o.fileName(index + 1L))) + ": could not be encoded: "
                    + plain(e));
        }

        synchronized void commit(int index, byte[] png) {
            waiting.put(index, png);
            while (waiting.containsKey(written) && failure.get() == null && !stopped) {
                byte[] taken = waiting.remove(written);
                byte[] next = taken == SAME_AS_BEFORE ? last : taken;
                last = next;
                Path file = folder.resolve(o.fileName(written + 1L)).normalize();
                try {
                    if (!folder.equals(file.getParent())) {
                        // the pattern is checked to be a plain name; this holds even if that check were wrong
                        throw new IOException("the name leaves the folder " + folder);
                    }
                    AtomicFiles.write(file, out -> out.write(next));
                    written++;
                    notifyAll();
                    long now = System.nanoTime();
                    if (now - lastManifest >= MANIFEST_INTERVAL_NANOS && written < total) {
                        // frames are written in order: the first written are all in place
                        file = folder.resolve(MANIFEST);
                        manifest.write(written, false, IN_PROGRESS, null);
                        lastManifest = now;
                    }
                    progress.frameWritten(written, total);
                } catch (IOException e) {
                    failure.compareAndSet(null, Text.path(file) + ": could not be written: " + describe(e));
                } catch (RuntimeException | Error e) {
                    outOfMemory.compareAndSet(false, e instanceof OutOfMemoryError);
                    failure.compareAndSet(null, Text.path(file) + ": could not be written: " + plain(e));
                }
            }
        }
    }

    /**
     * PNG bytes of packed ARGB pixels (drawn opaque, so stored as RGB), compressed on the calling thread
     * ({@link PngFrames}: the same bytes however many cores, for a given Java runtime's zlib). The export
     * gets its parallelism from encoding frames at once, and the two halves of its last frame.
     */
    public static byte[] encode(int[] argb, int width, int height) {
        return PngFrames.encode(argb, width, height);
    }

    /** True once the JVM has begun to shut down (Ctrl+C, a kill, or the end of main). */
    public static boolean isShuttingDown() {
        return shuttingDown();
    }

    /** True once the JVM has begun to shut down (a hook can no longer be added then). */
    static boolean shuttingDown() {
        Thread probe = new Thread(() -> { });
        try {
            Runtime.getRuntime().addShutdownHook(probe);
            Runtime.getRuntime().removeShutdownHook(probe);
            return false;
        } catch (IllegalStateException e) {
            return true;
        }
    }

    static String describe(IOException e) {
        return AtomicFiles.describe(e);
    }
}
