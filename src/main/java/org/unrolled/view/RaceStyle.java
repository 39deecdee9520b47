package org.unrolled.view;

import javafx.scene.paint.Color;

/**
 * How each kind of network is drawn in the race's charts: a colour from the {@link Palette} (never its
 * blue and orange, which mean negative and positive on the canvas) together with a dash pattern and a
 * marker shape, so that the curves stay apart without colour vision.
 */
public enum RaceStyle {
    RNN_TANH("RNN tanh", Marker.CIRCLE, new float[] {9, 5}),
    RNN_RELU("RNN relu", Marker.TRIANGLE, new float[] {2, 4}),
    LSTM("LSTM", Marker.SQUARE, null),
    GRU("GRU", Marker.DIAMOND, new float[] {14, 4, 3, 4});

    /** A marker drawn at every point of a curve. */
    public enum Marker { CIRCLE, TRIANGLE, SQUARE, DIAMOND }

    private final String label;
    private final Marker marker;
    private final float[] dash;

    RaceStyle(String label, Marker marker, float[] dash) {
        this.label = label;
        this.marker = marker;
        this.dash = dash;
    }

    public String label() {
        return label;
    }

    public Marker marker() {
        return marker;
    }

    /**
     * The colour token: the palette's series colours, the same as the comparison plot's (both RNNs share
     * one and differ by marker and dashes).
     */
    public Color colour(Palette p) {
        return switch (this) {
            case RNN_TANH, RNN_RELU -> SeriesStyle.A.colour(p);
            case LSTM -> SeriesStyle.B.colour(p);
            case GRU -> SeriesStyle.C.colour(p);
        };
    }

    /** This style's dashes for a line {@code width} pixels wide (they grow with it), or null for a solid line. */
    public double[] dashes(double width) {
        if (dash == null) {
            return null;
        }
        double[] d = new double[dash.length];
        for (int i = 0; i < d.length; i++) {
            d[i] = dash[i] * width / 2.5;
        }
        return d;
    }

    /** The style of a cell ("rnn", "lstm", "gru") with an RNN's activation ("tanh", "relu"). */
    public static RaceStyle of(String cell, String activation) {
        return switch (cell) {
            case "lstm" -> LSTM;
            case "gru" -> GRU;
            default -> "relu".equals(activation) ? RNN_RELU : RNN_TANH;
        };
    }

    /** A JavaFX colour as a Java 2D one. */
    public static java.awt.Color awt(Color c) {
        return new java.awt.Color((float) c.getRed(), (float) c.getGreen(), (float) c.getBlue(), (float) c.getOpacity());
    }
}
