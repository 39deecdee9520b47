package org.unrolled.engine;

/** Activation of a vanilla RNN cell. */
public enum Activation implements JsonNamed {
    TANH("tanh"),
    RELU("relu");

    private final String jsonName;

    Activation(String jsonName) {
        this.jsonName = jsonName;
    }

    @Override
    public String jsonName() {
        return jsonName;
    }
}
