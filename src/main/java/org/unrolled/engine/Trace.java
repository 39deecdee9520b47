package org.unrolled.engine;

/**
 * The result of one forward pass and one full backward pass (BPTT) over a scenario: every value the
 * animation shows. Immutable.
 *
 * <p>{@link #steps()} is the sequence that produces the outputs: the only sequence for four of the
 * mappings, the decoder for seq2seq, whose encoder is {@link #encoder()} (null otherwise).
 */
public record Trace(Scenario scenario, SequenceTrace encoder, SequenceTrace steps, double loss,
        NetworkWeights gradients) {

    /** Bytes the trace's recorded numbers take in memory (what the Limits bound). */
    public long memoryBytes() {
        return steps.memoryBytes() + (encoder == null ? 0 : encoder.memoryBytes());
    }

    public boolean hasEncoder() {
        return encoder != null;
    }

    /** The context {@code C} handed from encoder to decoder ({@code h_T} of the encoder); seq2seq only. */
    public double[] context() {
        if (encoder == null) {
            throw new IllegalStateException("only seq2seq has a context vector");
        }
        return encoder.h(encoder.length());
    }
}
