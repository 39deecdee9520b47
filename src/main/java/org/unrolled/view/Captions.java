package org.unrolled.view;

import static org.unrolled.view.Numbers.format;

import java.util.ArrayList;
import java.util.List;
import org.unrolled.engine.Activation;
import org.unrolled.engine.CellType;
import org.unrolled.engine.Feedback;
import org.unrolled.engine.LossKind;
import org.unrolled.engine.Scenario;
import org.unrolled.engine.SequenceTrace;
import org.unrolled.engine.Trace;

/**
 * Captions generated from the numbers at a position of the timeline: what a gate near 0 or 1 does at
 * this step, saturated units, the context vector, and, going backward, a gradient that fell or grew
 * threefold over three steps or overflowed; and {@link #shown}, where none of these holds and no
 * lesson beat speaks, a plain line of what the step does ({@link StepNarration}). Each one is a
 * statement about the trace that is true.
 */
public final class Captions {
    /** Steps over which a gradient's change is judged. */
    static final int SPAN = 3;
    /** A change by this factor or more over {@link #SPAN} steps is called vanishing or exploding. */
    static final double CHANGE = 3;

    private Captions() {
    }

    /** The lines generated at {@code position}: only where something stands out (see the class comment). */
    public static List<String> at(Trace trace, double position) {
        return lines(trace, position, false);
    }

    /**
     * What a caption shows at {@code position}: the lines of {@link #at}, or, where they say nothing and no
     * lesson beat speaks there ({@code beatSpeaks}), a plain line of what the step does ({@link StepNarration}).
     */
    public static List<String> shown(Trace trace, double position, boolean beatSpeaks) {
        return lines(trace, position, !beatSpeaks);
    }

    private static List<String> lines(Trace trace, double position, boolean narrate) {
        StepSchedule timeline = new StepSchedule(trace);
        // a position off the timeline (a listener can see one before it is clamped) reads as its nearest end
        position = Math.max(0, Math.min(timeline.total(), position));
        List<String> out = new ArrayList<>();
        if (timeline.inBackward(position)) {
            int g = timeline.backwardCurrent(position);
            backward(trace, timeline, g, out);
            if (narrate && out.isEmpty()) {
                out.add(StepNarration.backward(trace, timeline, g));
            }
        } else {
            int g = StepSchedule.current(position);
            if (g == 0) {
                out.add("Before the first step: the initial state h₀ is all the network holds.");
            } else if (position - (g - 1) >= 0.5) {
                forward(trace, timeline, g, out);
                if (g == 1) {
                    memoryTip(trace, out);
                }
                if (narrate && out.isEmpty()) {
                    out.add(StepNarration.forward(trace, timeline, g));
                }
            }
        }
        return out;
    }

    /**
     * Whether y_t is fed back as x_{t+1} in a way the gradient follows (free running with an mse loss, as the
     * engine's backward pass does): then the part of ∂L/∂h_t through y_t is not only ℓ_t's.
     */
    static boolean fedBack(Trace trace, SequenceTrace seq, int t) {
        Scenario s = trace.scenario();
        return s.feedback() == Feedback.FREE_RUNNING && s.loss() == LossKind.MSE && seq == trace.steps()
                && seq.hasOutput(t) && t < seq.length();
    }

    /**
     * How the part of ∂L/∂h_t through y_t is named: with y_t fed back as x_{t+1}, it holds what step t+1
     * sends back that way too, not only ℓ_t's gradient.
     */
    static String outputPartName(Trace trace, SequenceTrace seq, int t) {
        return fedBack(trace, seq, t) ? "through y_" + t + " (its loss, and y_" + t + " fed back as x_" + (t + 1) + ")"
                : "through y_" + t;
    }

    /** How the part of ∂L/∂h_t from the next step is named ({@code next}: "step 4", or the decoder). */
    static String nextPartName(Trace trace, SequenceTrace seq, int t, String next) {
        return fedBack(trace, seq, t) ? "from " + next + " through h_" + t : "from " + next;
    }

    /** "t = 3", or "encoder t = 3" and "decoder t = 1" in an encoder-decoder. */
    static String stepName(StepSchedule timeline, int g) {
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

    private static void forward(Trace trace, StepSchedule timeline, int g, List<String> out) {
        SequenceTrace seq = timeline.isEncoder(g) ? trace.encoder() : trace.steps();
        int t = timeline.localStep(g);
        String when = stepName(timeline, g);
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
                out.add(when + ": " + saturated + " of " + h.length + " units saturate (|h| > 0.95, the flat ends of tanh,"
                        + " where tanh′ = 1 − h² < 0.1), so gradients through them shrink tenfold or more.");
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
            case GRU -> out.add("From the notes: a GRU has 2 gates (update z, reset r) where an LSTM has 3, and no separate"
                    + " cell state, so " + gruParameterSentence(trace) + ".");
            default -> { }
        }
    }

    /**
     * How much of the gradient at step {@code k+1} step {@code k+1} passes back to {@code h_k}: the part of
     * {@code ∂L/∂h_k} that arrives from the next step over all of {@code ∂L/∂h_{k+1}} (NaN where undefined).
     * Unlike a ratio of totals, it leaves out what step k's own output adds.
     */
    static double passedBack(SequenceTrace seq, int k) {
        if (k >= seq.length()) {
            return Double.NaN;
        }
        double received = seq.dLdhNorm(k + 1);
        double passed = seq.dLdhFromNextNorm(k);
        return received > 0 && Double.isFinite(received) && Double.isFinite(passed) ? passed / received : Double.NaN;
    }

    /** The same along the LSTM cell state: {@code ‖f_{k+1} ⊙ ∂L/∂c_{k+1}‖ / ‖∂L/∂c_{k+1}‖}, at most 1. */
    static double passedBackAlongCell(SequenceTrace seq, int k) {
        if (k >= seq.length()) {
            return Double.NaN;
        }
        double received = norm(seq.dLdc(k + 1));
        double passed = norm(seq.dLdcFromNext(k));
        return received > 0 && Double.isFinite(received) && Double.isFinite(passed) ? passed / received : Double.NaN;
    }

    private static double norm(double[] v) {
        double s = 0;
        for (double x : v) {
            s += x * x;
        }
        return Math.sqrt(s);
    }

    /** The product of {@code SPAN} per-step ratios from step {@code t} on, or NaN if one is undefined. */
    private static double over(SequenceTrace seq, int t, boolean cell) {
        double product = 1;
        for (int k = t; k < t + SPAN; k++) {
            double r = cell ? passedBackAlongCell(seq, k) : passedBack(seq, k);
            if (Double.isNaN(r)) {
                return Double.NaN;
            }
            product *= r;
        }
        return product;
    }

    /**
     * What each step of the span from {@code t + SPAN} back to {@code t} passed back ({@link #passedBack}), in the
     * order the gradient went: "1.71%, 17.4% and 98.1%", or as factors "2.00×, 2.00× and 2.00×".
     */
    private static String stepByStep(SequenceTrace seq, int t, boolean asPercent) {
        StringBuilder b = new StringBuilder();
        for (int k = t + SPAN - 1; k >= t; k--) {
            double r = passedBack(seq, k);
            b.append(asPercent ? percent(r) : format(r) + "×").append(k == t + 1 ? " and " : k > t ? ", " : "");
        }
        return b.toString();
    }

    private static String percent(double fraction) {
        return format(100 * fraction) + "%";
    }

    /** "3 weight blocks against the LSTM's 4: 75 parameters here against 100" for this scenario's sizes. */
    private static String gruParameterSentence(Trace trace) {
        var s = trace.scenario();
        int i = s.inputSize();
        int h = s.hiddenSize();
        int cells = s.mapping().hasEncoder() ? 2 : 1;
        int gru = cells * 3 * (h * i + h * h + 2 * h);
        int lstm = cells * 4 * (h * i + h * h + 2 * h);
        return "it has 3 weight blocks against the LSTM's 4: " + gru + " recurrent parameters here, where an LSTM of the"
                + " same size would have " + lstm;
    }

    private static void backward(Trace trace, StepSchedule timeline, int g, List<String> out) {
        SequenceTrace seq = timeline.isEncoder(g) ? trace.encoder() : trace.steps();
        int t = timeline.localStep(g);
        String when = stepName(timeline, g);
        double now = seq.dLdhNorm(t);
        if (!Double.isFinite(now)) {
            out.add(when + ": ‖∂L/∂h‖ overflowed to " + format(now) + " — the gradient exploded past what a double holds.");
            return;
        }
        boolean lstm = trace.scenario().cell() == CellType.LSTM;
        double cellKept = lstm && t + SPAN <= seq.length() ? over(seq, t, true) : Double.NaN;
        boolean highway = cellKept >= 0.5 && cellKept <= 1;
        int before = out.size();
        if (t + SPAN <= seq.length()) {
            double kept = over(seq, t, false);
            double here = passedBack(seq, t);
            if (kept > 0 && Double.isFinite(kept)) {
                // each step's own share, not an average: the steps of a span can differ a hundredfold. (Their product
                // is not the share of step t + 3's gradient that reaches step t where outputs add their own on the way.)
                String steps = " each of the " + SPAN + " steps back from step " + (t + SPAN) + " to " + t + " passed on ";
                String through = lstm ? " through h" : "";
                if (kept <= 1.0 / CHANGE && here < 1) {
                    out.add(when + ":" + through + steps + stepByStep(seq, t, true) + " of the gradient it received, in turn "
                            + "(a product of " + percent(kept) + ") — " + (highway ? "fading on this path." : "vanishing."));
                } else if (kept >= CHANGE && here > 1) {
                    out.add(when + ":" + through + steps + stepByStep(seq, t, false) + " the gradient it received, in turn "
                            + "(a product of " + format(kept) + "×) — exploding.");
                }
            }
            if (lstm && Double.isFinite(cellKept)) {
                if (highway) {
                    out.add(when + ": along the cell state " + percent(cellKept) + " of ∂L/∂c passed back over the last "
                            + SPAN + " steps, scaled only by f — the highway.");
                } else if (cellKept < 1.0 / CHANGE) {
                    out.add(when + ": along the cell state only " + percent(cellKept) + " of ∂L/∂c passed back over the last "
                            + SPAN + " steps: the forget gates are closing it.");
                }
            }
        }
        double own = seq.hasOutput(t) ? seq.dLdhFromOutputNorm(t) : 0;
        double fromNext = seq.dLdhFromNextNorm(t);
        boolean judged = out.size() > before;
        // name the step's own loss apart when it dominates, or beside a vanishing/exploding verdict on the rest
        if (own > 0 && g < timeline.length() && Double.isFinite(own) && Double.isFinite(fromNext)
                && (judged || own >= 9 * fromNext)) {
            String next = "step " + (t + 1);
            boolean fed = fedBack(trace, seq, t);
            String ownPart = fed ? outputPartName(trace, seq, t) : "from its own output";
            String mostly = fed ? "almost all of it arrives through y_" + t + "." : "almost all of it is its own loss.";
            out.add(when + ": ∂L/∂h_" + t + " = " + format(own) + " " + ownPart + " + " + format(fromNext) + " "
                    + nextPartName(trace, seq, t, next) + " (norms)" + (own >= 9 * fromNext ? ": " + mostly : "."));
        }
    }
}
