package org.unrolled.view;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import javafx.geometry.VPos;
import javafx.scene.paint.Color;
import javafx.scene.shape.StrokeLineCap;
import javafx.scene.text.TextAlignment;
import org.unrolled.document.Highlight;
import org.unrolled.document.Vocabulary;
import org.unrolled.engine.Evaluation;
import org.unrolled.engine.Feedback;
import org.unrolled.engine.Scenario;
import org.unrolled.engine.SequenceTrace;
import org.unrolled.engine.Trace;
import org.unrolled.view.NetworkLayout.Column;
import org.unrolled.view.NetworkLayout.ColumnKind;
import org.unrolled.view.draw.Pen;

/**
 * Draws one frame of the unrolled network: a pure function of the layout (trace, view settings,
 * size), the playback position and the hovered number. Layers, back to front: wires and arrows,
 * the LSTM highway, cells (the current one opened up), vectors, labels. Returns where each number
 * was drawn, for hovering.
 */
public final class NetworkPainter {
    private final Pen gc;
    private final NetworkLayout layout;
    private final Trace trace;
    private final StepSchedule timeline;
    private final double position;
    private final Palette palette;
    private final Hit hover;
    private final Set<Highlight> highlight;
    private final boolean hideUncomputed;
    private final Vocabulary words;
    private final List<Hit> hits = new ArrayList<>();
    private final SquaresPainter squares;
    private final CellPainter cells;

    private NetworkPainter(Pen gc, NetworkLayout layout, double position, Palette palette, Hit hover,
            Set<Highlight> highlight, boolean hideUncomputed, Vocabulary words) {
        this.gc = gc;
        this.layout = layout;
        this.trace = layout.trace();
        this.timeline = new StepSchedule(trace);
        this.position = position;
        this.palette = palette;
        this.hover = hover;
        this.highlight = highlight;
        this.hideUncomputed = hideUncomputed;
        this.words = words;
        this.squares = new SquaresPainter(gc, palette, hits);
        this.cells = new CellPainter(gc, layout, palette, squares);
    }

    /**
     * Paints a frame and returns the numbers drawn, with their places; {@code highlight}, {@code hideUncomputed}
     * and {@code words} as in {@link ViewSettings}.
     */
    public static List<Hit> paint(Pen gc, NetworkLayout layout, double position, Palette palette, Hit hover,
            Set<Highlight> highlight, boolean hideUncomputed, Vocabulary words) {
        NetworkPainter p = new NetworkPainter(gc, layout, position, palette, hover, highlight, hideUncomputed, words);
        p.paintAll();
        return p.hits;
    }

    /** How far step {@code g} is computed at the current position, 0 to 1. */
    private double progress(int g) {
        return Math.max(0, Math.min(1, position - (g - 1)));
    }

    private void paintAll() {
        gc.save();
        gc.setFill(palette.background());
        gc.fillRect(0, 0, layout.width(), layout.height());
        gc.setLineCap(StrokeLineCap.ROUND);
        phaseLabels();
        List<Column> cols = layout.columns();
        for (int i = 0; i < cols.size(); i++) {
            Column c = cols.get(i);
            Column next = i + 1 < cols.size() ? cols.get(i + 1) : null;
            if (layout.visible(c) || (next != null && layout.visible(next))) {
                wires(c, next);
            }
        }
        if (layout.hasHighway()) {
            HighwayPainter.paint(gc, layout, position, palette);
            GradientPainter.paintHighway(gc, layout, palette, position);
        }
        for (Column c : cols) {
            if (layout.visible(c)) {
                column(c);
            }
        }
        GradientPainter.paint(gc, layout, palette, position);
        pulse();
        int focus = timeline.inBackward(position) ? timeline.backwardCurrent(position) : StepSchedule.current(position);
        HighlightPainter.paint(gc, layout, palette, hits, highlight, focus);
        hoverOutline();
        gc.restore();
    }

    // ------------------------------------------------------------------ wires

    private void wires(Column c, Column next) {
        double y = layout.wireY();
        double from = c.kind() == ColumnKind.STEP ? layout.cellBox(c).right() : layout.stateBox(c).right();
        if (c.kind() == ColumnKind.INITIAL) {
            from = layout.stateBox(c).centerX();
        }
        double to = next == null ? layout.stateBox(c).right() : next.kind() == ColumnKind.STEP
                ? layout.cellBox(next).x() : layout.stateBox(next).x();
        boolean done = c.kind() != ColumnKind.STEP || progress(c.global()) >= 0.5;
        gc.setGlobalAlpha(done ? 1 : palette.fadedOpacity());
        double thick = Math.max(3, Math.min(6, layout.unit() * 0.035)) * palette.scale();
        Shapes.hLine(gc, from, to, y, thick, palette.wire());
        if (next != null) {
            Arrows.head(gc, to, y, 0, Math.max(10, layout.unit() * 0.09), palette.wire());
        }
        if (c.kind() == ColumnKind.STEP) {
            Rect cell = layout.cellBox(c);
            double alpha = progress(c.global()) > 0 ? 1 : palette.fadedOpacity();
            gc.setGlobalAlpha(alpha);
            // x_t goes up into the cell
            Rect in = layout.inputBox(c);
            Shapes.vLine(gc, cell.centerX(), in.y(), cell.bottom(), thick, palette.wire());
            Arrows.head(gc, cell.centerX(), cell.bottom(), -Math.PI / 2, Math.max(9, layout.unit() * 0.07), palette.wire());
            SequenceTrace seq = c.encoder() ? trace.encoder() : trace.steps();
            if (seq.hasOutput(c.t())) {
                gc.setGlobalAlpha(progress(c.global()) >= 0.75 ? 1 : palette.fadedOpacity());
                Rect out = layout.outputBox(c);
                Shapes.vLine(gc, cell.centerX(), cell.y(), out.bottom(), thick, palette.wire());
                Arrows.head(gc, cell.centerX(), out.bottom(), -Math.PI / 2, Math.max(9, layout.unit() * 0.07), palette.wire());
            }
            feedbackArrow(c);
        }
        gc.setGlobalAlpha(1);
    }

    /** y_{t-1} (free running) or target_{t-1} (teacher forcing) going into x_t. */
    private void feedbackArrow(Column c) {
        Scenario s = trace.scenario();
        if (c.encoder() || !s.mapping().usesFeedback() || c.t() < 2 || s.feedback() == Feedback.ZEROS) {
            return;
        }
        Column prev = columnOf(c.global() - 1);
        if (prev == null) {
            return;
        }
        boolean teacher = s.feedback() == Feedback.TEACHER_FORCING;
        Rect src = gridBounds(teacher ? layout.targetBox(prev) : outputSquaresBox(prev), trace.scenario().outputSize());
        Rect dst = gridBounds(layout.inputBox(c).inset(4), trace.scenario().inputSize());
        double gapX = (layout.stateBox(prev).right() + layout.cellBox(c).x()) / 2;
        double x0 = src.right();
        double y0 = src.centerY();
        double y1 = dst.centerY();
        double x1 = dst.x() - 2;
        gc.setGlobalAlpha(progress(c.global()) > 0 ? 1 : palette.fadedOpacity());
        gc.setStroke(teacher ? palette.teacher() : palette.feedback());
        gc.setLineWidth(Math.max(2.5, layout.unit() * 0.022));
        if (teacher) {
            gc.setLineDashes(10, 7);
        }
        // across, down through the gap between the columns, and into x_t from the left
        gc.strokePolyline(new double[] {x0, gapX, gapX, x1}, new double[] {y0, y0, y1, y1}, 4);
        gc.setLineDashes((double[]) null);
        Arrows.head(gc, x1, y1, 0, Math.max(9, layout.unit() * 0.07), teacher ? palette.teacher() : palette.feedback());
        gc.setGlobalAlpha(1);
    }

    /** Where the squares of an {@code n}-vector drawn in {@code box} actually are. */
    private Rect gridBounds(Rect box, int n) {
        return VectorGrid.fit(box, n, SquaresPainter.MAX_SQUARE * palette.scale()).bounds();
    }

    /** The part of the output box holding y's squares (the loss is printed under them). */
    private Rect outputSquaresBox(Column c) {
        Rect out = layout.outputBox(c);
        return new Rect(out.x(), out.y(), out.w(), out.h() * 0.78);
    }

    private Column columnOf(int global) {
        for (Column c : layout.columns()) {
            if (c.kind() == ColumnKind.STEP && c.global() == global) {
                return c;
            }
        }
        return null;
    }

    // ------------------------------------------------------------------ columns

    private void column(Column c) {
        switch (c.kind()) {
            case INITIAL -> initialColumn(c);
            case CONTEXT -> contextColumn(c);
            case STEP -> stepColumn(c);
        }
    }

    private void initialColumn(Column c) {
        Rect state = layout.stateBox(c);
        boolean encoder = trace.hasEncoder();
        squares.vector(VectorRef.of(encoder, 0, VectorRef.Kind.H), trace, plate(state), 1);
        label(state.centerX(), state.bottom() + fontSize() * 0.9, "h₀", true);
        if (layout.hasHighway()) {
            Rect hw = layout.highwayBox(c);
            squares.vector(VectorRef.of(encoder, 0, VectorRef.Kind.C), trace, plate(hw), 1);
            label(hw.centerX(), hw.y() - fontSize() * 0.6, "c₀", false);
        }
        // row names, on the left
        double x = c.x() + 4;
        rowName(x, layout.outputBox(c).centerY(), "y");
        rowName(x, layout.inputBox(c).centerY(), "x");
        rowName(x, layout.targetBox(c).centerY(), "target");
    }

    private void contextColumn(Column c) {
        int encoderEnd = trace.encoder().length();
        double alpha = progress(encoderEnd) >= 1 ? 1 : palette.fadedOpacity();
        Rect state = layout.stateBox(c);
        Rect capsule = new Rect(state.x() - 6, state.y() - 30, state.w() + 12, state.h() + 60);
        gc.setGlobalAlpha(alpha);
        gc.setFill(palette.contextFill());
        gc.fillRoundRect(capsule.x(), capsule.y(), capsule.w(), capsule.h(), 24, 24);
        gc.setStroke(palette.cellStroke());
        gc.setLineWidth(2.5);
        gc.strokeRoundRect(capsule.x(), capsule.y(), capsule.w(), capsule.h(), 24, 24);
        gc.setGlobalAlpha(1);
        squares.vector(VectorRef.of(true, encoderEnd, VectorRef.Kind.H), trace, state.inset(6), alpha);
        gc.setGlobalAlpha(alpha);
        label(capsule.centerX(), capsule.y() - fontSize() * 0.9, "C", true);
        smallLabel(capsule.centerX(), capsule.bottom() + fontSize() * 0.8, "context");
        smallLabel(capsule.centerX(), capsule.bottom() + fontSize() * 1.7, "= h_" + encoderEnd + " (enc)");
        gc.setGlobalAlpha(1);
    }

    private void stepColumn(Column c) {
        int g = c.global();
        double f = progress(g);
        boolean current = timeline.inBackward(position) ? g == timeline.backwardCurrent(position)
                : g == StepSchedule.current(position) && position > 0;
        SequenceTrace seq = c.encoder() ? trace.encoder() : trace.steps();
        cells.cell(c, seq, f, current);
        double valuesAlpha = f >= 0.5 ? 1 : palette.fadedOpacity();
        double inputAlpha = f > 0 ? 1 : palette.fadedOpacity();
        squares.vector(VectorRef.of(c.encoder(), c.t(), VectorRef.Kind.X), trace, layout.inputBox(c).inset(4), inputAlpha);
        String inWord = vocabulary().inputWord(seq.x(c.t()));
        if (inWord != null) {
            Rect in = layout.inputBox(c);
            word(in.centerX(), in.bottom() + wordSize() * 0.55, inWord, c.width(), inputAlpha, false);
        }
        // a question is asked: what is not computed yet stays blank instead of faded
        boolean hide = hideUncomputed;
        Rect state = layout.stateBox(c);
        if (hide && f < 0.5) {
            state = new Rect(state.x(), state.y(), 0, state.h());
        }
        if (state.w() > 8) {
            squares.vector(VectorRef.of(c.encoder(), c.t(), VectorRef.Kind.H), trace, plate(state), valuesAlpha);
        }
        if (layout.hasHighway() && state.w() > 8) {
            squares.vector(VectorRef.of(c.encoder(), c.t(), VectorRef.Kind.C), trace, plate(layout.highwayBox(c)), valuesAlpha);
        }
        if (seq.hasOutput(c.t()) && !(hide && f < 0.75)) {
            double outAlpha = f >= 0.75 ? 1 : palette.fadedOpacity();
            Rect out = layout.outputBox(c);
            squares.vector(VectorRef.of(c.encoder(), c.t(), VectorRef.Kind.Y), trace, outputSquaresBox(c), outAlpha);
            VectorRef targetRef = VectorRef.of(c.encoder(), c.t(), VectorRef.Kind.TARGET);
            int targetClass = Vocabulary.oneHotIndex(targetRef.values(trace));
            String targetWord = vocabulary().outputWord(targetClass);
            String lossText = "ℓ = " + Numbers.format(seq.stepLoss(c.t()));
            if (targetWord != null) {
                // a one-hot target says no more than its word: show the word
                Rect box = layout.targetBox(c);
                Rect at = word(box.centerX(), box.centerY(), targetWord, c.width() - 8, inputAlpha, true);
                hits.add(new Hit(targetRef, targetClass, at));
                String said = vocabulary().outputWord(Evaluation.argmax(seq.y(c.t())));
                String predicted = said + (said.equals(targetWord) ? " ✓" : " ✗");
                lossText = predicted + "  " + lossText;
                if (Measure.textWidth(lossText, smallSize(), false) >= c.width() - 6) {
                    lossText = predicted;
                }
            } else {
                squares.vector(targetRef, trace, layout.targetBox(c), inputAlpha);
            }
            if (Measure.textWidth(lossText, smallSize(), false) < c.width() - 6) {
                gc.setGlobalAlpha(outAlpha);
                smallLabel(out.centerX(), out.y() + out.h() * 0.9, lossText);
                gc.setGlobalAlpha(1);
            }
        }
        Rect lab = layout.labelBox(c);
        int every = labelEvery();
        int length = seq.length();
        if (current || (c.t() == 1 && every == 1) || c.t() == length || c.t() % every == 0) {
            gc.setGlobalAlpha(f > 0 ? 1 : 0.55);
            String text = layout.unit() >= 80 || current ? "t = " + c.t() : String.valueOf(c.t());
            label(lab.centerX(), lab.centerY(), text, current);
            gc.setGlobalAlpha(1);
        }
    }

    /**
     * The words, if they fit this network's sizes. The canvas is given a new trace and new words one
     * after the other (both before the next pulse): between the two, words of another document label
     * nothing rather than index past their end.
     */
    private Vocabulary vocabulary() {
        Scenario s = trace.scenario();
        boolean fits = (words.inputs().isEmpty() || words.inputs().size() == s.inputSize())
                && (words.outputs().isEmpty() || words.outputs().size() == s.outputSize());
        return fits ? words : Vocabulary.NONE;
    }

    private double wordSize() {
        return Math.max(13, fontSize() * 0.72);
    }

    /**
     * A word of the vocabulary centred at (x, y), shortened to fit {@code room} pixels (nothing when not even
     * two letters fit); returns where it was drawn.
     */
    private Rect word(double x, double y, String text, double room, double alpha, boolean bold) {
        double size = bold ? Math.max(14, fontSize() * 0.8) : wordSize();
        String shown = Measure.shortened(text, bold ? Fonts.bold(size) : Fonts.regular(size), room - 4);
        double w = Math.max(Measure.textWidth(shown, size, bold), 4);
        Rect at = new Rect(x - w / 2, y - size * 0.6, w, size * 1.2);
        if (shown.isEmpty()) {
            return at;
        }
        gc.setGlobalAlpha(alpha);
        gc.setFill(palette.background()); // a plate, so that wires behind do not cross the letters
        gc.fillRect(at.x() - 3, at.y(), at.w() + 6, at.h());
        gc.setFill(bold ? palette.text() : palette.mutedText());
        gc.setFont(bold ? Fonts.bold(size) : Fonts.regular(size));
        gc.setTextAlign(TextAlignment.CENTER);
        gc.setTextBaseline(VPos.CENTER);
        gc.fillText(shown, x, y);
        gc.setGlobalAlpha(1);
        return at;
    }

    /** A white plate behind a vector on a wire, so that the wire does not run through the squares. */
    private Rect plate(Rect box) {
        return box.inset(2);
    }

    // ------------------------------------------------------------------ labels and overlays

    /** Label every k-th step so that labels never overlap: k in 1, 2, 5, 10, 20, 50, ... */
    private int labelEvery() {
        double needed = fontSize() * 0.62 * 4 + 8;
        int[] steps = {1, 2, 5};
        for (int scale = 1; ; scale *= 10) {
            for (int k : steps) {
                if (k * scale * layout.unit() >= needed || k * scale >= 100_000) {
                    return k * scale;
                }
            }
        }
    }

    private double fontSize() {
        return Math.max(16, Math.min(28, layout.unit() * 0.16 + 6)) * palette.scale();
    }

    private void label(double x, double y, String text, boolean bold) {
        // a plate of background so that wires behind the label do not cross the letters
        double w = Measure.textWidth(text, fontSize(), bold) + 8;
        gc.setFill(palette.background());
        gc.fillRect(x - w / 2, y - fontSize() * 0.65, w, fontSize() * 1.3);
        gc.setFill(palette.text());
        gc.setFont(bold ? Fonts.bold(fontSize()) : Fonts.regular(fontSize()));
        gc.setTextAlign(TextAlignment.CENTER);
        gc.setTextBaseline(VPos.CENTER);
        gc.fillText(text, x, y);
    }

    /** The size of the small labels (the loss under an output). */
    private double smallSize() {
        return Math.max(13, fontSize() * 0.72);
    }

    private void smallLabel(double x, double y, String text) {
        gc.setFill(palette.mutedText());
        gc.setFont(Fonts.regular(smallSize()));
        gc.setTextAlign(TextAlignment.CENTER);
        gc.setTextBaseline(VPos.CENTER);
        gc.fillText(text, x, y);
    }

    private void rowName(double x, double y, String text) {
        gc.setFill(palette.mutedText());
        gc.setFont(Fonts.bold(Math.max(14, fontSize() * 0.8)));
        gc.setTextAlign(TextAlignment.LEFT);
        gc.setTextBaseline(VPos.CENTER);
        gc.fillText(text, x, y);
    }

    private void phaseLabels() {
        if (!trace.hasEncoder()) {
            return;
        }
        double encLeft = Double.NaN;
        double encRight = Double.NaN;
        double decLeft = Double.NaN;
        double decRight = Double.NaN;
        for (Column c : layout.columns()) {
            if (c.kind() != ColumnKind.STEP) {
                continue;
            }
            Rect cell = layout.cellBox(c);
            if (c.encoder()) {
                encLeft = Double.isNaN(encLeft) ? cell.x() : encLeft;
                encRight = cell.right();
            } else {
                decLeft = Double.isNaN(decLeft) ? cell.x() : decLeft;
                decRight = cell.right();
            }
        }
        bracket(encLeft, encRight, "encoder (reads x)");
        bracket(decLeft, decRight, "decoder (writes y)");
    }

    private void bracket(double left, double right, String text) {
        double y = layout.phaseTop() + fontSize() * 0.7;
        gc.setStroke(palette.mutedText());
        gc.setLineWidth(2);
        gc.strokeLine(left, y + fontSize() * 0.7, right, y + fontSize() * 0.7);
        double mid = Math.max(left + 80, Math.min(right - 80, (Math.max(left, 0) + Math.min(right, layout.width())) / 2));
        gc.setFill(palette.background());
        double w = Measure.textWidth(text, fontSize(), true);
        gc.fillRect(mid - w / 2, y - fontSize() * 0.2, w, fontSize() * 1.3);
        label(mid, y + fontSize() * 0.45, text, true);
    }

    /** A bright dot carrying values along the wire into the step being computed. */
    private void pulse() {
        if (timeline.inBackward(position)) {
            return;
        }
        int k = (int) Math.floor(position);
        double f = position - k;
        if (f <= 0.001) {
            return;
        }
        Column target = columnOf(k + 1);
        if (target == null) {
            return;
        }
        Rect cell = layout.cellBox(target);
        double r = Math.max(7, layout.unit() * 0.05);
        double x;
        double y;
        if (f < 0.5) {
            // along the hidden-state wire into the cell
            double from = cell.x() - Math.max(40, layout.unit() * 0.4);
            x = from + (cell.x() + r - from) * (f / 0.5);
            y = layout.wireY();
        } else if (!target.encoder() && trace.steps().hasOutput(target.t())) {
            // up from the cell to the output
            Rect out = layout.outputBox(target);
            double s = (f - 0.5) / 0.5;
            x = cell.centerX();
            y = cell.y() + (out.bottom() - cell.y()) * s;
        } else {
            x = cell.right() - r;
            y = layout.wireY();
        }
        gc.setFill(palette.currentStroke());
        gc.fillOval(x - r, y - r, 2 * r, 2 * r);
        gc.setFill(palette.currentFill());
        gc.fillOval(x - r * 0.55, y - r * 0.55, 1.1 * r, 1.1 * r);
    }

    private void hoverOutline() {
        if (hover == null) {
            return;
        }
        for (Hit h : hits) {
            if (h.ref().equals(hover.ref()) && h.index() == hover.index()) {
                Rect a = h.area();
                gc.setStroke(palette.currentStroke());
                gc.setLineWidth(3);
                gc.strokeRect(a.x() - 1.5, a.y() - 1.5, a.w() + 3, a.h() + 3);
                gc.setStroke(Color.WHITE);
                gc.setLineWidth(1);
                gc.strokeRect(a.x() + 0.5, a.y() + 0.5, a.w() - 1, a.h() - 1);
                return;
            }
        }
    }
}
