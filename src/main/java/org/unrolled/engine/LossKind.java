package org.unrolled.engine;

/** Per-step loss; the total loss is their sum. */
public enum LossKind implements JsonNamed {
    MSE("mse"),
    CROSS_ENTROPY("cross-entropy");

    private final String jsonName;

    LossKind(String jsonName) {
        this.jsonName = jsonName;
    }

    @Override
    public String jsonName() {
        return jsonName;
    }
}
