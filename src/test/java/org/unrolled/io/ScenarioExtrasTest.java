package org.unrolled.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.unrolled.document.Beat;
import org.unrolled.document.Highlight;
import org.unrolled.document.ScenarioDocument;

/** The project's optional fields: vocabulary, examples, lesson. */
class ScenarioExtrasTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** A valid RNN, I = 2, H = 3, O = 2 classes, many-to-one over T = 2, with all three optional fields. */
    private static ObjectNode valid() throws Exception {
        return (ObjectNode) JSON.readTree("""
            {"format": "rnn-scenario/1", "title": "t", "cell": "rnn",
             "inputSize": 2, "hiddenSize": 3, "outputSize": 2, "mapping": "many-to-one", "loss": "cross-entropy",
             "inputs": [[1, 0], [0, 1]], "targets": [1], "init": {"seed": 1},
             "vocabulary": {"inputs": ["not", "good"], "outputs": ["neg", "pos"]},
             "examples": [{"name": "not good", "inputs": [[1, 0], [0, 1]], "targets": [0]},
                          {"inputs": [[0, 1]], "targets": [1]}],
             "lesson": [{"step": 0, "caption": "h_0", "highlight": ["h"]},
                        {"step": 2, "phase": "backward", "caption": "back", "highlight": ["gradient", "W"]}]}
            """);
    }

    private static ScenarioException error(Consumer<ObjectNode> edit) throws Exception {
        ObjectNode doc = valid();
        edit.accept(doc);
        return assertThrows(ScenarioException.class, () -> ScenarioReader.parse(doc.toString(), "s.json"));
    }

    private static void assertError(ScenarioException e, String path, String... fragments) {
        assertEquals(path, e.location(), e.getMessage());
        for (String f : fragments) {
            assertTrue(e.getMessage().contains(f), "message \"" + e.getMessage() + "\" should contain \"" + f + "\"");
        }
    }

    @Test
    void allThreeFieldsRead() throws Exception {
        ScenarioDocument s = ScenarioReader.parse(valid().toString(), "s.json");
        assertEquals(List.of("not", "good"), s.vocabulary().inputs());
        assertEquals("pos", s.vocabulary().outputWord(1));
        assertEquals("good", s.vocabulary().inputWord(new double[] {0, 1}));
        assertEquals(null, s.vocabulary().inputWord(new double[] {0.5, 1}), "not one-hot: no word");
        assertEquals(2, s.examples().size());
        assertEquals("not good", s.examples().get(0).name());
        assertEquals(1, s.trainingSet().get(1).inputCount(), "an example may have its own length");
        assertEquals(new Beat(2, true, "back", List.of(Highlight.GRADIENT, Highlight.W)), s.lesson().get(1));
    }

    @Test
    void aFileWithoutThemIsUnchanged() throws Exception {
        ObjectNode doc = valid();
        doc.remove(List.of("vocabulary", "examples", "lesson"));
        ScenarioDocument s = ScenarioReader.parse(doc.toString(), "s.json");
        assertTrue(s.vocabulary().isEmpty() && s.examples().isEmpty() && s.lesson().isEmpty());
        assertEquals(1, s.trainingSet().size(), "without examples the scenario trains on its own sequence");
    }

    @Test
    void theWriterKeepsThem() throws Exception {
        ScenarioDocument s = ScenarioReader.parse(valid().toString(), "s.json");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ScenarioWriter.write(s, out);
        ScenarioDocument again = ScenarioReader.parse(out.toString(StandardCharsets.UTF_8), "again.json");
        assertEquals(s.vocabulary(), again.vocabulary());
        assertEquals(s.lesson(), again.lesson());
        assertEquals(s.examples().size(), again.examples().size());
        assertArrayEquals(s.examples().get(0).targetClasses(), again.examples().get(0).targetClasses());
        assertArrayEquals(s.examples().get(1).inputs().toRowMajor(), again.examples().get(1).inputs().toRowMajor());
    }

    @Test
    void aVocabularyHasOneWordPerComponent() throws Exception {
        assertError(error(d -> ((ObjectNode) d.get("vocabulary")).putArray("inputs").add("only")),
                "$.vocabulary.inputs", "expected 2 words", "inputSize");
        assertError(error(d -> ((ObjectNode) d.get("vocabulary")).putArray("outputs").add("a").add(3)),
                "$.vocabulary.outputs[1]", "expected a word");
        assertError(error(d -> ((ObjectNode) d.get("vocabulary")).put("output", "x")),
                "$.vocabulary.output", "outputs");
    }

    @Test
    void anExampleMustFitTheNetworkAndTheMapping() throws Exception {
        assertError(error(d -> ((ObjectNode) d.get("examples").get(1)).putArray("targets").add(0).add(1)),
                "$.examples[1]", "many-to-one");
        assertError(error(d -> ((ObjectNode) d.get("examples").get(0)).putArray("targets").add(2)),
                "$.examples[0].targets[0]", "class index");
        assertError(error(d -> ((ObjectNode) d.get("examples").get(0)).putArray("inputs").addArray().add(1)),
                "$.examples[0].inputs[0]", "inputSize");
        assertError(error(d -> ((ObjectNode) d.get("examples").get(0)).remove("inputs")),
                "$.examples[0]", "inputs");
    }

    @Test
    void aBeatNamesAPlaceOnTheTimelineAndKnownHighlights() throws Exception {
        assertError(error(d -> ((ObjectNode) d.get("lesson").get(0)).put("step", 3)),
                "$.lesson[0].step", "from 0 to 2");
        assertError(error(d -> ((ObjectNode) d.get("lesson").get(1)).put("step", 0)),
                "$.lesson[1].step", "from 1 to 2");
        assertError(error(d -> ((ObjectNode) d.get("lesson").get(0)).put("phase", "sideways")),
                "$.lesson[0].phase", "\"forward\" or \"backward\"");
        assertError(error(d -> ((ObjectNode) d.get("lesson").get(0)).putArray("highlight").add("hh")),
                "$.lesson[0].highlight[0]", "expected one of", "gradient");
        assertError(error(d -> ((ObjectNode) d.get("lesson").get(0)).remove("caption")),
                "$.lesson[0]", "caption");
    }
}
