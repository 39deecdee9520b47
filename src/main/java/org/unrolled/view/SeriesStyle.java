package org.unrolled.view;

import javafx.scene.paint.Color;

/**
 * How one network of a comparison is drawn in the gradient plot: a colour token of the {@link Palette}
 * (never the canvas's blue and orange, which mean negative and positive) with its own marker and dashes,
 * so that the curves stay apart without colour vision.
 */
public enum SeriesStyle {
    A(RaceStyle.Marker.CIRCLE, null),
    B(RaceStyle.Marker.SQUARE, new double[] {10, 6}),
    C(RaceStyle.Marker.DIAMOND, new double[] {14, 4, 3, 4});

    private final RaceStyle.Marker marker;
    private final double[] dash;

    SeriesStyle(RaceStyle.Marker marker, double[] dash) {
        this.marker = marker;
        this.dash = dash;
    }

    public RaceStyle.Marker marker() {
        return marker;
    }

    /** The dash pattern (on, off, ...), or null for a solid line. */
    public double[] dash() {
        return dash == null ? null : dash.clone();
    }

    public Color colour(Palette p) {
        return switch (this) {
            case A -> p.seriesA();
            case B -> p.seriesB();
            case C -> p.seriesC();
        };
    }
}
