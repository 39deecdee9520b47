package org.unrolled.view;

import static org.unrolled.view.Numbers.format;

import java.util.ArrayList;
import java.util.List;
import org.unrolled.engine.Activation;
import org.unrolled.engine.CellType;
import org.unrolled.engine.SequenceTrace;
import org.unrolled.engine.Trace;

/**
 * Captions generated from the numbers at a position of the timeline: what a gate near 0 or 1 does at
 * this step, saturated units, the context vector, and, going backward, a gradient that fell or grew
 * threefold over three steps or overflowed. Each one is a statement about the trace that is true.
 */
public final class Captions {
    /** Steps over which a gradient's change is judged. */
    static final int SPAN = 3;
    /** A change by this factor or more over {@link #SPAN} steps is called vanishing or exploding. */
    static final double CHANGE = 3;

    private Captions() {
    }

    public static List<String> at(Trace trace, double position) {
        Timeline timeline = new Timeline(trace);
        // a position off the timeline (a listener can see one before it is clamped) reads as its nearest end
        position = Math.max(0, Math.min(timeline.total(), position));
        List<String> out = new ArrayList<>();
        if (timeline.inBackward(position)) {
            backward(trace, timeline, timeline.backwardCurrent(position), out);
        } else {
            int g = Timeline.current(position);
            if (g == 0) {
                out.add("Before the first step: the initial state h₀ is all the network holds.");
            } else if (position - (g - 1) >= 0.5) {
                forward(trace, timeline, g, out);
                if (g == 1) {
                    memoryTip(trace, out);
                }
            }
        }
        return out;
    }

    private static String at(Timeline timeline, int g) {
        String side = timeline.encoderLength() == 0 ? "" : timeline.isEncoder(g) ? "encoder " : "decoder ";
        return side + "t = " + timeline.localStep(g);
    }

    private static double mean(double[] v) {
        double s = 0;
        for (double x : v) {
            s += x;
        }
        return s / v.length;
    }

    private static void forward(Trace trace, Timeline timeline, int g, List<String> out) {
        SequenceTrace seq = timeline.isEncoder(g) ? trace.encoder() : trace.steps();
        int t = timeline.localStep(g);
        String when = at(timeline, g);
        double[] h = seq.h(t);
        for (double x : h) {
            if (!Double.isFinite(x)) {
                out.add(when + ": the hidden state overflowed to " + format(x) + " — the forward pass exploded.");
                return;
            }
        }
        CellType cell = trace.scenario().cell();
        if (cell == CellType.LSTM) {
            double f = mean(seq.gate(t, 'f'));
            double i = mean(seq.gate(t, 'i'));
            double o = mean(seq.gate(t, 'o'));
            if (f >= 0.9) {
                out.add(when + ": the forget gate is " + format(f) + " on average — the cell state keeps almost all of c_"
                        + (t - 1) + ".");
            } else if (f <= 0.1) {
                out.add(when + ": the forget gate is " + format(f) + " on average — the cell forgets almost all of c_"
                        + (t - 1) + ".");
            }
            if (i <= 0.1) {
                out.add(when + ": the input gate is " + format(i) + " — x_" + t + " barely changes the cell state.");
            } else if (i >= 0.9) {
                out.add(when + ": the input gate is " + format(i) + " — the new candidate goes into the cell state in full.");
            }
            if (o <= 0.1) {
                out.add(when + ": the output gate is " + format(o) + " — h_" + t + " shows little of the cell state.");
            }
        } else if (cell == CellType.GRU) {
            double z = mean(seq.gate(t, 'z'));
            if (z >= 0.9) {
                out.add(when + ": the update gate is " + format(z) + " — h_" + t + " is mostly h_" + (t - 1) + " carried over.");
            } else if (z <= 0.1) {
                out.add(when + ": the update gate is " + format(z) + " — h_" + t + " is mostly the new candidate.");
            }
        } else if (trace.scenario().activation() == Activation.TANH) {
            int saturated = 0;
            for (double x : h) {
                if (Math.abs(x) > 0.95) {
                    saturated++;
                }
            }
            if (saturated > 0) {
                out.add(when + ": " + saturated + " of " + h.length + " units saturate (|h| > 0.95): tanh' is near 0 there,"
                        + " so gradients through them vanish.");
            }
        }
        if (timeline.encoderLength() > 0 && g == timeline.encoderLength()) {
            out.add("The encoder's last hidden state becomes the context C: all the decoder will know of the input.");
        }
    }

    /** The lecture notes' memory tips, at the first step of a gated cell. */
    private static void memoryTip(Trace trace, List<String> out) {
        switch (trace.scenario().cell()) {
            case LSTM -> out.add("Memory tip: gates create smart memory — remember what matters, forget what doesn't,"
                    + " share what's needed.");
            case GRU -> out.add("Memory tip: LSTM = more gates, more accuracy; GRU = fewer gates, faster training.");
            default -> { }
        }
    }

    private static void backward(Trace trace, Timeline timeline, int g, List<String> out) {
        SequenceTrace seq = timeline.isEncoder(g) ? trace.encoder() : trace.steps();
        int t = timeline.localStep(g);
        String when = at(timeline, g);
        double now = seq.dLdhNorm(t);
        if (!Double.isFinite(now)) {
            out.add(when + ": ‖∂L/∂h‖ overflowed to " + format(now) + " — the gradient exploded past what a double holds.");
            return;
        }
        if (t + SPAN <= seq.length()) {
            double before = seq.dLdhNorm(t + SPAN);
            if (before > 0 && Double.isFinite(before) && now > 0) {
                double ratio = now / before;
                if (ratio <= 1.0 / CHANGE) {
                    out.add(when + ": ‖∂L/∂h‖ = " + format(now) + " fell by " + format(1 / ratio) + "× over the last " + SPAN
                            + " steps back — vanishing.");
                } else if (ratio >= CHANGE) {
                    out.add(when + ": ‖∂L/∂h‖ = " + format(now) + " grew by " + format(ratio) + "× over the last " + SPAN
                            + " steps back — exploding.");
                }
            }
            if (trace.scenario().cell() == CellType.LSTM) {
                double c = seq.dLdcNorm(t);
                double cBefore = seq.dLdcNorm(t + SPAN);
                if (cBefore > 0 && c / cBefore >= 0.5 && c / cBefore <= 2) {
                    out.add(when + ": along the cell state the gradient keeps " + format(100 * c / cBefore)
                            + "% of its size over " + SPAN + " steps — the highway.");
                }
            }
        }
        if (seq.hasOutput(t) && seq.dLdhFromOutputNorm(t) > 0 && g < timeline.length()) {
            double share = seq.dLdhFromOutputNorm(t) / Math.max(1e-300,
                    seq.dLdhFromOutputNorm(t) + seq.dLdhFromNextNorm(t));
            if (share >= 0.9) {
                out.add(when + ": almost all of ∂L/∂h comes from this step's own output, little from later steps.");
            }
        }
    }
}
