package org.unrolled.view;

import org.unrolled.engine.Trace;

/**
 * The order in which the forward pass computes the steps: the encoder's steps, then the decoder's
 * (seq2seq), or the one sequence. A playback position {@code p} in {@code [0, N]} means that
 * {@code floor(p)} steps are computed and step {@code floor(p) + 1} is {@code p − floor(p)} of the way.
 */
public final class Timeline {
    private final int encoderLength;
    private final int outputLength;

    public Timeline(Trace trace) {
        this.encoderLength = trace.hasEncoder() ? trace.encoder().length() : 0;
        this.outputLength = trace.steps().length();
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

    /** Whether global step {@code g} has been computed at position {@code p}. */
    public static boolean computed(int g, double p) {
        return g <= Math.floor(p + 1e-9);
    }

    /** The step being computed or just computed at {@code p}: {@code ceil(p)}, 0 before the first. */
    public static int current(double p) {
        return (int) Math.ceil(p - 1e-9);
    }
}
