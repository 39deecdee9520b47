package org.unrolled.export;

import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.unrolled.engine.Trace;
import org.unrolled.view.StepSchedule;

/**
 * The animation as one file, an animated GIF or an H.264 MP4, frame for frame what the PNG export writes
 * ({@link FramePlan}, the same {@link FrameSource}). As in {@link Exporter}, frames are rendered on the
 * caller's source while the previous ones are encoded on a worker thread, through a few reused buffers.
 * The file is written under a temporary name beside the target ({@link SingleFile}) and moved into place
 * only when every frame is in: a cancelled, failed or killed export never leaves a file that looks done.
 */
public final class MovieExporter {
    private static final int BUFFERS = 3;

    private MovieExporter() {
    }

    /** Which animation format. */
    public enum Kind { GIF, MP4 }

    /**
     * Renders every frame of the plan into {@code file} (which must not exist). Returns how many frames
     * were written; the file exists afterwards only if the result is complete.
     */
    public static Exporter.Result run(Trace trace, ExportOptions o, Kind kind, Path file, FrameSource source,
            Exporter.Progress progress, AtomicBoolean cancel) throws ExportException {
        FramePlan plan = new FramePlan(new StepSchedule(trace), o);
        int total = plan.count();
        SingleFile target = SingleFile.claim(file);
        AtomicReference<String> failure = new AtomicReference<>();
        int[] written = {0};
        boolean complete = false;
        try (MovieWriter writer = open(kind, target.temporary(), o)) {
            BlockingQueue<int[]> free = new ArrayBlockingQueue<>(BUFFERS);
            for (int k = 0; k < BUFFERS; k++) {
                free.add(new int[o.width() * o.height()]);
            }
            BlockingQueue<int[]> jobs = new ArrayBlockingQueue<>(BUFFERS + 1);
            int[] end = new int[0];
            Thread encoder = new Thread(() -> encodeLoop(writer, jobs, free, end, failure, written, total, progress, file),
                    "unrolled-" + kind.name().toLowerCase(java.util.Locale.ROOT) + "-encoder");
            encoder.setDaemon(true);
            encoder.start();
            try {
                for (int i = 0; i < total && !cancel.get() && failure.get() == null; i++) {
                    int[] px = free.take();
                    try {
                        source.render(plan, i, px);
                    } catch (Exception e) {
                        failure.compareAndSet(null, "frame " + (i + 1) + " could not be drawn: " + e);
                        break;
                    }
                    jobs.put(px);
                }
                jobs.put(end);
                encoder.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                cancel.set(true);
            }
            complete = failure.get() == null && !cancel.get() && written[0] == total;
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
        if (failure.get() != null) {
            throw new ExportException(failure.get() + " (" + written[0] + " of " + total
                    + " frames were encoded; no file was left under the name " + file.getFileName() + ")");
        }
        return new Exporter.Result(written[0], total, complete);
    }

    private static void encodeLoop(MovieWriter writer, BlockingQueue<int[]> jobs, BlockingQueue<int[]> free,
            int[] end, AtomicReference<String> failure, int[] written, int total, Exporter.Progress progress, Path file) {
        try {
            for (int[] px = jobs.take(); px != end; px = jobs.take()) {
                if (failure.get() == null) {
                    try {
                        writer.add(px);
                        written[0]++;
                        progress.frameWritten(written[0], total);
                    } catch (IOException | RuntimeException e) {
                        // keep taking frames, so that the renderer is never left waiting on a dead encoder
                        failure.compareAndSet(null, file + ": frame " + (written[0] + 1) + " could not be encoded: "
                                + e.getMessage());
                    }
                }
                free.put(px);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static MovieWriter open(Kind kind, Path file, ExportOptions o) throws IOException {
        return kind == Kind.GIF ? new GifWriter(file, o.width(), o.height(), o.fps())
                : new Mp4Writer(file, o.width(), o.height(), o.fps());
    }
}
