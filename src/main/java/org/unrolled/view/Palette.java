package org.unrolled.view;

import javafx.scene.paint.Color;

/**
 * Every colour and size the canvas uses, by name. Signed values use a blue–orange diverging scale
 * (safe for the common colour-vision deficiencies); the current step is marked by outline and fill,
 * never by hue alone. Decoder cells are tinted green-grey, apart from the encoder's blue-grey and from the
 * purple that means the backward pass.
 *
 * <p>{@code seriesA}, {@code seriesB} and {@code seriesC} tell networks apart in the comparison and race
 * plots: never the blue and orange that mean negative and positive on the canvas, apart in lightness so
 * that they stay apart with protanopia and deuteranopia (ColourVisionTest), and always drawn with their
 * own marker and dashes as well ({@link SeriesStyle}).
 */
public record Palette(
        Color background,
        Color text,
        Color mutedText,
        Color cellFill,
        Color decoderCellFill,
        Color cellStroke,
        Color currentFill,
        Color currentStroke,
        Color wire,
        Color highway,
        Color feedback,
        Color teacher,
        Color contextFill,
        Color plate,
        Color negative,
        Color neutral,
        Color positive,
        Color nan,
        Color gradientLow,
        Color gradientHigh,
        Color overflow,
        Color highlight,
        Color seriesA,
        Color seriesB,
        Color seriesC,
        String fontFamily,
        double fadedOpacity,
        double scale) {

    /** High contrast on a light background, for projectors and print. */
    public static final Palette LIGHT = new Palette(
            Color.web("#fbfbf8"), Color.web("#1a1a1a"), Color.web("#5c5c5c"),
            Color.web("#e9edf2"), Color.web("#e3efe6"), Color.web("#3b3b3b"),
            Color.web("#fff4c2"), Color.web("#111111"),
            Color.web("#3b3b3b"), Color.web("#6b6b6b"), Color.web("#3b3b3b"), Color.web("#1a7f4b"),
            Color.web("#f2ecd9"), Color.web("#ffffff"),
            Color.web("#0b5fa5"), Color.web("#f1f1ef"), Color.web("#d95f02"), Color.web("#7a0177"),
            Color.web("#d4d0e8"), Color.web("#3f007d"), Color.web("#e7298a"),
            Color.web("#f0b400"),
            Color.web("#1a1a1a"), Color.web("#00664d"), Color.web("#cc78a8"), "DejaVu Sans", 0.22, 1.0);

    /**
     * For a projector in a lit hall: the light palette with black lines and text, stronger tints and
     * everything drawn a third larger (thicker lines, larger numbers).
     */
    public static final Palette PROJECTOR = new Palette(
            Color.web("#ffffff"), Color.web("#000000"), Color.web("#262626"),
            Color.web("#e3e9f0"), Color.web("#d9ecde"), Color.web("#000000"),
            Color.web("#ffe98a"), Color.web("#000000"),
            Color.web("#000000"), Color.web("#404040"), Color.web("#000000"), Color.web("#00703c"),
            Color.web("#efe5c8"), Color.web("#ffffff"),
            Color.web("#00509d"), Color.web("#ececec"), Color.web("#c74d00"), Color.web("#7a0177"),
            Color.web("#c9c3e3"), Color.web("#2d0066"), Color.web("#d6006f"),
            Color.web("#f0a800"),
            Color.web("#000000"), Color.web("#005a44"), Color.web("#c0609a"), "DejaVu Sans", 0.25, 1.35);

    /** Light text on a near-black background. */
    public static final Palette DARK = new Palette(
            Color.web("#16181c"), Color.web("#f2f2f2"), Color.web("#b5b5b5"),
            Color.web("#262b33"), Color.web("#22332a"), Color.web("#c8c8c8"),
            Color.web("#4a4220"), Color.web("#ffffff"),
            Color.web("#c8c8c8"), Color.web("#a0a0a0"), Color.web("#c8c8c8"), Color.web("#5fd39a"),
            Color.web("#3a3526"), Color.web("#20242a"),
            Color.web("#4ea3f0"), Color.web("#2c3038"), Color.web("#ff9a3c"), Color.web("#e36fe0"),
            Color.web("#3d3557"), Color.web("#cdb8ff"), Color.web("#ff5fb0"),
            Color.web("#ffd23f"),
            Color.web("#f2f2f2"), Color.web("#3fc79a"), Color.web("#b8509a"), "DejaVu Sans", 0.25, 1.0);

    /** The same colours drawn {@code newScale} times as large (text, lines, squares). */
    public Palette withScale(double newScale) {
        return new Palette(background, text, mutedText, cellFill, decoderCellFill, cellStroke, currentFill,
                currentStroke, wire, highway, feedback, teacher, contextFill, plate, negative, neutral, positive, nan,
                gradientLow, gradientHigh, overflow, highlight, seriesA, seriesB, seriesC, fontFamily, fadedOpacity, Math.max(0.6, Math.min(2.5, newScale)));
    }

    /**
     * The largest scale of the picture's text and lines (the theme's own times the window's text size):
     * the text audit finds no overlapping or cut labels up to it, in every theme, at every audited size;
     * above it row labels and words ran into each other (at 2.0, hundreds of places).
     */
    public static final double LARGEST_SCALE = 1.15 * 1.15 * 1.15;

    /**
     * This palette with its scale multiplied by the window's text size {@code textScale}, but not past
     * {@link #LARGEST_SCALE} (the projector theme, already larger, has less room to grow).
     */
    public Palette withTextScale(double textScale) {
        return withScale(Math.min(LARGEST_SCALE, scale * textScale));
    }

    /** The largest text size of the window that still enlarges this palette's picture. */
    public double largestTextScale() {
        return LARGEST_SCALE / scale;
    }

    /** The palette of a theme name: "light", "dark" or "projector". */
    public static Palette of(String theme) {
        return switch (theme) {
            case "dark" -> DARK;
            case "projector" -> PROJECTOR;
            default -> LIGHT;
        };
    }

    /**
     * The colour of a signed value: neutral at 0, full blue at −{@code range} and below, full orange at
     * +{@code range} and above. NaN has its own colour.
     */
    public Color signed(double v, double range) {
        if (Double.isNaN(v)) {
            return nan;
        }
        double t = Math.max(-1, Math.min(1, v / range));
        // ease so that small values are already visibly tinted
        double a = Math.sqrt(Math.abs(t));
        return neutral.interpolate(t < 0 ? negative : positive, a);
    }

    /**
     * The colour of a gradient's size on a one-hue (purple) scale, ordered light to dark, distinct from
     * the blue–orange of the forward values; {@code t} is 0 for the smallest and 1 for the largest.
     */
    public Color magnitude(double t) {
        return gradientLow.interpolate(gradientHigh, Math.max(0, Math.min(1, t)));
    }

    /** Text drawn on a square of value {@code v}: light on strong colours, dark on pale ones. */
    public Color textOn(double v, double range) {
        Color c = signed(v, range);
        double luminance = 0.2126 * c.getRed() + 0.7152 * c.getGreen() + 0.0722 * c.getBlue();
        return luminance < 0.55 ? Color.WHITE : Color.web("#111111");
    }
}
