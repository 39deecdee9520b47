package org.unrolled.export;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.unrolled.cli.Main;

/**
 * An export killed outright (SIGKILL, not Cancel) leaves a folder that says what it holds. The export
 * command runs in a child JVM, which is killed once frames are landing; then the folder is checked
 * as someone finding it later would: the manifest, every frame it lists, and nothing half-written.
 */
class ExportKillTest {
    private static final byte[] IEND = {0, 0, 0, 0, 'I', 'E', 'N', 'D', (byte) 0xAE, 0x42, 0x60, (byte) 0x82};
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    @Timeout(60)
    void aKilledExportLeavesAManifestThatListsOnlyCompleteFrames(@TempDir Path tmp) throws Exception {
        Path out = tmp.resolve("frames");
        Path log = tmp.resolve("child.log");
        // lstm-highway: 30 steps, both passes at 60 frames a step: 3601 small frames, far more than
        // the child gets to write before it is killed
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder pb = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                "-Dglass.platform=Monocle", "-Dmonocle.platform=Headless", "-Dprism.order=sw",
                "-Djava.awt.headless=true", "-Xmx512m",
                // killed outright, the child cannot delete its temporary font copies: here they go with tmp
                "-Djava.io.tmpdir=" + Files.createDirectories(tmp.resolve("child-tmp")),
                Main.class.getName(), "export", "samples/lstm-highway.json", "--out", out.toString(),
                "--size", "320x180", "--fps", "60");
        pb.redirectErrorStream(true).redirectOutput(log.toFile());
        Process child = pb.start();
        int listedBeforeKill;
        try {
            listedBeforeKill = waitForFramesAndAManifestUpdate(child, out, log);
        } finally {
            child.destroyForcibly();
            assertTrue(child.waitFor(10, TimeUnit.SECONDS), "the child is gone");
        }
        assertTrue(child.exitValue() != 0, "killed, not finished");

        // the manifest: valid JSON, incomplete, its plan and count consistent
        JsonNode m = JSON.readTree(out.resolve("frames.json").toFile());
        assertFalse(m.get("complete").booleanValue());
        assertEquals("in progress", m.get("status").asText(), "nothing rewrote it after the kill");
        assertEquals(3601, m.get("framesPlanned").asInt());
        int listed = m.get("frames").size();
        assertEquals(listed, m.get("frameCount").asInt());
        assertTrue(listed >= listedBeforeKill && listed >= 1, listed + " listed");

        // every listed frame exists, is a whole PNG and decodes at the planned size
        Set<String> listedNames = new HashSet<>();
        for (int i = 0; i < listed; i++) {
            String name = m.at("/frames/" + i + "/file").asText();
            assertEquals(String.format("frame_%04d.png", i + 1), name, "frames are listed in order");
            listedNames.add(name);
            assertWholePng(out.resolve(name));
        }
        // every other file is either a frame written after the last manifest update (also whole) or a
        // hidden temporary file, never something that looks like a frame but is half-written
        List<String> others = new ArrayList<>();
        try (Stream<Path> files = Files.list(out)) {
            for (Path p : files.toList()) {
                String name = p.getFileName().toString();
                if (name.equals("frames.json") || listedNames.contains(name)) {
                    continue;
                }
                if (name.matches("frame_\\d{4}\\.png")) {
                    assertWholePng(p);
                    int n = Integer.parseInt(name.substring(6, 10));
                    assertTrue(n > listed, name + " written after the last manifest update, in order");
                } else {
                    others.add(name);
                    assertTrue(name.startsWith(".") && name.endsWith(".part"), "unexpected file " + name);
                }
            }
        }

        // pointed at the folder again, the export says what is there instead of a generic refusal
        ExistingExport existing = ExistingExport.read(out);
        assertNotNull(existing);
        assertFalse(existing.complete());
        assertEquals(listed, existing.frameCount());
        ExportException refused = assertThrows(ExportException.class,
                () -> Exporter.prepareFolder(out, ExportOptions.defaults()));
        assertTrue(refused.getMessage().contains("holds an incomplete export: " + listed + " of 3601 frames"),
                refused.getMessage());
        String err = cliError("export", "samples/lstm-highway.json", "--out", out.toString(), "--size", "320x180");
        assertTrue(err.startsWith("unrolled export: " + out + " holds an incomplete export: " + listed
                + " of 3601 frames ("), err);
        assertTrue(err.contains("interrupted before it finished"), err);
        System.out.println("killed export: " + listed + " frames listed, others: " + others);
    }

    /** Polls until the manifest lists at least one frame (it was rewritten as frames landed). */
    private static int waitForFramesAndAManifestUpdate(Process child, Path out, Path log) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (System.nanoTime() < deadline) {
            if (!child.isAlive()) {
                fail("the export ended before it was killed: " + Files.readString(log));
            }
            if (Files.isDirectory(out)) {
                boolean anyFrame;
                try (Stream<Path> files = Files.list(out)) {
                    anyFrame = files.anyMatch(p -> p.getFileName().toString().matches("frame_\\d{4}\\.png"));
                }
                if (anyFrame) {
                    // the manifest came first, so it is there as soon as any frame is
                    assertTrue(Files.exists(out.resolve("frames.json")), "a frame without a manifest");
                    JsonNode m = JSON.readTree(out.resolve("frames.json").toFile());
                    int listed = m.get("frames").size();
                    if (listed > 0) {
                        return listed;
                    }
                }
            }
            Thread.sleep(20);
        }
        fail("no frames listed in time: " + Files.readString(log));
        return 0;
    }

    private static void assertWholePng(Path file) throws Exception {
        byte[] bytes = Files.readAllBytes(file);
        assertArrayEquals(IEND, Arrays.copyOfRange(bytes, Math.max(0, bytes.length - 12), bytes.length),
                file + " ends with the IEND chunk");
        BufferedImage img = ImageIO.read(file.toFile());
        assertNotNull(img, file + " decodes");
        assertEquals(320, img.getWidth());
        assertEquals(180, img.getHeight());
    }

    private static String cliError(String... args) {
        PrintStream oldErr = System.err;
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        try {
            System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
            assertEquals(2, Main.run(args), "a folder that is in use is bad input");
        } finally {
            System.setErr(oldErr);
        }
        return err.toString(StandardCharsets.UTF_8);
    }
}
