package org.unrolled.export;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Pattern;

/**
 * What a folder's {@code frames.json} says about the export that wrote it: whether it finished, how
 * many frames it lists of how many it planned, and how it stopped. Read so that the command line and
 * the window can say plainly what a folder holds ("an incomplete export: 37 of 120 frames") rather
 * than only refusing it.
 *
 * @param complete      every planned frame was written
 * @param frameCount    frames the manifest lists (each of them is on disk, complete)
 * @param framesPlanned frames the export meant to write
 * @param status        "complete", "cancelled", "failed" or "in progress" (also what a killed export leaves)
 * @param unlisted      frame files in the folder beyond those listed (written after the manifest's last update)
 */
public record ExistingExport(boolean complete, int frameCount, int framesPlanned, String status, int unlisted) {

    /** Largest manifest read: a million frames listed take about 150 MB. */
    static final long MAX_MANIFEST_BYTES = 256L * 1024 * 1024;

    /**
     * Reads {@code dir/frames.json}; null if there is none.
     *
     * @throws IOException if it exists but cannot be read or is not an export manifest
     */
    public static ExistingExport read(Path dir) throws IOException {
        Path file = dir.resolve(Exporter.MANIFEST);
        if (!Files.exists(file, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            return null;
        }
        JsonNode m;
        try {
            // a pipe or a device planted as frames.json must not hang or flood the check
            m = new ObjectMapper().readTree(org.unrolled.io.SafeFiles.readRegular(file, MAX_MANIFEST_BYTES));
        } catch (JacksonException e) {
            throw new IOException("it is not valid JSON (" + org.unrolled.io.Text.quote(
                    e.getOriginalMessage().replaceAll("`[^`]*`", "").replaceAll(" ?\\(\\)", ""), 200) + ")");
        } catch (org.unrolled.io.SafeFiles.TooLargeException e) {
            throw new IOException("it is larger than any manifest (" + e.getMessage() + ")");
        }
        if (m == null || !m.isObject() || !m.path("format").asText().startsWith("unrolled-frames/")
                || !m.path("complete").isBoolean() || !m.path("frames").isArray()) {
            throw new IOException("it is not an Unrolled export manifest");
        }
        int listed = m.get("frames").size();
        int planned = m.path("framesPlanned").asInt(listed);
        String status = m.path("status").asText(m.get("complete").booleanValue() ? "complete" : "");
        int unlisted = 0;
        String pattern = m.path("pattern").asText("");
        if (!pattern.isEmpty()) {
            unlisted = Math.max(0, countMatching(dir, Pattern.compile(Exporter.globToRegex(pattern))) - listed);
        }
        return new ExistingExport(m.get("complete").booleanValue(), listed, planned, status, unlisted);
    }

    private static int countMatching(Path dir, Pattern names) throws IOException {
        int n = 0;
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir)) {
            for (Path p : entries) {
                if (names.matcher(p.getFileName().toString()).matches()) {
                    n++;
                }
            }
        }
        return n;
    }

    /** A phrase for "DIR …": what the export in it is, e.g. "holds an incomplete export: 37 of 120 frames (…)". */
    public String describe() {
        if (complete) {
            return "already holds a finished export (" + frameCount + " frames)";
        }
        String how = switch (status) {
            case "cancelled" -> "it was cancelled";
            case "failed" -> "it failed";
            case Exporter.IN_PROGRESS -> "it was interrupted before it finished, or is still running";
            default -> "it did not finish";
        };
        String more = unlisted > 0 ? "; " + unlisted + " more frame file" + (unlisted == 1 ? " is" : "s are")
                + " not yet listed in " + Exporter.MANIFEST : "";
        return "holds an incomplete export: " + frameCount + " of " + framesPlanned + " frames (" + how + more + ")";
    }

    /**
     * What in {@code dir} an export with {@code o} must not overwrite, as a phrase for "DIR …", or
     * null if nothing. Looks only: changes nothing on disk.
     */
    public static String describe(Path dir, ExportOptions o) throws IOException {
        if (!Files.isDirectory(dir)) {
            return null;
        }
        if (Files.exists(dir.resolve(Exporter.MANIFEST))) {
            try {
                ExistingExport e = read(dir);
                if (e != null) {
                    return e.describe();
                }
            } catch (IOException e) {
                return "already holds a " + Exporter.MANIFEST + " that cannot be read (" + Exporter.describe(e) + ")";
            }
        }
        String existing = Exporter.existingFrame(dir, o);
        return existing == null ? null : "already holds frames (" + existing + ")";
    }
}
