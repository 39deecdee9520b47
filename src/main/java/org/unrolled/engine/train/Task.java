package org.unrolled.engine.train;

import java.util.Locale;
import java.util.Random;
import org.unrolled.engine.LossKind;

/**
 * The long-lag tasks of the race. Each draws a sequence of length T from a {@link Random}, so that
 * the same seed gives the same sequences on every machine ({@code java.util.Random} is specified to
 * the bit).
 */
public enum Task {
    /**
     * The adding problem (Hochreiter &amp; Schmidhuber 1997): {@code x_t = (u_t, m_t)}, {@code u_t}
     * uniform in [0, 1), {@code m_t} 1 at exactly two steps, one in each half; the target is the sum of
     * the two marked values. Regression, one output.
     */
    ADDING("adding", 2, 1, LossKind.MSE),
    /**
     * Temporal order (after Hochreiter &amp; Schmidhuber's experiment 6a): one-hot symbols, all
     * distractors {@code c d e f} except two, each {@code A} or {@code B}, the first in the second tenth
     * of the sequence and the second in its sixth tenth; the class is which two came in which order
     * ({@code AA, AB, BA, BB}). Seeing only the second symbol gets half right; the first one must be
     * carried across at least 0.8·T steps.
     */
    ORDER("order", 6, 4, LossKind.CROSS_ENTROPY);

    /** The order task's symbols, one per input component. */
    public static final String[] ORDER_SYMBOLS = {"A", "B", "c", "d", "e", "f"};
    /** The order task's classes, one per output. */
    public static final String[] ORDER_CLASSES = {"AA", "AB", "BA", "BB"};

    private final String name;
    private final int inputSize;
    private final int outputSize;
    private final LossKind loss;

    Task(String name, int inputSize, int outputSize, LossKind loss) {
        this.name = name;
        this.inputSize = inputSize;
        this.outputSize = outputSize;
        this.loss = loss;
    }

    public String jsonName() {
        return name;
    }

    public int inputSize() {
        return inputSize;
    }

    public int outputSize() {
        return outputSize;
    }

    public LossKind loss() {
        return loss;
    }

    public boolean isRegression() {
        return loss == LossKind.MSE;
    }

    /** The shortest sequence the task is defined for (each marker or symbol needs room in its part). */
    public int minLength() {
        return this == ADDING ? 2 : 10;
    }

    /**
     * The score of the best constant answer on this task, the line a model that learned nothing sits
     * on: for adding, the RMSE of always answering the mean 1 (the target's standard deviation,
     * √(2/12) = 0.408); for order, the accuracy of always answering one class (1/4).
     */
    public double baseline() {
        return this == ADDING ? Math.sqrt(2.0 / 12.0) : 0.25;
    }

    /** "RMSE" or "accuracy". */
    public String scoreName() {
        return isRegression() ? "RMSE" : "accuracy";
    }

    /** Whether {@code score} is at least as good as {@code target} (lower RMSE, higher accuracy). */
    public boolean reached(double score, double target) {
        return isRegression() ? score <= target : score >= target;
    }

    public static Task parse(String text) {
        for (Task t : values()) {
            if (t.name.equals(text.toLowerCase(Locale.ROOT))) {
                return t;
            }
        }
        throw new IllegalArgumentException("expected adding or order, got " + text);
    }

    /**
     * Draws one sequence of {@code length} steps: its inputs into {@code x[xOff ..]} (length·I values,
     * step by step) and returns its target: the sum for adding, the class index for order.
     */
    public double draw(Random r, int length, double[] x, int xOff) {
        if (length < minLength()) {
            throw new IllegalArgumentException(name + " needs at least " + minLength() + " steps, got " + length);
        }
        return this == ADDING ? drawAdding(r, length, x, xOff) : drawOrder(r, length, x, xOff);
    }

    private static double drawAdding(Random r, int length, double[] x, int xOff) {
        int half = length / 2;
        for (int t = 0; t < length; t++) {
            x[xOff + 2 * t] = r.nextDouble();
            x[xOff + 2 * t + 1] = 0;
        }
        // one marker in [0, half), the other in [half, length)
        int first = r.nextInt(half);
        int second = half + r.nextInt(length - half);
        x[xOff + 2 * first + 1] = 1;
        x[xOff + 2 * second + 1] = 1;
        return x[xOff + 2 * first] + x[xOff + 2 * second];
    }

    private static double drawOrder(Random r, int length, double[] x, int xOff) {
        java.util.Arrays.fill(x, xOff, xOff + 6 * length, 0.0);
        for (int t = 0; t < length; t++) {
            x[xOff + 6 * t + 2 + r.nextInt(4)] = 1; // a distractor c, d, e or f
        }
        int tenth = length / 10;
        int first = tenth + r.nextInt(tenth);
        int second = 5 * tenth + r.nextInt(tenth);
        int a = r.nextInt(2);
        int b = r.nextInt(2);
        place(x, xOff + 6 * first, a);
        place(x, xOff + 6 * second, b);
        return 2 * a + b;
    }

    private static void place(double[] x, int off, int symbol) {
        java.util.Arrays.fill(x, off, off + 6, 0.0);
        x[off + symbol] = 1;
    }
}
