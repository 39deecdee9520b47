package org.unrolled.document;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.unrolled.engine.CellType;
import org.unrolled.engine.Engine;
import org.unrolled.engine.Evaluation;
import org.unrolled.engine.LossKind;
import org.unrolled.engine.Quantity;
import org.unrolled.engine.Scenario;
import org.unrolled.engine.ScenarioEdits;
import org.unrolled.engine.Spectra;
import org.unrolled.engine.Trace;

/**
 * Computes a {@link Question}'s choices and its right answer from a trace. A generated kind splits
 * the possible numbers into intervals that do not overlap and leave no gap, so exactly one choice is
 * right whenever the number exists; a lecturer's choices are right when their checks hold, and the
 * answer says so when none or several do. Nothing here is typed in: a what-if change of the numbers
 * changes the answer with them.
 */
public final class Questions {
    private Questions() {
    }

    /** The decade boundaries of a ratio: 100× smaller, equal, 100× larger. */
    private static final double[] DECADE_CUTS = {-2, 0, 2};

    /**
     * The choices as shown, the index of the right one (−1 when the numbers decide none, or more than
     * one), and a one-line explanation naming the numbers that decide it.
     */
    public record Answer(List<String> choices, int correct, String explanation) {
        public Answer {
            choices = List.copyOf(choices);
        }

        public boolean decided() {
            return correct >= 0;
        }

        /** "A", "B", … for choice {@code k}. */
        public static String letter(int k) {
            return String.valueOf((char) ('A' + k));
        }
    }

    /**
     * The answer of {@code q} on {@code trace}, with no other sample at hand (a race question, or a choice
     * whose check reads another sample, has no answer); a quantity the trace does not have gives no answer.
     */
    public static Answer answer(Question q, DocumentTrace trace) {
        return answer(q, trace, Checks.NO_SAMPLES);
    }

    /**
     * The answer of {@code q} on {@code trace}, finding other samples (a race's networks, a check's
     * {@code sample}) through {@code samples}. May run the engine (RHO, RACE, a choice's ablation or
     * sample): the window calls it on its worker, never on the JavaFX thread.
     */
    public static Answer answer(Question q, DocumentTrace shown, Checks.Samples samples) {
        Trace trace = shown.trace();
        try {
            return switch (q.kind()) {
                case VALUE -> value(q, trace);
                case RATIO -> ratio(q, trace);
                case GATE -> gate(q, trace);
                case OUTPUT -> output(q, trace, shown.vocabulary());
                case RHO -> rho(q, trace);
                case CHOICES -> written(q, shown, samples);
                case RACE -> RaceQuestion.answer(q, trace, samples);
            };
        } catch (IllegalArgumentException | IllegalStateException e) {
            return new Answer(labelsWithoutTrace(q), -1, "No answer for these numbers: " + e.getMessage() + ".");
        }
    }

    /**
     * {@code q}'s choices with none marked right and {@code why} as the explanation: what the window shows
     * while the answer is still being worked out on its worker.
     */
    public static Answer unanswered(Question q, String why) {
        return new Answer(labelsWithoutTrace(q), -1, why);
    }

    /** The choices a question shows when its numbers cannot be read (for messages). */
    private static List<String> labelsWithoutTrace(Question q) {
        return switch (q.kind()) {
            case VALUE -> valueLabels(q.cuts());
            case RATIO -> decadeLabels("smaller", "larger");
            case RHO -> decadeLabels("shrinks", "grows");
            case GATE -> GATE_LABELS;
            case CHOICES -> q.choices().stream().map(Question.Choice::text).toList();
            case RACE -> q.race().networks().stream()
                    .map(n -> n.equals(Question.Race.THIS) ? "this network" : n).toList();
            default -> List.of();
        };
    }

    /**
     * Checks that a question can be asked of this scenario in form: its quantities read, its cuts
     * increasing, a gate question on a cell with gates, an output question on class outputs.
     *
     * @throws IllegalArgumentException saying what is wrong
     */
    public static void validate(Question q, Scenario s) {
        switch (q.kind()) {
            case VALUE -> {
                requireScalar(q.of().get(0));
                if (q.cuts().isEmpty() || q.cuts().size() > Question.MAX_CHOICES - 1) {
                    throw new IllegalArgumentException("cuts: expected 1 to 3 numbers, found " + q.cuts().size());
                }
                for (int k = 1; k < q.cuts().size(); k++) {
                    if (!(q.cuts().get(k) > q.cuts().get(k - 1))) {
                        throw new IllegalArgumentException("cuts: expected increasing numbers, found " + q.cuts());
                    }
                }
            }
            case RATIO -> {
                requireScalar(q.of().get(0));
                requireScalar(q.of().get(1));
            }
            case GATE -> {
                String gates = s.cell() == CellType.LSTM ? "ifo" : s.cell() == CellType.GRU ? "rz" : "";
                if (gates.isEmpty()) {
                    throw new IllegalArgumentException("a vanilla RNN has no gates to ask about");
                }
                String g = q.of().get(0);
                if (g.length() != 1 || gates.indexOf(g.charAt(0)) < 0) {
                    throw new IllegalArgumentException("gate: expected one of " + String.join(", ", gates.split(""))
                            + " (the " + s.cell().jsonName() + " cell's gates between 0 and 1), found \"" + g + "\"");
                }
            }
            case OUTPUT -> {
                Quantity y = Quantity.parse(q.of().get(0));
                if (!y.name().equals("y") || y.isScalar()) {
                    throw new IllegalArgumentException("an output question reads an output vector y[t], found \""
                            + q.of().get(0) + "\"");
                }
                if (s.loss() != LossKind.CROSS_ENTROPY) {
                    throw new IllegalArgumentException("an output question needs class outputs (cross-entropy)");
                }
            }
            case RHO -> {
                requireScalar(q.of().get(0));
                if (!(q.number() > 0 && q.number() <= 10)) {
                    throw new IllegalArgumentException("to: expected a spectral radius above 0 and at most 10, found "
                            + Check.Numbers.plain(q.number()));
                }
            }
            case CHOICES -> {
                if (q.choices().size() < 2 || q.choices().size() > Question.MAX_CHOICES) {
                    throw new IllegalArgumentException("choices: expected 2 to 4, found " + q.choices().size());
                }
                q.choices().forEach(c -> Checks.validate(c.check()));
            }
            case RACE -> org.unrolled.document.RaceQuestion.validate(q.race(), s);
        }
    }

    /**
     * Whether answering {@code q} runs the engine again (a rescaled ρ, a race, a choice's ablation or other
     * sample) rather than only reading the trace: the window works such answers out on its worker.
     */
    public static boolean runsEngine(Question q) {
        return switch (q.kind()) {
            case RHO, RACE -> true;
            case CHOICES -> q.choices().stream().anyMatch(c -> Checks.runsEngine(c.check()));
            default -> false;
        };
    }

    private static void requireScalar(String text) {
        if (!Quantity.parse(text).isScalar()) {
            throw new IllegalArgumentException("\"" + text + "\" is a vector: name one component, or use norm, mean,"
                    + " max, min or maxabs");
        }
    }

    private static Answer value(Question q, Trace trace) {
        String of = q.of().get(0);
        double v = Quantity.parse(of).value(trace, null);
        List<String> labels = valueLabels(q.cuts());
        if (Double.isNaN(v)) {
            return new Answer(labels, -1, Quantity.parse(of).display() + " is not a number for these numbers.");
        }
        int k = 0;
        while (k < q.cuts().size() && v >= q.cuts().get(k)) {
            k++;
        }
        return new Answer(labels, k, Quantity.parse(of).display() + " = " + Check.Numbers.plain(v) + ": " + labels.get(k) + ".");
    }

    /** "below −0.5", "−0.5 to 0", "0 to 0.5", "0.5 or more"; a single cut at 0: negative / zero or positive. */
    static List<String> valueLabels(List<Double> cuts) {
        if (cuts.size() == 1 && cuts.get(0) == 0) {
            return List.of("negative", "zero or positive");
        }
        List<String> labels = new ArrayList<>();
        labels.add("below " + signed(cuts.get(0)));
        for (int k = 1; k < cuts.size(); k++) {
            labels.add("from " + signed(cuts.get(k - 1)) + " up to " + signed(cuts.get(k)));
        }
        labels.add(signed(cuts.get(cuts.size() - 1)) + " or more");
        return labels;
    }

    private static String signed(double v) {
        return Check.Numbers.plain(v).replace('-', '−');
    }

    static List<String> decadeLabels(String smaller, String larger) {
        return List.of(smaller + " by more than 100×", smaller + ", by less than 100×",
                larger + ", by less than 100×", larger + " by more than 100×");
    }

    /** Which decade interval {@code log10(a / b)} falls in, or −1 when the ratio is not a number. */
    private static int decade(double a, double b) {
        double d = Math.log10(Math.abs(a)) - Math.log10(Math.abs(b));
        if (Double.isNaN(d)) {
            return -1;
        }
        int k = 0;
        while (k < DECADE_CUTS.length && d >= DECADE_CUTS[k]) {
            k++;
        }
        return k;
    }

    private static String decades(double a, double b) {
        double d = Math.log10(Math.abs(a)) - Math.log10(Math.abs(b));
        if (Double.isInfinite(d)) {
            return d > 0 ? "infinitely larger" : "infinitely smaller";
        }
        return String.format(Locale.ROOT, "%.1f decades %s", Math.abs(d), d < 0 ? "smaller" : "larger");
    }

    private static Answer ratio(Question q, Trace trace) {
        String n = q.of().get(0);
        String d = q.of().get(1);
        double a = Quantity.parse(n).value(trace, null);
        double b = Quantity.parse(d).value(trace, null);
        List<String> labels = decadeLabels("smaller", "larger");
        int k = decade(a, b);
        String numbers = Quantity.parse(n).display() + " = " + Check.Numbers.plain(a) + ", " + Quantity.parse(d).display()
                + " = " + Check.Numbers.plain(b);
        if (k < 0) {
            return new Answer(labels, -1, numbers + ": no ratio.");
        }
        return new Answer(labels, k, numbers + ": the first is " + decades(a, b) + ".");
    }

    /** The choices of a gate question: near 0, in between, near 1. */
    static final List<String> GATE_LABELS = List.of("near 0 (below 0.1)", "in between (0.1 to 0.9)",
            "near 1 (0.9 or more)");

    private static Answer gate(Question q, Trace trace) {
        char g = q.of().get(0).charAt(0);
        if (trace.scenario().cell().gateNames().indexOf(g) < 0 || g == 'g' || g == 'n') {
            throw new IllegalArgumentException("the " + trace.scenario().cell().jsonName() + " cell has no gate " + g);
        }
        String of = "mean(" + g + "[" + q.at() + "])";
        double mean = Quantity.parse(of).value(trace, null);
        if (Double.isNaN(mean)) {
            return new Answer(GATE_LABELS, -1, of + " is not a number for these numbers.");
        }
        int k = mean < 0.1 ? 0 : mean < 0.9 ? 1 : 2;
        return new Answer(GATE_LABELS, k, "the mean of the " + gateWord(g) + " gate " + g + "_" + q.at() + " is "
                + Check.Numbers.plain(mean) + ": " + GATE_LABELS.get(k) + ".");
    }

    private static String gateWord(char g) {
        return switch (g) {
            case 'i' -> "input";
            case 'f' -> "forget";
            case 'o' -> "output";
            case 'r' -> "reset";
            default -> "update";
        };
    }

    private static Answer output(Question q, Trace trace, Vocabulary words) {
        String of = q.of().get(0);
        Quantity y = Quantity.parse(of);
        double[] p = Quantity.parse("p" + of.strip().substring(1)).vector(trace, null);
        if (p == null) {
            throw new IllegalArgumentException("\"" + of + "\": that step has no output");
        }
        // the most likely classes, at most four, shown in class order so that the position gives nothing away
        Integer[] order = new Integer[p.length];
        for (int k = 0; k < p.length; k++) {
            order[k] = k;
        }
        java.util.Arrays.sort(order, (u, v) -> Double.compare(p[v], p[u]));
        List<Integer> shown = new ArrayList<>(List.of(order).subList(0, Math.min(Question.MAX_CHOICES, p.length)));
        shown.sort(null);
        List<String> labels = new ArrayList<>();
        StringBuilder numbers = new StringBuilder("softmax of " + y.display() + ":");
        int best = Evaluation.argmax(p);
        boolean tie = false;
        for (int k = 0; k < p.length; k++) {
            tie |= k != best && p[k] == p[best];
        }
        for (int i = 0; i < shown.size(); i++) {
            int cls = shown.get(i);
            String word = words.outputWord(cls) != null ? words.outputWord(cls) : "class " + cls;
            labels.add(word);
            numbers.append(i > 0 ? "," : "").append(' ').append(word).append(' ')
                    .append(String.format(Locale.ROOT, "%.2f", p[cls]));
        }
        if (tie) {
            return new Answer(labels, -1, numbers + ": two classes tie.");
        }
        int correct = shown.indexOf(best);
        return new Answer(labels, correct, numbers + ": " + labels.get(correct) + " is the most likely.");
    }

    private static Answer rho(Question q, Trace trace) {
        String of = q.of().get(0);
        Scenario s = trace.scenario();
        double before = Quantity.parse(of).value(trace, null);
        double rhoNow = Spectra.largestSpectralRadius(s.cell(), s.weights().cell(), s.hiddenSize());
        Trace changed = Engine.run(ScenarioEdits.withSpectralRadius(s, q.number()));
        double after = Quantity.parse(of).value(changed, null);
        List<String> labels = decadeLabels("shrinks", "grows");
        int k = decade(after, before);
        String numbers = "with ρ = " + Check.Numbers.plain(q.number()) + " instead of "
                + String.format(Locale.ROOT, "%.2f", rhoNow) + ", " + Quantity.parse(of).display() + " goes from "
                + Check.Numbers.plain(before)
                + " to " + Check.Numbers.plain(after);
        if (k < 0) {
            return new Answer(labels, -1, numbers + ": no ratio.");
        }
        return new Answer(labels, k, numbers + ", " + decades(after, before) + ".");
    }

    private static Answer written(Question q, DocumentTrace trace, Checks.Samples samples) {
        List<String> labels = q.choices().stream().map(Question.Choice::text).toList();
        int correct = -1;
        List<String> holding = new ArrayList<>();
        String detail = "";
        StringBuilder failing = new StringBuilder();
        for (int k = 0; k < q.choices().size(); k++) {
            Checks.Outcome o = Checks.evaluate(q.choices().get(k).check(), trace, samples);
            if (o.holds()) {
                holding.add(Answer.letter(k));
                correct = k;
                detail = o.detail();
            } else {
                failing.append(failing.length() > 0 ? "; " : "").append(o.detail());
            }
        }
        if (holding.size() == 1) {
            return new Answer(labels, correct, detail + ".");
        }
        return new Answer(labels, -1, holding.isEmpty() ? "No choice holds for these numbers: " + failing + "."
                : "Choices " + String.join(" and ", holding) + " all hold for these numbers.");
    }
}
