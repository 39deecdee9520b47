package org.unrolled.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.unrolled.cli.Main;

/** {@code unrolled export --format ...}: one command per format, plain messages, and a killed export leaves no finished-looking file. */
class FormatCommandTest {
    private record Result(int status, String err) {
    }

    private static Result run(String... args) {
        PrintStream oldErr = System.err;
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        try {
            System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
            return new Result(Main.run(args), err.toString(StandardCharsets.UTF_8));
        } finally {
            System.setErr(oldErr);
        }
    }

    @Test
    void aLessonPdfFromOneCommand(@TempDir Path dir) throws Exception {
        Path pdf = dir.resolve("vanishing.pdf");
        Result r = run("export", "samples/rnn-vanishing.json", "--format", "pdf", "--size", "960x540", "--out", pdf.toString());
        assertEquals(0, r.status, r.err);
        assertTrue(r.err.contains("6 stills written to " + pdf), r.err);
        try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
            assertEquals(6, doc.getNumberOfPages(), "4 beats, 2 of them a question and its reveal");
        }
        Result again = run("export", "samples/rnn-vanishing.json", "--format", "pdf", "--out", pdf.toString());
        assertEquals(Main.EXIT_BAD_INPUT, again.status);
        assertTrue(again.err.contains(pdf + " already exists; choose another name"), again.err);
    }

    @Test
    void anUnknownLayoutIsOneClearLine(@TempDir Path dir) {
        Result r = run("export", "samples/rnn-vanishing.json", "--layout", "slides", "--out", dir.resolve("x").toString());
        assertEquals(Main.EXIT_BAD_INPUT, r.status);
        assertEquals("unrolled export: --layout: expected network or presentation, got slides\n",
                r.err.replace("\r", ""), "one line naming the option, as every refused value");
        assertFalse(Files.exists(dir.resolve("x")), "nothing written");
    }

    @Test
    void thePresentationLayoutFromTheCommandLine(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("svg");
        Result r = run("export", "samples/rnn-vanishing.json", "--format", "svg", "--layout", "presentation", "--size",
                "960x540", "--out", out.toString());
        assertEquals(0, r.status, r.err);
        assertTrue(r.err.contains("6 stills written to " + out), r.err);
        assertTrue(Files.readString(out.resolve("stills.json")).contains("\"layout\" : \"presentation\""));
        assertTrue(Files.readString(out.resolve("beat-01.svg")).contains("Gradient norm by step t"), "the plot is drawn");
    }

    @Test
    void anUnknownFormatOrAnOddMp4IsBadInput(@TempDir Path dir) {
        Result r = run("export", "samples/rnn-vanishing.json", "--format", "avi", "--out", dir.resolve("x").toString());
        assertEquals(Main.EXIT_BAD_INPUT, r.status);
        assertEquals("unrolled export: --format: expected png, svg, pdf, gif, mp4, pptx or beamer, got avi",
                r.err.strip());
        Result odd = run("export", "samples/rnn-vanishing.json", "--format", "mp4", "--size", "641x360", "--out",
                dir.resolve("x.mp4").toString());
        assertEquals(Main.EXIT_BAD_INPUT, odd.status);
        assertTrue(odd.err.contains("an MP4 needs an even width and height"), odd.err);
        // rnn-step's beats are all in the forward pass: a deck of its backward pass would be empty
        Result none = run("export", "samples/rnn-step.json", "--format", "pptx", "--phase", "backward", "--out",
                dir.resolve("x.pptx").toString());
        assertEquals(Main.EXIT_BAD_INPUT, none.status, none.err);
        assertTrue(none.err.contains("no lesson beat lies in the chosen phase"), none.err);
        assertFalse(Files.exists(dir.resolve("x.pptx")));
    }

    /** The size of the MP4 export's temporary in {@code dir}, 0 while there is none. */
    private static long partSize(Path dir) throws java.io.IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(p -> p.getFileName().toString().startsWith(".long.mp4.")).mapToLong(p -> p.toFile().length())
                    .max().orElse(0);
        }
    }

    @Test
    @Timeout(90)
    void aKilledMp4ExportLeavesOnlyItsTemporary(@TempDir Path dir, @TempDir Path childTmp) throws Exception {
        Path mp4 = dir.resolve("long.mp4");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        // 3601 frames: far more than the child writes before it is killed (which leaves its font copies in childTmp)
        Process child = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), "-Xmx512m",
                "-Djava.io.tmpdir=" + childTmp,
                Main.class.getName(), "export", "samples/lstm-highway.json", "--format", "mp4", "--size", "320x180",
                "--fps", "60", "--out", mp4.toString())
                .redirectErrorStream(true).redirectOutput(dir.resolve("child.log").toFile()).start();
        try {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (partSize(dir) <= 10_000 && System.nanoTime() < deadline && child.isAlive()) {
                Thread.sleep(50);
            }
            assertTrue(partSize(dir) > 10_000, "frames were being encoded: " + Files.readString(dir.resolve("child.log")));
        } finally {
            child.destroyForcibly();
            assertTrue(child.waitFor(10, TimeUnit.SECONDS));
        }
        assertFalse(Files.exists(mp4), "no file under the finished name");
        try (Stream<Path> left = Files.list(dir)) {
            assertEquals(1, left.filter(p -> p.getFileName().toString().matches("\\.long\\.mp4\\.\\d+-[0-9a-z]+\\.part")).count(),
                    "its own temporary, hidden");
        }
        try (Stream<Path> left = Files.list(dir)) {
            assertEquals(2, left.count(), "the .part and the log, nothing else");
        }
    }
}
