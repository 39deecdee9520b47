package org.unrolled.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.unrolled.document.ScenarioDocument;
import org.unrolled.document.TrainingRecord;
import org.unrolled.engine.InitSpec;
import org.unrolled.engine.ScenarioEdits;

/** The optional {@code training} field: strict reading, a faithful round trip, dropped by weight edits. */
class TrainingFieldTest {
    private static final String BASE = """
        {"format": "rnn-scenario/1", "title": "t", "cell": "lstm",
         "inputSize": 2, "hiddenSize": 3, "outputSize": 1, "mapping": "many-to-one", "loss": "mse",
         "inputs": [[0.5, 1], [0.25, 0]], "targets": [[0.5]], "init": {"seed": 1}, "training": %s}
        """;
    private static final String GOOD = """
        {"command": "unrolled race --task adding", "score": "rmse", "heldOut": 10, "shown": 0,
         "history": [[0, 0.52, 0.0], [1600, 0.4101234567890123, 2.5]]}""";

    private static ScenarioDocument read(String training) throws ScenarioException {
        return ScenarioReader.parse(String.format(BASE, training), "s.json");
    }

    @Test
    void readsAndWritesTheRecordExactly() throws Exception {
        ScenarioDocument s = read(GOOD);
        TrainingRecord t = s.training();
        assertEquals("unrolled race --task adding", t.command());
        assertEquals(2, t.history().size());
        assertEquals(1600, t.history().get(1).sequences());
        assertEquals(0.4101234567890123, t.history().get(1).score(), 0.0);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ScenarioWriter.write(s, out);
        ScenarioDocument again = ScenarioReader.parse(out.toString(StandardCharsets.UTF_8), "again.json");
        assertEquals(t, again.training());
    }

    @Test
    void badRecordsNameThePathAndWhatWasExpected() {
        String[][] cases = {
            {GOOD.replace("\"shown\": 0,", "\"shown\": 0, \"shwn\": 1,"), "$.training.shwn: unknown field \"shwn\"; did you mean \"shown\"?"},
            {GOOD.replace("\"rmse\"", "\"loss\""), "$.training.score: expected \"rmse\" or \"accuracy\""},
            {GOOD.replace("[1600,", "[0,"), "$.training.history[1][0]: expected a whole number of sequences above"},
            {GOOD.replace("2.5]", "-1]"), "$.training.history[1][2]: expected seconds"},
            {GOOD.replace("\"shown\": 0", "\"shown\": 10"), "$.training.shown: expected a whole number from 0 to 9"},
            {GOOD.replace(", 2.5]", "]"), "$.training.history[1]: expected 3 numbers"},
            {"[1, 2]", "$.training: expected an object"},
        };
        for (String[] c : cases) {
            ScenarioException e = assertThrows(ScenarioException.class, () -> read(c[0]), c[1]);
            assertTrue(e.getMessage().contains(c[1]), e.getMessage());
        }
    }

    @Test
    void aWhatIfChangeOfTheWeightsDropsTheRecord() throws Exception {
        ScenarioDocument s = read(GOOD);
        assertNull(s.withScenario(ScenarioEdits.withForgetBias(s.scenario(), 2)).training());
        assertNull(s.withScenario(ScenarioEdits.withSpectralRadius(s.scenario(), 0.9)).training());
        assertNull(s.withScenario(ScenarioEdits.reinitialised(s.scenario(), InitSpec.withDefaultScale(3))).training());
        assertEquals(s.training(), s.withScenario(ScenarioEdits.withInput(s.scenario(), 1, 0, 0.75)).training(),
                "an input edit keeps the weights");
    }
}
