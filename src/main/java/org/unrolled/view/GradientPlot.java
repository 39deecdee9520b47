package org.unrolled.view;

import java.util.List;
import java.util.function.DoubleConsumer;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.geometry.VPos;
import javafx.scene.paint.Color;
import javafx.scene.text.TextAlignment;
import org.unrolled.engine.CellType;
import org.unrolled.engine.SequenceTrace;
import org.unrolled.engine.Spectra;
import org.unrolled.engine.Trace;
import org.unrolled.view.draw.FxPen;
import org.unrolled.view.draw.Pen;

/**
 * {@code ‖dL/dh_t‖} (and {@code ‖dL/dc_t‖} for an LSTM) against {@code t} on a log scale, filling in
 * as the backward sweep proceeds, with the current step marked and the theory beside it: the
 * spectral radius and largest singular value of the recurrent matrix and, for a vanilla RNN, the
 * line a factor of {@code ρ(W_hh)} per step would give. Clicking a step jumps the timeline there.
 */
public final class GradientPlot extends CanvasRegion {
    private static final double LEFT = 86;
    private static final double RIGHT = 24;
    private static final double TOP = 58;
    private static final double BOTTOM = 34;

    private final ObjectProperty<Trace> trace = new SimpleObjectProperty<>(this, "trace");
    private final DoubleProperty position = new SimpleDoubleProperty(this, "position");
    private final ObjectProperty<Palette> palette = new SimpleObjectProperty<>(this, "palette", Palette.LIGHT);
    private DoubleConsumer onJump = p -> { };
    /** The size being painted: the canvas's, or the one asked of {@link #paintOn}. */
    private double pw;
    private double ph;
    private List<Spectra.Block> spectra = List.of();
    private final javafx.collections.ObservableList<Compared> compared = javafx.collections.FXCollections.observableArrayList();

    public GradientPlot() {
        getStyleClass().add("gradient-plot");
        trace.addListener((o, was, is) -> {
            spectra = is == null ? List.of()
                    : Spectra.recurrent(is.scenario().cell(), is.scenario().weights().cell(), is.scenario().hiddenSize());
            redraw();
        });
        position.addListener(o -> redraw());
        compared.addListener((javafx.collections.ListChangeListener<Compared>) c -> redraw());
        palette.addListener(o -> redraw());
        setOnMouseClicked(e -> {
            Trace t = trace.get();
            if (t == null) {
                return;
            }
            int n = new Timeline(t).length();
            double w = canvas.getWidth() - LEFT - RIGHT;
            int g = (int) Math.round(1 + (e.getX() - LEFT) / w * Math.max(1, n - 1));
            if (g >= 1 && g <= n) {
                onJump.accept(new Timeline(t).backwardPositionOf(g));
            }
        });
    }

    /** Called with the timeline position of a clicked step. */
    public void setOnJump(DoubleConsumer jump) {
        this.onJump = jump;
    }

    public ObjectProperty<Trace> traceProperty() {
        return trace;
    }

    public DoubleProperty positionProperty() {
        return position;
    }

    public ObjectProperty<Palette> paletteProperty() {
        return palette;
    }

    @Override
    protected double computePrefHeight(double width) {
        return 240;
    }

    /** x of global step g. */
    private double x(int g, int n) {
        double w = pw - LEFT - RIGHT;
        return LEFT + (n <= 1 ? w / 2 : (g - 1) * w / (n - 1));
    }

    private double y(double log, GradientScale s) {
        double h = ph - TOP - BOTTOM;
        double lo = Math.floor(s.minLog() - 0.25);
        double hi = Math.ceil(s.maxLog() + 0.25);
        return TOP + h * (hi - log) / (hi - lo);
    }

    @Override
    public void redraw() {
        paintOn(new FxPen(canvas.getGraphicsContext2D()), canvas.getWidth(), canvas.getHeight());
    }

    /** Paints the plot as it would look at {@code width × height} through any pen (the audit records its text). */
    public void paintOn(Pen gc, double width, double height) {
        pw = width;
        ph = height;
        Palette pal = palette.get();
        double w = pw;
        double h = ph;
        gc.setFill(pal.background());
        gc.fillRect(0, 0, w, h);
        Trace t = trace.get();
        if (t == null || w < LEFT + RIGHT + 20 || h < TOP + BOTTOM + 20) {
            return;
        }
        Timeline timeline = new Timeline(t);
        int n = timeline.length();
        double p = position.get();
        if (!compared.isEmpty()) {
            drawComparison(gc, pal, timeline, n, p);
            return;
        }
        GradientScale scale = GradientScale.of(t);
        axes(gc, pal, scale, n, timeline);
        theory(gc, pal, t, scale, n, timeline, p);
        series(gc, pal, t, scale, timeline, p, false);
        if (t.scenario().cell() == CellType.LSTM) {
            series(gc, pal, t, scale, timeline, p, true);
        }
        marker(gc, pal, timeline, p, n);
        legend(gc, pal, t);
        if (!timeline.inBackward(p)) {
            waiting(gc, pal);
        }
    }

    /** Several networks' ‖∂L/∂h_t‖ on one shared log axis, one colour each. */
    private void drawComparison(Pen gc, Palette pal, Timeline timeline, int n, double p) {
        GradientScale scale = GradientScale.of(compared.stream().map(Compared::trace).toList());
        axes(gc, pal, scale, n, timeline);
        double x = pw - RIGHT;
        for (int k = compared.size() - 1; k >= 0; k--) {
            Compared c = compared.get(k);
            series(gc, pal, c.trace(), scale, timeline, p, false, c.color());
            String label = "●  " + c.label();
            text(gc, c.color(), x, 38, label, 15, true, TextAlignment.RIGHT);
            x -= label.length() * 15 * 0.62 + 24;
        }
        marker(gc, pal, timeline, p, n);
        text(gc, pal.text(), pw - RIGHT, 16, "‖∂L/∂h_t‖, one shared log axis", 16, false,
                TextAlignment.RIGHT);
        if (!timeline.inBackward(p)) {
            waiting(gc, pal);
        }
    }

    /** Before the backward pass: what will fill the plot, under the encoder/decoder names, fitted to its width. */
    private void waiting(Pen gc, Palette pal) {
        String say = "The backward pass fills this in: play on past the last step, or press End.";
        double size = TextFit.size(say, false, pw - LEFT - RIGHT - 8, 17, 14);
        if (Double.isNaN(size)) {
            say = "The backward pass fills this in.";
            size = TextFit.size(say, false, pw - LEFT - RIGHT - 8, 17, 14);
        }
        if (!Double.isNaN(size)) {
            double y = Math.max((TOP + ph - BOTTOM) / 2, TOP + 22 + size * 0.7);
            text(gc, pal.mutedText(), (LEFT + pw - RIGHT) / 2, Math.min(y, ph - BOTTOM - size * 0.7), say, size, false,
                    TextAlignment.CENTER);
        }
    }

    /** One network of a comparison: its name, its trace and its colour in the plot. */
    public record Compared(String label, Trace trace, Color color) {
    }

    /** Networks to compare; when not empty the plot shows their ‖∂L/∂h_t‖ instead of the single trace's. */
    public javafx.collections.ObservableList<Compared> compared() {
        return compared;
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

    private void axes(Pen gc, Palette pal, GradientScale scale, int n, Timeline timeline) {
        double w = pw;
        double h = ph;
        int lo = (int) Math.floor(scale.minLog() - 0.25);
        int hi = (int) Math.ceil(scale.maxLog() + 0.25);
        double perDecade = (h - TOP - BOTTOM) / Math.max(1, hi - lo);
        int every = niceStep((int) Math.ceil(24 / perDecade));
        for (int k = Math.floorDiv(lo + every - 1, every) * every; k <= hi; k += every) {
            double yy = y(k, scale);
            Shapes.hLine(gc, LEFT, w - RIGHT, yy, 1, pal.neutral().darker());
            text(gc, pal.mutedText(), LEFT - 8, yy, k == 0 ? "1" : "1e" + k, 15, false, TextAlignment.RIGHT);
        }
        Shapes.vLine(gc, LEFT, TOP, h - BOTTOM, 1.5, pal.mutedText());
        Shapes.hLine(gc, LEFT, w - RIGHT, h - BOTTOM, 1.5, pal.mutedText());
        int step = niceStep((int) Math.ceil(n / ((w - LEFT - RIGHT) / 48.0)));
        // the first and last steps are always labelled; a multiple of step too close to the last is left out
        for (int g = 1; g <= n; g = g == 1 && step > 1 ? step : g + step) {
            if (g == 1 || g == n || x(n, n) - x(g, n) >= 40) {
                text(gc, pal.mutedText(), x(g, n), h - BOTTOM + 16, String.valueOf(timeline.localStep(g)), 15, false,
                        TextAlignment.CENTER);
            }
        }
        if (n > 1 && n % step != 0) { // the loop did not reach it
            text(gc, pal.mutedText(), x(n, n), h - BOTTOM + 16, String.valueOf(timeline.localStep(n)), 15, false,
                    TextAlignment.CENTER);
        }
        if (timeline.encoderLength() > 0) {
            double xe = (x(timeline.encoderLength(), n) + x(timeline.encoderLength() + 1, n)) / 2;
            Shapes.vLine(gc, xe, TOP, h - BOTTOM, 1.5, pal.mutedText());
            text(gc, pal.mutedText(), xe - 6, TOP + 10, "encoder", 14, true, TextAlignment.RIGHT);
            text(gc, pal.mutedText(), xe + 6, TOP + 10, "decoder", 14, true, TextAlignment.LEFT);
        }
        text(gc, pal.text(), 12, 16, "Gradient norm by step t (log scale)", 17, true, TextAlignment.LEFT);
    }

    /** The norms known at p, joined by a line; overflow drawn at the top edge with its value. */
    private void series(Pen gc, Palette pal, Trace t, GradientScale scale, Timeline timeline, double p,
            boolean cellState) {
        series(gc, pal, t, scale, timeline, p, cellState, cellState ? pal.teacher() : pal.gradientHigh());
    }

    private void series(Pen gc, Palette pal, Trace t, GradientScale scale, Timeline timeline, double p,
            boolean cellState, Color color) {
        double prevX = Double.NaN;
        double prevY = Double.NaN;
        double spacing = timeline.length() <= 1 ? 14 : (pw - LEFT - RIGHT) / (timeline.length() - 1);
        double marker = Math.max(2.5, Math.min(7, spacing / 2));
        double labelledUpTo = Double.NEGATIVE_INFINITY;
        for (int g = 1; g <= timeline.length(); g++) {
            if (!timeline.gradientKnown(g, p)) {
                prevX = Double.NaN;
                continue;
            }
            SequenceTrace seq = timeline.isEncoder(g) ? t.encoder() : t.steps();
            int local = timeline.localStep(g);
            double norm = cellState ? seq.dLdcNorm(local) : seq.dLdhNorm(local);
            double xx = x(g, timeline.length());
            if (!Double.isFinite(norm)) {
                gc.setFill(pal.overflow());
                gc.fillPolygon(new double[] {xx - marker, xx + marker, xx}, new double[] {TOP + 14, TOP + 14, TOP}, 3);
                String label = Numbers.format(norm);
                double half = label.length() * 13 * 0.7 / 2 + 6; // half the bold label and a gap
                double lx = Math.max(xx, LEFT + half); // clear of the axis and its labels
                if (lx - half >= labelledUpTo) { // labels of neighbouring overflows never overprint each other
                    text(gc, pal.overflow(), lx, TOP + 26, label, 13, true, TextAlignment.CENTER);
                    labelledUpTo = lx + half;
                }
                prevX = Double.NaN;
                continue;
            }
            if (norm <= 0) {
                prevX = Double.NaN;
                continue;
            }
            double yy = y(Math.log10(norm), scale);
            if (!Double.isNaN(prevX)) {
                gc.setStroke(color);
                gc.setLineWidth(2.5);
                if (cellState) {
                    gc.setLineDashes(8, 5);
                }
                gc.strokeLine(prevX, prevY, xx, yy);
                gc.setLineDashes((double[]) null);
            }
            double r = timeline.length() > 120 ? 2.5 : 5;
            gc.setFill(color);
            if (cellState) {
                gc.fillRect(xx - r, yy - r, 2 * r, 2 * r);
            } else {
                gc.fillOval(xx - r, yy - r, 2 * r, 2 * r);
            }
            prevX = xx;
            prevY = yy;
        }
    }

    /** For a vanilla RNN: the slope of a factor ρ per step, anchored at the last step's norm. */
    private void theory(Pen gc, Palette pal, Trace t, GradientScale scale, int n, Timeline timeline, double p) {
        if (t.scenario().cell() != CellType.RNN || spectra.isEmpty() || !timeline.inBackward(p)) {
            return;
        }
        double rho = spectra.get(0).spectralRadius();
        double last = t.steps().dLdhNorm(t.steps().length());
        if (!(rho > 0) || !(last > 0) || !Double.isFinite(last)) {
            return;
        }
        int first = timeline.encoderLength() + 1;
        double x0 = x(n, n);
        double y0 = y(Math.log10(last), scale);
        double x1 = x(first, n);
        double y1 = y(Math.log10(last) + (n - first) * Math.log10(rho), scale);
        gc.save();
        gc.clipRect(LEFT, TOP, pw - LEFT - RIGHT, ph - TOP - BOTTOM);
        gc.setStroke(pal.mutedText());
        gc.setLineWidth(2);
        gc.setLineDashes(4, 6);
        gc.strokeLine(x0, y0, x1, y1);
        gc.restore();
    }

    private void marker(Pen gc, Palette pal, Timeline timeline, double p, int n) {
        int g = timeline.inBackward(p) ? timeline.backwardCurrent(p) : Timeline.current(p);
        if (g < 1 || g > n) {
            return;
        }
        double xx = x(g, n);
        Shapes.vLine(gc, xx, TOP, ph - BOTTOM, 3, pal.currentStroke());
    }

    private void legend(Pen gc, Palette pal, Trace t) {
        double xr = pw - RIGHT;
        StringBuilder theory = new StringBuilder();
        for (Spectra.Block b : spectra) {
            theory.append(theory.length() == 0 ? "" : "   ").append("ρ(").append(b.name()).append(") = ")
                    .append(Numbers.format(b.spectralRadius()));
            if (t.scenario().cell() == CellType.RNN) {
                theory.append(", σ_max = ").append(Numbers.format(b.largestSingularValue()));
            }
        }
        if (t.hasEncoder()) {
            theory.append("   (decoder)");
        }
        text(gc, pal.text(), xr, 16, theory.toString(), 16, false, TextAlignment.RIGHT);
        String series = "●  ‖∂L/∂h_t‖" + (t.scenario().cell() == CellType.RNN ? "    - - -  a factor ρ per step" : "");
        if (t.scenario().cell() == CellType.LSTM) {
            // the cell-state series in its own colour, right of the hidden-state one
            String cell = "    ■ - -  ‖∂L/∂c_t‖";
            text(gc, pal.teacher(), xr, 38, cell, 15, true, TextAlignment.RIGHT);
            xr -= cell.length() * 15 * 0.62;
        }
        text(gc, pal.gradientHigh(), xr, 38, series, 15, true, TextAlignment.RIGHT);
    }

    private static void text(Pen gc, Color color, double x, double y, String s, double size, boolean bold,
            TextAlignment align) {
        gc.setFill(color);
        gc.setFont(bold ? Fonts.bold(size) : Fonts.regular(size));
        gc.setTextAlign(align);
        gc.setTextBaseline(VPos.CENTER);
        gc.fillText(s, x, y);
    }
}
