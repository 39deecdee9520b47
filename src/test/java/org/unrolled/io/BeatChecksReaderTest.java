package org.unrolled.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.unrolled.document.Check;
import org.unrolled.document.ScenarioDocument;

/** A lesson beat's checks: read strictly (file, JSON path, what was expected) and written back the same. */
class BeatChecksReaderTest {
    private static String scenario(String checks) {
        return """
            {"format": "rnn-scenario/1", "title": "t", "cell": "rnn",
             "inputSize": 2, "hiddenSize": 3, "outputSize": 2, "mapping": "many-to-one", "loss": "cross-entropy",
             "inputs": [[1, 0], [0, 1]], "targets": [1], "init": {"seed": 1},
             "vocabulary": {"outputs": ["neg", "pos"]},
             "lesson": [{"step": 2, "caption": "It says pos. The state is small.", "checks": %s}]}
            """.formatted(checks);
    }

    private static final String ALL_KINDS = """
        [{"check": "value", "claim": "The state is small", "of": "norm(h[2])", "below": 2},
         {"check": "ratio", "of": ["norm(dL_dh[1])", "norm(dL_dh[2])"], "near": 0.5, "within": 0.5},
         {"check": "argmax", "claim": "It says pos", "of": "y[2]", "is": "pos"},
         {"check": "argmax", "of": "y[2]", "isNot": 0},
         {"check": "exists", "of": "y[1]", "is": false},
         {"check": "ablate", "zero": "h[1][2]", "then": {"check": "value", "of": "h[2][0]", "above": -1, "below": 1}},
         {"check": "all", "of": [{"check": "value", "of": "loss", "above": 0}]},
         {"check": "steps", "from": 1, "to": "T", "each": {"check": "value", "of": "maxabs(h[t])", "below": 1}},
         {"check": "history", "from": 0, "to": 1600, "above": 0.3},
         {"check": "history", "from": 0, "to": 1600, "of": "seconds", "below": 60},
         {"check": "sample", "sample": "rnn-step.json", "then": {"check": "value", "of": "loss", "above": 0}}]
        """;

    @Test
    void everyKindReadsAndWritesBackUnchanged() throws Exception {
        ScenarioDocument s = ScenarioReader.parse(scenario(ALL_KINDS), "s.json");
        List<Check> checks = s.lesson().get(0).checks();
        assertEquals(11, checks.size());
        assertEquals(new Check.History("", 0, 1600, true, new Check.Bound(null, null, null, 60.0)), checks.get(9));
        assertEquals(new Check.Argmax("It says pos", "y[2]", "pos", false), checks.get(2));
        assertEquals(new Check.Argmax("", "y[2]", "0", true), checks.get(3));
        assertEquals(new Check.Steps("", "1", "T", new Check.Value("", "maxabs(h[t])", new Check.Bound(null, null, null, 1.0))),
                checks.get(7));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ScenarioWriter.write(s, out);
        ScenarioDocument again = ScenarioReader.parse(out.toString(StandardCharsets.UTF_8), "again.json");
        assertEquals(s.lesson(), again.lesson());
    }

    private static ScenarioException error(String checks) {
        return assertThrows(ScenarioException.class, () -> ScenarioReader.parse(scenario(checks), "s.json"));
    }

    private static void assertError(ScenarioException e, String path, String fragment) {
        assertEquals(path, e.location(), e.getMessage());
        assertTrue(e.getMessage().contains(fragment), e.getMessage());
        assertTrue(e.getMessage().contains("s.json"), e.getMessage());
    }

    @Test
    void mistakesAreNamedWithTheirJsonPath() {
        assertError(error("[{\"check\": \"guess\"}]"), "$.lesson[0].checks[0].check", "expected value, ratio");
        assertError(error("[{\"check\": \"value\", \"of\": \"h[2]\", \"below\": 1}]"), "$.lesson[0].checks[0]",
                "is a vector");
        assertError(error("[{\"check\": \"value\", \"of\": \"h[2][0]\"}]"), "$.lesson[0].checks[0]", "\"above\" or \"below\"");
        assertError(error("[{\"check\": \"value\", \"of\": \"h[2][0]\", \"near\": 1}]"), "$.lesson[0].checks[0]", "go together");
        assertError(error("[{\"check\": \"value\", \"of\": \"h[2][0]\", \"abve\": 1}]"), "$.lesson[0].checks[0].abve",
                "");
        assertError(error("[{\"check\": \"argmax\", \"of\": \"y[2]\"}]"), "$.lesson[0].checks[0]", "exactly one of");
        assertError(error("[{\"check\": \"ablate\", \"zero\": \"y[2]\", \"then\": {\"check\": \"exists\", \"of\": \"y[2]\","
                + " \"is\": true}}]"), "$.lesson[0].checks[0]", "zeroes a state");
        assertError(error("[{\"check\": \"all\", \"of\": [{\"check\": \"value\", \"of\": \"wibble\", \"below\": 1}]}]"),
                "$.lesson[0].checks[0].of[0]", "unknown quantity");
        assertError(error("{}"), "$.lesson[0].checks", "an array of checks");
    }
}
