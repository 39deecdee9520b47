package org.unrolled.view;

import static org.junit.jupiter.api.Assertions.assertTrue;

import javafx.scene.paint.Color;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The palettes stay readable for the commonest colour-vision deficiencies: each colour is passed
 * through Machado, Oliveira and Fernandes's (2009) simulation of protanopia and deuteranopia at full
 * severity (in linear RGB) and compared in CIELAB.
 */
class ColourVisionTest {

    enum Vision {
        NORMAL(new double[] {1, 0, 0, 0, 1, 0, 0, 0, 1}),
        PROTANOPIA(new double[] {0.152286, 1.052583, -0.204868, 0.114503, 0.786281, 0.099216, -0.003882, -0.048116, 1.051998}),
        DEUTERANOPIA(new double[] {0.367322, 0.860646, -0.227968, 0.280085, 0.672501, 0.047413, -0.011820, 0.042940, 0.968881});

        final double[] m;

        Vision(double[] m) {
            this.m = m;
        }
    }

    private static double linear(double c) {
        return c <= 0.04045 ? c / 12.92 : Math.pow((c + 0.055) / 1.055, 2.4);
    }

    /** CIELAB (D65) of the colour as seen with {@code v}. */
    static double[] lab(Color c, Vision v) {
        double r = linear(c.getRed());
        double g = linear(c.getGreen());
        double b = linear(c.getBlue());
        double[] m = v.m;
        double rs = clamp(m[0] * r + m[1] * g + m[2] * b);
        double gs = clamp(m[3] * r + m[4] * g + m[5] * b);
        double bs = clamp(m[6] * r + m[7] * g + m[8] * b);
        double x = (0.4124 * rs + 0.3576 * gs + 0.1805 * bs) / 0.95047;
        double y = 0.2126 * rs + 0.7152 * gs + 0.0722 * bs;
        double z = (0.0193 * rs + 0.1192 * gs + 0.9505 * bs) / 1.08883;
        double fx = f(x);
        double fy = f(y);
        double fz = f(z);
        return new double[] {116 * fy - 16, 500 * (fx - fy), 200 * (fy - fz)};
    }

    private static double clamp(double v) {
        return Math.max(0, Math.min(1, v));
    }

    private static double f(double t) {
        return t > 216.0 / 24389 ? Math.cbrt(t) : (24389.0 / 27 * t + 16) / 116;
    }

    static double deltaE(Color a, Color b, Vision v) {
        double[] p = lab(a, v);
        double[] q = lab(b, v);
        return Math.sqrt(Math.pow(p[0] - q[0], 2) + Math.pow(p[1] - q[1], 2) + Math.pow(p[2] - q[2], 2));
    }

    @org.junit.jupiter.api.Test
    void theSimulationCatchesARedGreenScale() {
        Color red = Color.web("#c0392b");
        Color green = Color.web("#27ae60");
        double normal = deltaE(red, green, Vision.NORMAL);
        double deutan = deltaE(red, green, Vision.DEUTERANOPIA);
        assertTrue(normal > 60 && deutan < normal / 2, "red/green: " + normal + " normally, " + deutan + " deuteranopic");
    }

    @ParameterizedTest
    @EnumSource(Vision.class)
    void negativeAndPositiveStayApart(Vision v) {
        for (Palette p : new Palette[] {Palette.LIGHT, Palette.DARK, Palette.PROJECTOR}) {
            double far = deltaE(p.signed(-1, 1), p.signed(1, 1), v);
            assertTrue(far > 40, v + ": −1 and +1 differ by ΔE " + far);
            double small = deltaE(p.signed(-0.3, 1), p.signed(0.3, 1), v);
            assertTrue(small > 15, v + ": −0.3 and +0.3 differ by ΔE " + small);
            assertTrue(deltaE(p.signed(0.2, 1), p.neutral(), v) > 8, v + ": a small value is tinted");
        }
    }

    @ParameterizedTest
    @EnumSource(Vision.class)
    void gradientMagnitudesAreOrderedByLightness(Vision v) {
        for (Palette p : new Palette[] {Palette.LIGHT, Palette.DARK, Palette.PROJECTOR}) {
            double previous = Double.NaN;
            boolean darkening = lab(p.magnitude(1), v)[0] < lab(p.magnitude(0), v)[0];
            for (int k = 0; k <= 10; k++) {
                double l = lab(p.magnitude(k / 10.0), v)[0];
                if (!Double.isNaN(previous)) {
                    assertTrue(darkening ? l < previous : l > previous, v + ": lightness is monotonic at " + k);
                }
                previous = l;
            }
            assertTrue(Math.abs(lab(p.magnitude(1), v)[0] - lab(p.magnitude(0), v)[0]) > 40, v + ": a wide lightness range");
        }
    }

    @ParameterizedTest
    @EnumSource(Vision.class)
    void overflowStandsOutFromTheGradientScale(Vision v) {
        for (Palette p : new Palette[] {Palette.LIGHT, Palette.DARK, Palette.PROJECTOR}) {
            assertTrue(deltaE(p.overflow(), p.magnitude(1), v) > 20, v + ": overflow vs largest gradient");
        }
    }

    /**
     * The colours that tell networks apart in the comparison and race plots (LSTM and GRU above all) stay
     * apart with protanopia and deuteranopia, stand out from the background, and are not the blue and orange
     * that mean negative and positive on the canvas.
     */
    @ParameterizedTest
    @EnumSource(Vision.class)
    void modelColoursStayApart(Vision v) {
        for (Palette p : new Palette[] {Palette.LIGHT, Palette.DARK, Palette.PROJECTOR}) {
            SeriesStyle[] all = SeriesStyle.values();
            for (int i = 0; i < all.length; i++) {
                Color a = all[i].colour(p);
                for (int j = i + 1; j < all.length; j++) {
                    double d = deltaE(a, all[j].colour(p), v);
                    assertTrue(d > 25, v + ": series " + all[i] + " and " + all[j] + " differ by ΔE " + d + " in " + p.background());
                }
                assertTrue(deltaE(a, p.background(), v) > 35, v + ": series " + all[i] + " on the background");
                assertTrue(deltaE(a, p.signed(-1, 1), v) > 25 && deltaE(a, p.signed(1, 1), v) > 25,
                        v + ": series " + all[i] + " is not the canvas's negative or positive");
            }
            double lstmGru = deltaE(RaceStyle.LSTM.colour(p), RaceStyle.GRU.colour(p), v);
            assertTrue(lstmGru > 25, v + ": the race's LSTM and GRU lines differ by ΔE " + lstmGru);
        }
    }

    /** Without colour at all, each network's line still has its own marker and dashes. */
    @org.junit.jupiter.api.Test
    void everyLineHasItsOwnMarkerAndDashes() {
        java.util.Set<Object> markers = new java.util.HashSet<>();
        java.util.Set<String> dashes = new java.util.HashSet<>();
        for (SeriesStyle s : SeriesStyle.values()) {
            markers.add(s.marker());
            dashes.add(java.util.Arrays.toString(s.dash()));
        }
        assertTrue(markers.size() == SeriesStyle.values().length && dashes.size() == SeriesStyle.values().length,
                "markers " + markers + ", dashes " + dashes);
        java.util.Set<Object> raceMarkers = new java.util.HashSet<>();
        for (RaceStyle r : RaceStyle.values()) {
            raceMarkers.add(r.marker());
        }
        assertTrue(raceMarkers.size() == RaceStyle.values().length, "race markers " + raceMarkers);
    }

    /** The CIELAB hue angle of a colour, in degrees. */
    private static double hue(Color c) {
        double[] l = lab(c, Vision.NORMAL);
        return Math.toDegrees(Math.atan2(l[2], l[1]));
    }

    /** Decoder cells are not tinted with the purple hue that means the backward pass. */
    @org.junit.jupiter.api.Test
    void decoderCellsAreNotThePurpleOfTheBackwardPass() {
        for (Palette p : new Palette[] {Palette.LIGHT, Palette.DARK, Palette.PROJECTOR}) {
            double d = Math.abs(hue(p.decoderCellFill()) - hue(p.gradientHigh())) % 360;
            d = Math.min(d, 360 - d);
            assertTrue(d > 60, "decoder fill " + p.decoderCellFill() + " is " + d + "° from the gradient's hue");
        }
    }
}
