package org.unrolled.export;

import org.unrolled.document.DocumentTrace;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.unrolled.engine.Trace;
import org.unrolled.view.StepSchedule;

/**
 * The animation as one file, an animated GIF or an H.264 MP4, frame for frame what the PNG export writes
 * ({@link FramePlan}, the same {@link FrameSource}). Frames are rendered on the caller's source while
 * earlier ones are encoded on {@link #lanes} worker threads, through a few reused buffers: encoding is
 * the slow part (H.264 or a GIF's palette and LZW take several times a frame's drawing), and one encoder
 * thread would leave the other core idle. A lane encodes whole runs of frames that depend only on each
 * other ({@link MovieWriter#run()}: one frame for a GIF, the frames between two key frames for an MP4),
 * and the frames are written in order, so the file is the same whatever the number of lanes or the
 * order in which they finish. The file is written under a temporary name beside the target
 * ({@link SingleFile}) and moved into place only when every frame is in: a cancelled, failed or killed
 * export never leaves a file that looks done.
 */
public final class MovieExporter {
    private MovieExporter() {
    }

    /** Which animation format. */
    public enum Kind { GIF, MP4 }

    /**
     * Encoder threads for frames of {@code width × height}: at least two (encoding is the slow part, and
     * the target is two cores), up to four on a machine with more cores; fewer when their buffers (about
     * two frames each, and two frames more for the renderer) would take over half the memory Java may use.
     */
    static int lanes(int width, int height) {
        long frame = 4L * width * height;
        int lanes = Math.max(2, Math.min(4, Runtime.getRuntime().availableProcessors()));
        while (lanes > 1 && (2 + 2L * lanes) * frame > Runtime.getRuntime().maxMemory() / 2) {
            lanes--;
        }
        return lanes;
    }

    /**
     * Renders every frame of the plan into {@code file} (which must not exist). Returns how many frames
     * were written; the file exists afterwards only if the result is complete.
     */
    public static Exporter.Result run(DocumentTrace trace, ExportOptions o, Kind kind, Path file, FrameSource source,
            Exporter.Progress progress, AtomicBoolean cancel) throws ExportException {
        return run(trace, o, kind, file, source, progress, cancel, lanes(o.width(), o.height()));
    }

    /** As the public {@code run}, on {@code lanes} encoder threads (the file does not depend on how many). */
    static Exporter.Result run(DocumentTrace trace, ExportOptions o, Kind kind, Path file, FrameSource source,
            Exporter.Progress progress, AtomicBoolean cancel, int lanes) throws ExportException {
        FramePlan plan = new FramePlan(trace, o);
        int total = plan.count();
        SingleFile target = SingleFile.claim(file);
        AtomicReference<String> failure = new AtomicReference<>();
        boolean complete = false;
        Ordered<?> ordered = null;
        try (MovieWriter<?> writer = open(kind, target.temporary(), o)) {
            ordered = new Ordered<>(writer, lanes, total, progress, failure, file);
            ordered.start();
            try {
                for (int i : order(total, writer.run(), ordered.lanes.size())) {
                    if (cancel.get() || failure.get() != null) {
                        break;
                    }
                    int[] px = ordered.free.take();
                    if (px.length == 0) {
                        px = new int[o.width() * o.height()];
                    }
                    try {
                        source.render(plan, i, px);
                    } catch (Exception e) {
                        ordered.free.put(px);
                        failure.compareAndSet(null, "frame " + (i + 1) + " could not be drawn: " + e);
                        break;
                    }
                    ordered.submit(i, px);
                }
                ordered.stop();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                cancel.set(true);
                ordered.stopQuickly();
            }
            complete = failure.get() == null && !cancel.get() && ordered.written() == total;
            if (complete) {
                writer.finish();
                target.commit();
            }
        } catch (IOException e) {
            failure.compareAndSet(null, file + ": could not be written: " + Exporter.describe(e));
        } catch (ExportException e) {
            failure.compareAndSet(null, e.getMessage());
        } finally {
            target.abandonIfUncommitted();
        }
        int written = ordered == null ? 0 : ordered.written();
        if (failure.get() != null) {
            throw new ExportException(failure.get() + " (" + written + " of " + total
                    + " frames were encoded; no file was left under the name " + file.getFileName() + ")");
        }
        return new Exporter.Result(written, total, complete);
    }

    /**
     * The order frames are rendered in: runs of {@code run} frames go to the lanes in turn ({@link #lane}),
     * and the frames of the runs being encoded at once are interleaved, so that every lane has work.
     */
    static int[] order(int total, int run, int lanes) {
        int[] order = new int[total];
        int n = 0;
        int group = run * lanes;
        for (int first = 0; first < total; first += group) {
            for (int k = 0; k < run; k++) {
                for (int l = 0; l < lanes; l++) {
                    int i = first + l * run + k;
                    if (i < total) {
                        order[n++] = i;
                    }
                }
            }
        }
        return order;
    }

    /** The lane that encodes frame {@code i}. */
    static int lane(int i, int run, int lanes) {
        return i / run % lanes;
    }

    /** The lanes, the pixel buffers they share with the renderer, and the frames waiting for their turn. */
    private static final class Ordered<E> {
        private static final int[] END = new int[0];
        private final MovieWriter<E> writer;
        private final int total;
        private final Exporter.Progress progress;
        private final AtomicReference<String> failure;
        private final Path file;
        final List<Thread> lanes = new ArrayList<>();
        private final List<BlockingQueue<Job>> jobs = new ArrayList<>();
        final BlockingQueue<int[]> free;
        private final Map<Integer, E> waiting = new HashMap<>();
        private int next;

        private record Job(int index, int[] pixels) {
        }

        Ordered(MovieWriter<E> writer, int n, int total, Exporter.Progress progress, AtomicReference<String> failure,
                Path file) {
            this.writer = writer;
            this.total = total;
            this.progress = progress;
            this.failure = failure;
            this.file = file;
            int buffers = n + 2; // one being drawn, one waiting for each lane, and one spare
            free = new ArrayBlockingQueue<>(buffers);
            for (int k = 0; k < buffers; k++) {
                free.add(new int[0]); // allocated on first use: a short export needs fewer
            }
            for (int l = 0; l < n; l++) {
                BlockingQueue<Job> queue = new ArrayBlockingQueue<>(buffers + 1);
                jobs.add(queue);
                MovieWriter.Lane<E> lane = writer.lane();
                Thread t = new Thread(() -> encodeLoop(lane, queue), "unrolled-movie-encoder-" + (l + 1));
                t.setDaemon(true);
                lanes.add(t);
            }
        }

        void start() {
            lanes.forEach(Thread::start);
        }

        void submit(int index, int[] px) throws InterruptedException {
            jobs.get(lane(index, writer.run(), lanes.size())).put(new Job(index, px));
        }

        /** Lets the lanes finish what they hold and waits for them. */
        void stop() throws InterruptedException {
            for (BlockingQueue<Job> q : jobs) {
                q.put(new Job(-1, END));
            }
            for (Thread t : lanes) {
                t.join();
            }
        }

        /** After an interrupt: asks the lanes to stop and waits a little, so that none writes after the file is closed. */
        void stopQuickly() {
            try {
                for (BlockingQueue<Job> q : jobs) {
                    q.offer(new Job(-1, END), 2, TimeUnit.SECONDS);
                }
                for (Thread t : lanes) {
                    t.join(5000);
                }
            } catch (InterruptedException again) {
                // stopping twice: give up waiting
            }
        }

        synchronized int written() {
            return next;
        }

        private void encodeLoop(MovieWriter.Lane<E> lane, BlockingQueue<Job> queue) {
            try {
                for (Job job = queue.take(); job.pixels() != END; job = queue.take()) {
                    if (failure.get() != null) {
                        free.put(job.pixels()); // keep taking frames, so that the renderer is never left waiting
                        continue;
                    }
                    E encoded;
                    try {
                        try {
                            lane.load(job.index(), job.pixels());
                        } finally {
                            free.put(job.pixels()); // the lane holds its own copy: the renderer may go on
                        }
                        encoded = lane.encode();
                    } catch (IOException | RuntimeException e) {
                        failure.compareAndSet(null, file + ": frame " + (job.index() + 1) + " could not be encoded: "
                                + e.getMessage());
                        continue;
                    }
                    deliver(job.index(), encoded);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }

        /** Writes the frame, and those that waited for it, in order. */
        private synchronized void deliver(int index, E encoded) {
            waiting.put(index, encoded);
            for (E e = waiting.remove(next); e != null && failure.get() == null; e = waiting.remove(next)) {
                try {
                    writer.write(next, e);
                } catch (IOException | RuntimeException ex) {
                    failure.compareAndSet(null, file + ": frame " + (next + 1) + " could not be written: "
                            + ex.getMessage());
                    return;
                }
                next++;
                progress.frameWritten(next, total);
            }
        }
    }

    private static MovieWriter<?> open(Kind kind, Path file, ExportOptions o) throws IOException {
        return kind == Kind.GIF ? new GifWriter(file, o.width(), o.height(), o.fps())
                : new Mp4Writer(file, o.width(), o.height(), o.fps());
    }
}
