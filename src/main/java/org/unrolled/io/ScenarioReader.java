package org.unrolled.io;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import org.unrolled.document.ScenarioDocument;
import org.unrolled.engine.Activation;
import org.unrolled.engine.CellType;
import org.unrolled.engine.CellWeights;
import org.unrolled.engine.Feedback;
import org.unrolled.engine.GruVariant;
import org.unrolled.engine.InitSpec;
import org.unrolled.engine.LossKind;
import org.unrolled.engine.Mapping;
import org.unrolled.engine.Matrix;
import org.unrolled.engine.NetworkWeights;
import org.unrolled.engine.Scenario;
import org.unrolled.engine.SeededInit;

/**
 * Reads {@code rnn-scenario/1} files and checks every field against the spec. Every problem becomes a
 * {@link ScenarioException} naming the file, the JSON path and what was expected; nothing here throws
 * anything else for bad input.
 */
public final class ScenarioReader {
    public static final String FORMAT = "rnn-scenario/1";

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    private static final String[] TOP_FIELDS = {"format", "title", "description", "cell", "activation",
        "gruVariant", "inputSize", "hiddenSize", "outputSize", "mapping", "loss", "feedback", "startInput",
        "inputs", "targets", "h0", "c0", "weights", "init"};
    private static final String[] TOP_FIELDS_AND_EXTRAS = java.util.stream.Stream.concat(
            java.util.Arrays.stream(TOP_FIELDS), java.util.Arrays.stream(ScenarioExtras.FIELDS)).toArray(String[]::new);
    private static final String[] CELL_WEIGHT_FIELDS = {"weight_ih", "weight_hh", "bias_ih", "bias_hh"};
    private static final String[] WEIGHT_FIELDS = {"weight_ih", "weight_hh", "bias_ih", "bias_hh",
        "weight_out", "bias_out"};
    private static final String[] SEQ2SEQ_WEIGHT_FIELDS = {"encoder", "decoder", "weight_out", "bias_out"};
    private static final String[] INIT_FIELDS = {"seed", "scale"};

    private ScenarioReader() {
    }

    /** Reads and validates the scenario file {@code file}: the document, with its scenario and all around it. */
    public static ScenarioDocument read(Path file) throws ScenarioException {
        String source = file.toString();
        if (source.isEmpty()) {
            throw new ScenarioException("(no name)", "", "the scenario's file name is empty; name a .json file");
        }
        String text;
        try {
            String notFile = SafeFiles.notARegularFile(file);
            if (notFile != null) {
                // a pipe would block the read forever, a device such as /dev/zero never end
                throw new ScenarioException(source, "", notFile);
            }
            long size = Files.size(file);
            if (size > Limits.MAX_FILE_BYTES) {
                throw new ScenarioException(source, "", "the file is " + size / (1024 * 1024)
                        + " MB; scenario files may be at most " + Limits.MAX_FILE_BYTES / (1024 * 1024) + " MB");
            }
            byte[] bytes = SafeFiles.readRegular(file, Limits.MAX_FILE_BYTES);
            text = new String(bytes, StandardCharsets.UTF_8);
            if (text.indexOf('\uFFFD') >= 0) {
                // a replacement character: written as such in the file, or a byte that is not UTF-8
                StandardCharsets.UTF_8.newDecoder().decode(java.nio.ByteBuffer.wrap(bytes));
            }
        } catch (NoSuchFileException e) {
            throw new ScenarioException(source, "", "no such file");
        } catch (AccessDeniedException e) {
            throw new ScenarioException(source, "", "permission denied: the file cannot be read");
        } catch (java.nio.charset.CharacterCodingException e) {
            throw new ScenarioException(source, "", "the file is not UTF-8 text");
        } catch (SafeFiles.TooLargeException e) {
            throw new ScenarioException(source, "", "the file grew past " + Limits.MAX_FILE_BYTES / (1024 * 1024)
                    + " MB while it was read; scenario files may be at most that");
        } catch (SafeFiles.NotRegularFileException e) {
            throw new ScenarioException(source, "", e.getMessage());
        } catch (IOException e) {
            throw new ScenarioException(source, "", "cannot be read: " + AtomicFiles.describe(e));
        }
        return parse(text, source);
    }

    /** Parses and validates scenario JSON; {@code source} names it in messages. */
    public static ScenarioDocument parse(String json, String source) throws ScenarioException {
        if (json.startsWith("\uFEFF")) {
            json = json.substring(1); // a UTF-8 byte-order mark, as Windows editors write; JSON allows ignoring it
        }
        JsonShape.check(MAPPER.getFactory(), json, source);
        JsonNode root;
        try {
            root = MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            String where = at == null ? "" : "line " + at.getLineNr() + ", column " + at.getColumnNr();
            throw new ScenarioException(source, where, "not valid JSON: " + JsonShape.plain(e.getOriginalMessage()));
        }
        if (root == null || root.isMissingNode()) {
            throw new ScenarioException(source, "", (json.isEmpty() ? "the file is empty" : "the file is empty (only spaces and line breaks)")
                    + "; expected a JSON object");
        }
        return new Fields(source).scenario(root);
    }

    /** The validation of one document; {@code source} names the file in every message. */
    private static final class Fields {
        private final JsonFields json;

        Fields(String source) {
            this.json = new JsonFields(source);
        }

        ScenarioDocument scenario(JsonNode root) throws ScenarioException {
            String p = "$";
            json.requireObject(root, p, "a scenario object");
            JsonNode declared = root.get("format");
            if (declared != null && declared.isTextual() && !FORMAT.equals(declared.asText())
                    && declared.asText().startsWith("rnn-") && !declared.asText().startsWith("rnn-scenario/")) {
                // another of the formats' files (a trace, say): said first, before its fields are called unknown
                throw json.error(p + ".format", "this is an \"" + Text.quote(declared.asText(), 40) + "\" file, not a scenario (\""
                        + FORMAT + "\")" + (declared.asText().startsWith("rnn-trace/") ? "; a trace is written from a "
                        + "scenario: give the scenario it came from" : ""));
            }
            json.checkKnownFields(root, p, TOP_FIELDS_AND_EXTRAS);
            String format = json.requiredString(root, "format", p);
            if (!FORMAT.equals(format)) {
                throw json.error(p + ".format", "expected \"" + FORMAT + "\", found " + JsonFields.describe(root.get("format")));
            }
            Scenario.Builder b = new Scenario.Builder();
            String title = json.text(json.boundedString(root, "title", p, Limits.MAX_TITLE_CHARS, true), p + ".title", false, true);
            String description = json.text(json.boundedString(root, "description", p, Limits.MAX_DESCRIPTION_CHARS, false),
                    p + ".description", true, false);
            b.cell = json.requiredEnum(root, "cell", p, CellType.class);
            b.inputSize = json.requiredInt(root, "inputSize", p, 1, Limits.MAX_LAYER_SIZE);
            b.hiddenSize = json.requiredInt(root, "hiddenSize", p, 1, Limits.MAX_LAYER_SIZE);
            b.outputSize = json.requiredInt(root, "outputSize", p, 1, Limits.MAX_LAYER_SIZE);
            b.mapping = json.requiredEnum(root, "mapping", p, Mapping.class);
            b.loss = json.requiredEnum(root, "loss", p, LossKind.class);
            cellOptions(root, b);
            b.feedback = feedback(root, b);
            b.inputs = inputs(root, b);
            targets(root, b);
            checkSequenceLengths(root, b);
            b.h0 = json.optionalVector(root, "h0", p, b.hiddenSize, "hiddenSize");
            if (root.has("c0") && b.cell != CellType.LSTM) {
                throw json.error("$.c0", "only an LSTM has a cell state c0; remove this field for a "
                        + b.cell.jsonName() + " cell");
            }
            b.c0 = json.optionalVector(root, "c0", p, b.hiddenSize, "hiddenSize");
            if (root.has("startInput") && b.mapping != Mapping.SEQ2SEQ) {
                throw json.error("$.startInput", "only seq2seq has a decoder start input; remove this field for "
                        + b.mapping.jsonName());
            }
            b.startInput = json.optionalVector(root, "startInput", p, b.inputSize, "inputSize");
            weightsOrInit(root, b);
            Scenario core;
            try {
                core = b.build();
            } catch (IllegalArgumentException e) {
                // Every rule of Scenario is checked above with a path; this is a second line of defence.
                throw json.error("$", "inconsistent scenario: " + e.getMessage());
            }
            return new ScenarioExtras(json).read(root, core, title, description);
        }

        private void cellOptions(JsonNode root, Scenario.Builder b) throws ScenarioException {
            if (root.has("activation") && b.cell != CellType.RNN) {
                throw json.error("$.activation", "\"activation\" belongs to a vanilla \"rnn\" cell; an "
                        + b.cell.jsonName() + " has fixed activations, so remove this field");
            }
            if (root.has("gruVariant") && b.cell != CellType.GRU) {
                throw json.error("$.gruVariant", "\"gruVariant\" belongs to a \"gru\" cell; remove it for "
                        + b.cell.jsonName());
            }
            b.activation = root.has("activation")
                    ? json.requiredEnum(root, "activation", "$", Activation.class) : Activation.TANH;
            b.gruVariant = root.has("gruVariant")
                    ? json.requiredEnum(root, "gruVariant", "$", GruVariant.class) : GruVariant.PYTORCH;
        }

        private Feedback feedback(JsonNode root, Scenario.Builder b) throws ScenarioException {
            boolean needed = b.mapping.usesFeedback();
            if (!needed) {
                if (root.has("feedback")) {
                    throw json.error("$.feedback", "only one-to-many and seq2seq feed outputs back; remove "
                            + "\"feedback\" for " + b.mapping.jsonName());
                }
                return null;
            }
            if (!root.has("feedback")) {
                throw json.error("$", "missing field \"feedback\": " + b.mapping.jsonName()
                        + " needs one of " + org.unrolled.engine.JsonNamed.choices(Feedback.class));
            }
            Feedback f = json.requiredEnum(root, "feedback", "$", Feedback.class);
            if (f != Feedback.ZEROS && b.outputSize != b.inputSize) {
                throw json.error("$.feedback", "\"" + f.jsonName() + "\" feeds an output-sized vector (outputSize "
                        + b.outputSize + ") into the next input (inputSize " + b.inputSize
                        + "), so the two sizes must be equal; use \"zeros\" or change the sizes");
            }
            return f;
        }

        private Matrix inputs(JsonNode root, Scenario.Builder b) throws ScenarioException {
            JsonNode node = json.required(root, "inputs", "$");
            json.requireArray(node, "$.inputs", "an array of input vectors");
            if (node.isEmpty()) {
                throw json.error("$.inputs", "expected at least one input vector (T ≥ 1), found an empty array");
            }
            json.checkLength(node.size(), Limits.MAX_SEQUENCE_LENGTH, "$.inputs", "input vectors");
            return json.matrix(node, "$.inputs", b.inputSize, "inputSize");
        }

        private void targets(JsonNode root, Scenario.Builder b) throws ScenarioException {
            JsonNode node = json.required(root, "targets", "$");
            json.requireArray(node, "$.targets", "an array of targets");
            if (node.isEmpty()) {
                throw json.error("$.targets", "expected at least one target, found an empty array");
            }
            json.checkLength(node.size(), Limits.MAX_SEQUENCE_LENGTH, "$.targets", "targets");
            if (b.loss == LossKind.MSE) {
                b.targetVectors = json.matrix(node, "$.targets", b.outputSize, "outputSize");
            } else {
                int[] classes = new int[node.size()];
                for (int k = 0; k < classes.length; k++) {
                    classes[k] = json.classIndex(node.get(k), "$.targets[" + k + "]", b.outputSize);
                }
                b.targetClasses = classes;
            }
        }

        private void checkSequenceLengths(JsonNode root, Scenario.Builder b) throws ScenarioException {
            int inputs = b.inputs.rows();
            int targets = root.get("targets").size();
            String m = b.mapping.jsonName();
            switch (b.mapping) {
                case ONE_TO_ONE -> {
                    expectCount("$.inputs", inputs, 1, m + " takes exactly one input vector");
                    expectCount("$.targets", targets, 1, m + " has exactly one target");
                }
                case ONE_TO_MANY -> expectCount("$.inputs", inputs, 1, m
                        + " takes exactly one input vector x_1 (later inputs come from \"feedback\")");
                case MANY_TO_ONE -> expectCount("$.targets", targets, 1, m + " has exactly one target, for y_T");
                case MANY_TO_MANY -> expectCount("$.targets", targets, inputs, m
                        + " has one target per input (" + inputs + " inputs)");
                case SEQ2SEQ -> { }
            }
            int gates = b.cell.gateCount();
            long steps = Limits.recordedSteps(b.mapping, inputs, targets);
            String tooLarge = Limits.tooLarge("this scenario's trace", gates, b.inputSize, b.hiddenSize, b.outputSize, steps);
            if (tooLarge != null) {
                throw json.error("$", tooLarge);
            }
        }

        private void expectCount(String path, int found, int expected, String why) throws ScenarioException {
            if (found != expected) {
                throw json.error(path, why + "; found " + found);
            }
        }

        private void weightsOrInit(JsonNode root, Scenario.Builder b) throws ScenarioException {
            boolean hasWeights = root.has("weights");
            boolean hasInit = root.has("init");
            if (hasWeights && hasInit) {
                throw json.error("$", "give either \"weights\" or \"init\", not both");
            }
            if (!hasWeights && !hasInit) {
                throw json.error("$", "missing field \"weights\" (explicit parameters) or \"init\" "
                        + "({\"seed\": 7, \"scale\": 0.5} for seeded random ones)");
            }
            if (hasInit) {
                JsonNode init = root.get("init");
                json.requireObject(init, "$.init", "an object such as {\"seed\": 7, \"scale\": 0.5}");
                json.checkKnownFields(init, "$.init", INIT_FIELDS);
                long seed = json.requiredLong(init, "seed", "$.init");
                double scale = Double.NaN;
                if (init.has("scale")) {
                    scale = json.number(init.get("scale"), "$.init.scale");
                    if (!(scale > 0)) {
                        throw json.error("$.init.scale", "expected a positive number, found " + scale);
                    }
                }
                b.init = new InitSpec(seed, scale);
                b.weights = SeededInit.weights(b.init, b.cell, b.mapping, b.inputSize, b.hiddenSize, b.outputSize);
                return;
            }
            JsonNode w = root.get("weights");
            String p = "$.weights";
            json.requireObject(w, p, "an object of weight matrices and bias vectors");
            CellWeights encoder = null;
            CellWeights cell;
            if (b.mapping == Mapping.SEQ2SEQ) {
                json.checkKnownFields(w, p, SEQ2SEQ_WEIGHT_FIELDS);
                encoder = cellWeights(json.required(w, "encoder", p), p + ".encoder", b, true);
                cell = cellWeights(json.required(w, "decoder", p), p + ".decoder", b, true);
            } else {
                if (w.has("encoder") || w.has("decoder")) {
                    throw json.error(p + (w.has("encoder") ? ".encoder" : ".decoder"), "only seq2seq has "
                            + "separate encoder and decoder weights; " + b.mapping.jsonName()
                            + " takes weight_ih, weight_hh, bias_ih, bias_hh directly in \"weights\"");
                }
                json.checkKnownFields(w, p, WEIGHT_FIELDS);
                cell = cellWeights(w, p, b, false);
            }
            JsonNode out = json.required(w, "weight_out", p);
            Matrix weightOut = json.sizedMatrix(out, p + ".weight_out", b.outputSize, "outputSize",
                    b.hiddenSize, "hiddenSize");
            double[] biasOut = json.vector(json.required(w, "bias_out", p), p + ".bias_out", b.outputSize,
                    "outputSize");
            b.weights = new NetworkWeights(encoder, cell, weightOut, biasOut);
        }

        private CellWeights cellWeights(JsonNode node, String p, Scenario.Builder b, boolean ownObject)
                throws ScenarioException {
            if (ownObject) {
                json.requireObject(node, p, "an object with weight_ih, weight_hh, bias_ih, bias_hh");
                json.checkKnownFields(node, p, CELL_WEIGHT_FIELDS);
            }
            int rows = b.cell.gateCount() * b.hiddenSize;
            String rowsWhy = b.cell == CellType.RNN ? "hiddenSize"
                    : b.cell.gateCount() + " × hiddenSize, gates " + String.join(", ", b.cell.gateNames().split(""));
            Matrix wih = json.sizedMatrix(json.required(node, "weight_ih", p), p + ".weight_ih", rows, rowsWhy,
                    b.inputSize, "inputSize");
            Matrix whh = json.sizedMatrix(json.required(node, "weight_hh", p), p + ".weight_hh", rows, rowsWhy,
                    b.hiddenSize, "hiddenSize");
            double[] bih = json.vector(json.required(node, "bias_ih", p), p + ".bias_ih", rows, rowsWhy);
            double[] bhh = json.vector(json.required(node, "bias_hh", p), p + ".bias_hh", rows, rowsWhy);
            return new CellWeights(wih, whh, bih, bhh);
        }
    }
}
