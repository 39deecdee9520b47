package org.unrolled.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.unrolled.engine.CellType;
import org.unrolled.engine.Scenario;

/** One test per validation rule: the message names the file, the JSON path and what was expected. */
class ScenarioReaderTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** A valid vanilla RNN, I = 2, H = 3, O = 1, many-to-one over T = 2. */
    private static ObjectNode valid() {
        return (ObjectNode) JSON.valueToTree(parseJson("""
            {"format": "rnn-scenario/1", "title": "t", "cell": "rnn", "activation": "tanh",
             "inputSize": 2, "hiddenSize": 3, "outputSize": 1, "mapping": "many-to-one", "loss": "mse",
             "inputs": [[1, 0], [0, 1]], "targets": [[0.5]], "h0": [0, 0, 0],
             "weights": {"weight_ih": [[1, 2], [3, 4], [5, 6]], "weight_hh": [[1, 0, 0], [0, 1, 0], [0, 0, 1]],
                         "bias_ih": [0, 0, 0], "bias_hh": [0, 0, 0], "weight_out": [[1, 1, 1]], "bias_out": [0]}}
            """));
    }

    private static com.fasterxml.jackson.databind.JsonNode parseJson(String text) {
        try {
            return JSON.readTree(text);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static ScenarioException error(ObjectNode doc) {
        return assertThrows(ScenarioException.class, () -> ScenarioReader.parse(doc.toString(), "s.json"));
    }

    private static ScenarioException error(Consumer<ObjectNode> edit) throws Exception {
        ObjectNode doc = valid();
        edit.accept(doc);
        return error(doc);
    }

    private static void assertError(ScenarioException e, String path, String... fragments) {
        assertEquals("s.json", e.source());
        assertEquals(path, e.location(), e.getMessage());
        for (String f : fragments) {
            assertTrue(e.getMessage().contains(f), "message \"" + e.getMessage() + "\" should contain \"" + f + "\"");
        }
        assertTrue(e.getMessage().startsWith("s.json: " + path + ": "), e.getMessage());
    }

    @Test
    void aTraceGivenAsAScenarioIsNamedForWhatItIs() {
        String trace = "{\"format\": \"rnn-trace/1\", \"scenario\": \"x\", \"loss\": 0.5, \"steps\": []}";
        var e = assertThrows(ScenarioException.class, () -> ScenarioReader.parse(trace, "t.json"));
        assertTrue(e.getMessage().contains("$.format: this is an \"rnn-trace/1\" file, not a scenario"), e.getMessage());
        assertTrue(e.getMessage().contains("give the scenario it came from"), e.getMessage());
    }

    @Test
    void theValidBaseReads() throws Exception {
        Scenario s = ScenarioReader.parse(valid().toString(), "s.json").scenario();
        assertEquals(CellType.RNN, s.cell());
        assertEquals(2, s.inputCount());
        assertArrayEquals(new double[] {3, 4}, s.weights().cell().weightIh().row(1));
    }

    @Test
    void raggedMatrix() throws Exception {
        var e = error(d -> ((ArrayNode) d.at("/weights/weight_hh/2")).remove(0));
        assertError(e, "$.weights.weight_hh[2]", "expected 3 numbers (hiddenSize), found 2");
    }

    @Test
    void matrixWithTheWrongNumberOfRows() throws Exception {
        var e = error(d -> ((ArrayNode) d.at("/weights/weight_ih")).remove(0));
        assertError(e, "$.weights.weight_ih", "expected 3 rows", "found 2");
    }

    @Test
    void lstmWeightsNeedFourBlocks() throws Exception {
        var e = error(d -> {
            d.put("cell", "lstm");
            d.remove("activation");
        });
        assertError(e, "$.weights.weight_ih", "expected 12 rows (4 × hiddenSize, gates i, f, g, o), found 3");
    }

    @Test
    void inputOfTheWrongSize() throws Exception {
        var e = error(d -> ((ArrayNode) d.at("/inputs/1")).add(3));
        assertError(e, "$.inputs[1]", "expected 2 numbers (inputSize), found 3");
    }

    @Test
    void emptySequence() throws Exception {
        var e = error(d -> d.putArray("inputs"));
        assertError(e, "$.inputs", "at least one input vector (T ≥ 1)");
    }

    @Test
    void targetClassOutOfRange() throws Exception {
        var e = error(d -> {
            d.put("loss", "cross-entropy");
            d.put("outputSize", 3);
            d.putArray("targets").add(3);
            d.set("weights", weightsWithOutputs(3));
        });
        assertError(e, "$.targets[0]", "a class index (a whole number from 0 to 2", "found 3");
    }

    @Test
    void targetClassThatIsNotAWholeNumber() throws Exception {
        var e = error(d -> {
            d.put("loss", "cross-entropy");
            d.putArray("targets").add(0.5);
        });
        assertError(e, "$.targets[0]", "class index", "found the number 0.5");
    }

    private static ObjectNode weightsWithOutputs(int o) {
        ObjectNode w = (ObjectNode) valid().get("weights");
        ArrayNode out = w.putArray("weight_out");
        ArrayNode bias = w.putArray("bias_out");
        for (int k = 0; k < o; k++) {
            out.addArray().add(1).add(1).add(1);
            bias.add(0);
        }
        return w;
    }

    @Test
    void freeRunningNeedsOutputSizeEqualToInputSize() throws Exception {
        var e = error(d -> {
            d.put("mapping", "one-to-many");
            d.put("feedback", "free-running");
            ((ArrayNode) d.get("inputs")).remove(1);
        });
        assertError(e, "$.feedback", "outputSize 1", "inputSize 2", "must be equal");
    }

    @Test
    void feedbackIsRequiredForOneToMany() throws Exception {
        var e = error(d -> {
            d.put("mapping", "one-to-many");
            ((ArrayNode) d.get("inputs")).remove(1);
        });
        assertError(e, "$", "missing field \"feedback\"", "\"teacher-forcing\", \"free-running\", \"zeros\"");
    }

    @Test
    void feedbackIsAnErrorForManyToOne() throws Exception {
        var e = error(d -> d.put("feedback", "zeros"));
        assertError(e, "$.feedback", "only one-to-many and seq2seq");
    }

    @Test
    void unknownFieldSuggestsTheSpelling() throws Exception {
        var e = error(d -> d.put("hiddenSzie", 3));
        assertError(e, "$.hiddenSzie", "unknown field \"hiddenSzie\"", "did you mean \"hiddenSize\"?");
    }

    @Test
    void unknownFieldInsideWeights() throws Exception {
        var e = error(d -> ((ObjectNode) d.get("weights")).put("bias", 1));
        assertError(e, "$.weights.bias", "unknown field \"bias\"");
    }

    @Test
    void wrongTypes() throws Exception {
        assertError(error(d -> d.put("hiddenSize", "three")), "$.hiddenSize",
                "expected a whole number from 1 to 1024, found the string \"three\"");
        assertError(error(d -> d.put("hiddenSize", 2.5)), "$.hiddenSize", "whole number", "found the number 2.5");
        assertError(error(d -> ((ArrayNode) d.at("/inputs/0")).set(1, JSON.getNodeFactory().textNode("x"))),
                "$.inputs[0][1]", "expected a number, found the string \"x\"");
        assertError(error(d -> d.put("inputs", 3)), "$.inputs", "expected an array of input vectors, found the number 3");
        assertError(error(d -> d.put("cell", "transformer")), "$.cell",
                "expected one of \"rnn\", \"lstm\", \"gru\", found \"transformer\"");
        assertError(error(d -> d.putNull("title")), "$.title", "expected a string, found null");
    }

    @Test
    void missingField() throws Exception {
        assertError(error(d -> d.remove("loss")), "$", "missing field \"loss\"");
        assertError(error(d -> ((ObjectNode) d.get("weights")).remove("bias_hh")), "$.weights", "missing field \"bias_hh\"");
    }

    @Test
    void nonFiniteNumberInInputs() {
        String text = """
            {"format": "rnn-scenario/1", "title": "t", "cell": "rnn", "inputSize": 1, "hiddenSize": 1,
             "outputSize": 1, "mapping": "many-to-one", "loss": "mse", "inputs": [[1], [1e999]], "targets": [[0]],
             "init": {"seed": 1}}""";
        var e = assertThrows(ScenarioException.class, () -> ScenarioReader.parse(text, "s.json"));
        assertError(e, "$.inputs[1][0]", "expected a finite number, found");
    }

    @Test
    void absurdHiddenSizeIsALimitMessage() throws Exception {
        var e = error(d -> d.put("hiddenSize", 1_000_000_000));
        assertError(e, "$.hiddenSize", "from 1 to 1024", "above the limit of 1024");
    }

    @Test
    void absurdTraceSizeIsALimitMessage() throws Exception {
        ObjectNode d = valid();
        d.put("cell", "lstm");
        d.remove("activation");
        d.put("hiddenSize", 1024);
        d.put("mapping", "many-to-one");
        ArrayNode inputs = d.putArray("inputs");
        for (int t = 0; t < 20_000; t++) {
            inputs.addArray().add(0).add(0);
        }
        d.remove("weights");
        d.remove("h0");
        d.putObject("init").put("seed", 1);
        assertError(error(d), "$", "would need about", "MB", "limit is 1024 MB");
    }

    @Test
    void optionsOnTheWrongCell() throws Exception {
        assertError(error(d -> d.put("gruVariant", "cho")), "$.gruVariant", "belongs to a \"gru\" cell");
        var e = error(d -> {
            d.put("cell", "gru");
        });
        assertError(e, "$.activation", "belongs to a vanilla \"rnn\" cell");
        assertError(error(d -> d.putArray("c0").add(0).add(0).add(0)), "$.c0", "only an LSTM");
        assertError(error(d -> d.putArray("startInput").add(0).add(0)), "$.startInput", "only seq2seq");
    }

    @Test
    void sequenceCountsFollowTheMapping() throws Exception {
        assertError(error(d -> d.put("mapping", "one-to-one")), "$.inputs", "exactly one input vector; found 2");
        assertError(error(d -> d.put("mapping", "many-to-many")), "$.targets", "one target per input (2 inputs); found 1");
        assertError(error(d -> ((ArrayNode) d.get("targets")).addArray().add(1)), "$.targets", "exactly one target");
    }

    @Test
    void weightsAndInitTogetherOrNeither() throws Exception {
        assertError(error(d -> d.putObject("init").put("seed", 1)), "$", "either \"weights\" or \"init\", not both");
        assertError(error(d -> d.remove("weights")), "$", "missing field \"weights\"");
        assertError(error(d -> {
            d.remove("weights");
            d.putObject("init").put("seed", 1).put("scale", -1);
        }), "$.init.scale", "positive number");
    }

    @Test
    void seq2seqWeightsNeedEncoderAndDecoder() throws Exception {
        var e = error(d -> {
            d.put("mapping", "seq2seq");
            d.put("feedback", "zeros");
        });
        assertError(e, "$.weights.weight_ih", "unknown field");
        var e2 = error(d -> ((ObjectNode) d.get("weights")).putObject("encoder"));
        assertError(e2, "$.weights.encoder", "only seq2seq has separate encoder and decoder weights");
    }

    @Test
    void wrongFormat() throws Exception {
        assertError(error(d -> d.put("format", "rnn-scenario/2")), "$.format", "expected \"rnn-scenario/1\"");
        assertError(error(d -> d.remove("format")), "$", "missing field \"format\"");
    }

    @Test
    void syntaxErrorsGiveLineAndColumn() {
        var e = assertThrows(ScenarioException.class, () -> ScenarioReader.parse("{\n  \"title\": ,\n}", "s.json"));
        assertEquals("line 2, column 12", e.location()); // the comma after "title":
        assertTrue(e.getMessage().contains("not valid JSON"), e.getMessage());
        var dup = assertThrows(ScenarioException.class,
                () -> ScenarioReader.parse("{\"title\": \"a\", \"title\": \"b\"}", "s.json"));
        assertTrue(dup.getMessage().contains("Duplicate field 'title'"), dup.getMessage());
        var top = assertThrows(ScenarioException.class, () -> ScenarioReader.parse("[1, 2]", "s.json"));
        assertError(top, "$", "expected a scenario object, found an array of 2");
        var empty = assertThrows(ScenarioException.class, () -> ScenarioReader.parse("", "s.json"));
        assertTrue(empty.getMessage().contains("empty"), empty.getMessage());
    }

    @Test
    void fileProblemsNameTheFile(@TempDir Path dir) throws Exception {
        Path missing = dir.resolve("nope.json");
        var e = assertThrows(ScenarioException.class, () -> ScenarioReader.read(missing));
        assertEquals(missing + ": no such file", e.getMessage());
        Path latin1 = dir.resolve("latin1.json");
        Files.write(latin1, new byte[] {'{', '"', (byte) 0xE9, '"', '}'});
        var e2 = assertThrows(ScenarioException.class, () -> ScenarioReader.read(latin1));
        assertTrue(e2.getMessage().startsWith(latin1.toString()), e2.getMessage());
    }

    @Test
    void seededInitIsReproducibleAndDependsOnTheSeed() throws Exception {
        ObjectNode d = valid();
        d.remove("weights");
        d.putObject("init").put("seed", 7);
        Scenario a = ScenarioReader.parse(d.toString(), "a").scenario();
        Scenario b = ScenarioReader.parse(d.toString(), "b").scenario();
        assertEquals(a.weights().cell().weightHh(), b.weights().cell().weightHh());
        ((ObjectNode) d.get("init")).put("seed", 8);
        Scenario c = ScenarioReader.parse(d.toString(), "c").scenario();
        assertNotEquals(a.weights().cell().weightHh(), c.weights().cell().weightHh());
        // default scale 1/√H: every weight within ±1/√3
        for (double w : a.weights().cell().weightHh().toRowMajor()) {
            assertTrue(Math.abs(w) <= 1 / Math.sqrt(3));
        }
    }
}
