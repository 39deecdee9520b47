package org.unrolled.view;

import org.unrolled.engine.SequenceTrace;
import org.unrolled.engine.Trace;

/**
 * One vector the canvas draws: which sequence, which step, which quantity. {@code t = 0} with
 * {@link Kind#H} or {@link Kind#C} is the initial state.
 *
 * @param encoder true for the encoder of a seq2seq scenario; false for the decoder or the only sequence
 * @param gate    the gate's letter for {@link Kind#GATE}, otherwise {@code ' '}
 */
public record VectorRef(boolean encoder, int t, Kind kind, char gate) {

    /** The quantities drawn. */
    public enum Kind {
        X("x"), H("h"), C("c"), Y("y"), GATE(""), TARGET("target"), PRE("Σ");

        private final String symbol;

        Kind(String symbol) {
            this.symbol = symbol;
        }

        public String symbol() {
            return symbol;
        }
    }

    public static VectorRef of(boolean encoder, int t, Kind kind) {
        return new VectorRef(encoder, t, kind, ' ');
    }

    public static VectorRef gate(boolean encoder, int t, char gate) {
        return new VectorRef(encoder, t, Kind.GATE, gate);
    }

    public SequenceTrace sequence(Trace trace) {
        return encoder ? trace.encoder() : trace.steps();
    }

    /**
     * Whether component {@code index} of this vector exists in {@code trace}: a hover or a selection made on
     * one trace can outlive it (another file, a shorter sequence, another cell).
     */
    public boolean existsIn(Trace trace, int index) {
        if (encoder && !trace.hasEncoder()) {
            return false;
        }
        SequenceTrace s = sequence(trace);
        boolean stepOk = kind == Kind.H || kind == Kind.C ? t >= 0 && t <= s.length() : t >= 1 && t <= s.length();
        if (!stepOk || (kind == Kind.C && !trace.scenario().cell().hasCellState())
                || (kind == Kind.GATE && trace.scenario().cell().gateNames().indexOf(gate) < 0)
                || (kind == Kind.PRE && trace.scenario().cell().gateCount() != 1)) {
            return false;
        }
        double[] v = values(trace);
        return v != null && index >= 0 && index < v.length;
    }

    /** The vector's values in {@code trace}, or null where the step has none (no output at that step). */
    public double[] values(Trace trace) {
        SequenceTrace s = sequence(trace);
        return switch (kind) {
            case X -> s.x(t);
            case H -> s.h(t);
            case C -> s.c(t);
            case Y -> s.y(t);
            case GATE -> s.gate(t, gate);
            case TARGET -> Targets.target(trace, t);
            case PRE -> s.preActivation(t, ' ');
        };
    }

    /** How a person reads it: {@code h_3}, {@code f_2}, {@code x_1}; seq2seq adds "enc"/"dec". */
    public String symbol(Trace trace) {
        String base = kind == Kind.GATE ? String.valueOf(gate) : kind.symbol();
        String side = trace.hasEncoder() ? (encoder ? "ᵉⁿᶜ" : "ᵈᵉᶜ") : "";
        return base + side + "_" + t;
    }
}
