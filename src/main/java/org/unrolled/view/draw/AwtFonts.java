package org.unrolled.view.draw;

import java.awt.Font;
import java.awt.FontFormatException;
import java.awt.font.FontRenderContext;
import java.awt.font.TextAttribute;
import java.awt.font.TextLayout;
import java.awt.font.LineMetrics;
import java.awt.geom.AffineTransform;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.text.AttributedString;

/**
 * The bundled DejaVu Sans faces for {@code java.awt}, matched to the JavaFX fonts the painters ask for,
 * with the text measurements every non-JavaFX pen shares (so an SVG, a PDF and the recording pen place
 * and measure a string alike).
 */
public final class AwtFonts {
    /** Resource paths of the two faces, as the window loads them. */
    public static final String REGULAR_FILE = "/assets/fonts/DejaVuSans.ttf";
    public static final String BOLD_FILE = "/assets/fonts/DejaVuSans-Bold.ttf";
    /** Measured as drawn: anti-aliased, fractional advances, no transform. */
    static final FontRenderContext FRC = new FontRenderContext(new AffineTransform(), true, true);
    private static final Font REGULAR = load(REGULAR_FILE);
    private static final Font BOLD = load(BOLD_FILE);

    private AwtFonts() {
    }

    private static Font load(String path) {
        try (InputStream in = AwtFonts.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("the bundled font " + path + " is missing from the program");
            }
            return Font.createFont(Font.TRUETYPE_FONT, in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (FontFormatException e) {
            throw new IllegalStateException("the bundled font " + path + " cannot be read: " + e.getMessage(), e);
        }
    }

    /** Whether a JavaFX font is the bold face ({@link TextPlace#isBold}). */
    public static boolean isBold(javafx.scene.text.Font fx) {
        return TextPlace.isBold(fx);
    }

    /** The AWT face and size of a JavaFX font (pixels are points at this scale). */
    public static Font of(javafx.scene.text.Font fx) {
        return (isBold(fx) ? BOLD : REGULAR).deriveFont((float) fx.getSize());
    }

    public static Font regularFace() {
        return REGULAR;
    }

    public static Font boldFace() {
        return BOLD;
    }

    /** The width of {@code text} as drawn: in {@code f}, and its fallback where {@code f} has no glyph. */
    public static double width(Font f, String text) {
        AttributedString runs = withFallback(f, text);
        return runs == null ? f.getStringBounds(text, FRC).getWidth() : width(runs);
    }

    /** The width of text made by {@link #withFallback}. */
    static double width(AttributedString runs) {
        return new TextLayout(runs.getIterator(), FRC).getAdvance();
    }

    /**
     * {@code text} set in {@code face} where the face has the glyphs, and elsewhere (Chinese, say) in Java's
     * logical sans-serif font, which, as JavaFX does for the window, falls back to the system's fonts; null
     * when the face has every glyph, as for almost every string. The bundled faces alone would draw a box.
     */
    static AttributedString withFallback(Font face, String text) {
        int missing = face.canDisplayUpTo(text);
        if (missing < 0) {
            return null;
        }
        // plain even beside the bold face: JavaFX draws the fallback letters unemboldened too
        Font other = new Font(Font.SANS_SERIF, Font.PLAIN, 1).deriveFont(face.getSize2D());
        AttributedString runs = new AttributedString(text);
        int start = 0;
        while (start < text.length()) {
            boolean has = face.canDisplay(text.codePointAt(start));
            int end = start;
            while (end < text.length() && face.canDisplay(text.codePointAt(end)) == has) {
                end += Character.charCount(text.codePointAt(end));
            }
            runs.addAttribute(TextAttribute.FONT, has ? face : other, start, end);
            start = end;
        }
        return runs;
    }

    /** How far below {@code y} the baseline lies for a JavaFX text baseline ({@link TextPlace#baselineOffset}). */
    public static double baselineOffset(Font f, javafx.geometry.VPos baseline) {
        LineMetrics m = f.getLineMetrics("Hg", FRC);
        return TextPlace.baselineOffset(baseline, m.getAscent(), m.getDescent());
    }

    public static double ascent(Font f) {
        return f.getLineMetrics("Hg", FRC).getAscent();
    }

    public static double descent(Font f) {
        return f.getLineMetrics("Hg", FRC).getDescent();
    }
}
