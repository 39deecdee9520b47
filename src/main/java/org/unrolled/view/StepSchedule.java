package org.unrolled.view;

import java.util.List;
import org.unrolled.engine.Trace;

/**
 * The order in which the forward pass computes the steps: the encoder's steps, then the decoder's
 * (seq2seq), or the one sequence. A playback position {@code p} in {@code [0, N]} means that
 * {@code floor(p)} steps are computed and step {@code floor(p) + 1} is {@code p − floor(p)} of the way.
 * Positions {@code (N, 2N]} are the backward pass (BPTT), from the last step back to the first: at
 * {@code N + k} the gradients of the last {@code k} steps are known.
 */
public final class StepSchedule {
    private final int encoderLength;
    private final int outputLength;
    private final Trace trace;

    public StepSchedule(Trace trace) {
        this.trace = trace;
        this.encoderLength = trace.hasEncoder() ? trace.encoder().length() : 0;
        this.outputLength = trace.steps().length();
    }

    /** The trace this is the timeline of. */
    public Trace trace() {
        return trace;
    }

    /** Number of forward steps {@code N}. */
    public int length() {
        return encoderLength + outputLength;
    }

    public int encoderLength() {
        return encoderLength;
    }

    public int outputLength() {
        return outputLength;
    }

    /** Whether global step {@code g} (1-based) is an encoder step. */
    public boolean isEncoder(int g) {
        return g <= encoderLength;
    }

    /** The step number within its own sequence of global step {@code g}. */
    public int localStep(int g) {
        return isEncoder(g) ? g : g - encoderLength;
    }

    /** The global step of step {@code t} of the encoder or the output sequence. */
    public int global(boolean encoder, int t) {
        return encoder ? t : encoderLength + t;
    }

    /** The end of the backward phase, {@code 2N}. */
    public int total() {
        return 2 * length();
    }

    /** Whether {@code p} lies in the backward phase. */
    public boolean inBackward(double p) {
        return p > length() + 1e-9;
    }

    /** How many backward steps are done at {@code p} (0 in the forward phase). */
    public int backwardDone(double p) {
        return (int) Math.max(0, Math.floor(p - length() + 1e-9));
    }

    /** Whether the gradient {@code dL/dh} of global step {@code g} is known at {@code p}. */
    public boolean gradientKnown(int g, double p) {
        return g > length() - backwardDone(p);
    }

    /** How far the gradient of step {@code g} has arrived, 0 to 1 (for the animation). */
    public double gradientProgress(int g, double p) {
        double q = p - length();
        return Math.max(0, Math.min(1, q - (length() - g)));
    }

    /** The step whose gradient is being computed (or was just) at {@code p}; 0 in the forward phase. */
    public int backwardCurrent(double p) {
        if (!inBackward(p)) {
            return 0;
        }
        return Math.max(1, length() - (int) Math.ceil(p - length() - 1e-9) + 1);
    }

    /** The position at which step {@code g}'s gradient has just been computed. */
    public double backwardPositionOf(int g) {
        return length() + (length() - g + 1);
    }

    /**
     * The global step in focus at {@code p}, continuous: the step being computed going forward (the
     * first one before playback), the step whose gradient is being computed going backward.
     */
    /** Where a lesson beat sits on this timeline (a step beyond the sequence: its last one). */
    public double positionOf(org.unrolled.document.Beat beat) {
        int step = Math.min(beat.step(), length());
        return beat.backward() ? backwardPositionOf(Math.max(1, step)) : step;
    }

    /**
     * The caption lines the window shows at position {@code p}: the caption of every beat of
     * {@code lesson} (the document's) placed there, then the lines generated from the numbers ({@link Captions#shown}).
     */
    public List<String> captionLines(List<org.unrolled.document.Beat> lesson, double p) {
        List<String> lines = new java.util.ArrayList<>();
        for (org.unrolled.document.Beat beat : lesson) {
            if (Math.abs(positionOf(beat) - p) < 1e-6) {
                lines.add(beat.caption());
            }
        }
        lines.addAll(Captions.shown(trace, p, !lines.isEmpty()));
        return lines;
    }

    public double focus(double p) {
        int n = length();
        if (p <= n) {
            return Math.max(1, Math.min(n, p));
        }
        return Math.max(1, Math.min(n, 2.0 * n + 1 - p));
    }

    /** Whether global step {@code g} has been computed at position {@code p}. */
    public static boolean computed(int g, double p) {
        return g <= Math.floor(p + 1e-9);
    }

    /** The step being computed or just computed at {@code p}: {@code ceil(p)}, 0 before the first. */
    public static int current(double p) {
        return (int) Math.ceil(p - 1e-9);
    }
}
