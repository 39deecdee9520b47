package org.unrolled.engine;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A number or vector named in a lesson check, read from a trace: {@code h[2]} (a vector at step 2),
 * {@code h[2][0]} (one component), {@code enc.h[4]} (seq2seq's encoder), {@code norm(dL_dh[t+1])}
 * (a function of a vector, with {@code t} bound by a {@link Check.Steps}), {@code loss}, {@code loss[3]},
 * {@code C}. Step indices are 1-based as on screen; {@code T} is the last step of the sequence named.
 */
public final class Quantity {
    /** Vector names and what they are. */
    public static final List<String> VECTORS = List.of("x", "h", "c", "y", "p", "i", "f", "g", "o", "r", "z", "n",
            "dL_dh", "dL_dh_next", "dL_dh_out", "dL_dc", "dL_dc_next", "C");
    /** Functions from a vector to a number. */
    public static final List<String> FUNCTIONS = List.of("norm", "mean", "max", "min", "maxabs");

    private static final Pattern FUNCTION = Pattern.compile("(\\w+)\\((.*)\\)");
    private static final Pattern REF = Pattern.compile(
            "(enc\\.|dec\\.)?([A-Za-z_]+)(?:\\[([^\\]]+)\\])?(?:\\[(\\d+)\\])?");
    private static final Pattern INDEX = Pattern.compile("(t|T|\\d+)(?:([+-])(\\d+))?");

    private final String text;
    private final String function;
    private final boolean encoder;
    private final String name;
    private final String step;
    private final Integer component;

    private Quantity(String text, String function, boolean encoder, String name, String step, Integer component) {
        this.text = text;
        this.function = function;
        this.encoder = encoder;
        this.name = name;
        this.step = step;
        this.component = component;
    }

    /**
     * Reads a quantity's text.
     *
     * @throws IllegalArgumentException saying what is wrong with it
     */
    public static Quantity parse(String text) {
        String s = text.strip();
        String function = null;
        Matcher f = FUNCTION.matcher(s);
        if (f.matches()) {
            function = f.group(1);
            if (!FUNCTIONS.contains(function)) {
                throw new IllegalArgumentException("unknown function \"" + function + "\" (expected one of "
                        + String.join(", ", FUNCTIONS) + ")");
            }
            s = f.group(2).strip();
        }
        Matcher m = REF.matcher(s);
        if (!m.matches()) {
            throw new IllegalArgumentException("expected a quantity such as h[2], h[2][0], norm(dL_dh[t]) or loss, found \""
                    + text + "\"");
        }
        boolean encoder = "enc.".equals(m.group(1));
        String name = m.group(2);
        String step = m.group(3);
        Integer component = m.group(4) == null ? null : number(m.group(4), text);
        if (name.equals("C") && step != null && component == null && step.matches("\\d+")) {
            component = number(step, text); // C[j]: the context has no step, so the index is a component
            step = null;
        }
        if (name.equals("loss")) {
            if (function != null || component != null || encoder) {
                throw new IllegalArgumentException("loss is a number: write loss or loss[t], found \"" + text + "\"");
            }
        } else if (!VECTORS.contains(name)) {
            throw new IllegalArgumentException("unknown quantity \"" + name + "\" (expected loss or one of "
                    + String.join(", ", VECTORS) + ")");
        } else if (name.equals("C") ? step != null : step == null) {
            throw new IllegalArgumentException(name.equals("C") ? "C (the context) has no step: write C[j] or norm(C)"
                    : name + " needs a step, as in " + name + "[2], found \"" + text + "\"");
        }
        if (step != null && !INDEX.matcher(step.replace(" ", "")).matches()) {
            throw new IllegalArgumentException("a step is a number, t or T, maybe with + or − a number, found \"" + step + "\"");
        }
        if (function != null && component != null) {
            throw new IllegalArgumentException(function + "(…) takes a whole vector, not one component: \"" + text + "\"");
        }
        return new Quantity(text, function, encoder, name, step == null ? null : step.replace(" ", ""), component);
    }

    /** True when the quantity is one number (a component, a function of a vector, or a loss). */
    public boolean isScalar() {
        return name.equals("loss") || function != null || component != null;
    }

    public String name() {
        return name;
    }

    public boolean encoder() {
        return encoder;
    }

    public Integer component() {
        return component;
    }

    @Override
    public String toString() {
        return text;
    }

    /**
     * The quantity as the window writes it for a person, not in this format: {@code norm(dL_dh[1])} is
     * "‖∂L/∂h_1‖", {@code dL_dh_next[3]} "∂L/∂h_3 from step 4", {@code h[2][0]} "h_2[0]", {@code loss[3]}
     * "ℓ_3", {@code loss} "L"; a step given as t or T keeps its letter.
     */
    public String display() {
        if (name.equals("loss")) {
            return step == null ? "L" : "ℓ_" + step;
        }
        String base = switch (name) {
            case "dL_dh", "dL_dh_next", "dL_dh_out" -> "∂L/∂h";
            case "dL_dc", "dL_dc_next" -> "∂L/∂c";
            default -> name;
        };
        String v = (encoder ? "encoder's " : "") + base + (step == null ? "" : "_" + step);
        String part = switch (name) {
            case "dL_dh_next", "dL_dc_next" -> " from step " + next(step);
            case "dL_dh_out" -> " from its own output";
            default -> "";
        };
        String shown = switch (function == null ? "" : function) {
            case "norm" -> "‖" + v + "‖";
            case "mean" -> "mean(" + v + ")";
            case "max", "min" -> function + "(" + v + ")";
            case "maxabs" -> "max|" + v + "|";
            default -> v + (component == null ? "" : "[" + component + "]");
        };
        return shown + part;
    }

    /** The step after {@code step}, written as simply as it can be (3 → 4, t → t+1, T−1 → T). */
    private static String next(String step) {
        if (step.matches("\\d+")) {
            return String.valueOf(number(step, step) + 1);
        }
        if (step.endsWith("-1")) {
            return step.substring(0, step.length() - 2);
        }
        return step + "+1";
    }

    /** The sequence this quantity reads. */
    public SequenceTrace sequence(Trace trace) {
        if (encoder) {
            if (trace.encoder() == null) {
                throw new IllegalArgumentException("\"" + text + "\": only seq2seq has an encoder");
            }
            return trace.encoder();
        }
        return trace.steps();
    }

    /** The step number, with {@code t} bound to {@code t} (may be null when unbound). */
    public int step(Trace trace, Integer t) {
        return index(step, sequence(trace).length(), t, text);
    }

    /**
     * A step or component number as written: at most 9 digits, so that it is a Java int (no trace has a
     * billion steps or components; a longer one is an error, not an overflow).
     */
    public static int number(String digits, String where) {
        if (digits.length() > 9) {
            throw new IllegalArgumentException("\"" + where + "\": the number " + digits.substring(0, 9)
                    + "... (" + digits.length() + " digits) is larger than any step or component");
        }
        return Integer.parseInt(digits);
    }

    /** Reads an index expression: a number, {@code t} or {@code T}, maybe plus or minus a number. */
    public static int index(String expr, int last, Integer t, String where) {
        Matcher m = INDEX.matcher(expr.replace(" ", ""));
        if (!m.matches()) {
            throw new IllegalArgumentException("\"" + where + "\": a step is a number, t or T, found \"" + expr + "\"");
        }
        int base;
        if (m.group(1).equals("T")) {
            base = last;
        } else if (m.group(1).equals("t")) {
            if (t == null) {
                throw new IllegalArgumentException("\"" + where + "\": t is only defined inside a \"steps\" check");
            }
            base = t;
        } else {
            base = number(m.group(1), where);
        }
        if (m.group(2) != null) {
            int k = number(m.group(3), where);
            base += m.group(2).equals("+") ? k : -k;
        }
        return base;
    }

    /** The vector this quantity names (before any function or component), or null where there is none. */
    public double[] vector(Trace trace, Integer t) {
        if (name.equals("C")) {
            return trace.context();
        }
        SequenceTrace seq = sequence(trace);
        int k = step(trace, t);
        boolean stateAllowsZero = name.equals("h") || name.equals("c");
        if (k < (stateAllowsZero ? 0 : 1) || k > seq.length()) {
            throw new IllegalArgumentException("\"" + text + "\": step " + k + " is outside 1.." + seq.length());
        }
        return switch (name) {
            case "x" -> seq.x(k);
            case "h" -> seq.h(k);
            case "c" -> seq.c(k);
            case "y" -> seq.y(k);
            case "p" -> seq.y(k) == null ? null : softmax(seq.y(k));
            case "dL_dh" -> seq.dLdh(k);
            case "dL_dh_next" -> seq.dLdhFromNext(k);
            case "dL_dh_out" -> seq.dLdhFromOutput(k);
            case "dL_dc" -> seq.dLdc(k);
            case "dL_dc_next" -> seq.dLdcFromNext(k);
            default -> seq.gate(k, name.charAt(0));
        };
    }

    /** The number: a component, a function of the vector, or a loss. */
    public double value(Trace trace, Integer t) {
        if (name.equals("loss")) {
            if (step == null) {
                return trace.loss();
            }
            SequenceTrace seq = sequence(trace);
            int k = step(trace, t);
            if (k < 1 || k > seq.length()) {
                throw new IllegalArgumentException("\"" + text + "\": step " + k + " is outside 1.." + seq.length());
            }
            return seq.stepLoss(k);
        }
        double[] v = vector(trace, t);
        if (v == null) {
            throw new IllegalArgumentException("\"" + text + "\": that step has no " + name);
        }
        if (component != null) {
            if (component >= v.length) {
                throw new IllegalArgumentException("\"" + text + "\": component " + component + " of a vector of "
                        + v.length);
            }
            return v[component];
        }
        if (function == null) {
            throw new IllegalArgumentException("\"" + text + "\" is a vector: name one component, or use norm, mean,"
                    + " max, min or maxabs");
        }
        return switch (function) {
            case "norm" -> {
                double s = 0;
                for (double x : v) {
                    s += x * x;
                }
                yield Math.sqrt(s);
            }
            case "mean" -> {
                double s = 0;
                for (double x : v) {
                    s += x;
                }
                yield s / v.length;
            }
            case "max" -> java.util.Arrays.stream(v).max().orElse(Double.NaN);
            case "min" -> java.util.Arrays.stream(v).min().orElse(Double.NaN);
            default -> java.util.Arrays.stream(v).map(Math::abs).max().orElse(Double.NaN);
        };
    }

    private static double[] softmax(double[] y) {
        double max = java.util.Arrays.stream(y).max().orElse(0);
        double[] p = new double[y.length];
        double sum = 0;
        for (int i = 0; i < y.length; i++) {
            // softmax(y)_i = exp(y_i − max) / Σ exp(y − max)
            p[i] = Math.exp(y[i] - max);
            sum += p[i];
        }
        for (int i = 0; i < y.length; i++) {
            p[i] /= sum;
        }
        return p;
    }
}
