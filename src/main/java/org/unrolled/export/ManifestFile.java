package org.unrolled.export;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicReference;
import org.unrolled.document.DocumentTrace;
import org.unrolled.io.AtomicFiles;

/**
 * A PNG export's {@code frames.json} in its folder ({@link FramesManifest} says what it holds): claimed
 * before the first frame, rewritten as frames land and at the end, each time whole or not at all.
 */
final class ManifestFile {
    /** Past this many frames the finished manifest is not worked out ahead (it is held in memory meanwhile). */
    static final int PREPARED_FRAMES_MAX = 10_000;
    private final DocumentTrace trace;
    private final ExportOptions o;
    private final Path file;
    private final FramePlan plan;
    /** How many frames the folder's manifest lists now (-1: none written yet). */
    private volatile int listed = -1;
    /** The finished export's manifest, worked out ahead by {@link #prepareComplete}, or null. */
    private final AtomicReference<byte[]> whenComplete = new AtomicReference<>();

    ManifestFile(DocumentTrace trace, ExportOptions o, Path dir, FramePlan plan) {
        this.trace = trace;
        this.o = o;
        this.file = dir.resolve(Exporter.MANIFEST);
        this.plan = plan;
    }

    /** Writes the first manifest, only if the folder has none: the export's claim on the folder. */
    void claim() throws IOException {
        AtomicFiles.writeNew(file, out -> content(out, 0, false, Exporter.IN_PROGRESS, null));
        listed = 0;
    }

    /** Rewrites the manifest to list the first {@code written} frames, with the export's state. */
    void write(int written, boolean complete, String status, String error) throws IOException {
        byte[] prepared = whenComplete.get();
        if (prepared != null && complete && written == plan.count() && Exporter.COMPLETE.equals(status) && error == null) {
            AtomicFiles.write(file, out -> out.write(prepared));
        } else {
            AtomicFiles.write(file, out -> content(out, written, complete, status, error));
        }
        listed = written;
    }

    /** How many frames the folder's manifest lists now (-1: none written). */
    int listed() {
        return listed;
    }

    /**
     * Works out the manifest of the export finished, for {@link #write} to write if it finishes: done by a
     * lane that has no frame left while the last frame is being drawn. Nothing is written here.
     */
    void prepareComplete() {
        if (plan.count() > PREPARED_FRAMES_MAX) {
            return;
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try {
            content(bytes, plan.count(), true, Exporter.COMPLETE, null);
            whenComplete.set(bytes.toByteArray());
        } catch (IOException | RuntimeException | Error e) {
            // only work done ahead: the manifest is worked out again when it is written, any problem reported then
        }
    }

    private void content(OutputStream out, int written, boolean complete, String status, String error)
            throws IOException {
        FramesManifest.write(out, trace, o, plan, written, complete, status, error);
    }
}
