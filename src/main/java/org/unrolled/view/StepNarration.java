package org.unrolled.view;

import static org.unrolled.view.Numbers.format;

import org.unrolled.engine.CellType;
import org.unrolled.engine.SequenceTrace;
import org.unrolled.engine.Trace;

/**
 * A plain line for a step where nothing stands out ({@link Captions} says only what does): going
 * forward, what the cell reads and writes and the step's loss; going backward, how large ∂L/∂h_t is and
 * where it comes from. Without it the caption bar stood empty at most steps of every sample.
 */
final class StepNarration {
    private StepNarration() {
    }

    /** The forward line for global step {@code g} (1-based) of {@code timeline}. */
    static String forward(Trace trace, StepSchedule timeline, int g) {
        boolean encoder = timeline.isEncoder(g);
        boolean decoder = timeline.encoderLength() > 0 && !encoder;
        SequenceTrace seq = encoder ? trace.encoder() : trace.steps();
        int t = timeline.localStep(g);
        boolean lstm = seq.cell() == CellType.LSTM;
        String previous = "h_" + (t - 1) + (lstm ? " and c_" + (t - 1) : "");
        if (decoder && t == 1) {
            previous += " (the context C)";
        }
        String line = Captions.stepName(timeline, g) + ": the " + name(seq.cell()) + " reads x_" + t + " with " + previous
                + " and writes " + (lstm ? "c_" + t + " and h_" + t : "h_" + t);
        if (!seq.hasOutput(t)) {
            return line + "; no output at this step.";
        }
        return line + ", then y_" + t + ": loss ℓ_" + t + " = " + format(seq.stepLoss(t)) + ".";
    }

    /** The backward line for global step {@code g} of {@code timeline}. */
    static String backward(Trace trace, StepSchedule timeline, int g) {
        boolean encoder = timeline.isEncoder(g);
        SequenceTrace seq = encoder ? trace.encoder() : trace.steps();
        int t = timeline.localStep(g);
        String whole = Captions.stepName(timeline, g) + ", backward: ‖∂L/∂h_" + t + "‖ = " + format(seq.dLdhNorm(t));
        boolean last = t == seq.length();
        String next = encoder && last ? "the decoder, through the context C" : "step " + (t + 1);
        if (!seq.hasOutput(t)) {
            // only an encoder's last step or a step before the last has no output: a gradient comes from next
            return whole + ", all from " + next + ": this step has no output.";
        }
        if (last && !encoder) {
            return whole + ", all through y_" + t + ": no step follows it.";
        }
        return whole + "; its two parts have norms " + format(seq.dLdhFromOutputNorm(t)) + " ("
                + Captions.outputPartName(trace, seq, t) + ") and " + format(seq.dLdhFromNextNorm(t)) + " ("
                + Captions.nextPartName(trace, seq, t, next) + ").";
    }

    private static String name(CellType cell) {
        return switch (cell) {
            case LSTM -> "LSTM";
            case GRU -> "GRU";
            default -> "RNN";
        };
    }
}
