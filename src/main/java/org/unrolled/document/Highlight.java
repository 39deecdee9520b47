package org.unrolled.document;

import java.util.List;
import org.unrolled.engine.JsonNamed;

/**
 * What a lesson beat may point at (a project field, not in the spec), spelt in the file as its
 * {@link #jsonName()}: the vectors {@code x h c y target}, a gate by its letter, {@code W} (the shared
 * weights, marked on every step), {@code highway} (the LSTM cell state), {@code context} (C),
 * {@code gradient} (dL/dh) and {@code loss}.
 */
public enum Highlight implements JsonNamed {
    X("x"), H("h"), C("c"), Y("y"), TARGET("target"),
    I("i"), F("f"), G("g"), O("o"), R("r"), Z("z"), N("n"),
    W("W"), HIGHWAY("highway"), CONTEXT("context"), GRADIENT("gradient"), LOSS("loss");

    private static final List<Highlight> GATES = List.of(I, F, G, O, R, Z, N);

    private final String json;

    Highlight(String json) {
        this.json = json;
    }

    @Override
    public String jsonName() {
        return json;
    }

    /** Whether this names a gate (i f g o of the LSTM, r z n of the GRU). */
    public boolean isGate() {
        return GATES.contains(this);
    }

    /** The gate's letter, for a gate. */
    public char gateLetter() {
        if (!isGate()) {
            throw new IllegalStateException(this + " is not a gate");
        }
        return json.charAt(0);
    }

    /** The gate named by {@code letter}. */
    public static Highlight gate(char letter) {
        return GATES.stream().filter(g -> g.json.charAt(0) == letter).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no gate " + letter));
    }
}
