package org.unrolled.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.unrolled.document.ScenarioDocument;
import org.unrolled.engine.Evaluation;
import org.unrolled.engine.Mapping;
import org.unrolled.engine.ScenarioEdits;
import org.unrolled.engine.Trainer;

/** {@code heldOut}: examples never trained on, read and written like {@code examples}. */
class HeldOutFieldTest {
    /** Class 1 for every input (cell weights 0, output bias (0, 1)); trained on 2 examples, 3 held out. */
    private static final String DOC = """
        {"format": "rnn-scenario/1", "title": "t", "cell": "rnn", "inputSize": 2, "hiddenSize": 1,
         "outputSize": 2, "mapping": "many-to-one", "loss": "cross-entropy", "inputs": [[1, 0]], "targets": [1],
         "weights": {"weight_ih": [[0, 0]], "weight_hh": [[0]], "bias_ih": [0], "bias_hh": [0],
                     "weight_out": [[0], [0]], "bias_out": [0, 1]},
         "examples": [{"inputs": [[1, 0]], "targets": [1]}, {"inputs": [[0, 1]], "targets": [1]}],
         "heldOut": [{"name": "a", "inputs": [[1, 0], [0, 1]], "targets": [0]},
                     {"name": "b", "inputs": [[0, 1], [0, 1]], "targets": [1]},
                     {"name": "c", "inputs": [[0, 1], [1, 0], [1, 0]], "targets": [0]}]}
        """;

    @Test
    void itIsReadScoredAndWrittenBack() throws Exception {
        ScenarioDocument s = ScenarioReader.parse(DOC, "s.json");
        assertEquals(3, s.heldOut().size());
        assertEquals(2, s.trainingSet().size(), "the held-out examples are not trained on");
        Evaluation.Score held = Evaluation.score(s.heldOutSet());
        assertEquals(1, held.correctSteps(), "class 1 is right for b only");
        assertEquals(3, held.steps());
        assertEquals(2, Evaluation.score(s.trainingSet()).correctSteps(), "both training examples want class 1");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ScenarioWriter.write(s, out);
        ScenarioDocument again = ScenarioReader.parse(out.toString(StandardCharsets.UTF_8), "again.json");
        assertEquals(3, again.heldOut().size());
        assertEquals("c", again.heldOut().get(2).name());
        assertArrayEquals(s.heldOut().get(2).inputs().toRowMajor(), again.heldOut().get(2).inputs().toRowMajor());
        assertArrayEquals(new int[] {0}, again.heldOut().get(2).targetClasses());
    }

    @Test
    void aHeldOutExampleIsCheckedLikeATrainingExample() {
        ScenarioException e = assertThrows(ScenarioException.class,
                () -> ScenarioReader.parse(DOC.replace("\"targets\": [0]}]}", "\"targets\": [0, 1]}]}"), "s.json"));
        assertEquals("$.heldOut[2]", e.location(), e.getMessage());
        assertTrue(e.getMessage().contains("many-to-one"), e.getMessage());
        e = assertThrows(ScenarioException.class,
                () -> ScenarioReader.parse(DOC.replace("\"name\": \"a\", \"inputs\": [[1, 0]", "\"name\": \"a\", \"inputs\": [[1]"),
                        "s.json"));
        assertEquals("$.heldOut[0].inputs[0]", e.location(), e.getMessage());
        e = assertThrows(ScenarioException.class,
                () -> ScenarioReader.parse(DOC.replace("{\"name\": \"b\",", "{\"nmae\": \"b\","), "s.json"));
        assertEquals("$.heldOut[1].nmae", e.location(), e.getMessage());
    }

    @Test
    void trainingIgnoresItAndAMappingChangeDropsIt() throws Exception {
        ScenarioDocument s = ScenarioReader.parse(DOC, "s.json");
        ScenarioDocument without = s.withExamples(s.examples(), java.util.List.of());
        assertEquals(s.trainingSet().size(), without.trainingSet().size(), "the held-out examples are not in the training set");
        Trainer.Settings one = new Trainer.Settings(Trainer.Optimizer.SGD, 0.5, 3, 0);
        assertArrayEquals(org.unrolled.engine.Parameters.flatten(Trainer.train(without.scenario(), without.trainingSet(), one,
                        (d, t, l) -> { }).scenario().weights()),
                org.unrolled.engine.Parameters.flatten(Trainer.train(s.scenario(), s.trainingSet(), one,
                        (d, t, l) -> { }).scenario().weights()), 0.0);
        assertTrue(s.withScenario(ScenarioEdits.withMapping(s.scenario(), Mapping.MANY_TO_MANY, null,
                org.unrolled.engine.InitSpec.withDefaultScale(1))).heldOut().isEmpty());
    }
}
