package org.unrolled.engine;

import java.util.Objects;

/**
 * One network and one sequence: everything the engine computes with, and nothing else (the title, the
 * words, the examples and the lesson are the document layer's, around it: ScenarioDocument).
 * Validated for consistency. Immutable; {@link #toBuilder()} makes an edited copy (the what-if controls
 * use it).
 *
 * <p>For {@link LossKind#MSE} the targets are {@link #targetVectors()} ({@code S × O}); for
 * cross-entropy they are {@link #targetClasses()} (0-based class indices). The other one is null.
 */
public record Scenario(
        CellType cell,
        Activation activation,
        GruVariant gruVariant,
        int inputSize,
        int hiddenSize,
        int outputSize,
        Mapping mapping,
        LossKind loss,
        Feedback feedback,
        Matrix inputs,
        Matrix targetVectors,
        int[] targetClasses,
        double[] h0,
        double[] c0,
        double[] startInput,
        NetworkWeights weights,
        InitSpec init) {

    public Scenario {
        Objects.requireNonNull(cell, "cell");
        activation = activation == null ? Activation.TANH : activation;
        gruVariant = gruVariant == null ? GruVariant.PYTORCH : gruVariant;
        Objects.requireNonNull(mapping, "mapping");
        Objects.requireNonNull(loss, "loss");
        Objects.requireNonNull(inputs, "inputs");
        Objects.requireNonNull(weights, "weights");
        targetClasses = targetClasses == null ? null : targetClasses.clone();
        h0 = h0 == null ? new double[hiddenSize] : h0.clone();
        c0 = c0 == null ? new double[hiddenSize] : c0.clone();
        startInput = startInput == null ? new double[inputSize] : startInput.clone();
        checkConsistency(cell, inputSize, hiddenSize, outputSize, mapping, loss, feedback, inputs,
                targetVectors, targetClasses, h0, c0, startInput, weights);
    }

    /**
     * This network on another sequence: these inputs and targets (the document's examples are such
     * sequences).
     *
     * @throws IllegalArgumentException if the sequence does not fit the network or the mapping
     */
    public Scenario withSequence(Matrix inputs, Matrix targetVectors, int[] targetClasses) {
        Builder b = toBuilder();
        b.inputs = inputs;
        b.targetVectors = targetVectors;
        b.targetClasses = targetClasses;
        return b.build();
    }

    private static void checkConsistency(CellType cell, int in, int hidden, int out, Mapping mapping,
            LossKind loss, Feedback feedback, Matrix inputs, Matrix targetVectors, int[] targetClasses,
            double[] h0, double[] c0, double[] startInput, NetworkWeights weights) {
        require(in >= 1 && hidden >= 1 && out >= 1, "sizes must be positive");
        require(inputs.cols() == in, "inputs must have inputSize columns");
        require(inputs.rows() >= 1, "at least one input is needed");
        require(mapping.usesFeedback() == (feedback != null), "feedback goes with one-to-many and seq2seq only");
        if (loss == LossKind.MSE) {
            require(targetVectors != null && targetClasses == null, "mse needs target vectors");
            require(targetVectors.cols() == out, "targets must have outputSize entries");
        } else {
            require(targetClasses != null && targetVectors == null, "cross-entropy needs target classes");
            for (int k : targetClasses) {
                require(k >= 0 && k < out, "target class out of range");
            }
        }
        int targets = loss == LossKind.MSE ? targetVectors.rows() : targetClasses.length;
        switch (mapping) {
            case ONE_TO_ONE -> require(inputs.rows() == 1 && targets == 1, "one-to-one has one input and one target");
            case ONE_TO_MANY -> require(inputs.rows() == 1 && targets >= 1, "one-to-many has one input");
            case MANY_TO_ONE -> require(targets == 1, "many-to-one has one target");
            case MANY_TO_MANY -> require(targets == inputs.rows(), "many-to-many has a target per input");
            case SEQ2SEQ -> require(targets >= 1, "seq2seq needs at least one target");
        }
        if (feedback == Feedback.TEACHER_FORCING || feedback == Feedback.FREE_RUNNING) {
            require(out == in, "feeding outputs back needs outputSize == inputSize");
        }
        require(h0.length == hidden && c0.length == hidden, "h0 and c0 have hiddenSize entries");
        require(startInput.length == in, "startInput has inputSize entries");
        require(mapping.hasEncoder() == weights.hasEncoder(), "seq2seq (only) has encoder weights");
        if (weights.hasEncoder()) {
            weights.encoder().checkShape(cell, in, hidden);
        }
        weights.cell().checkShape(cell, in, hidden);
        require(weights.weightOut().rows() == out && weights.weightOut().cols() == hidden, "weight_out is O x H");
        require(weights.biasOutData().length == out, "bias_out has O entries");
    }

    private static void require(boolean ok, String message) {
        if (!ok) {
            throw new IllegalArgumentException(message);
        }
    }

    @Override
    public int[] targetClasses() {
        return targetClasses == null ? null : targetClasses.clone();
    }

    @Override
    public double[] h0() {
        return h0.clone();
    }

    @Override
    public double[] c0() {
        return c0.clone();
    }

    @Override
    public double[] startInput() {
        return startInput.clone();
    }

    /** The class index of target {@code index} (0-based), for cross-entropy. */
    public int targetClass(int index) {
        return targetClasses[index];
    }

    /** Number of targets: the number of steps with a loss. */
    public int targetCount() {
        return loss == LossKind.MSE ? targetVectors.rows() : targetClasses.length;
    }

    /** Columns of the unrolled picture, left to right (seq2seq: the encoder's steps, then the decoder's). */
    public int columns() {
        return columns(mapping, inputCount(), targetCount());
    }

    private static int columns(Mapping mapping, int inputs, int targets) {
        return switch (mapping) {
            case ONE_TO_ONE -> 1;
            case ONE_TO_MANY -> targets;
            case MANY_TO_ONE, MANY_TO_MANY -> inputs;
            case SEQ2SEQ -> inputs + targets;
        };
    }

    /** Number of input vectors given in the file ({@code T} for the encoder in seq2seq). */
    public int inputCount() {
        return inputs.rows();
    }

    /** Steps of the output-producing sequence (the decoder's {@code S} in seq2seq). */
    public int outputSequenceLength() {
        return switch (mapping) {
            case ONE_TO_ONE -> 1;
            case ONE_TO_MANY, SEQ2SEQ -> targetCount();
            case MANY_TO_ONE, MANY_TO_MANY -> inputCount();
        };
    }

    public Builder toBuilder() {
        return new Builder(this);
    }

    /** Mutable copy of a scenario's fields; {@link #build()} validates again. */
    public static final class Builder {
        public CellType cell;
        public Activation activation;
        public GruVariant gruVariant;
        public int inputSize;
        public int hiddenSize;
        public int outputSize;
        public Mapping mapping;
        public LossKind loss;
        public Feedback feedback;
        public Matrix inputs;
        public Matrix targetVectors;
        public int[] targetClasses;
        public double[] h0;
        public double[] c0;
        public double[] startInput;
        public NetworkWeights weights;
        public InitSpec init;

        public Builder() {
        }

        Builder(Scenario s) {
            cell = s.cell;
            activation = s.activation;
            gruVariant = s.gruVariant;
            inputSize = s.inputSize;
            hiddenSize = s.hiddenSize;
            outputSize = s.outputSize;
            mapping = s.mapping;
            loss = s.loss;
            feedback = s.feedback;
            inputs = s.inputs;
            targetVectors = s.targetVectors;
            targetClasses = s.targetClasses;
            h0 = s.h0;
            c0 = s.c0;
            startInput = s.startInput;
            weights = s.weights;
            init = s.init;
        }

        public Scenario build() {
            return new Scenario(cell, activation, gruVariant, inputSize, hiddenSize, outputSize, mapping, loss,
                    feedback, inputs, targetVectors, targetClasses, h0, c0, startInput, weights, init);
        }
    }
}
