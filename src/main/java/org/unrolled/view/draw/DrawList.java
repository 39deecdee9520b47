package org.unrolled.view.draw;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.List;
import java.util.Objects;
import javafx.geometry.VPos;
import javafx.scene.paint.Color;
import javafx.scene.shape.StrokeLineCap;
import javafx.scene.text.Font;
import javafx.scene.text.TextAlignment;

/**
 * A pen that keeps a frame instead of drawing it: every shape and string, in order, with the whole pen
 * state it was drawn in and a box that surely holds its pixels. {@link CanvasFrames} compares two frames
 * and draws on the canvas only where they differ. The state calls behave as on a JavaFX canvas (a null
 * colour, a non-positive line width are ignored; {@link #restore} brings back the clip too).
 */
public final class DrawList implements Pen {
    /** A clip rectangle. */
    record Clip(double x, double y, double w, double h) {
    }

    /** Everything a drawing call depends on besides its own arguments; immutable, compared by value. */
    record State(Color fill, Color stroke, double alpha, double lineWidth, StrokeLineCap cap, List<Double> dashes,
            Font font, TextAlignment align, VPos baseline, List<Clip> clips) {
        static final State DEFAULT = new State(Color.BLACK, Color.BLACK, 1, 1, StrokeLineCap.SQUARE, null,
                Font.getDefault(), TextAlignment.LEFT, VPos.BASELINE, List.of());
    }

    enum Op { FILL_RECT, STROKE_RECT, FILL_ROUND_RECT, STROKE_ROUND_RECT, FILL_OVAL, STROKE_OVAL, STROKE_LINE,
        FILL_POLYGON, STROKE_POLYLINE, FILL_TEXT, FILL_TEXT_MAX }

    /**
     * One drawing call. {@code minX..maxY}: where its pixels can be (anti-aliasing, line width, glyphs
     * included). Two calls are equal when their coordinates agree to a millionth of a pixel: the layout's
     * sums come out a few ulps apart from frame to frame for columns that have not moved, and far finer
     * than the rasterisers' sub-pixel steps (a 256th of a pixel at most).
     */
    static final class Item {
        private static final double GRID = 1e6;
        final Op op;
        final double[] args;
        private final long[] grid;
        final String text;
        final State state;
        final double minX;
        final double minY;
        final double maxX;
        final double maxY;
        private final int hash;

        Item(Op op, double[] args, String text, State state, double minX, double minY, double maxX, double maxY) {
            this.op = op;
            this.args = args;
            this.text = text;
            this.state = state;
            this.minX = minX;
            this.minY = minY;
            this.maxX = maxX;
            this.maxY = maxY;
            this.grid = new long[args.length];
            for (int i = 0; i < args.length; i++) {
                // NaN or an infinity (an overflowing number's place) stays apart from every finite value
                grid[i] = Double.isFinite(args[i]) ? Math.round(args[i] * GRID) : Double.doubleToLongBits(args[i]);
            }
            this.hash = Objects.hash(op, Arrays.hashCode(grid), text, state);
        }

        boolean intersects(double x0, double y0, double x1, double y1) {
            return maxX > x0 && minX < x1 && maxY > y0 && minY < y1;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Item i && i.hash == hash && i.op == op && Arrays.equals(i.grid, grid)
                    && Objects.equals(i.text, text) && i.state.equals(state);
        }

        @Override
        public int hashCode() {
            return hash;
        }
    }

    /** Anti-aliasing reaches into the next pixel: every box grows by this much. */
    private static final double SLACK = 2;

    private final List<Item> items = new ArrayList<>();
    private final Deque<State> saved = new ArrayDeque<>();
    private State state = State.DEFAULT;

    List<Item> items() {
        return items;
    }

    @Override
    public void save() {
        saved.push(state);
    }

    @Override
    public void restore() {
        if (!saved.isEmpty()) {
            state = saved.pop();
        }
    }

    @Override
    public void setFill(Color c) {
        if (c != null && !c.equals(state.fill())) {
            state = new State(c, state.stroke(), state.alpha(), state.lineWidth(), state.cap(), state.dashes(),
                    state.font(), state.align(), state.baseline(), state.clips());
        }
    }

    @Override
    public void setStroke(Color c) {
        if (c != null && !c.equals(state.stroke())) {
            state = new State(state.fill(), c, state.alpha(), state.lineWidth(), state.cap(), state.dashes(),
                    state.font(), state.align(), state.baseline(), state.clips());
        }
    }

    @Override
    public void setGlobalAlpha(double alpha) {
        if (Double.compare(alpha, state.alpha()) != 0) {
            state = new State(state.fill(), state.stroke(), alpha, state.lineWidth(), state.cap(), state.dashes(),
                    state.font(), state.align(), state.baseline(), state.clips());
        }
    }

    @Override
    public double getGlobalAlpha() {
        return state.alpha();
    }

    @Override
    public void setLineWidth(double w) {
        if (w > 0 && w < Double.POSITIVE_INFINITY && Double.compare(w, state.lineWidth()) != 0) {
            state = new State(state.fill(), state.stroke(), state.alpha(), w, state.cap(), state.dashes(),
                    state.font(), state.align(), state.baseline(), state.clips());
        }
    }

    @Override
    public void setLineCap(StrokeLineCap cap) {
        if (cap != null && cap != state.cap()) {
            state = new State(state.fill(), state.stroke(), state.alpha(), state.lineWidth(), cap, state.dashes(),
                    state.font(), state.align(), state.baseline(), state.clips());
        }
    }

    @Override
    public void setLineDashes(double... dashes) {
        List<Double> d = null;
        if (dashes != null && dashes.length > 0) {
            d = new ArrayList<>(dashes.length);
            for (double v : dashes) {
                d.add(v);
            }
            d = List.copyOf(d);
        }
        if (!Objects.equals(d, state.dashes())) {
            state = new State(state.fill(), state.stroke(), state.alpha(), state.lineWidth(), state.cap(), d,
                    state.font(), state.align(), state.baseline(), state.clips());
        }
    }

    @Override
    public void setFont(Font font) {
        if (font != null && !font.equals(state.font())) {
            state = new State(state.fill(), state.stroke(), state.alpha(), state.lineWidth(), state.cap(), state.dashes(),
                    font, state.align(), state.baseline(), state.clips());
        }
    }

    @Override
    public void setTextAlign(TextAlignment align) {
        if (align != null && align != state.align()) {
            state = new State(state.fill(), state.stroke(), state.alpha(), state.lineWidth(), state.cap(), state.dashes(),
                    state.font(), align, state.baseline(), state.clips());
        }
    }

    @Override
    public void setTextBaseline(VPos baseline) {
        if (baseline != null && baseline != state.baseline()) {
            state = new State(state.fill(), state.stroke(), state.alpha(), state.lineWidth(), state.cap(), state.dashes(),
                    state.font(), state.align(), baseline, state.clips());
        }
    }

    @Override
    public void clipRect(double x, double y, double w, double h) {
        List<Clip> clips = new ArrayList<>(state.clips());
        clips.add(new Clip(x, y, w, h));
        state = new State(state.fill(), state.stroke(), state.alpha(), state.lineWidth(), state.cap(), state.dashes(),
                state.font(), state.align(), state.baseline(), List.copyOf(clips));
    }

    private void add(Op op, double[] args, String text, double minX, double minY, double maxX, double maxY) {
        if (Double.isNaN(minX + minY + maxX + maxY)) {
            // a place that is not a number: it may be anywhere
            minX = Double.NEGATIVE_INFINITY;
            minY = Double.NEGATIVE_INFINITY;
            maxX = Double.POSITIVE_INFINITY;
            maxY = Double.POSITIVE_INFINITY;
        }
        items.add(new Item(op, args, text, relevant(op), minX - SLACK, minY - SLACK, maxX + SLACK, maxY + SLACK));
    }

    private State relevantFor;
    private final State[] relevant = new State[3];

    /**
     * The part of the state that {@code op} uses, the rest at its defaults: a fill does not depend on the
     * stroke colour last set for something else, so that it matches the same fill in another frame.
     */
    private State relevant(Op op) {
        if (relevantFor != state) {
            relevantFor = state;
            Arrays.fill(relevant, null);
        }
        int kind = switch (op) {
            case FILL_TEXT, FILL_TEXT_MAX -> 0;
            case STROKE_RECT, STROKE_ROUND_RECT, STROKE_OVAL, STROKE_LINE, STROKE_POLYLINE -> 1;
            default -> 2;
        };
        if (relevant[kind] == null) {
            State d = State.DEFAULT;
            State s = state;
            relevant[kind] = switch (kind) {
                case 0 -> new State(s.fill(), d.stroke(), s.alpha(), d.lineWidth(), d.cap(), d.dashes(), s.font(), s.align(),
                        s.baseline(), s.clips());
                case 1 -> new State(d.fill(), s.stroke(), s.alpha(), s.lineWidth(), s.cap(), s.dashes(), d.font(), d.align(),
                        d.baseline(), s.clips());
                default -> new State(s.fill(), d.stroke(), s.alpha(), d.lineWidth(), d.cap(), d.dashes(), d.font(), d.align(),
                        d.baseline(), s.clips());
            };
        }
        return relevant[kind];
    }

    /** Half a stroke's reach beyond its path, with room for mitred corners. */
    private double reach() {
        return state.lineWidth() + 1;
    }

    private void box(Op op, double x, double y, double w, double h, double grow, double... more) {
        double[] args = new double[4 + more.length];
        args[0] = x;
        args[1] = y;
        args[2] = w;
        args[3] = h;
        System.arraycopy(more, 0, args, 4, more.length);
        add(op, args, null, Math.min(x, x + w) - grow, Math.min(y, y + h) - grow, Math.max(x, x + w) + grow,
                Math.max(y, y + h) + grow);
    }

    @Override
    public void fillRect(double x, double y, double w, double h) {
        box(Op.FILL_RECT, x, y, w, h, 0);
    }

    @Override
    public void strokeRect(double x, double y, double w, double h) {
        box(Op.STROKE_RECT, x, y, w, h, reach());
    }

    @Override
    public void fillRoundRect(double x, double y, double w, double h, double arcWidth, double arcHeight) {
        box(Op.FILL_ROUND_RECT, x, y, w, h, 0, arcWidth, arcHeight);
    }

    @Override
    public void strokeRoundRect(double x, double y, double w, double h, double arcWidth, double arcHeight) {
        box(Op.STROKE_ROUND_RECT, x, y, w, h, reach(), arcWidth, arcHeight);
    }

    @Override
    public void fillOval(double x, double y, double w, double h) {
        box(Op.FILL_OVAL, x, y, w, h, 0);
    }

    @Override
    public void strokeOval(double x, double y, double w, double h) {
        box(Op.STROKE_OVAL, x, y, w, h, reach());
    }

    @Override
    public void strokeLine(double x0, double y0, double x1, double y1) {
        double r = reach();
        add(Op.STROKE_LINE, new double[] {x0, y0, x1, y1}, null, Math.min(x0, x1) - r, Math.min(y0, y1) - r,
                Math.max(x0, x1) + r, Math.max(y0, y1) + r);
    }

    @Override
    public void fillPolygon(double[] xs, double[] ys, int n) {
        points(Op.FILL_POLYGON, xs, ys, n, 0);
    }

    @Override
    public void strokePolyline(double[] xs, double[] ys, int n) {
        // a sharp corner's mitre can reach several line widths out
        points(Op.STROKE_POLYLINE, xs, ys, n, 4 * state.lineWidth() + 1);
    }

    private void points(Op op, double[] xs, double[] ys, int n, double grow) {
        int k = Math.max(0, Math.min(n, Math.min(xs.length, ys.length)));
        double[] args = new double[2 * k];
        double minX = Double.POSITIVE_INFINITY;
        double minY = Double.POSITIVE_INFINITY;
        double maxX = Double.NEGATIVE_INFINITY;
        double maxY = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < k; i++) {
            args[i] = xs[i];
            args[k + i] = ys[i];
            minX = Math.min(minX, xs[i]);
            maxX = Math.max(maxX, xs[i]);
            minY = Math.min(minY, ys[i]);
            maxY = Math.max(maxY, ys[i]);
        }
        if (k > 0) {
            add(op, args, null, minX - grow, minY - grow, maxX + grow, maxY + grow);
        }
    }

    @Override
    public void fillText(String text, double x, double y) {
        text(Op.FILL_TEXT, text, x, y, Double.POSITIVE_INFINITY);
    }

    @Override
    public void fillText(String text, double x, double y, double maxWidth) {
        text(Op.FILL_TEXT_MAX, text, x, y, maxWidth);
    }

    /**
     * A string's box, generously: no glyph of the bundled faces or their fallbacks is wider than 1.2 em
     * (each UTF-16 unit is counted, so a surrogate pair counts twice), and none reaches further than
     * 1.5 em above or below the point it is placed at, whatever the baseline.
     */
    private void text(Op op, String text, double x, double y, double maxWidth) {
        if (text == null || text.isEmpty()) {
            return;
        }
        double size = state.font().getSize();
        double w = text.length() * size * 1.2 + size;
        if (maxWidth > 0) {
            w = Math.min(w, maxWidth + size); // JavaFX squeezes the string into maxWidth
        }
        double left = switch (state.align()) {
            case CENTER, JUSTIFY -> x - w / 2;
            case RIGHT -> x - w;
            default -> x - size * 0.5;
        };
        double right = switch (state.align()) {
            case CENTER, JUSTIFY -> x + w / 2;
            case RIGHT -> x + size * 0.5;
            default -> x + w;
        };
        double[] args = op == Op.FILL_TEXT ? new double[] {x, y} : new double[] {x, y, maxWidth};
        add(op, args, text, left, y - 1.5 * size, right, y + 1.5 * size);
    }
}
