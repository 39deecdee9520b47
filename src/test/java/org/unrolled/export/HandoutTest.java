package org.unrolled.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.unrolled.cli.Main;
import org.unrolled.document.DocumentTrace;
import org.unrolled.io.Samples;
import picocli.CommandLine;

/** The handout: questions before their captions, answers at the end; from the command line too. */
class HandoutTest {
    @Test
    void theVanishingLessonAsksBeforeItTellsAndAnswersAtTheEnd() throws Exception {
        String md = Handout.markdown(DocumentTrace.run(Samples.load("rnn-vanishing.json")));
        assertTrue(md.startsWith("# Vanishing gradients in a vanilla RNN\n"), md);
        int question = md.indexOf("**Question 2.** BPTT has reached t = 1.");
        int answers = md.indexOf("## Answers");
        int caption = md.indexOf("At t = 1, ∂L/∂h_1 is about 10⁻⁹");
        assertTrue(question > 0 && answers > question, md);
        assertTrue(caption > answers, "the caption that gives the answer is with the answers");
        assertTrue(md.contains("- A. smaller by more than 100×\n"), md);
        // ‖∂L/∂h_1‖ / ‖∂L/∂h_30‖ = 1.1·10⁻⁹ (the sample's description): A
        assertTrue(md.contains("2. **A**, smaller by more than 100×."), md);
        assertTrue(md.contains("## Beat 1: t = 30, forward\n"), md);
        assertTrue(md.contains("## Beat 3: t = 27, backward\n"), md);
    }

    @Test
    void aSequenceToSequenceBeatIsNamedByItsSideAndAnEndTokenSurvivesMarkdown() {
        String md = Handout.markdown(DocumentTrace.run(Samples.load("translation.json")));
        // the beat at global step 5 is the decoder's first step, as the slides and the window name it
        assertTrue(md.contains("## Beat 2: decoder t = 1, forward\n"), md);
        // "<end>" would be read as an HTML tag and vanish from the rendered handout
        assertTrue(md.contains("\\<end>"), md);
        assertFalse(md.replace("\\<", "").contains("<end"), md);
    }

    @Test
    void aBeatTheNumbersNoLongerBearOutIsMarkedAndWarnedOfAfterTraining(@TempDir Path dir) throws Exception {
        Path scenario = dir.resolve("rnn-step.json");
        try (var in = Samples.class.getResourceAsStream("/samples/rnn-step.json")) {
            Files.copy(in, scenario);
        }
        StringWriter err = new StringWriter();
        CommandLine cli = new CommandLine(new Main());
        cli.setErr(new PrintWriter(err));
        assertEquals(0, cli.execute("handout", scenario.toString(), "-o", dir.resolve("before.md").toString()), err.toString());
        assertFalse(err.toString().contains("warning"), "the sample's own numbers bear its captions out: " + err);
        assertFalse(Files.readString(dir.resolve("before.md")).contains("No longer true"));
        // five updates change every step's loss: beat 4 quotes them (0.13, 0.045, 0.64, 0.00001)
        Path trained = dir.resolve("trained.json");
        assertEquals(0, cli.execute("train", scenario.toString(), "-o", trained.toString(), "--iterations", "5"), err.toString());
        assertTrue(err.toString().contains("unrolled train: warning: beat 4 (t = 4, forward) is no longer true for these numbers"),
                err.toString());
        assertEquals(0, cli.execute("handout", trained.toString(), "-o", dir.resolve("after.md").toString()), err.toString());
        assertTrue(err.toString().contains("unrolled handout: warning: beat 4"), err.toString());
        String md = Files.readString(dir.resolve("after.md"));
        assertTrue(md.contains("(No longer true for these numbers: "), "the printed caption is marked, as in the window: " + md);
    }

    @Test
    void aQuestionNoChoiceAnswersIsWarnedOf(@TempDir Path dir) throws Exception {
        Path scenario = dir.resolve("q.json");
        try (var in = Samples.class.getResourceAsStream("/samples/rnn-step.json")) {
            // the question of beat 2 asks about a step the 4-step sequence does not have
            Files.writeString(scenario, new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8)
                    .replace("\"of\": \"h[1][0]\"", "\"of\": \"h[99][0]\""));
        }
        assertTrue(Files.readString(scenario).contains("h[99][0]"), "the question was changed");
        StringWriter err = new StringWriter();
        CommandLine cli = new CommandLine(new Main());
        cli.setErr(new PrintWriter(err));
        assertEquals(0, cli.execute("handout", scenario.toString(), "-o", dir.resolve("q.md").toString()), err.toString());
        assertTrue(err.toString().contains("unrolled handout: warning: beat 2 (t = 1, forward): its question has no answer for these "
                + "numbers: \"h[99][0]\": step 99 is outside 1..4"), err.toString());
    }

    @Test
    void markdownInAScenarioIsPrintedAsTextNotFollowed() {
        assertEquals("\\<script>alert(1)\\</script> and \\<img onerror=x>", Handout.text("<script>alert(1)</script> and <img onerror=x>"));
        assertEquals("a title # not a heading", Handout.text("a title\n# not a heading"), "no line of its own");
        assertEquals("\\# starts like a heading", Handout.text("# starts like a heading"));
        assertEquals("\\1. starts like a list", Handout.text("1. starts like a list"));
        assertEquals("\\[click](javascript:alert(1))", Handout.text("[click](javascript:alert(1))"), "no link");
        assertEquals("\\[x]: javascript:alert(1)", Handout.text("[x]: javascript:alert(1)"), "no link definition");
        assertEquals("\\## a heading too", Handout.text("## a heading too"));
        assertEquals("\\>quoted", Handout.text(">quoted"));
        assertEquals("\\--- a rule", Handout.text("--- a rule"));
        assertEquals("\\``` a fence", Handout.text("``` a fence"));
        assertEquals("\\~~~", Handout.text("~~~"));
        assertEquals("h\\[2] < 0.5 and W_hh", Handout.text("h[2] < 0.5 and W_hh"), "ordinary text, rendered as it was");
    }

    @Test
    void theCommandWritesTheFileAndNeverOverwritesWithoutForce(@TempDir Path dir) throws Exception {
        Path scenario = dir.resolve("s.json");
        try (var in = Samples.class.getResourceAsStream("/samples/lstm-gates.json")) {
            Files.copy(in, scenario);
        }
        Path out = dir.resolve("handout.md");
        StringWriter err = new StringWriter();
        CommandLine cli = new CommandLine(new Main());
        cli.setErr(new PrintWriter(err));
        assertEquals(0, cli.execute("handout", scenario.toString(), "-o", out.toString()), err.toString());
        assertTrue(Files.readString(out).contains("**Question 1.** erase: where is the forget gate f_5?"));
        assertEquals(Main.EXIT_BAD_INPUT, cli.execute("handout", scenario.toString(), "-o", out.toString()));
        assertTrue(err.toString().contains("already exists; pass --force"), err.toString());
        PrintStream stdout = System.out;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setOut(new PrintStream(captured, true, "UTF-8"));
        try {
            assertEquals(Main.EXIT_BAD_INPUT, cli.execute("handout", dir.resolve("missing.json").toString()));
        } finally {
            System.setOut(stdout);
        }
        assertTrue(err.toString().contains("missing.json"), err.toString());
    }
}
