package org.unrolled.engine;

import java.util.Arrays;

/**
 * The what-if edits: each returns a new, valid scenario (what a document keeps around it, its lesson and
 * training record, is {@code ScenarioDocument.withScenario}'s to decide). Edits that change the shape of the weights
 * (cell, hidden size, mapping, output size) draw new ones from the given {@link InitSpec}; the others
 * keep every weight they do not mention.
 */
public final class ScenarioEdits {
    private ScenarioEdits() {
    }

    /**
     * Scales the recurrent weights {@code W_hh} (of the encoder too) by one factor, so that the
     * largest spectral radius among its gate blocks becomes {@code rho}. Nothing changes if the
     * matrix is zero.
     */
    public static Scenario withSpectralRadius(Scenario s, double rho) {
        Scenario.Builder b = s.toBuilder();
        NetworkWeights w = s.weights();
        b.weights = new NetworkWeights(
                w.encoder() == null ? null : scaledRecurrent(s.cell(), w.encoder(), s.hiddenSize(), rho),
                scaledRecurrent(s.cell(), w.cell(), s.hiddenSize(), rho), w.weightOut(), w.biasOutData());
        b.init = null;
        return b.build();
    }

    private static CellWeights scaledRecurrent(CellType cell, CellWeights c, int hidden, double rho) {
        double current = Spectra.largestSpectralRadius(cell, c, hidden);
        if (!(current > 0) || !Double.isFinite(current)) {
            return c;
        }
        double k = rho / current;
        double[] whh = c.weightHh().toRowMajor();
        for (int i = 0; i < whh.length; i++) {
            whh[i] *= k;
        }
        CellWeights scaled = new CellWeights(c.weightIh(), Matrix.wrap(c.weightHh().rows(), c.weightHh().cols(), whh),
                c.biasIhData(), c.biasHhData());
        Spectra.rememberScaled(cell, c, scaled, k, hidden);
        return scaled;
    }

    /** LSTM: sets the forget gate's bias {@code b_if + b_hf} to {@code bias} (b_if = bias, b_hf = 0). */
    public static Scenario withForgetBias(Scenario s, double bias) {
        if (s.cell() != CellType.LSTM) {
            throw new IllegalArgumentException("only an LSTM has a forget gate");
        }
        Scenario.Builder b = s.toBuilder();
        NetworkWeights w = s.weights();
        b.weights = new NetworkWeights(w.encoder() == null ? null : forgetBias(w.encoder(), s.hiddenSize(), bias),
                forgetBias(w.cell(), s.hiddenSize(), bias), w.weightOut(), w.biasOutData());
        b.init = null;
        return b.build();
    }

    private static CellWeights forgetBias(CellWeights c, int h, double bias) {
        double[] bih = c.biasIh();
        double[] bhh = c.biasHh();
        Arrays.fill(bih, h, 2 * h, bias);
        Arrays.fill(bhh, h, 2 * h, 0.0);
        return new CellWeights(c.weightIh(), c.weightHh(), bih, bhh);
    }

    /**
     * GRU: sets the update gate's bias {@code b_iz + b_hz} to {@code bias} (b_iz = bias, b_hz = 0). A
     * positive bias makes z near 1 at the start, so that h_t = (1 − z)·n + z·h_(t−1) keeps its state.
     */
    public static Scenario withUpdateGateBias(Scenario s, double bias) {
        if (s.cell() != CellType.GRU) {
            throw new IllegalArgumentException("only a GRU has an update gate");
        }
        Scenario.Builder b = s.toBuilder();
        NetworkWeights w = s.weights();
        // PyTorch's GRU rows are r, z, n: z is the second block, like the LSTM's f
        b.weights = new NetworkWeights(w.encoder() == null ? null : forgetBias(w.encoder(), s.hiddenSize(), bias),
                forgetBias(w.cell(), s.hiddenSize(), bias), w.weightOut(), w.biasOutData());
        b.init = null;
        return b.build();
    }

    /** The mean forget-gate bias {@code b_if + b_hf} of the cell (the decoder in seq2seq). */
    public static double forgetBias(Scenario s) {
        int h = s.hiddenSize();
        double[] bih = s.weights().cell().biasIhData();
        double[] bhh = s.weights().cell().biasHhData();
        double sum = 0;
        for (int j = h; j < 2 * h; j++) {
            sum += bih[j] + bhh[j];
        }
        return sum / h;
    }

    /** New seeded weights of the same shape. */
    public static Scenario reinitialised(Scenario s, InitSpec init) {
        Scenario.Builder b = s.toBuilder();
        b.init = init;
        b.weights = SeededInit.weights(init, s.cell(), s.mapping(), s.inputSize(), s.hiddenSize(), s.outputSize());
        return b.build();
    }

    public static Scenario withCell(Scenario s, CellType cell, InitSpec init) {
        Scenario.Builder b = s.toBuilder();
        b.cell = cell;
        b.c0 = null;
        return rebuild(b, init);
    }

    public static Scenario withActivation(Scenario s, Activation activation) {
        Scenario.Builder b = s.toBuilder();
        b.activation = activation;
        return b.build();
    }

    public static Scenario withGruVariant(Scenario s, GruVariant variant) {
        Scenario.Builder b = s.toBuilder();
        b.gruVariant = variant;
        return b.build();
    }

    public static Scenario withHiddenSize(Scenario s, int hidden, InitSpec init) {
        if (hidden < 1) {
            throw new IllegalArgumentException("the hidden state needs at least one unit");
        }
        Scenario.Builder b = s.toBuilder();
        b.hiddenSize = hidden;
        b.h0 = null;
        b.c0 = null;
        return rebuild(b, init);
    }

    /**
     * Sets the number of steps read (the encoder's for seq2seq) or produced (one-to-many): rows are
     * kept, and new ones repeat the existing ones in order.
     */
    public static Scenario withLength(Scenario s, int length) {
        if (length < 1) {
            throw new IllegalArgumentException("a sequence has at least one step");
        }
        Scenario.Builder b = s.toBuilder();
        switch (s.mapping()) {
            case ONE_TO_ONE -> {
                return s;
            }
            case ONE_TO_MANY -> setTargetCount(b, s, length);
            case MANY_TO_ONE, SEQ2SEQ -> b.inputs = cycleRows(s.inputs(), length);
            case MANY_TO_MANY -> {
                b.inputs = cycleRows(s.inputs(), length);
                setTargetCount(b, s, length);
            }
        }
        return b.build();
    }

    /** Changes the mapping (and the feedback, for one-to-many and seq2seq), keeping what fits. */
    public static Scenario withMapping(Scenario s, Mapping mapping, Feedback feedback, InitSpec init) {
        Scenario.Builder b = s.toBuilder();
        b.mapping = mapping;
        b.feedback = mapping.usesFeedback() ? (feedback == null ? Feedback.ZEROS : feedback) : null;
        int length = Math.max(s.inputCount(), s.targetCount());
        switch (mapping) {
            case ONE_TO_ONE -> {
                b.inputs = cycleRows(s.inputs(), 1);
                setTargetCount(b, s, 1);
            }
            case ONE_TO_MANY -> {
                b.inputs = cycleRows(s.inputs(), 1);
                setTargetCount(b, s, Math.max(2, length));
            }
            case MANY_TO_ONE -> {
                b.inputs = cycleRows(s.inputs(), Math.max(2, length));
                keepLastTarget(b, s);
            }
            case MANY_TO_MANY -> {
                b.inputs = cycleRows(s.inputs(), Math.max(2, length));
                setTargetCount(b, s, b.inputs.rows());
            }
            case SEQ2SEQ -> {
                b.inputs = cycleRows(s.inputs(), Math.max(2, s.inputCount()));
                setTargetCount(b, s, Math.max(2, s.targetCount()));
            }
        }
        boolean feedsOutputs = b.feedback == Feedback.TEACHER_FORCING || b.feedback == Feedback.FREE_RUNNING;
        if (feedsOutputs && s.outputSize() != s.inputSize()) {
            resizeOutputs(b, s.inputSize());
        }
        b.startInput = null;
        return keepOrRebuild(b, s, init);
    }

    /**
     * Changes the feedback of a one-to-many or seq2seq scenario. Feeding outputs back needs
     * {@code O == I}: when the output size already fits, every weight, the examples and the lesson are
     * kept (teacher forcing and free running compared on the same network); otherwise the output layer
     * changes shape and the weights are drawn anew from {@code init}.
     */
    public static Scenario withFeedback(Scenario s, Feedback feedback, InitSpec init) {
        if (!s.mapping().usesFeedback()) {
            throw new IllegalArgumentException("only one-to-many and seq2seq feed outputs back");
        }
        boolean feedsOutputs = feedback == Feedback.TEACHER_FORCING || feedback == Feedback.FREE_RUNNING;
        if (!feedsOutputs || s.outputSize() == s.inputSize()) {
            return withFeedback(s, feedback);
        }
        return withMapping(s, s.mapping(), feedback, init);
    }

    /**
     * True when {@code after} has weights drawn anew from its seed rather than {@code before}'s weights
     * (or ones made from them, as the ρ and forget-bias edits make): the edit changed their shape, or
     * asked for another seed or scale.
     */
    public static boolean reseeds(Scenario before, Scenario after) {
        if (after.init() == null || after.weights() == before.weights()) {
            return false;
        }
        return !java.util.Arrays.equals(Parameters.flatten(before.weights()), Parameters.flatten(after.weights()));
    }

    /** Why an edit to {@code after} needs new weights, in a sentence for the window (null when it does not). */
    public static String whyNewWeights(Scenario before, Scenario after) {
        if (!reseeds(before, after)) {
            return null;
        }
        if (before.cell() != after.cell()) {
            return withArticle(after.cell()) + " has " + after.cell().gateCount() + " weight block"
                    + (after.cell().gateCount() == 1 ? "" : "s") + " per unit where " + withArticle(before.cell())
                    + " has " + before.cell().gateCount();
        }
        if (before.hiddenSize() != after.hiddenSize()) {
            return "every weight matrix has a row or column per hidden unit, and there are now " + after.hiddenSize();
        }
        if (before.mapping().hasEncoder() != after.mapping().hasEncoder()) {
            return after.mapping().hasEncoder() ? "an encoder-decoder has two cells, each with its own weights"
                    : "one cell replaces the encoder and the decoder";
        }
        if (before.outputSize() != after.outputSize()) {
            return "feeding outputs back as inputs needs " + after.inputSize() + " outputs, not " + before.outputSize();
        }
        return "you asked for weights drawn with another seed or scale";
    }

    /**
     * The same cell and weights on the inputs and targets cycled over {@code length} aligned steps
     * (many-to-many): a one-to-one network applied again and again.
     *
     * @throws IllegalArgumentException for seq2seq, whose encoder and decoder have separate weights
     */
    public static Scenario asAlignedSequence(Scenario s, int length) {
        if (s.mapping() == Mapping.SEQ2SEQ) {
            throw new IllegalArgumentException("an encoder-decoder has two cells");
        }
        Scenario.Builder b = s.toBuilder();
        b.mapping = Mapping.MANY_TO_MANY;
        b.feedback = null;
        b.inputs = cycleRows(s.inputs(), length);
        setTargetCount(b, s, length);
        return b.build();
    }

    /**
     * Changes only the feedback of a one-to-many or seq2seq scenario, keeping every weight, so that
     * teacher forcing and free running can be compared on the same network.
     */
    public static Scenario withFeedback(Scenario s, Feedback feedback) {
        if (!s.mapping().usesFeedback()) {
            throw new IllegalArgumentException("only one-to-many and seq2seq feed outputs back");
        }
        Scenario.Builder b = s.toBuilder();
        b.feedback = feedback;
        return b.build();
    }

    /** Sets {@code x_t[j]} of the inputs read from the file (t is 1-based). */
    public static Scenario withInput(Scenario s, int t, int j, double value) {
        if (!Double.isFinite(value)) {
            throw new IllegalArgumentException("an input must be a finite number");
        }
        double[] data = s.inputs().toRowMajor();
        data[(t - 1) * s.inputSize() + j] = value;
        Scenario.Builder b = s.toBuilder();
        b.inputs = Matrix.wrap(s.inputCount(), s.inputSize(), data);
        return b.build();
    }

    // ------------------------------------------------------------------ helpers

    /** "an RNN", "an LSTM", "a GRU": the article as the letters are spoken. */
    private static String withArticle(CellType cell) {
        return (cell == CellType.GRU ? "a " : "an ") + cell.jsonName().toUpperCase(java.util.Locale.ROOT);
    }

    /** Keeps {@code s}'s weights (and their seed) when they fit the builder's shape, or draws new ones. */
    private static Scenario keepOrRebuild(Scenario.Builder b, Scenario s, InitSpec init) {
        boolean fits = b.cell == s.cell() && b.hiddenSize == s.hiddenSize() && b.inputSize == s.inputSize()
                && b.outputSize == s.outputSize() && b.mapping.hasEncoder() == s.mapping().hasEncoder();
        if (fits) {
            b.weights = s.weights();
            b.init = s.init();
            return b.build();
        }
        return rebuild(b, init);
    }

    private static Scenario rebuild(Scenario.Builder b, InitSpec init) {
        b.init = init;
        b.weights = SeededInit.weights(init, b.cell, b.mapping, b.inputSize, b.hiddenSize, b.outputSize);
        return b.build();
    }

    private static Matrix cycleRows(Matrix m, int rows) {
        double[] src = m.data();
        int cols = m.cols();
        double[] out = new double[rows * cols];
        for (int r = 0; r < rows; r++) {
            System.arraycopy(src, (r % m.rows()) * cols, out, r * cols, cols);
        }
        return Matrix.wrap(rows, cols, out);
    }

    private static void setTargetCount(Scenario.Builder b, Scenario s, int count) {
        if (s.loss() == LossKind.MSE) {
            b.targetVectors = cycleRows(s.targetVectors(), count);
        } else {
            int[] classes = new int[count];
            for (int k = 0; k < count; k++) {
                classes[k] = s.targetClass(k % s.targetCount());
            }
            b.targetClasses = classes;
        }
    }

    private static void keepLastTarget(Scenario.Builder b, Scenario s) {
        int last = s.targetCount() - 1;
        if (s.loss() == LossKind.MSE) {
            b.targetVectors = Matrix.of(1, s.outputSize(), s.targetVectors().row(last));
        } else {
            b.targetClasses = new int[] {s.targetClass(last)};
        }
    }

    /** A new output size: target vectors cut or padded with zeros, classes wrapped into range. */
    private static void resizeOutputs(Scenario.Builder b, int outputs) {
        if (b.loss == LossKind.MSE) {
            Matrix t = b.targetVectors;
            double[] out = new double[t.rows() * outputs];
            for (int r = 0; r < t.rows(); r++) {
                for (int c = 0; c < Math.min(outputs, t.cols()); c++) {
                    out[r * outputs + c] = t.get(r, c);
                }
            }
            b.targetVectors = Matrix.wrap(t.rows(), outputs, out);
        } else {
            int[] classes = b.targetClasses.clone();
            for (int k = 0; k < classes.length; k++) {
                classes[k] %= outputs;
            }
            b.targetClasses = classes;
        }
        b.outputSize = outputs;
    }
}
