package org.unrolled.view;

import java.util.ArrayList;
import java.util.List;
import org.unrolled.engine.CellType;
import org.unrolled.engine.Scenario;

/**
 * The bridge between the lecture notes' symbols and the window's (PyTorch's): what each name means,
 * where the notes slip, and the terms the window uses that the notes do not. Pure text, from the
 * scenario's sizes only.
 */
public final class Notation {
    private Notation() {
    }

    /** One entry: a term or symbol and one or two sentences about it. */
    public record Entry(String term, String meaning) {
    }

    /** Parameters of one cell with PyTorch's two bias vectors, and with the notes' one. */
    public record Counts(int twoBiases, int oneBias) {
    }

    /** The recurrent cell(s)' parameters (without the output layer) as PyTorch counts them and as the notes would. */
    public static Counts recurrentParameters(Scenario s) {
        int blocks = s.cell().gateCount();
        int h = s.hiddenSize();
        int cells = s.mapping().hasEncoder() ? 2 : 1;
        int weights = blocks * (h * s.inputSize() + h * h);
        return new Counts(cells * (weights + 2 * blocks * h), cells * (weights + blocks * h));
    }

    public static List<Entry> entries(Scenario s) {
        List<Entry> out = new ArrayList<>();
        out.add(new Entry("Wₓₓ (notes) = W_xh = W_ih here",
                "The notes write hₜ = f(Wₓₓxₜ + Wₕₕhₜ₋₁ + b); Wₓₓ is a typo for W_xh, the weights from the input x to"
                        + " the hidden state h. PyTorch, and this window, call it W_ih (input to hidden)."));
        Counts c = recurrentParameters(s);
        int blocks = s.cell().gateCount();
        out.add(new Entry("b (notes) = b_ih + b_hh here",
                "The notes' single bias b is the sum of PyTorch's two bias vectors, which always appear added together."
                        + " That is why PyTorch counts " + blocks + "·H extra parameters per cell: this scenario's recurrent"
                        + " weights have " + c.twoBiases() + " parameters with two biases, " + c.oneBias()
                        + " with the notes' one."));
        if (s.cell() == CellType.LSTM) {
            out.add(new Entry("Cₜ, Hₜ (notes) = c_t, h_t here",
                    "The cell state (the highway) and the hidden state. An LSTM has three gates, input i, forget f and"
                            + " output o, plus a candidate g: four blocks of weights, which is why W_ih has 4H rows."));
            out.add(new Entry("Output gate: no peephole here",
                    "The notes say the output gate also reads the updated cell state: that is a peephole LSTM. PyTorch's"
                            + " LSTM, shown here, does not: o_t = σ(W_io x_t + b_io + W_ho h_{t−1} + b_ho)."));
        }
        if (s.cell() == CellType.GRU) {
            out.add(new Entry("Update gate z, reset gate r",
                    "The GRU's two gates. The update gate z sets how much of the old state is kept:"
                            + " h_t = (1 − z_t) ⊙ n_t + z_t ⊙ h_{t−1}. The reset gate r sets how much of h_{t−1} the"
                            + " candidate n_t reads. No separate cell state: three blocks of weights, so W_ih has 3H rows."));
        }
        out.add(new Entry("Aligned, unaligned",
                "Many-to-many here is the notes' aligned sequence-to-sequence (one output per input); seq2seq here is the"
                        + " notes' unaligned encoder–decoder, whose context C is the encoder's last state (h_T, and c_T for"
                        + " an LSTM)."));
        out.add(new Entry("yₜ₋₁ and oₜ₋₁ in teacher forcing",
                "In the notes' teacher forcing, y_{t−1} fed back during training is the target; o_{t−1}, fed back at test"
                        + " time, is the model's own output (free running here). Exposure bias: a model trained only on"
                        + " targets never saw its own mistakes, and meets them at test time."));
        out.add(new Entry("One-hot", "A vector of zeros with a single 1, marking one word of a vocabulary."));
        out.add(new Entry("∂L/∂h_t", "How much the total loss L changes when h_t changes: the gradient that"
                + " backpropagation through time carries from step to step, right to left."));
        out.add(new Entry("Spectral radius ρ(W_hh)",
                "The largest absolute eigenvalue of W_hh: the rate per step at which repeated multiplication by W_hh"
                        + " grows or shrinks a vector in the long run."));
        out.add(new Entry("σ_max(W_hh)",
                "The largest singular value of W_hh: the most it can stretch any one vector in a single step (at least ρ)."));
        out.add(new Entry("Saturation", "A tanh or sigmoid unit on a flat end of its curve (tanh near ±1): its slope is"
                + " near 0 there, so little gradient passes through it."));
        return out;
    }
}
