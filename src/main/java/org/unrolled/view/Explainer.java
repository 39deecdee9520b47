package org.unrolled.view;

import static org.unrolled.view.Numbers.format;

import java.util.ArrayList;
import java.util.List;
import org.unrolled.document.Vocabulary;
import org.unrolled.engine.Activation;
import org.unrolled.engine.CellType;
import org.unrolled.engine.CellWeights;
import org.unrolled.engine.Feedback;
import org.unrolled.engine.GruVariant;
import org.unrolled.engine.LossKind;
import org.unrolled.engine.Mapping;
import org.unrolled.engine.Matrix;
import org.unrolled.engine.Scenario;
import org.unrolled.engine.SequenceTrace;
import org.unrolled.engine.Trace;

/**
 * Where a number came from: its name ({@code f_3[2]}), the equation that produced it, and the same
 * equation with the actual numbers substituted. Pure: reads the trace and the weights only.
 */
public final class Explainer {
    private Explainer() {
    }

    /** What the side panel and the hover popup show for one number. */
    public record Explanation(String name, double value, String title, List<String> lines) {
    }

    /** What number {@code index} of {@code ref} is, and what it stands for in {@code words} (the document's). */
    public static Explanation explain(Trace trace, Vocabulary words, VectorRef ref, int index) {
        double[] values = ref.values(trace);
        double value = values == null ? Double.NaN : values[index];
        String name = ref.symbol(trace) + "[" + index + "]";
        List<String> lines = new ArrayList<>();
        String title = switch (ref.kind()) {
            case X -> input(trace, ref, index, lines);
            case H -> hidden(trace, ref, index, lines);
            case C -> cell(trace, ref, index, lines);
            case GATE -> gate(trace, ref, index, lines);
            case Y -> output(trace, ref, index, lines);
            case TARGET -> target(trace, ref, index, lines);
            case PRE -> preActivation(trace, ref, index, lines);
        };
        words(words, values, ref.kind(), index, lines);
        return new Explanation(name, value, title, lines);
    }

    /** What the vector means in the scenario's vocabulary, if it has one. */
    private static void words(Vocabulary v, double[] values, VectorRef.Kind kind, int j, List<String> lines) {
        if (values == null) {
            return;
        }
        if (kind == VectorRef.Kind.X && !v.inputs().isEmpty()) {
            String word = v.inputWord(values);
            lines.add(word != null ? "This input is the one-hot vector of \"" + word + "\"; component [" + j
                    + "] stands for \"" + v.inputs().get(j) + "\"." : "Component [" + j + "] is \""
                    + v.inputs().get(j) + "\".");
        } else if ((kind == VectorRef.Kind.Y || kind == VectorRef.Kind.TARGET) && !v.outputs().isEmpty()) {
            String best = v.outputWord(org.unrolled.engine.Evaluation.argmax(values));
            lines.add("Component [" + j + "] stands for \"" + v.outputs().get(j) + "\"; "
                    + (kind == VectorRef.Kind.Y ? "the most likely word here is" : "the target word is")
                    + " \"" + best + "\".");
        }
    }

    private static String step(Trace trace, VectorRef ref) {
        return ref.t() + (trace.hasEncoder() ? (ref.encoder() ? " of the encoder" : " of the decoder") : "");
    }

    private static String input(Trace trace, VectorRef ref, int j, List<String> lines) {
        Scenario s = trace.scenario();
        int t = ref.t();
        Mapping m = s.mapping();
        boolean fed = !ref.encoder() && m.usesFeedback();
        if (!fed || t == 1) {
            if (fed && m == Mapping.SEQ2SEQ) {
                lines.add("The decoder's first input is the start input (startInput in the file).");
            } else {
                lines.add("Input vector " + (fed ? 1 : t) + " of the scenario file.");
            }
            return "Input at step " + step(trace, ref);
        }
        String prev = ref.symbol(trace).replace("_" + t, "_" + (t - 1)).replace("x", "y");
        boolean mse = s.loss() == LossKind.MSE;
        Feedback f = s.feedback();
        switch (f) {
            case ZEROS -> lines.add("Feedback \"zeros\": every decoding step after the first reads a zero vector.");
            case TEACHER_FORCING -> lines.add("Teacher forcing: the previous step's target goes in, not the model's own "
                    + "output" + (mse ? "." : " (one-hot of class " + s.targetClass(t - 2) + ")."));
            case FREE_RUNNING -> lines.add(mse
                    ? "Free running: x_" + t + " = " + prev + ", the model's own previous output (gradients flow back "
                            + "through it)."
                    : "Free running: the one-hot vector of the predicted class argmax " + prev + ".");
        }
        return "Input at step " + step(trace, ref);
    }

    private static String hidden(Trace trace, VectorRef ref, int j, List<String> lines) {
        Scenario s = trace.scenario();
        SequenceTrace seq = ref.sequence(trace);
        int t = ref.t();
        String h = ref.symbol(trace);
        String hp = h.replace("_" + t, "_" + (t - 1));
        if (t == 0) {
            if (!ref.encoder() && trace.hasEncoder()) {
                lines.add("The decoder starts from the context C = the encoder's last hidden state.");
            } else {
                lines.add("The initial state h_0 (h0 in the file, zeros by default).");
            }
            return "Initial hidden state";
        }
        double v = seq.h(t, j);
        switch (s.cell()) {
            case RNN -> {
                Parts p = parts(trace, ref, 0, j);
                String act = s.activation() == Activation.RELU ? "relu" : "tanh";
                lines.add(h + " = " + act + "(W_ih x_" + t + " + b_ih + W_hh " + hp + " + b_hh)");
                lines.add("[" + j + "] = " + act + "(" + p.sum() + ") = " + act + "(" + format(p.total()) + ") = " + format(v));
                lines.add("(The notes' hₜ = f(Wₓₓxₜ + Wₕₕhₜ₋₁ + b): their Wₓₓ, a typo for W_xh, is W_ih; b = b_ih + b_hh.)");
            }
            case LSTM -> {
                lines.add("(The notes' H_t; its cell state c_t is their C_t.)");
                double o = seq.gate(t, 'o')[j];
                double c = seq.c(t)[j];
                lines.add(h + " = o_" + t + " ⊙ tanh(c_" + t + ")");
                lines.add("[" + j + "] = " + format(o) + " · tanh(" + format(c) + ") = " + format(v));
            }
            case GRU -> {
                double z = seq.gate(t, 'z')[j];
                double n = seq.gate(t, 'n')[j];
                double prev = seq.h(t - 1, j);
                lines.add(h + " = (1 − z_" + t + ") ⊙ n_" + t + " + z_" + t + " ⊙ " + hp);
                lines.add("[" + j + "] = (1 − " + format(z) + ") · " + format(n) + " + " + format(z) + " · "
                        + format(prev) + " = " + format(v));
            }
        }
        return "Hidden state at step " + step(trace, ref);
    }

    private static String cell(Trace trace, VectorRef ref, int j, List<String> lines) {
        SequenceTrace seq = ref.sequence(trace);
        int t = ref.t();
        if (t == 0) {
            lines.add(trace.hasEncoder() && !ref.encoder()
                    ? "The decoder's cell state starts from the encoder's last one (part of the context C)."
                    : "The initial cell state c_0 (c0 in the file, zeros by default).");
            return "Initial cell state";
        }
        double f = seq.gate(t, 'f')[j];
        double i = seq.gate(t, 'i')[j];
        double g = seq.gate(t, 'g')[j];
        double prev = seq.c(t - 1)[j];
        lines.add("c_" + t + " = f_" + t + " ⊙ c_" + (t - 1) + " + i_" + t + " ⊙ g_" + t + "   (the highway: forget, then add;"
                + " the notes' C_t)");
        lines.add("[" + j + "] = " + format(f) + " · " + format(prev) + " + " + format(i) + " · " + format(g)
                + " = " + format(seq.c(t)[j]));
        return "Cell state at step " + step(trace, ref);
    }

    private static String gate(Trace trace, VectorRef ref, int j, List<String> lines) {
        Scenario s = trace.scenario();
        SequenceTrace seq = ref.sequence(trace);
        int t = ref.t();
        char gate = ref.gate();
        int block = s.cell().gateNames().indexOf(gate);
        double v = seq.gate(t, gate)[j];
        String hp = "h_" + (t - 1);
        String x = "x_" + t;
        if (s.cell() == CellType.GRU && gate == 'n') {
            Parts p = parts(trace, ref, block, j);
            double r = seq.gate(t, 'r')[j];
            double hidden = seq.gruHiddenPart(t)[j];
            if (s.gruVariant() == GruVariant.CHO) {
                lines.add("n_" + t + " = tanh(W_in " + x + " + b_in + W_hn (r_" + t + " ⊙ " + hp + ") + b_hn)");
                lines.add("[" + j + "] = tanh(" + format(p.input) + " + " + format(p.inputBias) + " + " + format(hidden)
                        + ") = " + format(v));
            } else {
                lines.add("n_" + t + " = tanh(W_in " + x + " + b_in + r_" + t + " ⊙ (W_hn " + hp + " + b_hn))");
                lines.add("[" + j + "] = tanh(" + format(p.input) + " + " + format(p.inputBias) + " + " + format(r) + " · "
                        + format(hidden) + ") = " + format(v));
            }
            return "Candidate at step " + step(trace, ref);
        }
        Parts p = parts(trace, ref, block, j);
        String fn = s.cell() == CellType.LSTM && gate == 'g' ? "tanh" : "σ";
        String g = String.valueOf(gate);
        lines.add(g + "_" + t + " = " + fn + "(W_i" + g + " " + x + " + b_i" + g + " + W_h" + g + " " + hp + " + b_h" + g + ")");
        lines.add("[" + j + "] = " + fn + "(" + p.sum() + ") = " + fn + "(" + format(p.total()) + ") = " + format(v));
        return gateTitle(s.cell(), gate) + " at step " + step(trace, ref);
    }

    static String gateTitle(CellType cell, char gate) {
        return switch (gate) {
            case 'i' -> "Input gate";
            case 'f' -> "Forget gate";
            case 'g' -> "Candidate";
            case 'o' -> "Output gate";
            case 'r' -> "Reset gate";
            case 'z' -> "Update gate";
            case 'n' -> "Candidate";
            default -> cell.jsonName() + " gate " + gate;
        };
    }

    private static String output(Trace trace, VectorRef ref, int j, List<String> lines) {
        Scenario s = trace.scenario();
        SequenceTrace seq = ref.sequence(trace);
        int t = ref.t();
        Matrix w = s.weights().weightOut();
        double lin = 0;
        for (int k = 0; k < w.cols(); k++) {
            lin += w.get(j, k) * seq.h(t, k);
        }
        double b = s.weights().biasOut()[j];
        lines.add("y_" + t + " = W_out h_" + t + " + b_out");
        lines.add("[" + j + "] = " + format(lin) + " + " + format(b) + " = " + format(seq.y(t)[j]));
        double loss = seq.stepLoss(t);
        if (!Double.isNaN(loss) || seq.hasOutput(t)) {
            lines.add(s.loss() == LossKind.MSE
                    ? "ℓ_" + t + " = ½ ‖y_" + t + " − target‖² = " + format(loss)
                    : "ℓ_" + t + " = −log softmax(y_" + t + ")[" + s.targetClass(Targets.index(trace, t)) + "] = "
                            + format(loss));
        }
        return "Output at step " + step(trace, ref);
    }

    private static String preActivation(Trace trace, VectorRef ref, int j, List<String> lines) {
        int t = ref.t();
        Parts p = parts(trace, ref, 0, j);
        lines.add("Σ_" + t + " = W_ih x_" + t + " + b_ih + W_hh h_" + (t - 1) + " + b_hh");
        lines.add("(The notes write W_xh for W_ih (their Wₓₓ is a typo) and one bias b = b_ih + b_hh.)");
        lines.add("[" + j + "] = " + p.sum() + " = " + format(p.total()));
        return "Pre-activation at step " + step(trace, ref);
    }

    private static String target(Trace trace, VectorRef ref, int j, List<String> lines) {
        Scenario s = trace.scenario();
        int k = Targets.index(trace, ref.t());
        lines.add(s.loss() == LossKind.MSE ? "Target " + (k + 1) + " of the scenario file."
                : "Target class " + s.targetClass(k) + " (target " + (k + 1) + " of the file), drawn one-hot.");
        return "Target at step " + step(trace, ref);
    }

    /** The four terms inside a gate: W_i· x, b_i·, W_h· h_{t-1}, b_h·, for row {@code block·H + j}. */
    private record Parts(double input, double inputBias, double recurrent, double hiddenBias) {
        double total() {
            return input + inputBias + recurrent + hiddenBias;
        }

        String sum() {
            return format(input) + " + " + format(inputBias) + " + " + format(recurrent) + " + " + format(hiddenBias);
        }
    }

    private static Parts parts(Trace trace, VectorRef ref, int block, int j) {
        Scenario s = trace.scenario();
        CellWeights w = ref.encoder() ? s.weights().encoder() : s.weights().cell();
        SequenceTrace seq = ref.sequence(trace);
        int row = block * s.hiddenSize() + j;
        double[] x = seq.x(ref.t());
        double[] h = seq.h(ref.t() - 1);
        double in = 0;
        for (int k = 0; k < x.length; k++) {
            in += w.weightIh().get(row, k) * x[k];
        }
        double rec = 0;
        for (int k = 0; k < h.length; k++) {
            rec += w.weightHh().get(row, k) * h[k];
        }
        return new Parts(in, w.biasIh()[row], rec, w.biasHh()[row]);
    }
}
