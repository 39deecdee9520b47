package org.unrolled.engine;

/**
 * Every parameter of a scenario's network: the recurrent cell (the decoder in seq2seq), the encoder
 * cell (seq2seq only, otherwise {@code null}) and the output layer {@code y = W_out h + b_out}.
 * The same shape holds the gradients of the loss with respect to these parameters.
 */
public record NetworkWeights(CellWeights encoder, CellWeights cell, Matrix weightOut, double[] biasOut) {

    public NetworkWeights {
        biasOut = biasOut.clone();
    }

    @Override
    public double[] biasOut() {
        return biasOut.clone();
    }

    double[] biasOutData() {
        return biasOut;
    }

    public boolean hasEncoder() {
        return encoder != null;
    }
}
