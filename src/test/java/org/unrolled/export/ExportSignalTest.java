package org.unrolled.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.unrolled.cli.ChildJvm;
import org.unrolled.cli.Main;

/**
 * The export command in a child JVM, as a user runs it: stopped with SIGTERM (what Ctrl+C and a
 * closing terminal send, too) it marks its manifest "cancelled"; out of memory it says so in one line,
 * marks the manifest "failed" and the process ends (the JavaFX thread must not keep it alive). And it
 * prints no JavaFX configuration warning.
 */
class ExportSignalTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private static Process start(Path log, String heap, String... args) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new ArrayList<>(List.of(java, "-cp", System.getProperty("java.class.path"),
                "-Djava.awt.headless=true", heap, Main.class.getName(), "export"));
        command.addAll(List.of(args));
        return new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    }

    @Test
    @Timeout(90)
    void sigtermMarksTheManifestCancelled(@TempDir Path tmp) throws Exception {
        Path out = tmp.resolve("frames");
        Path log = tmp.resolve("child.log");
        Process child = start(log, "-Xmx512m", "samples/lstm-highway.json", "--out", out.toString(), "--size", "320x180",
                "--fps", "60");
        ChildJvm.sigtermWhen(child, log, () -> anyFrame(out), "no frame");
        JsonNode m = JSON.readTree(out.resolve("frames.json").toFile());
        String text = Files.readString(log);
        assertEquals("cancelled", m.get("status").asText(), text);
        assertFalse(m.get("complete").booleanValue());
        assertEquals(m.get("frames").size(), m.get("frameCount").asInt());
        assertFalse(text.contains("Unsupported JavaFX configuration"), text);
    }

    @Test
    @Timeout(90)
    void outOfMemoryEndsTheProcessWithAMessageAndAFailedManifest(@TempDir Path tmp) throws Exception {
        Path out = tmp.resolve("frames");
        Path log = tmp.resolve("child.log");
        // one 7680 × 7680 pixel buffer needs 236 MB: far beyond a 96 MB heap
        Process child = start(log, "-Xmx96m", "samples/rnn-step.json", "--out", out.toString(), "--size", "7680x7680");
        boolean ended = child.waitFor(60, TimeUnit.SECONDS);
        child.destroyForcibly();
        String text = Files.readString(log);
        assertTrue(ended, "the process ended by itself: " + text);
        assertEquals(Main.EXIT_OUT_OF_MEMORY, child.exitValue(), text);
        assertTrue(text.contains("out of memory"), text);
        assertFalse(text.contains("java.lang.OutOfMemoryError"), text);
        assertFalse(text.contains("\tat "), "no stack trace: " + text);
        assertFalse(text.contains("Unsupported JavaFX configuration"), text);
        JsonNode m = JSON.readTree(out.resolve("frames.json").toFile());
        assertEquals("failed", m.get("status").asText());
    }

    private static boolean anyFrame(Path out) throws Exception {
        if (!Files.isDirectory(out)) {
            return false;
        }
        try (Stream<Path> files = Files.list(out)) {
            return files.anyMatch(p -> p.getFileName().toString().matches("frame_\\d{4}\\.png"));
        }
    }
}
