package org.unrolled.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.unrolled.engine.Scenario;
import org.unrolled.io.ScenarioReader;

/**
 * The commands against a hostile or unlucky user: a full standard output, a pipe or a device as the
 * output, control characters in what is echoed, a training run that diverges, a run that runs out of
 * memory. Each ends in one plain line and a documented exit status; nothing is lost or replaced.
 */
class HostileCliTest {
    private static final Path SAMPLE = Path.of("samples", "rnn-exploding.json");

    @TempDir
    Path dir;

    private record Result(int status, String out, String err) {
    }

    private static Result run(OutputStream stdout, String... args) {
        PrintStream oldOut = System.out;
        PrintStream oldErr = System.err;
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        try {
            System.setOut(new PrintStream(stdout, false, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
            int status = Main.run(args);
            return new Result(status, stdout.toString(), err.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(oldOut);
            System.setErr(oldErr);
        }
    }

    private static Result run(String... args) {
        return run(new ByteArrayOutputStream(), args);
    }

    /** Standard output on a full disk or a closed pipe: every write fails. */
    private static final class FullDisk extends OutputStream {
        @Override
        public void write(int b) throws java.io.IOException {
            throw new java.io.IOException("No space left on device");
        }
    }

    @Test
    void aWindowOptionBeforeACommandIsRefusedNotQuietlyIgnored() {
        Result theme = run("--theme=dark", "export", SAMPLE.toString(), "-o", dir.resolve("frames").toString());
        assertEquals(Main.EXIT_BAD_INPUT, theme.status, theme.err);
        assertTrue(theme.err.contains("--theme is an option of the window, not of export; put it after the command"), theme.err);
        assertFalse(Files.exists(dir.resolve("frames")), "nothing exported in the wrong theme");
        Result present = run("--present", "trace", SAMPLE.toString());
        assertEquals(Main.EXIT_BAD_INPUT, present.status, present.err);
        assertTrue(present.err.contains("--present is an option of the window, not of trace; leave it out"), present.err);
    }

    @Test
    void trainingFromALossThatWasNeverFiniteSaysSoRatherThanCountingFiniteUpdates() throws Exception {
        Path out = dir.resolve("boom.json");
        Result r = run("train", "src/test/resources/golden/exploding-relu.scenario.json", "-o", out.toString(), "--iterations", "5");
        assertEquals(Main.EXIT_DIVERGED, r.status, r.err);
        assertTrue(r.err.contains("the loss was already NaN before the first update"), r.err);
        assertFalse(r.err.contains("last weights with a finite loss"), r.err);
        assertTrue(Files.readString(out).contains("The loss was not finite before the first update; these are the weights "
                + "training started from."), "the written description says the same");
        // and a GIF aimed at a link to a missing file is refused at once, not after every frame is drawn
        Path dangling = dir.resolve("dangling.gif");
        Files.createSymbolicLink(dangling, dir.resolve("nowhere.gif"));
        Result gif = run("export", SAMPLE.toString(), "--format", "gif", "-o", dangling.toString());
        assertEquals(Main.EXIT_BAD_INPUT, gif.status, gif.err);
        assertTrue(gif.err.contains("already exists (a link to a missing file)"), gif.err);
    }

    @Test
    void anOptionForAnotherFormatIsWarnedOfAndAnEmptyRaceFolderNamed() {
        Result svg = run("export", SAMPLE.toString(), "--format", "svg", "--fps", "10", "-o", dir.resolve("s").toString());
        assertEquals(0, svg.status, svg.err);
        assertTrue(svg.err.contains("warning: --fps does not apply to --format svg (one still per lesson beat)"), svg.err);
        Result race = run("race", "--out=");
        assertEquals(Main.EXIT_BAD_INPUT, race.status, race.err);
        assertTrue(race.err.contains("--out: the folder name is empty"), race.err);
    }

    @Test
    void traceToAFullStandardOutputSaysSoAndExitsOne() {
        Result r = run(new FullDisk(), "trace", SAMPLE.toString());
        assertEquals(Main.EXIT_IO, r.status, r.err);
        assertTrue(r.err.contains("cannot write to standard output"), r.err);
        assertEquals(1, r.err.strip().lines().count(), r.err);
    }

    @Test
    void handoutToAFullStandardOutputSaysSoAndExitsOne() {
        Result r = run(new FullDisk(), "handout", "samples/translation.json");
        assertEquals(Main.EXIT_IO, r.status, r.err);
        assertTrue(r.err.contains("cannot write to standard output"), r.err);
        assertEquals(1, r.err.strip().lines().count(), r.err);
    }

    @Test
    void theScenarioBeingReadIsNeverReplacedByItsTraceOrHandoutEvenWithForce() throws Exception {
        Path scenario = dir.resolve("same.json");
        Files.copy(SAMPLE, scenario);
        byte[] before = Files.readAllBytes(scenario);
        // the same file under another spelling too: through ".." and through a link
        Files.createDirectories(dir.resolve("sub"));
        Path link = dir.resolve("link.json");
        Files.createSymbolicLink(link, scenario);
        String[] spellings = {scenario.toString(), dir.resolve("sub").resolve("..").resolve("same.json").toString(),
            link.toString()};
        for (String command : new String[] {"trace", "handout"}) {
            for (String out : spellings) {
                Result r = run(command, scenario.toString(), "-o", out, "--force");
                assertEquals(Main.EXIT_BAD_INPUT, r.status, command + " -o " + out + ": " + r.err);
                assertTrue(r.err.contains("is the scenario being read"), r.err);
                assertEquals(1, r.err.strip().lines().count(), r.err);
            }
        }
        assertTrue(java.util.Arrays.equals(before, Files.readAllBytes(scenario)), "the scenario is untouched");
        assertTrue(Files.isSymbolicLink(link), "the link is still a link");
        // another file is still replaced with --force
        Path other = dir.resolve("other.md");
        Files.writeString(other, "old");
        assertEquals(0, run("handout", scenario.toString(), "-o", other.toString(), "--force").status);
        assertTrue(Files.readString(other).startsWith("#"), "the handout replaced the other file");
    }

    @Test
    void trainingOptionsThatWouldWriteAnUnreadableFileAreRefusedBeforeTraining() {
        String[][] bad = {
            {"--forget-bias", "NaN"}, {"--forget-bias", "Infinity"}, {"--clip", "NaN"}, {"--clip", "-1"},
            {"--lr", "Infinity"},
        };
        for (String[] option : bad) {
            Path out = dir.resolve("t.json");
            Result r = run("train", "samples/default.json", "-o", out.toString(), option[0], option[1], "--iterations", "2");
            assertEquals(Main.EXIT_BAD_INPUT, r.status, String.join(" ", option) + ": " + r.err);
            assertEquals(1, r.err.strip().lines().count(), r.err);
            assertFalse(Files.exists(out), String.join(" ", option) + ": nothing written");
        }
        Result gru = run("train", "samples/adding-gru.json", "-o", dir.resolve("g.json").toString(), "--update-bias", "NaN",
                "--iterations", "2");
        assertEquals(Main.EXIT_BAD_INPUT, gru.status, gru.err);
        assertTrue(gru.err.contains("--update-bias"), gru.err);
        for (String clip : new String[] {"-1", "NaN"}) {
            Path out = dir.resolve("race" + clip);
            Result race = run("race", "--out", out.toString(), "--clip", clip, "--max-sequences", "64");
            assertEquals(Main.EXIT_BAD_INPUT, race.status, "race --clip " + clip + ": " + race.err);
            assertFalse(Files.exists(out), "race --clip " + clip + ": no folder made");
        }
    }

    @Test
    void oddOutputAndInputNamesGetMessagesThatSayWhatIsWrong() throws Exception {
        Result slash = run("trace", SAMPLE.toString(), "-o", dir.resolve("newdir").toString() + "/");
        assertEquals(Main.EXIT_BAD_INPUT, slash.status, slash.err);
        assertTrue(slash.err.contains("a folder (it ends with a slash)"), slash.err);
        assertFalse(Files.exists(dir.resolve("newdir")), "no file named after the folder");
        Path file = dir.resolve("afile");
        Files.writeString(file, "x");
        Result underFile = run("trace", SAMPLE.toString(), "-o", file.resolve("x.json").toString());
        assertEquals(Main.EXIT_IO, underFile.status, underFile.err);
        assertTrue(underFile.err.contains("is a file, not a folder"), underFile.err);
        Result empty = run("trace", "");
        assertEquals(Main.EXIT_BAD_INPUT, empty.status, empty.err);
        assertTrue(empty.err.contains("file name is empty"), empty.err);
        Path spaces = dir.resolve("spaces.json");
        Files.writeString(spaces, "  \n\t ");
        Result blank = run("trace", spaces.toString());
        assertTrue(blank.err.contains("only spaces and line breaks"), blank.err);
        Result batch = run("race", "--out", dir.resolve("r").toString(), "--batch", "1000000000");
        assertEquals(Main.EXIT_BAD_INPUT, batch.status, batch.err);
        assertTrue(batch.err.contains("--batch: expected 1 to 4096"), batch.err);
    }

    @Test
    void aStillsExportOfThousandsOfPagesIsRefusedBeforeAnythingIsDrawn() throws Exception {
        // no lesson: a still for every step of both passes, 1201 of them; --fps 1 makes the animation's frames few
        String inputs = "[1], ".repeat(599) + "[1]";
        Path long600 = dir.resolve("long.json");
        Files.writeString(long600, "{\"format\": \"rnn-scenario/1\", \"title\": \"long\", \"cell\": \"rnn\", \"inputSize\": 1, "
                + "\"hiddenSize\": 2, \"outputSize\": 1, \"mapping\": \"many-to-many\", \"loss\": \"mse\", \"inputs\": ["
                + inputs + "], \"targets\": [" + inputs + "], \"init\": {\"seed\": 1}}");
        Path pdf = dir.resolve("long.pdf");
        Result r = assertTimeoutPreemptively(Duration.ofSeconds(60), () -> run("export", long600.toString(), "--format", "pdf",
                "--out", pdf.toString(), "--size", "320x180", "--fps", "1"));
        assertEquals(Main.EXIT_BAD_INPUT, r.status, r.err);
        assertTrue(r.err.contains("1201 stills") && r.err.contains("at most 1000"), r.err);
        assertFalse(r.err.contains("frame rate"), "the frame rate is not what makes stills: " + r.err);
        assertFalse(Files.exists(pdf));
        // one pass is 601 stills, within the limit
        assertEquals(601, org.unrolled.export.FormatExport.checkedStills(
                org.unrolled.document.DocumentTrace.run(ScenarioReader.read(long600)),
                new org.unrolled.export.ExportOptions(320, 180, 1, 1, org.unrolled.view.Phase.FORWARD, 0, 0, "light",
                        "f_%04d.png")).size());
    }

    @Test
    void aRaceThatDivergesSaysSoAndWritesNoFileTheReaderWouldRefuse() throws Exception {
        Path out = dir.resolve("diverged");
        Result r = assertTimeoutPreemptively(Duration.ofSeconds(120), () -> run("race", "--out", out.toString(), "--lr", "1e308",
                "--max-sequences", "64", "--length", "10", "--held-out", "10", "--eval-every", "32"));
        assertEquals(Main.EXIT_DIVERGED, r.status, r.err);
        assertTrue(r.err.contains("training diverged for"), r.err);
        // every file written is valid: the curves' JSON parses, every scenario reads back
        new com.fasterxml.jackson.databind.ObjectMapper().readTree(out.resolve("curves.json").toFile());
        try (var files = Files.list(out)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".json") && !p.endsWith("curves.json")).toList()) {
                ScenarioReader.read(f);
            }
        }
    }

    @Test
    void aRaceRefusesAtOnceAnOutputFolderWhereOneOfItsFilesCannotBeWritten() throws Exception {
        Path out = dir.resolve("race");
        Files.createDirectories(out.resolve("curves.png")); // a folder where the chart would go
        Result r = assertTimeoutPreemptively(Duration.ofSeconds(30), () -> run("race", "--out", out.toString(), "--force"));
        assertEquals(Main.EXIT_BAD_INPUT, r.status, r.err);
        assertTrue(r.err.contains("curves.png") && r.err.contains("is a folder"), r.err);
        try (var files = Files.list(out)) {
            assertEquals(1, files.count(), "nothing written beside it: the race did not run");
        }
    }

    @Test
    void aPipeNamedAsTheOutputIsNotReplacedEvenWithForce() throws Exception {
        Path fifo = dir.resolve("out.json");
        assumeTrue(org.unrolled.io.HostileFilesTest.mkfifo(fifo), "mkfifo is not available here");
        Result r = assertTimeoutPreemptively(Duration.ofSeconds(30),
                () -> run("trace", SAMPLE.toString(), "-o", fifo.toString(), "--force"));
        assertEquals(Main.EXIT_BAD_INPUT, r.status, r.err);
        assertTrue(r.err.contains("not a regular file"), r.err);
        assertTrue(Files.readAttributes(fifo, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS).isOther());
        Result t = assertTimeoutPreemptively(Duration.ofSeconds(30),
                () -> run("train", SAMPLE.toString(), "-o", fifo.toString(), "--force", "--iterations", "1"));
        assertEquals(Main.EXIT_BAD_INPUT, t.status, t.err);
        assertTrue(Files.readAttributes(fifo, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS).isOther());
    }

    @Test
    void anEmptyOutputPathIsRefused() {
        Result r = run("trace", SAMPLE.toString(), "-o", "");
        assertEquals(Main.EXIT_BAD_INPUT, r.status, r.err);
        assertTrue(r.err.contains("empty"), r.err);
    }

    @Test
    void controlCharactersInOptionsAndNamesAreQuotedInMessages() throws Exception {
        Result r = run("export", SAMPLE.toString(), "--out", dir.resolve("x").toString(), "--phase", "\u001b]0;PWNED\u0007");
        assertEquals(Main.EXIT_BAD_INPUT, r.status, r.err);
        assertFalse(r.err.contains("\u001b"), r.err);
        assertTrue(r.err.contains("\\u001b]0;PWNED\\u0007"), r.err);
        Result missing = run("trace", dir.resolve("a\u0007b.json").toString());
        assertFalse(missing.err.contains("\u0007"), missing.err);
        Result exists = run("trace", SAMPLE.toString(), "-o", Files.writeString(dir.resolve("c\u001bd.json"), "x").toString());
        assertFalse(exists.err.contains("\u001b"), exists.err);
    }

    @Test
    void trainChecksTheOutputBeforeTraining() {
        long started = System.nanoTime();
        Result r = run("train", SAMPLE.toString(), "-o", dir.resolve("nodir/x.json").toString(), "--iterations", "100000");
        assertEquals(Main.EXIT_IO, r.status, r.err);
        assertTrue(r.err.contains("does not exist"), r.err);
        assertFalse(r.err.contains("loss"), "no training happened: " + r.err);
        assertTrue(System.nanoTime() - started < 20_000_000_000L);
    }

    @Test
    void aDivergedRunSaysSoKeepsFiniteWeightsThatTraceReadsBackAndExitsNonZero() throws Exception {
        Path out = dir.resolve("trained.json");
        // SGD with no clipping and an absurd rate: the first update sends the loss to infinity
        Result r = run("train", SAMPLE.toString(), "-o", out.toString(), "--optimizer", "sgd", "--lr", "1e200",
                "--clip", "0", "--iterations", "50");
        assertEquals(Main.EXIT_DIVERGED, r.status, r.err);
        assertTrue(r.err.contains("diverged"), r.err);
        assertFalse(r.err.contains("after 1 updates"), "the discarded update is not counted: " + r.err);
        Scenario back = ScenarioReader.read(out).scenario();
        assertEquals(ScenarioReader.read(SAMPLE).scenario().weights().cell().weightHh().get(0, 1),
                back.weights().cell().weightHh().get(0, 1), "the last finite weights are the start");
        assertEquals(0, run("trace", out.toString()).status, "what train writes, trace reads");
    }

    @Test
    void theProgressBarCountsInLongs() {
        // 71.5 million updates of 100 million: 30 × done overflows an int
        String bar = TrainCommand.progressBar(71_582_789, 100_000_000);
        assertEquals(32, bar.length(), bar);
        assertEquals(21, bar.chars().filter(c -> c == '#').count(), bar);
        assertEquals(30, TrainCommand.progressBar(Integer.MAX_VALUE, Integer.MAX_VALUE).chars().filter(c -> c == '#').count());
    }

    @Test
    void errorsBeyondExceptionsAreOneLineWithTheirOwnStatus() {
        StringWriter text = new StringWriter();
        int oom = Main.report(new OutOfMemoryError("Java heap space"), new PrintWriter(text, true));
        assertEquals(Main.EXIT_OUT_OF_MEMORY, oom);
        assertTrue(text.toString().startsWith("unrolled: out of memory"), text.toString());
        assertFalse(text.toString().contains("java.lang"), text.toString());
        StringWriter other = new StringWriter();
        assertEquals(Main.EXIT_INTERNAL, Main.report(new StackOverflowError(), new PrintWriter(other, true)));
        assertEquals(2, other.toString().strip().lines().count(), other.toString());
    }

    @Test
    void theExitStatusesAreDocumentedInTheHelp() {
        Result r = run("--help");
        for (int status : new int[] {Main.EXIT_IO, Main.EXIT_BAD_INPUT, Main.EXIT_DIVERGED, Main.EXIT_OUT_OF_MEMORY,
            Main.EXIT_INTERNAL}) {
            assertTrue(r.out.lines().anyMatch(l -> l.strip().startsWith(status + " ")) , status + " in:\n" + r.out);
        }
    }
}
