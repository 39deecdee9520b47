package org.unrolled.io;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.unrolled.engine.Beat;
import org.unrolled.engine.Example;
import org.unrolled.engine.LossKind;
import org.unrolled.engine.Matrix;
import org.unrolled.engine.Scenario;
import org.unrolled.engine.Vocabulary;

/**
 * The project's optional scenario fields, beside the spec's: {@code vocabulary}, {@code examples} and
 * {@code lesson} (documented in docs/scenario-fields.md). A file without them is a plain
 * {@code rnn-scenario/1} file; one with them still means the same network and sequence.
 */
final class ScenarioExtras {
    static final String[] FIELDS = {"vocabulary", "examples", "lesson"};
    private static final String[] VOCABULARY_FIELDS = {"inputs", "outputs"};
    private static final String[] EXAMPLE_FIELDS = {"name", "inputs", "targets"};
    private static final String[] BEAT_FIELDS = {"step", "phase", "caption", "highlight"};
    private static final int MAX_WORD = 40;

    private final JsonFields json;

    ScenarioExtras(JsonFields json) {
        this.json = json;
    }

    /** Adds the optional fields of {@code root} to the validated {@code core} scenario. */
    Scenario read(JsonNode root, Scenario core) throws ScenarioException {
        Scenario.Builder b = core.toBuilder();
        if (root.has("vocabulary")) {
            b.vocabulary = vocabulary(root.get("vocabulary"), core);
        }
        if (root.has("examples")) {
            b.examples = examples(root.get("examples"), core);
        }
        if (root.has("lesson")) {
            b.lesson = lesson(root.get("lesson"), core);
        }
        return b.build();
    }

    private Vocabulary vocabulary(JsonNode node, Scenario s) throws ScenarioException {
        String p = "$.vocabulary";
        json.requireObject(node, p, "an object {\"inputs\": [words], \"outputs\": [words]}");
        json.checkKnownFields(node, p, VOCABULARY_FIELDS);
        List<String> in = words(node, "inputs", s.inputSize(), "inputSize");
        List<String> out = words(node, "outputs", s.outputSize(), "outputSize");
        return new Vocabulary(in, out);
    }

    private List<String> words(JsonNode vocabulary, String name, int size, String sizeName) throws ScenarioException {
        if (!vocabulary.has(name)) {
            return List.of();
        }
        String p = "$.vocabulary." + name;
        JsonNode node = vocabulary.get(name);
        json.requireArray(node, p, "an array of " + size + " words, one per component (" + sizeName + ")");
        if (node.size() != size) {
            throw json.error(p, "expected " + size + " words, one per component (" + sizeName + " is " + size
                    + "), found " + node.size());
        }
        List<String> words = new ArrayList<>(size);
        for (int k = 0; k < size; k++) {
            JsonNode w = node.get(k);
            if (!w.isTextual() || w.textValue().isBlank() || w.textValue().length() > MAX_WORD) {
                throw json.error(p + "[" + k + "]", "expected a word (1 to " + MAX_WORD + " characters), found "
                        + JsonFields.describe(w));
            }
            words.add(w.textValue());
        }
        return words;
    }

    private List<Example> examples(JsonNode node, Scenario s) throws ScenarioException {
        String p = "$.examples";
        json.requireArray(node, p, "an array of examples {\"inputs\": [...], \"targets\": [...]}");
        json.checkLength(node.size(), Limits.MAX_EXAMPLES, p, "examples");
        List<Example> examples = new ArrayList<>(node.size());
        long vectors = 0;
        for (int k = 0; k < node.size(); k++) {
            String at = p + "[" + k + "]";
            JsonNode e = node.get(k);
            json.requireObject(e, at, "an example {\"name\": \"...\", \"inputs\": [...], \"targets\": [...]}");
            json.checkKnownFields(e, at, EXAMPLE_FIELDS);
            String name = json.boundedString(e, "name", at, Limits.MAX_NAME_CHARS, false);
            JsonNode inputs = json.required(e, "inputs", at);
            json.requireArray(inputs, at + ".inputs", "an array of input vectors");
            json.checkLength(inputs.size(), Limits.MAX_SEQUENCE_LENGTH, at + ".inputs", "input vectors");
            vectors += inputs.size();
            if (vectors > Limits.MAX_EXAMPLE_VECTORS) {
                // training runs every example on every update: the set as a whole is bounded like one sequence
                throw json.error(at + ".inputs", "the examples up to here hold " + vectors + " input vectors; all the "
                        + "examples together may hold at most " + Limits.MAX_EXAMPLE_VECTORS);
            }
            Matrix x = json.matrix(inputs, at + ".inputs", s.inputSize(), "inputSize");
            JsonNode targets = json.required(e, "targets", at);
            json.requireArray(targets, at + ".targets", "an array of targets");
            json.checkLength(targets.size(), Limits.MAX_SEQUENCE_LENGTH, at + ".targets", "targets");
            Example example;
            if (s.loss() == LossKind.MSE) {
                example = new Example(name, x, json.matrix(targets, at + ".targets", s.outputSize(), "outputSize"), null);
            } else {
                int[] classes = new int[targets.size()];
                for (int j = 0; j < classes.length; j++) {
                    classes[j] = json.classIndex(targets.get(j), at + ".targets[" + j + "]", s.outputSize());
                }
                example = new Example(name, x, null, classes);
            }
            long bytes = Limits.traceBytes(s.cell().gateCount(), s.inputSize(), s.hiddenSize(), s.outputSize(),
                    Limits.recordedSteps(s.mapping(), inputs.size(), targets.size()));
            if (bytes > Limits.MAX_TRACE_BYTES) {
                // training runs the engine on every example: each must fit like the scenario itself
                throw json.error(at, "this example's trace would need about " + bytes / (1024 * 1024) + " MB; the limit is "
                        + Limits.MAX_TRACE_BYTES / (1024 * 1024) + " MB: shorten it or the hidden size");
            }
            try {
                s.withExample(example);
            } catch (IllegalArgumentException bad) {
                throw json.error(at, "this example does not fit a " + s.mapping().jsonName() + " scenario: "
                        + bad.getMessage());
            }
            examples.add(example);
        }
        return examples;
    }

    private List<Beat> lesson(JsonNode node, Scenario s) throws ScenarioException {
        String p = "$.lesson";
        json.requireArray(node, p, "an array of beats {\"step\": 3, \"phase\": \"forward\", \"caption\": \"...\"}");
        json.checkLength(node.size(), Limits.MAX_BEATS, p, "beats");
        int columns = s.columns();
        List<Beat> beats = new ArrayList<>(node.size());
        for (int k = 0; k < node.size(); k++) {
            String at = p + "[" + k + "]";
            JsonNode beat = node.get(k);
            json.requireObject(beat, at, "a beat {\"step\": 3, \"phase\": \"forward\", \"caption\": \"...\"}");
            json.checkKnownFields(beat, at, BEAT_FIELDS);
            String phase = beat.has("phase") ? json.requiredString(beat, "phase", at) : "forward";
            if (!phase.equals("forward") && !phase.equals("backward")) {
                throw json.error(at + ".phase", "expected \"forward\" or \"backward\", found \"" + phase + "\"");
            }
            boolean backward = phase.equals("backward");
            int step = json.requiredInt(beat, "step", at, backward ? 1 : 0, columns);
            String caption = json.boundedString(beat, "caption", at, Limits.MAX_CAPTION_CHARS, true);
            List<String> highlight = new ArrayList<>();
            if (beat.has("highlight")) {
                JsonNode h = beat.get("highlight");
                json.requireArray(h, at + ".highlight", "an array of names from " + Beat.HIGHLIGHTS);
                for (int j = 0; j < h.size(); j++) {
                    JsonNode name = h.get(j);
                    if (!name.isTextual() || !Beat.HIGHLIGHTS.contains(name.textValue())) {
                        throw json.error(at + ".highlight[" + j + "]", "expected one of "
                                + String.join(", ", Beat.HIGHLIGHTS.stream().sorted().toList()) + ", found "
                                + JsonFields.describe(name));
                    }
                    highlight.add(name.textValue());
                }
            }
            beats.add(new Beat(step, backward, caption, highlight));
        }
        return beats;
    }

    /** Writes the optional fields that the scenario has. */
    static void write(Scenario s, JsonGenerator g) throws IOException {
        Vocabulary v = s.vocabulary();
        if (!v.isEmpty()) {
            g.writeObjectFieldStart("vocabulary");
            words(g, "inputs", v.inputs());
            words(g, "outputs", v.outputs());
            g.writeEndObject();
        }
        if (!s.examples().isEmpty()) {
            g.writeArrayFieldStart("examples");
            for (Example e : s.examples()) {
                g.writeStartObject();
                if (!e.name().isEmpty()) {
                    g.writeStringField("name", e.name());
                }
                ScenarioWriter.matrix(g, "inputs", e.inputs());
                if (e.targetVectors() != null) {
                    ScenarioWriter.matrix(g, "targets", e.targetVectors());
                } else {
                    g.writeArrayFieldStart("targets");
                    for (int k : e.targetClasses()) {
                        g.writeNumber(k);
                    }
                    g.writeEndArray();
                }
                g.writeEndObject();
            }
            g.writeEndArray();
        }
        if (!s.lesson().isEmpty()) {
            g.writeArrayFieldStart("lesson");
            for (Beat b : s.lesson()) {
                g.writeStartObject();
                g.writeNumberField("step", b.step());
                g.writeStringField("phase", b.backward() ? "backward" : "forward");
                g.writeStringField("caption", b.caption());
                if (!b.highlight().isEmpty()) {
                    words(g, "highlight", b.highlight());
                }
                g.writeEndObject();
            }
            g.writeEndArray();
        }
    }

    private static void words(JsonGenerator g, String name, List<String> words) throws IOException {
        if (words.isEmpty()) {
            return;
        }
        g.writeArrayFieldStart(name);
        for (String w : words) {
            g.writeString(w);
        }
        g.writeEndArray();
    }
}
