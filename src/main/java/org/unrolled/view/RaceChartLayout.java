package org.unrolled.view;

import java.util.ArrayList;
import java.util.List;
import java.util.function.DoubleUnaryOperator;
import javafx.scene.shape.StrokeLineCap;
import javafx.scene.text.Font;
import org.unrolled.view.draw.AwtFonts;
import org.unrolled.view.draw.Pen;

/**
 * Where everything of one race chart goes, measured from its texts with the bundled font (as the AWT pen
 * draws them): the plot's box, with room for the widest tick labels, the axes' names and the legend's rows
 * under it; which ticks are labelled (the densest set whose labels keep a gap between them); and how the
 * legend wraps. It draws the frame, the ticks and the legend; {@link RaceChart} draws the data.
 */
final class RaceChartLayout {
    /** Text sizes at scale 1, in pixels (never under the window's smallest text). */
    static final double TICK_TEXT = 13;
    static final double NAME_TEXT = 14;
    static final double TITLE_TEXT = 18;
    /** Space around the chart and between its parts, at scale 1. */
    static final double PAD = 8;
    /** The least space between two tick labels, at scale 1: they never touch. */
    static final double TICK_GAP = 12;
    static final double TICK_LENGTH = 5;
    static final double LINE_WIDTH = 2.5;
    static final double MARKER = 4.5;
    static final double REFERENCE_WIDTH = 1.5;

    /**
     * One line of the legend: a network's curve (its words, and its cell's name alone for where they do not fit)
     * or a reference line; its colour, dashes (for a line {@code width} wide at scale 1) and marker (or none).
     */
    record Entry(String label, String shortLabel, javafx.scene.paint.Color colour, RaceStyle style, double[] dash,
            double width) {
        static Entry of(RaceChart.Curve c, Palette p) {
            return new Entry(c.label(), c.style().label(), c.style().colour(p), c.style(), null, LINE_WIDTH);
        }

        static Entry reference(String label, double[] dash, Palette p) {
            return new Entry(label, label, p.mutedText(), null, dash, REFERENCE_WIDTH);
        }
    }

    /** A tick at {@code at} (in the axis's own units: a decade's exponent, a step t) with its label. */
    record Tick(double at, String label) {
    }

    record Box(double x, double y, double w, double h) {
        double right() {
            return x + w;
        }

        double bottom() {
            return y + h;
        }
    }

    final Palette p;
    final double w;
    final double h;
    final double s;
    final double pad;
    final Font tickFont;
    final Font nameFont;
    Box plot;
    /** The legend's rows: the entries on each row. */
    final List<List<Entry>> legendRows = new ArrayList<>();
    double legendTop;
    /** Under the plot's left edge, or at the chart's where an entry is too wide for that. */
    double legendLeft;
    boolean fullLabels;

    private RaceChartLayout(double w, double h, Palette p) {
        this.p = p;
        this.w = w;
        this.h = h;
        this.s = p.scale();
        this.pad = PAD * s;
        this.tickFont = Fonts.regular(size(p, TICK_TEXT));
        this.nameFont = Fonts.regular(size(p, NAME_TEXT));
    }

    /**
     * The plot's box: room on the left for the widest y label, on the right and left for half of the
     * widest x label (each is centred on its tick), above it for the y axis's name, and under it for the x
     * labels, the x axis's name and the legend's rows.
     */
    static RaceChartLayout of(double w, double h, Palette p, List<Tick> yTicks, List<Tick> xTicks, List<Entry> entries) {
        RaceChartLayout l = at(w, h, p, yTicks, xTicks, entries);
        // large text in a small chart: the labels and legend rows would leave the plot too little room (or
        // none, and the legend would run off the bottom), so everything is made smaller together, down to
        // the smallest text
        for (Palette q = p; l.plot.h() < MIN_PLOT_SHARE * h && size(q, TICK_TEXT) > ViewSettings.WINDOW_MIN_TEXT;) {
            q = q.withScale(q.scale() * 0.9);
            l = at(w, h, q, yTicks, xTicks, entries);
        }
        return l;
    }

    /** The plot's share of the chart's height below which its text is made smaller. */
    static final double MIN_PLOT_SHARE = 0.4;

    private static RaceChartLayout at(double w, double h, Palette p, List<Tick> yTicks, List<Tick> xTicks, List<Entry> entries) {
        RaceChartLayout l = new RaceChartLayout(w, h, p);
        double yLabels = 0;
        for (Tick t : yTicks) {
            yLabels = Math.max(yLabels, width(l.tickFont, t.label));
        }
        double xLabel = 0;
        for (Tick t : xTicks) {
            xLabel = Math.max(xLabel, width(l.tickFont, t.label));
        }
        double left = Math.max(l.pad + yLabels + 8 * l.s + TICK_LENGTH * l.s, l.pad + xLabel / 2);
        double right = Math.max(l.pad + 10 * l.s, l.pad + xLabel / 2);
        double top = l.pad + lineHeight(l.nameFont) + l.nameGap();
        l.legendLeft = left;
        for (Entry e : entries) {
            if (l.sample() + 6 * l.s + width(l.nameFont, e.shortLabel()) > w - left - l.pad) {
                l.legendLeft = l.pad;
            }
        }
        l.fullLabels = entries.stream()
                .allMatch(e -> l.sample() + 6 * l.s + width(l.nameFont, e.label()) <= w - l.legendLeft - l.pad);
        l.layOutLegend(entries, w - l.legendLeft - l.pad);
        double below = TICK_LENGTH * l.s + 4 * l.s + lineHeight(l.tickFont) + 4 * l.s + lineHeight(l.nameFont)
                + (l.legendRows.isEmpty() ? 0 : 6 * l.s + l.legendRows.size() * l.legendRow()) + l.pad;
        l.plot = new Box(left, top, Math.max(1, w - left - right), Math.max(1, h - top - below));
        l.legendTop = l.plot.bottom() + below - l.pad - l.legendRows.size() * l.legendRow();
        return l;
    }

    /** Between the y axis's name and the plot: room for the top tick's label, centred on the plot's top edge. */
    double nameGap() {
        return lineHeight(tickFont) / 2 + 4 * s;
    }

    double legendRow() {
        return Math.max(lineHeight(nameFont), 2 * MARKER * s + 2) + 4 * s;
    }

    double sample() {
        return 40 * s;
    }

    /** Its full words, or its short ones where any entry's full words do not fit (all entries alike). */
    String legendText(Entry e, double room) {
        return fullLabels ? e.label() : e.shortLabel();
    }

    /** The font of an entry's words: shrunk (not under the smallest text) where even the short ones are too wide. */
    Font legendFont(Entry e, double room) {
        return fitted(legendText(e, room), nameFont, room - sample() - 6 * s);
    }

    /** Entries left to right, a new row when the next would pass the right edge. */
    void layOutLegend(List<Entry> entries, double room) {
        double x = 0;
        List<Entry> row = null;
        for (Entry e : entries) {
            double ew = sample() + 6 * s + width(legendFont(e, room), legendText(e, room));
            if (row == null || x + 18 * s + ew > room) {
                row = new ArrayList<>();
                legendRows.add(row);
                x = ew;
            } else {
                x += 18 * s + ew;
            }
            row.add(e);
        }
    }

    /** The plot's plate and border, and the axes' names: the first wording that fits, shrunk down to the smallest text if none does. */
    void frame(Pen pen, List<String> xNames, List<String> yNames) {
        pen.setFill(p.plate());
        pen.fillRect(plot.x, plot.y, plot.w, plot.h);
        pen.setStroke(p.cellStroke());
        pen.setLineWidth(s);
        pen.setLineDashes();
        pen.strokeRect(plot.x, plot.y, plot.w, plot.h);
        pen.setFill(p.text());
        String xName = wording(xNames, nameFont, w - 2 * pad);
        Font xFont = fitted(xName, nameFont, w - 2 * pad);
        pen.setFont(xFont);
        double nameW = width(xFont, xName);
        double nx = Math.max(pad, Math.min(plot.x + (plot.w - nameW) / 2, w - pad - nameW));
        double ny = plot.bottom() + TICK_LENGTH * s + 4 * s + lineHeight(tickFont) + 4 * s + ascent(nameFont);
        pen.fillText(xName, nx, ny);
        String yName = wording(yNames, nameFont, w - 2 * pad);
        Font yFont = fitted(yName, nameFont, w - 2 * pad);
        pen.setFont(yFont);
        pen.fillText(yName, Math.min(plot.x, Math.max(pad, w - pad - width(yFont, yName))),
                plot.y - nameGap() - descent(nameFont));
    }

    /** The densest level of x ticks whose labels keep {@link #TICK_GAP} between them and stay inside the chart. */
    void xTicks(Pen pen, List<List<Tick>> levels, DoubleUnaryOperator x) {
        List<Tick> chosen = List.of();
        for (List<Tick> level : levels) {
            chosen = level;
            if (fitsSideBySide(level, x)) {
                break;
            }
        }
        pen.setStroke(p.mutedText());
        pen.setLineWidth(s);
        pen.setFill(p.mutedText());
        pen.setFont(tickFont);
        double base = plot.bottom() + TICK_LENGTH * s + 4 * s + ascent(tickFont);
        double lastRight = Double.NEGATIVE_INFINITY;
        for (Tick t : chosen) {
            double at = x.applyAsDouble(t.at);
            double lw = width(tickFont, t.label);
            double lx = at - lw / 2;
            if (lx < lastRight + TICK_GAP * s || lx < 0 || lx + lw > w) {
                continue; // never on or against its neighbour, never cut at the edge
            }
            pen.strokeLine(at, plot.bottom(), at, plot.bottom() + TICK_LENGTH * s);
            pen.fillText(t.label, lx, base);
            lastRight = lx + lw;
        }
    }

    private boolean fitsSideBySide(List<Tick> level, DoubleUnaryOperator x) {
        double lastRight = Double.NEGATIVE_INFINITY;
        for (Tick t : level) {
            double lw = width(tickFont, t.label);
            double lx = x.applyAsDouble(t.at) - lw / 2;
            if (lx < lastRight + TICK_GAP * s || lx < 0 || lx + lw > w) {
                return false;
            }
            lastRight = lx + lw;
        }
        return true;
    }

    /** Y ticks from the bottom up, each label drawn only when it keeps a gap above the one under it. */
    void yTicks(Pen pen, List<Tick> ticks, DoubleUnaryOperator y) {
        pen.setStroke(p.mutedText());
        pen.setLineWidth(s);
        pen.setFill(p.mutedText());
        pen.setFont(tickFont);
        double lh = lineHeight(tickFont);
        // at most about eight labels, then as few more as needed to keep a line's gap between them
        int every = Measure.niceStep((int) Math.ceil((ticks.size() - 1) / 8.0));
        while (every < ticks.size() && !fitsAbove(ticks, every, y, lh)) {
            every = Measure.niceStep(every + 1);
        }
        // on round values: 1e-40, 1e-30, ... rather than 1e-41, 1e-31, ...
        int first = ticks.isEmpty() ? 0 : Math.floorMod(-Math.round(ticks.get(0).at), every);
        for (int i = every == 1 ? 0 : first; i < ticks.size(); i += every) {
            Tick t = ticks.get(i);
            double at = y.applyAsDouble(t.at);
            pen.strokeLine(plot.x - TICK_LENGTH * s, at, plot.x, at);
            pen.fillText(t.label, plot.x - TICK_LENGTH * s - 4 * s - width(tickFont, t.label),
                    at - lh / 2 + ascent(tickFont));
        }
    }

    private boolean fitsAbove(List<Tick> ticks, int every, DoubleUnaryOperator y, double lh) {
        for (int i = every; i < ticks.size(); i += every) {
            if (y.applyAsDouble(ticks.get(i - every).at) - y.applyAsDouble(ticks.get(i).at) < lh + 2 * s) {
                return false;
            }
        }
        return true;
    }

    void legend(Pen pen, List<Entry> entries) {
        double room = w - legendLeft - pad;
        double row = legendRow();
        for (int r = 0; r < legendRows.size(); r++) {
            double x = legendLeft;
            double cy = legendTop + r * row + row / 2;
            for (Entry e : legendRows.get(r)) {
                String text = legendText(e, room);
                Font f = legendFont(e, room);
                pen.setStroke(e.colour());
                pen.setFill(e.colour());
                pen.setLineWidth(e.width() * s);
                pen.setLineCap(StrokeLineCap.BUTT);
                if (e.style() != null) {
                    pen.setLineDashes(e.style().dashes(e.width() * s));
                } else {
                    pen.setLineDashes(e.dash()[0] * s, e.dash()[1] * s);
                }
                pen.strokeLine(x, cy, x + sample(), cy);
                pen.setLineDashes();
                if (e.style() != null) {
                    RaceChart.marker(pen, e.style().marker(), x + sample() / 2, cy, MARKER * s);
                }
                pen.setFill(p.text());
                pen.setFont(f);
                pen.fillText(text, x + sample() + 6 * s, cy - lineHeight(f) / 2 + ascent(f));
                x += sample() + 6 * s + width(f, text) + 18 * s;
            }
        }
    }

    /** A text size scaled with the palette, never under the window's smallest text. */
    static double size(Palette p, double base) {
        return Math.max(ViewSettings.WINDOW_MIN_TEXT, base * p.scale());
    }

    /** The first of {@code words} that fits {@code room} in {@code font}, else the shortest. */
    static String wording(List<String> words, Font font, double room) {
        for (String w : words) {
            if (width(font, w) <= room) {
                return w;
            }
        }
        return words.get(words.size() - 1);
    }

    /** {@code font}, or a smaller size of it (not under the smallest text) at which {@code text} fits {@code room}. */
    static Font fitted(String text, Font font, double room) {
        double at = width(font, text);
        if (at <= room) {
            return font;
        }
        double size = Math.max(ViewSettings.WINDOW_MIN_TEXT, Math.floor(font.getSize() * room / at * 10) / 10);
        return AwtFonts.isBold(font) ? Fonts.bold(size) : Fonts.regular(size);
    }

    /** Widths as the AWT pen draws them (the bundled font; no JavaFX toolkit needed on the command line). */
    static double width(Font f, String text) {
        return AwtFonts.width(AwtFonts.of(f), text);
    }

    static double ascent(Font f) {
        return AwtFonts.ascent(AwtFonts.of(f));
    }

    static double descent(Font f) {
        return AwtFonts.descent(AwtFonts.of(f));
    }

    static double lineHeight(Font f) {
        return ascent(f) + descent(f);
    }
}
