package org.unrolled.view;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import javafx.scene.text.Font;
import javafx.scene.text.Text;

/**
 * The painters' one place for sizes that depend on what is written: the width of a text in a font, as
 * JavaFX lays it out (not a guess of so many pixels per character, which is wrong for "W" and "i" alike),
 * and the tick steps of an axis. The AWT pen draws the same bundled DejaVu Sans, so one measure serves
 * the window, the PNG frames and the vector exports.
 */
public final class Measure {
    /**
     * Widths measured so far, by font and text, shared by every thread (an export draws on several at
     * once, and each would otherwise measure every label again). Cleared when it grows past
     * {@link #CACHE_LIMIT}.
     */
    private static final Map<Font, Map<String, Double>> WIDTHS = new ConcurrentHashMap<>();
    private static final AtomicInteger WIDTHS_KEPT = new AtomicInteger();
    private static final int CACHE_LIMIT = 20_000;
    /** Ascent and descent by font, shared by every thread. */
    private static final Map<Font, double[]> LINES = new ConcurrentHashMap<>();
    /**
     * Held while JavaFX lays out a string to measure it: a Text outside a scene may be laid out on any
     * thread, but JavaFX's font caches behind it are not documented as safe for two at once. Only a string
     * not measured before takes it.
     */
    private static final Object LAYOUT = new Object();
    private static final Text NODE = new Text();

    private Measure() {
    }

    /** The width in pixels of {@code text} set in {@code font}. */
    public static double textWidth(String text, Font font) {
        Map<String, Double> widths = WIDTHS.get(font);
        if (widths == null) {
            widths = WIDTHS.computeIfAbsent(font, f -> new ConcurrentHashMap<>());
        }
        Double w = widths.get(text);
        if (w == null) {
            synchronized (LAYOUT) {
                NODE.setFont(font);
                NODE.setText(text);
                w = NODE.getLayoutBounds().getWidth();
            }
            if (WIDTHS_KEPT.incrementAndGet() > CACHE_LIMIT) {
                WIDTHS.clear(); // sizes follow the window's size and zoom: a long session makes many
                WIDTHS_KEPT.set(0);
            }
            WIDTHS.computeIfAbsent(font, f -> new ConcurrentHashMap<>()).put(text, w);
        }
        return w;
    }

    /** The ascent of {@code font}'s lines (from the baseline up), as JavaFX lays them out. */
    public static double ascent(Font font) {
        return lineBounds(font)[0];
    }

    /** The descent of {@code font}'s lines (from the baseline down), as JavaFX lays them out. */
    public static double descent(Font font) {
        return lineBounds(font)[1];
    }

    private static double[] lineBounds(Font font) {
        if (LINES.size() >= 1_000) {
            LINES.clear(); // sizes follow the window's size and zoom: a long session makes many
        }
        double[] known = LINES.get(font);
        if (known != null) {
            return known;
        }
        return LINES.computeIfAbsent(font, f -> {
            synchronized (LAYOUT) {
                Text node = new Text("Hg");
                node.setFont(f);
                node.setTextOrigin(javafx.geometry.VPos.BASELINE);
                javafx.geometry.Bounds b = node.getLayoutBounds();
                return new double[] {-b.getMinY(), b.getMaxY()};
            }
        });
    }

    /** Strings' boxes measured as JavaFX lays them out, for a {@link org.unrolled.view.draw.RecordingPen}. */
    public static final org.unrolled.view.draw.RecordingPen.Metrics METRICS = new org.unrolled.view.draw.RecordingPen.Metrics() {
        @Override
        public double width(Font font, String text) {
            return textWidth(text, font);
        }

        @Override
        public double ascent(Font font) {
            return Measure.ascent(font);
        }

        @Override
        public double descent(Font font) {
            return Measure.descent(font);
        }
    };

    /** The width of {@code text} in the bundled font, regular or bold, at {@code size} pixels. */
    public static double textWidth(String text, double size, boolean bold) {
        return textWidth(text, bold ? Fonts.bold(size) : Fonts.regular(size));
    }

    /**
     * The largest size from {@code preferred} down to {@code floor} at which {@code text} is at most
     * {@code room} pixels wide, or NaN when it does not fit even at the floor (the painters then leave it out
     * or shorten it; the hover card still says it).
     */
    public static double fit(String text, boolean bold, double room, double preferred, double floor) {
        if (preferred < floor) {
            preferred = floor;
        }
        double at = textWidth(text, preferred, bold);
        if (at <= room) {
            return preferred;
        }
        double size = preferred * room / at; // width grows in proportion to size
        return size >= floor ? size : Double.NaN;
    }

    /**
     * The longest start of {@code text} that fits {@code room} pixels with an ellipsis after it, or "" when not
     * even two letters do; {@code text} itself when it fits whole.
     */
    public static String shortened(String text, Font font, double room) {
        if (textWidth(text, font) <= room) {
            return text;
        }
        for (int n = text.length() - 1; n >= 2; n--) {
            String cut = text.substring(0, n) + "…";
            if (textWidth(cut, font) <= room) {
                return cut;
            }
        }
        return "";
    }

    /** The smallest of 1, 2, 5, 10, 20, 50, ... that is at least {@code raw}: tick steps people read easily. */
    public static int niceStep(int raw) {
        int target = Math.max(1, raw);
        for (long scale = 1; ; scale *= 10) {
            for (int k : new int[] {1, 2, 5}) {
                if (k * scale >= target) {
                    return (int) Math.min(Integer.MAX_VALUE, k * scale);
                }
            }
        }
    }
}
