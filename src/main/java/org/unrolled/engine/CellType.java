package org.unrolled.engine;

/** The recurrent cell; {@link #gateCount()} is the number of stacked row blocks in its weights. */
public enum CellType implements JsonNamed {
    /** Vanilla (Elman) RNN: one block. */
    RNN("rnn", 1, ""),
    /** LSTM: blocks i, f, g, o (PyTorch order). */
    LSTM("lstm", 4, "ifgo"),
    /** GRU: blocks r, z, n (PyTorch order). */
    GRU("gru", 3, "rzn");

    private final String jsonName;
    private final int gateCount;
    private final String gateNames;

    CellType(String jsonName, int gateCount, String gateNames) {
        this.jsonName = jsonName;
        this.gateCount = gateCount;
        this.gateNames = gateNames;
    }

    @Override
    public String jsonName() {
        return jsonName;
    }

    /** Row blocks of size H stacked in {@code weight_ih}, {@code weight_hh} and the biases. */
    public int gateCount() {
        return gateCount;
    }

    /** The gates' one-letter names in stacking order ("ifgo", "rzn"); empty for a vanilla RNN. */
    public String gateNames() {
        return gateNames;
    }

    /** Whether the cell carries a separate cell state {@code c_t}. */
    public boolean hasCellState() {
        return this == LSTM;
    }
}
