package org.unrolled.engine;

import java.util.Arrays;

/**
 * The numeric engine: a forward pass over the scenario's sequence(s), then exact backpropagation
 * through time over all of it. Pure and stateless; {@link #run} may be called from any thread.
 */
public final class Engine {
    private Engine() {
    }

    /** Computes every state, output, loss and gradient of {@code scenario}. */
    public static Trace run(Scenario scenario) {
        return new Run(scenario, null).execute();
    }

    /**
     * As {@link #run(Scenario)}, with {@code edit} told after every step is computed and free to change
     * that step's {@code h} and {@code c} in place (an ablation: later steps read the changed state; the
     * backward pass uses the changed states as they are).
     */
    public static Trace run(Scenario scenario, StateEdit edit) {
        return new Run(scenario, edit).execute();
    }

    /** A change of the state right after a step (lesson checks zero a state to see what it carried). */
    @FunctionalInterface
    public interface StateEdit {
        /**
         * @param encoder true for seq2seq's encoder steps
         * @param t       the step just computed (1-based)
         * @param h       h_t, to be modified in place
         * @param c       c_t (LSTM; an empty array otherwise), to be modified in place
         */
        void afterStep(boolean encoder, int t, double[] h, double[] c);
    }

    /** The work of one {@link #run}: its kernels and gradient sums. */
    private static final class Run {
        private final Scenario s;
        private final int in;
        private final int hidden;
        private final int out;
        private final double[] weightOut;
        private final double[] biasOut;
        private final double[] gradWeightOut;
        private final double[] gradBiasOut;
        private final StateEdit edit;

        Run(Scenario scenario, StateEdit edit) {
            this.s = scenario;
            this.edit = edit;
            this.in = scenario.inputSize();
            this.hidden = scenario.hiddenSize();
            this.out = scenario.outputSize();
            this.weightOut = scenario.weights().weightOut().data();
            this.biasOut = scenario.weights().biasOutData();
            this.gradWeightOut = new double[out * hidden];
            this.gradBiasOut = new double[out];
        }

        Trace execute() {
            NetworkWeights w = s.weights();
            SequenceTrace encoder = null;
            CellKernel encoderKernel = null;
            double[] h0 = s.h0();
            double[] c0 = s.c0();
            if (s.mapping().hasEncoder()) {
                encoderKernel = CellKernel.create(s, w.encoder());
                encoder = newSequence(s.inputCount());
                forwardEncoder(encoder, encoderKernel, h0, c0);
                // The context C = (h_T, c_T) is the decoder's initial state.
                h0 = encoder.h(encoder.length);
                c0 = s.cell().hasCellState() ? encoder.c(encoder.length) : c0;
            }
            CellKernel kernel = CellKernel.create(s, w.cell());
            SequenceTrace steps = newSequence(s.outputSequenceLength());
            double loss = forwardOutputs(steps, kernel, h0, c0);

            Backward decoderBackward = backward(steps, kernel, new double[hidden], new double[hidden], true);
            CellWeights encoderGrads = null;
            if (encoder != null) {
                Backward enc = backward(encoder, encoderKernel, decoderBackward.dhInitial,
                        decoderBackward.dcInitial, false);
                encoderGrads = enc.grads;
            }
            NetworkWeights grads = new NetworkWeights(encoderGrads, decoderBackward.grads,
                    Matrix.wrap(out, hidden, gradWeightOut), gradBiasOut);
            return new Trace(s, encoder, steps, loss, grads);
        }

        private SequenceTrace newSequence(int length) {
            return new SequenceTrace(s.cell(), length, in, hidden, out);
        }

        private static void setInitialState(SequenceTrace seq, double[] h0, double[] c0) {
            System.arraycopy(h0, 0, seq.h, 0, h0.length);
            if (seq.cell.hasCellState()) {
                System.arraycopy(c0, 0, seq.c, 0, c0.length);
            }
        }

        private void forwardEncoder(SequenceTrace seq, CellKernel kernel, double[] h0, double[] c0) {
            setInitialState(seq, h0, c0);
            double[] inputs = s.inputs().data();
            System.arraycopy(inputs, 0, seq.x, 0, inputs.length);
            for (int t = 1; t <= seq.length; t++) {
                kernel.forward(seq, t);
                applyEdit(seq, t, true);
            }
        }

        private void applyEdit(SequenceTrace seq, int t, boolean encoder) {
            if (edit == null) {
                return;
            }
            double[] h = seq.h(t);
            double[] c = seq.cell.hasCellState() ? seq.c(t) : new double[0];
            edit.afterStep(encoder, t, h, c);
            System.arraycopy(h, 0, seq.h, t * hidden, hidden);
            if (c.length > 0) {
                System.arraycopy(c, 0, seq.c, t * hidden, hidden);
            }
        }

        /** Forward over the sequence that has outputs; returns the total loss. */
        private double forwardOutputs(SequenceTrace seq, CellKernel kernel, double[] h0, double[] c0) {
            setInitialState(seq, h0, c0);
            double loss = 0;
            for (int t = 1; t <= seq.length; t++) {
                setInput(seq, t);
                kernel.forward(seq, t);
                applyEdit(seq, t, false);
                int target = targetIndex(t, seq.length);
                if (target >= 0) {
                    loss += output(seq, t, target);
                }
            }
            return loss;
        }

        /** Index into the targets for step {@code t}, or −1 when the step has no output. */
        private int targetIndex(int t, int length) {
            if (s.mapping() == Mapping.MANY_TO_ONE) {
                return t == length ? 0 : -1;
            }
            return t - 1;
        }

        /** Writes the input of step {@code t} into {@code seq.x}. */
        private void setInput(SequenceTrace seq, int t) {
            int xOff = (t - 1) * in;
            Mapping m = s.mapping();
            if (!m.usesFeedback()) {
                System.arraycopy(s.inputs().data(), xOff, seq.x, xOff, in);
            } else if (t == 1) {
                double[] first = m == Mapping.SEQ2SEQ ? s.startInput() : s.inputs().row(0);
                System.arraycopy(first, 0, seq.x, xOff, in);
            } else {
                feedBack(seq, t, xOff);
            }
        }

        private void feedBack(SequenceTrace seq, int t, int xOff) {
            boolean mse = s.loss() == LossKind.MSE;
            switch (s.feedback()) {
                case ZEROS -> Arrays.fill(seq.x, xOff, xOff + in, 0.0);
                case TEACHER_FORCING -> {
                    if (mse) {
                        System.arraycopy(s.targetVectors().data(), (t - 2) * out, seq.x, xOff, in);
                    } else {
                        oneHot(seq.x, xOff, s.targetClass(t - 2));
                    }
                }
                case FREE_RUNNING -> {
                    if (mse) {
                        System.arraycopy(seq.y, (t - 2) * out, seq.x, xOff, in);
                    } else {
                        oneHot(seq.x, xOff, Losses.argmax(seq.y, (t - 2) * out, out));
                    }
                }
            }
        }

        private void oneHot(double[] x, int xOff, int k) {
            Arrays.fill(x, xOff, xOff + in, 0.0);
            x[xOff + k] = 1.0;
        }

        /** {@code y_t = W_out h_t + b_out} and the loss against target {@code target}; returns ℓ_t. */
        private double output(SequenceTrace seq, int t, int target) {
            int yOff = (t - 1) * out;
            seq.hasOutput[t - 1] = true;
            System.arraycopy(biasOut, 0, seq.y, yOff, out);
            LinAlg.multAdd(weightOut, 0, out, hidden, seq.h, t * hidden, seq.y, yOff);
            double l = s.loss() == LossKind.MSE
                    ? Losses.mse(seq.y, yOff, s.targetVectors().data(), target * out, out, seq.dy, yOff)
                    : Losses.crossEntropy(seq.y, yOff, out, s.targetClass(target), seq.dy, yOff);
            seq.stepLoss[t - 1] = l;
            return l;
        }

        /** What the backward pass over one sequence hands on. */
        private record Backward(double[] dhInitial, double[] dcInitial, CellWeights grads) {
        }

        /**
         * BPTT over {@code seq} from its last step to its first. {@code dhAfter}/{@code dcAfter} are the
         * gradients arriving at the last state from outside the sequence (the decoder, for an encoder).
         * On entry {@code seq.dy} holds {@code dℓ_t/dy_t} from the forward pass; on exit it holds the
         * total {@code dL/dy_t}.
         */
        private Backward backward(SequenceTrace seq, CellKernel kernel, double[] dhAfter, double[] dcAfter,
                boolean hasOutputs) {
            int length = seq.length;
            int gh = kernel.gateRows;
            double[] dPreI = new double[length * gh];
            double[] dPreH = kernel.hiddenSideDiffers() ? new double[length * gh] : dPreI;
            double[] dhNext = dhAfter.clone();
            double[] dcNext = dcAfter.clone();
            double[] dh = new double[hidden];
            double[] dhPrev = new double[hidden];
            double[] dcPrev = new double[hidden];
            // Free-running mse feeds y_t into x_{t+1}, a path the gradient follows back.
            boolean feedbackCarriesGradient = hasOutputs && s.feedback() == Feedback.FREE_RUNNING
                    && s.loss() == LossKind.MSE;
            double[] dxNext = new double[in];
            boolean dxPending = false;
            for (int t = length; t >= 1; t--) {
                int hOff = (t - 1) * hidden;
                int yOff = (t - 1) * out;
                if (hasOutputs && seq.hasOutput[t - 1]) {
                    if (dxPending) {
                        // dL/dy_t = dℓ_t/dy_t + dL/dx_{t+1}
                        for (int i = 0; i < out; i++) {
                            seq.dy[yOff + i] += dxNext[i];
                        }
                    }
                    // the part through y_t: W_outᵀ dL/dy_t
                    LinAlg.multTransAdd(weightOut, 0, out, hidden, seq.dy, yOff, seq.dhFromOutput, hOff);
                    // dW_out += dL/dy_t h_tᵀ ; db_out += dL/dy_t
                    for (int i = 0; i < out; i++) {
                        double d = seq.dy[yOff + i];
                        gradBiasOut[i] += d;
                        for (int j = 0; j < hidden; j++) {
                            gradWeightOut[i * hidden + j] += d * seq.h[t * hidden + j];
                        }
                    }
                }
                System.arraycopy(dhNext, 0, seq.dhFromNext, hOff, hidden);
                for (int j = 0; j < hidden; j++) {
                    dh[j] = seq.dhFromOutput[hOff + j] + dhNext[j];
                }
                System.arraycopy(dh, 0, seq.dh, hOff, hidden);
                kernel.backward(seq, t, dh, dcNext, dPreI, dPreH, dhPrev, dcPrev);
                if (feedbackCarriesGradient && t > 1) {
                    kernel.inputGradient(dPreI, t, dxNext);
                    dxPending = true;
                }
                double[] swap = dhNext;
                dhNext = dhPrev;
                dhPrev = swap;
                swap = dcNext;
                dcNext = dcPrev;
                dcPrev = swap;
            }
            CellKernel.GradientSums sums = new CellKernel.GradientSums(s.cell(), in, hidden);
            kernel.accumulateGradients(seq, dPreI, dPreH, sums);
            return new Backward(dhNext, dcNext, sums.toWeights());
        }
    }
}
