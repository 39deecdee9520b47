package org.unrolled.engine;

/** Where the GRU reset gate acts: on {@code W_hn h + b_hn} (PyTorch) or on {@code h} before the product (Cho et al. 2014). */
public enum GruVariant implements JsonNamed {
    PYTORCH("pytorch"),
    CHO("cho");

    private final String jsonName;

    GruVariant(String jsonName) {
        this.jsonName = jsonName;
    }

    @Override
    public String jsonName() {
        return jsonName;
    }
}
