package org.unrolled.io;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Scenario files as an attacker or an unlucky user would hand them over: pipes and devices instead of
 * files, control characters in names and values, texts no person writes, and documents that ask for far
 * more memory than their bytes suggest. Each is a one-line message naming the field, quickly.
 */
public class HostileFilesTest {
    private static final Duration QUICK = Duration.ofSeconds(20);

    @TempDir
    Path dir;

    private static final String TEMPLATE = """
            {"format": "rnn-scenario/1", "title": %TITLE%, "cell": "rnn", "inputSize": 2, "hiddenSize": 3,
             "outputSize": 1, "mapping": "many-to-one", "loss": "mse", "inputs": [[1, 0], [0, 1]],
             "targets": [[0.5]], "init": {"seed": 1}%MORE%}
            """;

    private static String scenario(String title, String more) {
        return TEMPLATE.replace("%TITLE%", title).replace("%MORE%", more);
    }

    private ScenarioException rejected(String text) {
        Path f = dir.resolve("s.json");
        try {
            Files.writeString(f, text);
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
        return assertTimeoutPreemptively(QUICK, () -> assertThrows(ScenarioException.class, () -> ScenarioReader.read(f)));
    }

    public static boolean mkfifo(Path p) throws Exception {
        try {
            return new ProcessBuilder("mkfifo", p.toString()).start().waitFor() == 0 && Files.exists(p);
        } catch (java.io.IOException e) {
            return false;
        }
    }

    @Test
    void aFifoIsRefusedAtOnceNotWaitedOn() throws Exception {
        Path fifo = dir.resolve("pipe.json");
        assumeTrue(mkfifo(fifo), "mkfifo is not available here");
        ScenarioException e = assertTimeoutPreemptively(QUICK,
                () -> assertThrows(ScenarioException.class, () -> ScenarioReader.read(fifo)));
        assertTrue(e.getMessage().contains("not a regular file"), e.getMessage());
    }

    @Test
    void devZeroIsRefusedWithoutReadingGigabytes() {
        Path zero = Path.of("/dev/zero");
        assumeTrue(Files.exists(zero), "no /dev/zero on this system");
        ScenarioException e = assertTimeoutPreemptively(QUICK,
                () -> assertThrows(ScenarioException.class, () -> ScenarioReader.read(zero)));
        assertTrue(e.getMessage().startsWith("/dev/zero: "), e.getMessage());
        assertTrue(e.getMessage().contains("not a regular file"), e.getMessage());
    }

    @Test
    void aFolderIsRefusedPlainly() {
        ScenarioException e = assertThrows(ScenarioException.class, () -> ScenarioReader.read(dir));
        assertTrue(e.getMessage().contains("is a folder"), e.getMessage());
    }

    @Test
    void theByteBoundHoldsOnWhatIsReadNotOnWhatTheSizeSays() throws Exception {
        // a stream that never ends, as /dev/urandom is: only the bytes read can tell
        java.io.InputStream endless = new java.io.InputStream() {
            @Override
            public int read() {
                return ' ';
            }

            @Override
            public int read(byte[] b, int off, int len) {
                java.util.Arrays.fill(b, off, off + len, (byte) ' ');
                return len;
            }
        };
        java.io.IOException e = assertTimeoutPreemptively(QUICK,
                () -> assertThrows(java.io.IOException.class, () -> SafeFiles.readAtMost(endless, 1 << 20)));
        assertTrue(e.getMessage().contains("more than 1 MB"), e.getMessage());
    }

    @Test
    void controlCharactersInValuesAreQuotedNotEchoed() {
        ScenarioException e = rejected(scenario("\"t\"", "").replace("\"cell\": \"rnn\"",
                "\"cell\": \"\\u001b]0;PWNED\\u0007\""));
        assertFalse(e.getMessage().chars().anyMatch(c -> c < 0x20 || c == 0x7f), e.getMessage());
        assertTrue(e.getMessage().contains("\\u001b]0;PWNED\\u0007"), e.getMessage());
    }

    @Test
    void controlCharactersInTheFileNameAreQuoted() throws Exception {
        Path f = dir.resolve("evil\u001b[2Jname.json");
        Files.writeString(f, "{}");
        ScenarioException e = assertThrows(ScenarioException.class, () -> ScenarioReader.read(f));
        assertFalse(e.getMessage().contains("\u001b"), e.getMessage());
        assertTrue(e.getMessage().contains("evil\\u001b[2Jname.json"), e.getMessage());
    }

    @Test
    void aTitleNoPersonWritesIsRefusedNamingTheField() {
        String longTitle = "\"" + "x".repeat(Limits.MAX_TITLE_CHARS + 1) + "\"";
        ScenarioException e = rejected(scenario(longTitle, ""));
        assertEquals("$.title", e.location());
        assertTrue(e.getMessage().contains("at most " + Limits.MAX_TITLE_CHARS + " characters"), e.getMessage());
        assertTrue(e.getMessage().length() < 300, e.getMessage());
    }

    @Test
    void aTitleAtTheLimitStillLoads() throws Exception {
        Path f = dir.resolve("ok.json");
        Files.writeString(f, scenario("\"" + "x".repeat(Limits.MAX_TITLE_CHARS) + "\"", ""));
        assertEquals(Limits.MAX_TITLE_CHARS, ScenarioReader.read(f).title().length());
    }

    @Test
    void descriptionCaptionAndExampleNameAreBounded() {
        ScenarioException d = rejected(scenario("\"t\"", ", \"description\": \"" + "d".repeat(Limits.MAX_DESCRIPTION_CHARS + 1) + "\""));
        assertEquals("$.description", d.location());
        ScenarioException c = rejected(scenario("\"t\"", ", \"lesson\": [{\"step\": 1, \"caption\": \""
                + "c".repeat(Limits.MAX_CAPTION_CHARS + 1) + "\"}]"));
        assertEquals("$.lesson[0].caption", c.location());
        ScenarioException n = rejected(scenario("\"t\"", ", \"examples\": [{\"name\": \""
                + "n".repeat(Limits.MAX_NAME_CHARS + 1) + "\", \"inputs\": [[1, 0]], \"targets\": [[1]]}]"));
        assertEquals("$.examples[0].name", n.location());
    }

    @Test
    void examplesAreBoundedInTotalLikeTheInputs() {
        // 11 examples of 100,000 rows each: every one within the sequence limit, together above the total
        StringBuilder b = new StringBuilder(", \"examples\": [");
        String rows = "[0,0]," .repeat(Limits.MAX_SEQUENCE_LENGTH - 1) + "[0,0]";
        int n = (int) (Limits.MAX_EXAMPLE_VECTORS / Limits.MAX_SEQUENCE_LENGTH) + 1;
        for (int k = 0; k < n; k++) {
            b.append(k == 0 ? "" : ",").append("{\"inputs\": [").append(rows).append("], \"targets\": [[1]]}");
        }
        ScenarioException e = rejected(scenario("\"t\"", b.append("]").toString()));
        assertTrue(e.location().startsWith("$.examples"), e.getMessage());
        assertTrue(e.getMessage().contains(String.valueOf(Limits.MAX_EXAMPLE_VECTORS)), e.getMessage());
    }

    @Test
    void aDocumentThatWouldNeedGigabytesOfTreeIsRefusedWithTheNumber() {
        // 40 million small numbers in 400 arrays of 100,000: 80 MB of text, several GB as a tree
        String row = "[" + "0,".repeat(Limits.MAX_SEQUENCE_LENGTH - 1) + "0]";
        StringBuilder b = new StringBuilder(", \"vocabulary\": {\"x\": [");
        for (int k = 0; k < 400; k++) {
            b.append(k == 0 ? "" : ",").append(row);
        }
        String text = scenario("\"t\"", b.append("]}").toString());
        ScenarioException e = rejected(text);
        assertTrue(e.getMessage().contains("MB of memory"), e.getMessage());
        assertTrue(e.getMessage().matches(".*about \\d+ MB of memory.*"), e.getMessage());
    }

    @Test
    void jacksonsOwnWordsNeverReachTheUser() {
        ScenarioException trailing = rejected(scenario("\"t\"", "") + " {}");
        assertFalse(trailing.getMessage().contains("FAIL_ON_TRAILING_TOKENS"), trailing.getMessage());
        assertFalse(trailing.getMessage().contains("`"), trailing.getMessage());
        assertTrue(trailing.location().startsWith("line "), trailing.getMessage());
        ScenarioException longString = rejected(scenario("\"" + "s".repeat(20_000_001) + "\"", ""));
        assertFalse(longString.getMessage().contains("StreamReadConstraints"), longString.getMessage());
        assertFalse(longString.getMessage().contains("`"), longString.getMessage());
        assertFalse(longString.location().isEmpty(), longString.getMessage());
    }

    @Test
    void jsonThatIsNotJsonIsNamedInPlainWords() {
        String[][] cases = {
            {"\"targets\": [[0.5]]", "\"targets\": [[NaN]]", "NaN, which is not a JSON number"},
            {"\"targets\": [[0.5]]", "\"targets\": [[+5]]", "a number with a plus sign"},
            {"{\"format\"", "// a comment\n{\"format\"", "a comment, which JSON does not allow"},
        };
        for (String[] c : cases) {
            ScenarioException e = rejected(scenario("\"t\"", "").replace(c[0], c[1]));
            assertTrue(e.getMessage().contains(c[2]), e.getMessage());
            assertTrue(e.location().startsWith("line "), e.getMessage());
            for (String internal : new String[] {"JsonReadFeature", "Feature", "ALLOW_", "parser"}) {
                assertFalse(e.getMessage().contains(internal), e.getMessage());
            }
        }
    }

    @Test
    void aStepNumberTooLargeForAnyTraceIsSaidSoWithItsPath() {
        String lesson = ", \"lesson\": [{\"step\": 1, \"caption\": \"x goes in\", \"checks\": [{\"check\": \"value\", "
                + "\"claim\": \"x goes in\", \"of\": \"x[1][999999999999999999999999999999]\", \"near\": 1, \"within\": 0}]}]";
        ScenarioException e = rejected(scenario("\"t\"", lesson));
        assertEquals("$.lesson[0].checks[0]", e.location(), e.getMessage());
        assertTrue(e.getMessage().contains("larger than any step or component"), e.getMessage());
        assertFalse(e.getMessage().contains("For input string"), e.getMessage());
    }

    @Test
    void aTraceOfMinutesOfWorkIsRefusedBeforeItStartsThoughItFitsInMemory() {
        // an LSTM of hidden size 1024 over 5,000 steps: under 1 GB of trace, but 2.5 minutes of arithmetic
        String big = TEMPLATE.replace("\"cell\": \"rnn\"", "\"cell\": \"lstm\"").replace("\"hiddenSize\": 3", "\"hiddenSize\": 1024")
                .replace("\"mapping\": \"many-to-one\"", "\"mapping\": \"many-to-many\"")
                .replace("\"inputs\": [[1, 0], [0, 1]]", "\"inputs\": [" + "[1, 0], ".repeat(4999) + "[0, 1]]")
                .replace("\"targets\": [[0.5]]", "\"targets\": [" + "[0.5], ".repeat(4999) + "[0.5]]")
                .replace("%TITLE%", "\"t\"").replace("%MORE%", "");
        assertTrue(Limits.traceBytes(4, 2, 1024, 1, 5000) < Limits.MAX_TRACE_BYTES, "the memory limit lets it through");
        ScenarioException e = rejected(big);
        assertEquals("$", e.location(), e.getMessage());
        assertTrue(e.getMessage().contains("billion multiply-adds"), e.getMessage());
        // a tenth of it is a few seconds of work and loads
        String small = big.replace("[1, 0], ".repeat(4999), "[1, 0], ".repeat(499)).replace("[0.5], ".repeat(4999), "[0.5], ".repeat(499));
        Path f = dir.resolve("small.json");
        assertDoesNotThrow(() -> {
            Files.writeString(f, small);
            ScenarioReader.read(f);
        });
    }

    @Test
    void textsHoldNoControlCharactersDirectionOverridesOrHalfSurrogates() throws Exception {
        String[][] refused = {
            {"\"a\\u001b[2Jb\"", "", "$.title", "U+001B"},
            {"\"two\\nlines\"", "", "$.title", "a line break"},
            {"\"\"", "", "$.title", "an empty string"},
            {"\"abc\\u202edef\"", "", "$.title", "a direction override"},
            {"\"half \\ud800 pair\"", "", "$.title", "half of a surrogate pair"},
            {"\"t\"", ", \"description\": \"bell\\u0007\"", "$.description", "U+0007"},
            {"\"t\"", ", \"lesson\": [{\"step\": 1, \"caption\": \"x\\u001b]0;PWNED\\u0007\"}]", "$.lesson[0].caption", "U+001B"},
        };
        for (String[] c : refused) {
            ScenarioException e = rejected(scenario(c[0], c[1]));
            assertEquals(c[2], e.location(), e.getMessage());
            assertTrue(e.getMessage().contains(c[3]), e.getMessage());
            assertFalse(e.getMessage().chars().anyMatch(ch -> ch < 0x20), e.getMessage());
        }
        // a description or a caption may have line breaks; a title may be in any script, emoji included
        Path f = dir.resolve("ok.json");
        Files.writeString(f, scenario("\"\u05e9\u05dc\u05d5\u05dd \ud83d\ude00\"", ", \"description\": \"one\\ntwo\\tthree\""));
        assertEquals("one\ntwo\tthree", ScenarioReader.read(f).description());
    }

    @Test
    void aLessonOfHoursOfChecksOrRacesIsRefusedAtTheBeatThatGoesOverTheLimit() {
        // races of two shipped samples, each counted at a race's own limit: four fit, the fifth does not
        String race = "{\"step\": 1, \"caption\": \"c\", \"question\": {\"prompt\": \"p\", \"ask\": \"race\", "
                + "\"task\": \"adding\", \"length\": 20, \"networks\": [\"adding-rnn.json\", \"adding-lstm.json\"]}}";
        ScenarioException five = rejected(scenario("\"t\"", ", \"lesson\": [" + String.join(", ", java.util.Collections.nCopies(5, race)) + "]"));
        assertEquals("$.lesson[4]", five.location(), five.getMessage());
        assertTrue(five.getMessage().contains("multiply-adds"), five.getMessage());
        Path four = dir.resolve("four.json");
        assertDoesNotThrow(() -> {
            Files.writeString(four, scenario("\"t\"", ", \"lesson\": [" + String.join(", ", java.util.Collections.nCopies(4, race)) + "]"));
            ScenarioReader.read(four);
        }, "four races fit");
        // "steps" checks nested four deep over 65,536 steps: 2^64 engine runs, which a long count wrapped to 0
        String nested = "{\"check\": \"ablate\", \"zero\": \"h[1]\", \"then\": {\"check\": \"exists\", \"of\": \"y[T]\", \"is\": true}}";
        for (int k = 0; k < 4; k++) {
            nested = "{\"check\": \"steps\", \"from\": \"1\", \"to\": \"T\", \"each\": " + nested + "}";
        }
        String many = "[1, 0], ".repeat(65_535) + "[0, 1]";
        String deep = TEMPLATE.replace("\"inputs\": [[1, 0], [0, 1]]", "\"inputs\": [" + many + "]")
                .replace("\"hiddenSize\": 3", "\"hiddenSize\": 1").replace("%TITLE%", "\"t\"")
                .replace("%MORE%", ", \"lesson\": [{\"step\": 1, \"caption\": \"c\", \"checks\": [" + nested + "]}]");
        ScenarioException wrapped = rejected(deep);
        assertEquals("$.lesson[0]", wrapped.location(), wrapped.getMessage());
        // an ablation at every step of a long sequence: the engine run again once a step, each run as long as the sequence
        String inputs = "[1, 0], ".repeat(19_999) + "[0, 1]";
        String longOne = TEMPLATE.replace("\"inputs\": [[1, 0], [0, 1]]", "\"inputs\": [" + inputs + "]")
                .replace("\"hiddenSize\": 3", "\"hiddenSize\": 64").replace("%TITLE%", "\"t\"")
                .replace("%MORE%", ", \"lesson\": [{\"step\": 1, \"caption\": \"h goes\", \"checks\": [{\"check\": \"steps\", "
                        + "\"from\": \"1\", \"to\": \"T\", \"each\": {\"check\": \"ablate\", \"zero\": \"h[t]\", \"then\": "
                        + "{\"check\": \"exists\", \"of\": \"y[T]\", \"is\": true}}}]}]");
        ScenarioException ablations = rejected(longOne);
        assertEquals("$.lesson[0]", ablations.location(), ablations.getMessage());
        assertTrue(ablations.getMessage().contains("multiply-adds"), ablations.getMessage());
    }

    @Test
    void messageQuotingEscapesEveryControlAndBidiCharacterAndBoundsTheLength() {
        assertEquals("a\\u001bb\\u0007c\\u202e", Text.quote("a\u001bb\u0007c\u202e", 100));
        String q = Text.quote("y".repeat(5000), 100);
        assertTrue(q.length() <= 120, q);
        assertTrue(q.contains("5000 characters"), q);
        assertEquals("plain é ∂", Text.quote("plain é ∂", 100));
    }
}
