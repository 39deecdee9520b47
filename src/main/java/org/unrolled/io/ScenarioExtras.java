package org.unrolled.io;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.unrolled.document.Beat;
import org.unrolled.document.Check;
import org.unrolled.document.Checks;
import org.unrolled.document.Example;
import org.unrolled.document.Highlight;
import org.unrolled.document.Question;
import org.unrolled.document.Questions;
import org.unrolled.document.ScenarioDocument;
import org.unrolled.document.TrainingRecord;
import org.unrolled.document.Vocabulary;
import org.unrolled.engine.JsonNamed;
import org.unrolled.engine.LossKind;
import org.unrolled.engine.Matrix;
import org.unrolled.engine.Scenario;

/**
 * The project's optional scenario fields, beside the spec's: {@code vocabulary}, {@code examples},
 * {@code heldOut} and {@code lesson} (documented in docs/scenario-fields.md). A file without them is a plain
 * {@code rnn-scenario/1} file; one with them still means the same network and sequence.
 */
final class ScenarioExtras {
    static final String[] FIELDS = {"vocabulary", "examples", "heldOut", "lesson", TrainingField.NAME};
    private static final String[] VOCABULARY_FIELDS = {"inputs", "outputs"};
    private static final String[] EXAMPLE_FIELDS = {"name", "inputs", "targets"};
    private static final String[] BEAT_FIELDS = {"step", "phase", "caption", "highlight", "checks", "question"};
    /** Checks nested deeper than this (ablate inside all inside steps ...) are refused. */
    private static final int MAX_CHECK_DEPTH = 6;
    private static final int MAX_CHECKS = 50;
    private static final int MAX_WORD = 40;

    private final JsonFields json;

    ScenarioExtras(JsonFields json) {
        this.json = json;
    }

    /** The document: the validated {@code core} scenario with the title and the optional fields of {@code root}. */
    ScenarioDocument read(JsonNode root, Scenario core, String title, String description) throws ScenarioException {
        Vocabulary vocabulary = root.has("vocabulary") ? vocabulary(root.get("vocabulary"), core) : null;
        List<Example> examples = root.has("examples") ? examples(root.get("examples"), core, "$.examples") : null;
        List<Example> heldOut = root.has("heldOut") ? examples(root.get("heldOut"), core, "$.heldOut") : null;
        List<Beat> lesson = root.has("lesson") ? lesson(root.get("lesson"), core) : null;
        TrainingRecord training = root.has(TrainingField.NAME)
                ? TrainingField.read(json, root.get(TrainingField.NAME)) : null;
        try {
            return new ScenarioDocument(core, title, description, vocabulary, examples, heldOut, lesson, training);
        } catch (IllegalArgumentException e) {
            // every rule of ScenarioDocument is checked above with a path; this is a second line of defence
            throw json.error("$", "inconsistent scenario: " + e.getMessage());
        }
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
            words.add(json.text(w.textValue(), p + "[" + k + "]", false, true));
        }
        return words;
    }

    /** A list of examples at JSON path {@code p}: the training set or the held-out set, checked alike. */
    private List<Example> examples(JsonNode node, Scenario s, String p) throws ScenarioException {
        json.requireArray(node, p, "an array of examples {\"inputs\": [...], \"targets\": [...]}");
        json.checkLength(node.size(), Limits.MAX_EXAMPLES, p, "examples");
        List<Example> examples = new ArrayList<>(node.size());
        long vectors = 0;
        for (int k = 0; k < node.size(); k++) {
            String at = p + "[" + k + "]";
            JsonNode e = node.get(k);
            json.requireObject(e, at, "an example {\"name\": \"...\", \"inputs\": [...], \"targets\": [...]}");
            json.checkKnownFields(e, at, EXAMPLE_FIELDS);
            String name = json.text(json.boundedString(e, "name", at, Limits.MAX_NAME_CHARS, false), at + ".name", false, false);
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
            long steps = Limits.recordedSteps(s.mapping(), inputs.size(), targets.size());
            // training runs the engine on every example: each must fit like the scenario itself
            String tooLarge = Limits.tooLarge("this example's trace", s.cell().gateCount(), s.inputSize(), s.hiddenSize(),
                    s.outputSize(), steps);
            if (tooLarge != null) {
                throw json.error(at, tooLarge);
            }
            try {
                s.withSequence(example.inputs(), example.targetVectors(), example.targetClasses());
            } catch (IllegalArgumentException bad) {
                throw json.error(at, "this example does not fit a " + s.mapping().jsonName() + " scenario: "
                        + bad.getMessage());
            }
            examples.add(example);
        }
        return examples;
    }

    /** Multiply-adds of the lesson's beats read so far (see {@link Limits#MAX_LESSON_WORK}). */
    private double lessonWork;

    /** Multiply-adds to work out a beat's checks and question: engine runs times the trace's work; a race at its limit. */
    private static double work(List<Check> checks, Question question, Scenario s) {
        double trace = Limits.traceWork(s.cell().gateCount(), s.inputSize(), s.hiddenSize(), s.outputSize(),
                Limits.recordedSteps(s.mapping(), s.inputCount(), s.targetCount()));
        int steps = Math.max(s.inputCount(), s.targetCount());
        double runs = 0;
        for (Check c : checks) {
            runs += Checks.engineRuns(c, steps);
        }
        if (question != null && question.kind() == Question.Kind.CHOICES) {
            for (Question.Choice c : question.choices()) {
                runs += Checks.engineRuns(c.check(), steps);
            }
        }
        double races = question != null && question.kind() == Question.Kind.RACE ? org.unrolled.document.RaceQuestion.MAX_WORK : 0;
        if (question != null && question.kind() == Question.Kind.RHO) {
            // the sequence run again with the weights scaled, and the spectral radius of W_hh (about 10·H³)
            runs += 1;
            races += 10.0 * s.hiddenSize() * s.hiddenSize() * s.hiddenSize();
        }
        return runs * trace + races;
    }

    private List<Beat> lesson(JsonNode node, Scenario s) throws ScenarioException {
        String p = "$.lesson";
        lessonWork = 0;
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
            String caption = json.text(json.boundedString(beat, "caption", at, Limits.MAX_CAPTION_CHARS, true), at + ".caption", true, false);
            List<Highlight> highlight = new ArrayList<>();
            if (beat.has("highlight")) {
                JsonNode h = beat.get("highlight");
                json.requireArray(h, at + ".highlight", "an array of names from " + JsonNamed.choices(Highlight.class));
                for (int j = 0; j < h.size(); j++) {
                    JsonNode name = h.get(j);
                    java.util.Optional<Highlight> known = name.isTextual()
                            ? JsonNamed.parse(Highlight.class, name.textValue()) : java.util.Optional.empty();
                    if (known.isEmpty()) {
                        throw json.error(at + ".highlight[" + j + "]", "expected one of "
                                + JsonNamed.choices(Highlight.class) + ", found " + JsonFields.describe(name));
                    }
                    highlight.add(known.get());
                }
            }
            List<Check> checks = new ArrayList<>();
            if (beat.has("checks")) {
                JsonNode c = beat.get("checks");
                json.requireArray(c, at + ".checks", "an array of checks {\"check\": \"value\", \"of\": \"h[2][0]\", ...}");
                json.checkLength(c.size(), MAX_CHECKS, at + ".checks", "checks");
                for (int j = 0; j < c.size(); j++) {
                    checks.add(check(c.get(j), at + ".checks[" + j + "]", 0));
                }
            }
            Question question = beat.has("question") ? question(beat.get("question"), at + ".question", s) : null;
            beats.add(new Beat(step, backward, caption, highlight, checks, question));
            lessonWork += work(checks, question, s);
            if (lessonWork > Limits.MAX_LESSON_WORK) {
                throw json.error(at, String.format(java.util.Locale.ROOT, "the lesson's checks and questions up to here"
                        + " would take about %.1e multiply-adds to work out, more than the %.0e allowed (the window and the"
                        + " handout work them all out each time the file is opened): fewer races, or ablations over fewer"
                        + " steps", lessonWork, Limits.MAX_LESSON_WORK));
            }
        }
        return beats;
    }

    /** A beat's question at JSON path {@code at}: a generated kind, or the lecturer's choices with checks. */
    private Question question(JsonNode node, String at, Scenario s) throws ScenarioException {
        json.requireObject(node, at, "a question {\"prompt\": \"...\", \"ask\": \"value\" | \"ratio\" | \"gate\""
                + " | \"output\" | \"rho\" | \"race\" | \"choices\", ...}");
        String prompt = json.text(json.requiredString(node, "prompt", at), at + ".prompt", true, false);
        if (prompt.isBlank()) {
            throw json.error(at + ".prompt", "expected the question's text, found an empty string");
        }
        Question.Kind kind = json.requiredEnum(node, "ask", at, Question.Kind.class);
        Question q = switch (kind) {
            case VALUE -> {
                json.checkKnownFields(node, at, "prompt", "ask", "of", "cuts");
                List<Double> cuts = new ArrayList<>();
                if (node.has("cuts")) {
                    JsonNode c = node.get("cuts");
                    json.requireArray(c, at + ".cuts", "1 to 3 increasing numbers");
                    for (int k = 0; k < c.size(); k++) {
                        cuts.add(json.number(c.get(k), at + ".cuts[" + k + "]"));
                    }
                } else {
                    cuts.addAll(List.of(-0.5, 0.0, 0.5));
                }
                yield Question.value(prompt, json.requiredString(node, "of", at), cuts);
            }
            case RATIO -> {
                json.checkKnownFields(node, at, "prompt", "ask", "of");
                JsonNode of = json.required(node, "of", at);
                if (!of.isArray() || of.size() != 2 || !of.get(0).isTextual() || !of.get(1).isTextual()) {
                    throw json.error(at + ".of", "expected two quantities [\"first\", \"second\"], found "
                            + JsonFields.describe(of));
                }
                yield Question.ratio(prompt, of.get(0).textValue(), of.get(1).textValue());
            }
            case GATE -> {
                json.checkKnownFields(node, at, "prompt", "ask", "gate", "at");
                int step = json.requiredInt(node, "at", at, 1, Math.max(1, s.columns()));
                yield Question.gate(prompt, json.requiredString(node, "gate", at), step);
            }
            case OUTPUT -> {
                json.checkKnownFields(node, at, "prompt", "ask", "of");
                yield Question.output(prompt, json.requiredString(node, "of", at));
            }
            case RHO -> {
                json.checkKnownFields(node, at, "prompt", "ask", "to", "of");
                yield Question.rho(prompt, json.number(json.required(node, "to", at), at + ".to"),
                        json.requiredString(node, "of", at));
            }
            case CHOICES -> {
                json.checkKnownFields(node, at, "prompt", "ask", "choices");
                JsonNode c = json.required(node, "choices", at);
                json.requireArray(c, at + ".choices", "2 to 4 choices {\"text\": \"...\", \"check\": {...}}");
                json.checkLength(c.size(), Question.MAX_CHOICES, at + ".choices", "choices");
                List<Question.Choice> choices = new ArrayList<>();
                for (int k = 0; k < c.size(); k++) {
                    String ck = at + ".choices[" + k + "]";
                    JsonNode choice = c.get(k);
                    json.requireObject(choice, ck, "a choice {\"text\": \"...\", \"check\": {...}}");
                    json.checkKnownFields(choice, ck, "text", "check");
                    choices.add(new Question.Choice(json.text(json.requiredString(choice, "text", ck), ck + ".text", false, true),
                            check(json.required(choice, "check", ck), ck + ".check", 0)));
                }
                yield Question.written(prompt, choices);
            }
            case RACE -> race(node, at, prompt);
        };
        try {
            Questions.validate(q, s);
        } catch (IllegalArgumentException e) {
            throw json.error(at, e.getMessage());
        }
        return q;
    }

    /**
     * A race question: {@code "task"}, {@code "length"}, {@code "networks"} ("this" or shipped samples' file
     * names), and optionally the race's {@code "seed"} (default 1) and how many of its held-out
     * {@code "sequences"} (default 1000).
     */
    private Question race(JsonNode node, String at, String prompt) throws ScenarioException {
        json.checkKnownFields(node, at, "prompt", "ask", "task", "length", "networks", "seed", "sequences");
        String task = json.requiredString(node, "task", at);
        if (!task.equals("adding") && !task.equals("order")) {
            throw json.error(at + ".task", "expected \"adding\" or \"order\", found " + JsonFields.describe(node.get("task")));
        }
        int length = json.requiredInt(node, "length", at, 2, 1000);
        JsonNode n = json.required(node, "networks", at);
        json.requireArray(n, at + ".networks", "2 to 4 networks, each \"this\" or a shipped sample's file name");
        json.checkLength(n.size(), Question.MAX_CHOICES, at + ".networks", "networks");
        List<String> networks = new ArrayList<>();
        for (int k = 0; k < n.size(); k++) {
            if (!n.get(k).isTextual()) {
                throw json.error(at + ".networks[" + k + "]", "expected \"this\" or a shipped sample's file name, found "
                        + JsonFields.describe(n.get(k)));
            }
            String name = n.get(k).textValue();
            if (!name.equals(Question.Race.THIS) && !name.matches("[A-Za-z0-9._-]{1,80}\\.json")) {
                throw json.error(at + ".networks[" + k + "]", "expected \"this\" or a shipped sample's file name, such as"
                        + " adding-rnn.json, found " + JsonFields.describe(n.get(k)));
            }
            if (networks.contains(name)) {
                throw json.error(at + ".networks[" + k + "]", "\"" + name + "\" is named twice");
            }
            networks.add(name);
        }
        if (networks.size() < 2) {
            throw json.error(at + ".networks", "expected 2 to 4 networks, found " + networks.size());
        }
        int minLength = task.equals("order") ? 10 : 2;
        if (length < minLength) {
            throw json.error(at + ".length", "the " + task + " task needs at least " + minLength + " steps, found " + length);
        }
        long seed = node.has("seed") ? json.requiredLong(node, "seed", at) : 1;
        int sequences = node.has("sequences") ? json.requiredInt(node, "sequences", at, 1, Question.Race.MAX_SEQUENCES)
                : Question.Race.MAX_SEQUENCES;
        return Question.race(prompt, new Question.Race(task, length, networks, seed, sequences));
    }

    /** Writes a beat's question as the reader reads it. */
    private static void writeQuestion(JsonGenerator g, Question q) throws IOException {
        g.writeObjectFieldStart("question");
        g.writeStringField("prompt", q.prompt());
        g.writeStringField("ask", q.kind().jsonName());
        switch (q.kind()) {
            case VALUE -> {
                g.writeStringField("of", q.of().get(0));
                g.writeArrayFieldStart("cuts");
                for (double c : q.cuts()) {
                    g.writeNumber(c);
                }
                g.writeEndArray();
            }
            case RATIO -> {
                g.writeArrayFieldStart("of");
                g.writeString(q.of().get(0));
                g.writeString(q.of().get(1));
                g.writeEndArray();
            }
            case GATE -> {
                g.writeStringField("gate", q.of().get(0));
                g.writeNumberField("at", q.at());
            }
            case OUTPUT -> g.writeStringField("of", q.of().get(0));
            case RHO -> {
                g.writeNumberField("to", q.number());
                g.writeStringField("of", q.of().get(0));
            }
            case RACE -> {
                Question.Race r = q.race();
                g.writeStringField("task", r.task());
                g.writeNumberField("length", r.length());
                g.writeArrayFieldStart("networks");
                for (String name : r.networks()) {
                    g.writeString(name);
                }
                g.writeEndArray();
                g.writeNumberField("seed", r.seed());
                g.writeNumberField("sequences", r.sequences());
            }
            case CHOICES -> {
                g.writeArrayFieldStart("choices");
                for (Question.Choice c : q.choices()) {
                    g.writeStartObject();
                    g.writeStringField("text", c.text());
                    g.writeFieldName("check");
                    writeCheck(g, c.check());
                    g.writeEndObject();
                }
                g.writeEndArray();
            }
        }
        g.writeEndObject();
    }

    private Check check(JsonNode node, String at, int depth) throws ScenarioException {
        json.requireObject(node, at, "a check {\"check\": \"value\" | \"ratio\" | \"argmax\" | \"exists\" | \"ablate\""
                + " | \"all\" | \"steps\", ...}");
        if (depth > MAX_CHECK_DEPTH) {
            throw json.error(at, "checks nested at most " + MAX_CHECK_DEPTH + " deep");
        }
        String kind = json.requiredString(node, "check", at);
        String claim = node.has("claim") ? json.requiredString(node, "claim", at) : "";
        Check check;
        switch (kind) {
            case "value" -> {
                json.checkKnownFields(node, at, "check", "claim", "of", "near", "within", "above", "below");
                check = new Check.Value(claim, json.requiredString(node, "of", at), bound(node, at));
            }
            case "ratio" -> {
                json.checkKnownFields(node, at, "check", "claim", "of", "near", "within", "above", "below");
                JsonNode of = json.required(node, "of", at);
                if (!of.isArray() || of.size() != 2 || !of.get(0).isTextual() || !of.get(1).isTextual()) {
                    throw json.error(at + ".of", "expected two quantities [\"numerator\", \"denominator\"], found "
                            + JsonFields.describe(of));
                }
                check = new Check.Ratio(claim, of.get(0).textValue(), of.get(1).textValue(), bound(node, at));
            }
            case "argmax" -> {
                json.checkKnownFields(node, at, "check", "claim", "of", "is", "isNot");
                if (node.has("is") == node.has("isNot")) {
                    throw json.error(at, "expected exactly one of \"is\" and \"isNot\" (a class index, an output word"
                            + " or \"target\")");
                }
                String field = node.has("is") ? "is" : "isNot";
                JsonNode v = node.get(field);
                if (!v.isTextual() && !v.isIntegralNumber()) {
                    throw json.error(at + "." + field, "expected a class index, an output word or \"target\", found "
                            + JsonFields.describe(v));
                }
                check = new Check.Argmax(claim, json.requiredString(node, "of", at), v.asText(), field.equals("isNot"));
            }
            case "exists" -> {
                json.checkKnownFields(node, at, "check", "claim", "of", "is");
                JsonNode v = json.required(node, "is", at);
                if (!v.isBoolean()) {
                    throw json.error(at + ".is", "expected true or false, found " + JsonFields.describe(v));
                }
                check = new Check.Exists(claim, json.requiredString(node, "of", at), v.booleanValue());
            }
            case "ablate" -> {
                json.checkKnownFields(node, at, "check", "claim", "zero", "then");
                check = new Check.Ablate(claim, json.requiredString(node, "zero", at),
                        check(json.required(node, "then", at), at + ".then", depth + 1));
            }
            case "all" -> {
                json.checkKnownFields(node, at, "check", "claim", "of");
                JsonNode of = json.required(node, "of", at);
                json.requireArray(of, at + ".of", "an array of checks");
                json.checkLength(of.size(), MAX_CHECKS, at + ".of", "checks");
                List<Check> all = new ArrayList<>();
                for (int k = 0; k < of.size(); k++) {
                    all.add(check(of.get(k), at + ".of[" + k + "]", depth + 1));
                }
                check = new Check.All(claim, all);
            }
            case "steps" -> {
                json.checkKnownFields(node, at, "check", "claim", "from", "to", "each");
                check = new Check.Steps(claim, indexText(node, "from", at), indexText(node, "to", at),
                        check(json.required(node, "each", at), at + ".each", depth + 1));
            }
            case "history" -> {
                json.checkKnownFields(node, at, "check", "claim", "from", "to", "of", "near", "within", "above", "below");
                String of = node.has("of") ? json.requiredString(node, "of", at) : "score";
                if (!of.equals("score") && !of.equals("seconds")) {
                    throw json.error(at + ".of", "expected \"score\" or \"seconds\", found \"" + of + "\"");
                }
                check = new Check.History(claim, json.requiredLong(node, "from", at), json.requiredLong(node, "to", at),
                        of.equals("seconds"), bound(node, at));
            }
            case "sample" -> {
                json.checkKnownFields(node, at, "check", "claim", "sample", "then");
                check = new Check.Sample(claim, json.requiredString(node, "sample", at),
                        check(json.required(node, "then", at), at + ".then", depth + 1));
            }
            default -> throw json.error(at + ".check", "expected value, ratio, argmax, exists, ablate, all, steps, history"
                    + " or sample, found \"" + kind + "\"");
        }
        try {
            Checks.validate(check);
        } catch (IllegalArgumentException e) {
            throw json.error(at, e.getMessage());
        }
        return check;
    }

    private String indexText(JsonNode node, String name, String at) throws ScenarioException {
        JsonNode v = json.required(node, name, at);
        if (v.isIntegralNumber() && v.canConvertToInt()) {
            return Integer.toString(v.intValue());
        }
        if (v.isTextual()) {
            return v.textValue();
        }
        throw json.error(at + "." + name, "expected a step: a number, or T or T-1, found " + JsonFields.describe(v));
    }

    private Check.Bound bound(JsonNode node, String at) throws ScenarioException {
        Double near = optionalNumber(node, "near", at);
        Double within = optionalNumber(node, "within", at);
        Double above = optionalNumber(node, "above", at);
        Double below = optionalNumber(node, "below", at);
        if (near == null && above == null && below == null) {
            throw json.error(at, "expected \"near\" (with \"within\"), \"above\" or \"below\"");
        }
        if ((near == null) != (within == null)) {
            throw json.error(at, "\"near\" and \"within\" go together");
        }
        return new Check.Bound(near, within, above, below);
    }

    private Double optionalNumber(JsonNode node, String name, String at) throws ScenarioException {
        return node.has(name) ? json.number(node.get(name), at + "." + name) : null;
    }

    /** Writes one check as the reader reads it. */
    private static void writeCheck(JsonGenerator g, Check c) throws IOException {
        g.writeStartObject();
        if (c instanceof Check.Value v) {
            g.writeStringField("check", "value");
            claim(g, c);
            g.writeStringField("of", v.of());
            writeBound(g, v.bound());
        } else if (c instanceof Check.Ratio r) {
            g.writeStringField("check", "ratio");
            claim(g, c);
            g.writeArrayFieldStart("of");
            g.writeString(r.numerator());
            g.writeString(r.denominator());
            g.writeEndArray();
            writeBound(g, r.bound());
        } else if (c instanceof Check.Argmax a) {
            g.writeStringField("check", "argmax");
            claim(g, c);
            g.writeStringField("of", a.of());
            g.writeStringField(a.negated() ? "isNot" : "is", a.is());
        } else if (c instanceof Check.Exists e) {
            g.writeStringField("check", "exists");
            claim(g, c);
            g.writeStringField("of", e.of());
            g.writeBooleanField("is", e.is());
        } else if (c instanceof Check.Ablate a) {
            g.writeStringField("check", "ablate");
            claim(g, c);
            g.writeStringField("zero", a.zero());
            g.writeFieldName("then");
            writeCheck(g, a.then());
        } else if (c instanceof Check.All all) {
            g.writeStringField("check", "all");
            claim(g, c);
            g.writeArrayFieldStart("of");
            for (Check each : all.of()) {
                writeCheck(g, each);
            }
            g.writeEndArray();
        } else if (c instanceof Check.History h) {
            g.writeStringField("check", "history");
            claim(g, c);
            g.writeNumberField("from", h.from());
            g.writeNumberField("to", h.to());
            if (h.seconds()) {
                g.writeStringField("of", "seconds");
            }
            writeBound(g, h.bound());
        } else if (c instanceof Check.Sample o) {
            g.writeStringField("check", "sample");
            claim(g, c);
            g.writeStringField("sample", o.sample());
            g.writeFieldName("then");
            writeCheck(g, o.then());
        } else if (c instanceof Check.Steps st) {
            g.writeStringField("check", "steps");
            claim(g, c);
            g.writeStringField("from", st.from());
            g.writeStringField("to", st.to());
            g.writeFieldName("each");
            writeCheck(g, st.each());
        }
        g.writeEndObject();
    }

    private static void claim(JsonGenerator g, Check c) throws IOException {
        if (!c.claim().isEmpty()) {
            g.writeStringField("claim", c.claim());
        }
    }

    private static void writeBound(JsonGenerator g, Check.Bound b) throws IOException {
        if (b.near() != null) {
            g.writeNumberField("near", b.near());
            g.writeNumberField("within", b.within());
        }
        if (b.above() != null) {
            g.writeNumberField("above", b.above());
        }
        if (b.below() != null) {
            g.writeNumberField("below", b.below());
        }
    }

    /** Writes the optional fields that the document has. */
    static void write(ScenarioDocument s, JsonGenerator g) throws IOException {
        Vocabulary v = s.vocabulary();
        if (!v.isEmpty()) {
            g.writeObjectFieldStart("vocabulary");
            words(g, "inputs", v.inputs());
            words(g, "outputs", v.outputs());
            g.writeEndObject();
        }
        writeExamples(g, "examples", s.examples());
        writeExamples(g, "heldOut", s.heldOut());
        if (!s.lesson().isEmpty()) {
            g.writeArrayFieldStart("lesson");
            for (Beat b : s.lesson()) {
                g.writeStartObject();
                g.writeNumberField("step", b.step());
                g.writeStringField("phase", b.backward() ? "backward" : "forward");
                g.writeStringField("caption", b.caption());
                if (!b.highlight().isEmpty()) {
                    words(g, "highlight", b.highlight().stream().map(Highlight::jsonName).toList());
                }
                if (!b.checks().isEmpty()) {
                    g.writeArrayFieldStart("checks");
                    for (Check c : b.checks()) {
                        writeCheck(g, c);
                    }
                    g.writeEndArray();
                }
                if (b.question() != null) {
                    writeQuestion(g, b.question());
                }
                g.writeEndObject();
            }
            g.writeEndArray();
        }
        if (s.training() != null) {
            TrainingField.write(s.training(), g);
        }
    }

    private static void writeExamples(JsonGenerator g, String field, List<Example> examples) throws IOException {
        if (examples.isEmpty()) {
            return;
        }
        g.writeArrayFieldStart(field);
        for (Example e : examples) {
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
