package org.unrolled.document;

import java.util.Arrays;
import org.unrolled.engine.Engine;
import org.unrolled.engine.Evaluation;
import org.unrolled.engine.LossKind;
import org.unrolled.engine.Mapping;
import org.unrolled.engine.Quantity;
import org.unrolled.engine.Scenario;
import org.unrolled.engine.SequenceTrace;
import org.unrolled.engine.Trace;
import org.unrolled.engine.train.History;

/**
 * Evaluates a lesson beat's {@link Check}s against a trace: each says whether the claim holds and, in
 * words, what the numbers are ("norm(dL_dh[1]) = 3.2e-4, expected below 0.001"). A check that names a
 * step or a quantity the trace does not have fails with that reason instead of throwing, so that a
 * what-if change (a shorter sequence, another cell) turns a beat's claims false rather than breaking it.
 */
public final class Checks {
    private Checks() {
    }

    /** Whether a check held, and the numbers that decided it. */
    public record Outcome(boolean holds, String detail) {
    }

    /**
     * Finds another sample's trace by its file name ("adding-rnn.json"), for {@link Check.Sample}, and its
     * scenario, for a question that races it ({@link Question.Race}).
     */
    @FunctionalInterface
    public interface Samples {
        DocumentTrace trace(String name);

        /** The sample's scenario (by default that of its trace; a source that reads files need not run it). */
        default Scenario scenario(String name) {
            return trace(name).trace().scenario();
        }
    }

    /** No other samples: a {@link Check.Sample} fails, saying so. */
    public static final Samples NO_SAMPLES = name -> {
        throw new IllegalArgumentException("the sample " + name + " is not at hand here");
    };

    private static final ThreadLocal<Samples> SAMPLES = ThreadLocal.withInitial(() -> NO_SAMPLES);

    /** Evaluates {@code check} on {@code trace}. */
    public static Outcome evaluate(Check check, DocumentTrace trace) {
        return evaluate(check, trace, NO_SAMPLES);
    }

    /** Evaluates {@code check} on {@code trace}, finding other samples through {@code samples}. */
    public static Outcome evaluate(Check check, DocumentTrace trace, Samples samples) {
        Samples before = SAMPLES.get();
        SAMPLES.set(samples);
        try {
            return evaluate(check, trace, (Integer) null);
        } catch (IllegalArgumentException | IllegalStateException e) {
            return new Outcome(false, e.getMessage());
        } finally {
            SAMPLES.set(before);
        }
    }

    /** Every check of the list, as one outcome (the first that fails, or all the details joined). */
    public static Outcome evaluateAll(java.util.List<Check> checks, DocumentTrace trace) {
        return evaluateAll(checks, trace, NO_SAMPLES);
    }

    /** As {@link #evaluateAll(java.util.List, DocumentTrace)}, finding other samples through {@code samples}. */
    public static Outcome evaluateAll(java.util.List<Check> checks, DocumentTrace trace, Samples samples) {
        StringBuilder details = new StringBuilder();
        for (Check c : checks) {
            Outcome o = evaluate(c, trace, samples);
            if (!o.holds()) {
                return o;
            }
            details.append(details.length() > 0 ? "; " : "").append(o.detail());
        }
        return new Outcome(true, details.toString());
    }

    /**
     * Checks that a check can be evaluated in form (its quantities read, its words known) without a
     * trace: the reader calls it so that a misspelt quantity is reported with the file's JSON path.
     *
     * @throws IllegalArgumentException saying what is wrong
     */
    public static void validate(Check check) {
        if (check instanceof Check.Value v) {
            requireScalar(v.of());
        } else if (check instanceof Check.Ratio r) {
            requireScalar(r.numerator());
            requireScalar(r.denominator());
        } else if (check instanceof Check.Argmax a) {
            Quantity q = Quantity.parse(a.of());
            if (!q.name().equals("y") && !q.name().equals("p") || q.isScalar()) {
                throw new IllegalArgumentException("argmax reads an output vector y[t], found \"" + a.of() + "\"");
            }
        } else if (check instanceof Check.Exists e) {
            Quantity.parse(e.of());
        } else if (check instanceof Check.Ablate a) {
            Quantity q = Quantity.parse(a.zero());
            if (!q.name().equals("h") && !q.name().equals("c") || q.isScalar() && q.component() == null) {
                throw new IllegalArgumentException("ablate zeroes a state: h[t], c[t] or one component h[t][j],"
                        + " found \"" + a.zero() + "\"");
            }
            validate(a.then());
        } else if (check instanceof Check.All all) {
            all.of().forEach(Checks::validate);
        } else if (check instanceof Check.Steps st) {
            Quantity.index(st.from(), 1, 1, "from");
            Quantity.index(st.to(), 1, 1, "to");
            validate(st.each());
        } else if (check instanceof Check.History h) {
            if (h.from() < 0 || h.to() < h.from()) {
                throw new IllegalArgumentException("history: from and to are sequence counts with from ≤ to");
            }
        } else if (check instanceof Check.Sample o) {
            if (!o.sample().matches("[A-Za-z0-9._-]{1,80}\\.json")) {
                throw new IllegalArgumentException("sample: a shipped sample's file name, such as adding-rnn.json");
            }
            validate(o.then());
        }
    }

    /**
     * How many times evaluating {@code check} runs the engine again, at most, on a sequence of {@code steps}
     * steps: an ablation or a sample once (and what follows it), a "steps" check its inner check once a step.
     */
    public static double engineRuns(Check check, int steps) {
        // in double: "steps" checks nest, and a long count of runs would overflow and wrap to a small one
        if (check instanceof Check.Ablate a) {
            return 1 + engineRuns(a.then(), steps);
        }
        if (check instanceof Check.Sample o) {
            return 1 + engineRuns(o.then(), steps);
        }
        if (check instanceof Check.All all) {
            double n = 0;
            for (Check c : all.of()) {
                n += engineRuns(c, steps);
            }
            return n;
        }
        if (check instanceof Check.Steps st) {
            return steps * engineRuns(st.each(), steps);
        }
        return 0;
    }

    /**
     * Whether evaluating {@code check} runs the engine again (an ablation re-runs the sequence; a sample
     * check runs another sample) rather than only reading the trace: the window evaluates such checks on
     * its worker, never on the JavaFX thread.
     */
    public static boolean runsEngine(Check check) {
        if (check instanceof Check.Ablate || check instanceof Check.Sample) {
            return true;
        }
        if (check instanceof Check.All all) {
            return all.of().stream().anyMatch(Checks::runsEngine);
        }
        return check instanceof Check.Steps st && runsEngine(st.each());
    }

    private static void requireScalar(String text) {
        if (!Quantity.parse(text).isScalar()) {
            throw new IllegalArgumentException("\"" + text + "\" is a vector: name one component, or use norm, mean,"
                    + " max, min or maxabs");
        }
    }

    private static Outcome evaluate(Check check, DocumentTrace shown, Integer t) {
        Trace trace = shown.trace();
        if (check instanceof Check.Value v) {
            double x = Quantity.parse(v.of()).value(trace, t);
            return new Outcome(v.bound().holds(x), shown(v.of()) + bind(t) + " = " + Check.Numbers.plain(x)
                    + ", expected " + v.bound().describe());
        }
        if (check instanceof Check.Ratio r) {
            double a = Quantity.parse(r.numerator()).value(trace, t);
            double b = Quantity.parse(r.denominator()).value(trace, t);
            double x = a / b;
            return new Outcome(r.bound().holds(x), shown(r.numerator()) + " / " + shown(r.denominator()) + bind(t) + " = "
                    + Check.Numbers.plain(a) + " / " + Check.Numbers.plain(b) + " = " + Check.Numbers.plain(x)
                    + ", expected " + r.bound().describe());
        }
        if (check instanceof Check.Argmax a) {
            return argmax(a, trace, shown.vocabulary(), t);
        }
        if (check instanceof Check.Exists e) {
            Quantity q = Quantity.parse(e.of());
            boolean has;
            try {
                has = q.isScalar() ? !Double.isNaN(q.value(trace, t)) : q.vector(trace, t) != null;
            } catch (IllegalArgumentException | IllegalStateException missing) {
                has = false;
            }
            return new Outcome(has == e.is(), shown(e.of()) + bind(t) + (has ? " exists" : " does not exist"));
        }
        if (check instanceof Check.Ablate a) {
            Trace changed = ablated(trace, Quantity.parse(a.zero()), t);
            Outcome then = evaluate(a.then(), new DocumentTrace(shown.document(), changed), t);
            return new Outcome(then.holds(), "with " + a.zero() + bind(t) + " set to 0: " + then.detail());
        }
        if (check instanceof Check.All all) {
            StringBuilder d = new StringBuilder();
            for (Check c : all.of()) {
                Outcome o = evaluate(c, shown, t);
                if (!o.holds()) {
                    return o;
                }
                d.append(d.length() > 0 ? "; " : "").append(o.detail());
            }
            return new Outcome(true, d.toString());
        }
        if (check instanceof Check.History h) {
            return history(h, shown.document().training());
        }
        if (check instanceof Check.Sample o) {
            DocumentTrace other = SAMPLES.get().trace(o.sample());
            Outcome then = evaluate(o.then(), other, (Integer) null);
            return new Outcome(then.holds(), "in " + o.sample() + ": " + then.detail());
        }
        Check.Steps st = (Check.Steps) check;
        int last = lengthFor(st.each(), trace);
        int from = Quantity.index(st.from(), last, t, "from");
        int to = Quantity.index(st.to(), last, t, "to");
        if (from > to) {
            return new Outcome(false, "steps " + from + " to " + to + ": no step in that range");
        }
        for (int k = from; k <= to; k++) {
            Outcome o = evaluate(st.each(), shown, k);
            if (!o.holds()) {
                return o;
            }
        }
        return new Outcome(true, "for every t from " + from + " to " + to);
    }

    private static Outcome history(Check.History h, TrainingRecord record) {
        if (record == null) {
            return new Outcome(false, "this scenario has no training record");
        }
        int points = 0;
        for (History.Point p : record.history()) {
            if (p.sequences() < h.from() || p.sequences() > h.to()) {
                continue;
            }
            points++;
            double v = h.seconds() ? p.seconds() : p.score();
            if (!h.bound().holds(v)) {
                return new Outcome(false, "after " + p.sequences() + " sequences the " + (h.seconds() ? "training time"
                        : record.score()) + " was " + Check.Numbers.plain(v) + ", expected " + h.bound().describe());
            }
        }
        if (points == 0) {
            return new Outcome(false, "no evaluation between " + h.from() + " and " + h.to() + " sequences");
        }
        return new Outcome(true, points + " evaluation(s) between " + h.from() + " and " + h.to() + " sequences, each "
                + h.bound().describe());
    }

    /** The length of the sequence a "steps" check walks: the encoder's when its quantities say enc. */
    private static int lengthFor(Check each, Trace trace) {
        String any = each instanceof Check.Value v ? v.of()
                : each instanceof Check.Ratio r ? r.numerator()
                : each instanceof Check.Argmax a ? a.of()
                : each instanceof Check.Exists e ? e.of()
                : each instanceof Check.Ablate a ? a.zero()
                : each instanceof Check.All all && !all.of().isEmpty() ? firstQuantity(all.of().get(0))
                : "h[1]";
        return Quantity.parse(any).sequence(trace).length();
    }

    private static String firstQuantity(Check c) {
        return c instanceof Check.Value v ? v.of() : c instanceof Check.Ratio r ? r.numerator()
                : c instanceof Check.Argmax a ? a.of() : c instanceof Check.Ablate a ? a.zero() : "h[1]";
    }

    /** A quantity as the window writes it ("‖∂L/∂h_1‖" for norm(dL_dh[1])): these details are shown to the class. */
    private static String shown(String quantity) {
        return Quantity.parse(quantity).display();
    }

    private static String bind(Integer t) {
        return t == null ? "" : " (t = " + t + ")";
    }

    private static Outcome argmax(Check.Argmax a, Trace trace, Vocabulary words, Integer t) {
        Quantity q = Quantity.parse(a.of());
        double[] y = q.vector(trace, t);
        if (y == null) {
            return new Outcome(false, shown(a.of()) + bind(t) + ": that step has no output");
        }
        int best = Evaluation.argmax(y);
        int expected;
        if (a.is().equals("target")) {
            expected = targetClass(trace, q, t);
        } else if (a.is().matches("\\d+")) {
            expected = org.unrolled.engine.Quantity.number(a.is(), a.is());
        } else {
            expected = words.outputs().indexOf(a.is());
            if (expected < 0) {
                return new Outcome(false, "\"" + a.is() + "\" is not an output word (" + words.outputs() + ")");
            }
        }
        boolean same = best == expected;
        String bestName = words.outputWord(best) != null ? words.outputWord(best) : "class " + best;
        String expectedName = a.is().equals("target") ? "the target"
                : words.outputWord(expected) != null ? words.outputWord(expected) : "class " + expected;
        return new Outcome(same != a.negated(), "argmax " + shown(a.of()) + bind(t) + " is " + bestName + ", expected "
                + (a.negated() ? "not " : "") + expectedName);
    }

    private static int targetClass(Trace trace, Quantity q, Integer t) {
        Scenario s = trace.scenario();
        if (s.loss() != LossKind.CROSS_ENTROPY) {
            throw new IllegalArgumentException("\"target\" needs class targets (cross-entropy)");
        }
        int step = q.step(trace, t);
        int index = s.mapping() == Mapping.MANY_TO_ONE ? 0 : step - 1;
        return s.targetClass(index);
    }

    /** The trace re-run with the named state (or component) zeroed right after its step. */
    private static Trace ablated(Trace trace, Quantity zero, Integer t) {
        int step = zero.step(trace, t);
        SequenceTrace seq = zero.sequence(trace);
        if (step < 1 || step > seq.length()) {
            throw new IllegalArgumentException("\"" + zero + "\": step " + step + " is outside 1.." + seq.length());
        }
        boolean encoder = zero.encoder();
        boolean cell = zero.name().equals("c");
        if (cell && !trace.scenario().cell().hasCellState()) {
            throw new IllegalArgumentException("\"" + zero + "\": only an LSTM has a cell state");
        }
        Integer component = zero.component();
        if (component != null && component >= trace.scenario().hiddenSize()) {
            throw new IllegalArgumentException("\"" + zero + "\": component " + component + " of " + trace.scenario().hiddenSize());
        }
        return Engine.run(trace.scenario(), (enc, k, h, c) -> {
            if (enc == encoder && k == step) {
                double[] v = cell ? c : h;
                if (component == null) {
                    Arrays.fill(v, 0.0);
                } else {
                    v[component] = 0.0;
                }
            }
        });
    }
}
