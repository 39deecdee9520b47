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
import org.unrolled.view.draw.RecordingPen;

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
    private VectorShapes shapes = new VectorShapes();
    private Boolean inputWords;
    /** The strings drawn, when a lesson rings something (null otherwise). */
    private RecordingPen labels;
    /** The share of the output row holding y's squares; under them, the output's word and its loss. */
    static final double OUTPUT_SQUARES_SHARE = 0.72;

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
        this.squares = new SquaresPainter(gc, palette, hits, layout.minText());
        this.cells = new CellPainter(gc, layout, palette, squares);
    }

    /**
     * Paints a frame and returns the numbers drawn, with their places; {@code highlight}, {@code hideUncomputed}
     * and {@code words} as in {@link ViewSettings}.
     */
    public static List<Hit> paint(Pen gc, NetworkLayout layout, double position, Palette palette, Hit hover,
            Set<Highlight> highlight, boolean hideUncomputed, Vocabulary words) {
        // a lesson's rings go round the labels they would cross, so the strings drawn under them are noted
        RecordingPen labels = highlight.isEmpty() ? null : new RecordingPen(gc, Measure.METRICS);
        NetworkPainter p = new NetworkPainter(labels == null ? gc : labels, layout, position, palette, hover, highlight,
                hideUncomputed, words);
        p.labels = labels;
        p.paintAll();
        return p.hits;
    }

    /** How far step {@code g} is computed at the current position, 0 to 1. */
    private double progress(int g) {
        return Math.max(0, Math.min(1, position - (g - 1)));
    }

    /**
     * Before painting: the box every vector will be drawn in, so that each kind of vector gets one shape
     * across the frame (see {@link VectorShapes}). The boxes are the ones {@link #column} uses.
     */
    private void decideShapes() {
        VectorShapes shapes = new VectorShapes();
        for (Column c : layout.columns()) {
            switch (c.kind()) {
                case INITIAL -> {
                    shapes.add(VectorRef.Kind.H, plate(layout.stateBox(c)));
                    if (layout.hasHighway()) {
                        shapes.add(VectorRef.Kind.C, plate(layout.highwayBox(c)));
                    }
                }
                case CONTEXT -> shapes.add(VectorRef.Kind.H, layout.stateBox(c).inset(6));
                case STEP -> {
                    shapes.add(VectorRef.Kind.X, layout.inputBox(c).inset(4));
                    Rect state = layout.stateBox(c);
                    if (state.w() > 8) {
                        shapes.add(VectorRef.Kind.H, plate(state));
                        if (layout.hasHighway()) {
                            shapes.add(VectorRef.Kind.C, plate(layout.highwayBox(c)));
                        }
                    }
                    SequenceTrace seq = c.encoder() ? trace.encoder() : trace.steps();
                    if (seq.hasOutput(c.t())) {
                        shapes.add(VectorRef.Kind.Y, outputSquaresBox(c));
                        shapes.add(VectorRef.Kind.TARGET, layout.targetBox(c));
                    }
                }
            }
        }
        Scenario s = trace.scenario();
        double max = SquaresPainter.MAX_SQUARE * palette.scale();
        double numbers = SquaresPainter.MIN_SQUARE_FOR_NUMBER;
        shapes.decide(VectorRef.Kind.H, s.hiddenSize(), max, numbers);
        shapes.decide(VectorRef.Kind.C, s.hiddenSize(), max, numbers);
        shapes.decide(VectorRef.Kind.X, s.inputSize(), max, numbers);
        shapes.decide(VectorRef.Kind.Y, s.outputSize(), max, numbers);
        squares.useShapes(shapes);
        this.shapes = shapes;
    }

    private void paintAll() {
        decideShapes();
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
            outputWires();
        }
        for (Column c : cols) {
            if (layout.visible(c)) {
                column(c);
            }
        }
        GradientPainter.paint(gc, layout, palette, position);
        pulse();
        int focus = timeline.inBackward(position) ? timeline.backwardCurrent(position) : StepSchedule.current(position);
        HighlightPainter.paint(gc, layout, palette, hits, highlight, focus, labels == null ? List.of() : labels.texts());
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
            if (seq.hasOutput(c.t()) && !layout.hasHighway()) {
                outputWire(c, thick); // an LSTM's crosses the highway: drawn over it, see outputWires
            }
            feedbackArrow(c);
        }
        gc.setGlobalAlpha(1);
    }

    /** h_t up to y_t (see {@link OutputRoute}). */
    private void outputWire(Column c, double thick) {
        gc.setGlobalAlpha(progress(c.global()) >= 0.75 ? 1 : palette.fadedOpacity());
        OutputRoute.of(layout, c, palette).paint(gc, layout, palette, thick, Math.max(9, layout.unit() * 0.07));
        gc.setGlobalAlpha(1);
    }

    /** For an LSTM, after the highway: each output wire crosses the band over a gap, not through a junction. */
    private void outputWires() {
        double thick = Math.max(3, Math.min(6, layout.unit() * 0.035)) * palette.scale();
        for (Column c : layout.columns()) {
            if (c.kind() == ColumnKind.STEP && layout.visible(c)
                    && (c.encoder() ? trace.encoder() : trace.steps()).hasOutput(c.t())) {
                outputWire(c, thick);
            }
        }
    }

    /** Whether x_t of column {@code c} is fed back from the step before: y_{t-1}, or target_{t-1} with teacher forcing. */
    private boolean fedBack(Column c) {
        Scenario s = trace.scenario();
        return !c.encoder() && s.mapping().usesFeedback() && c.t() >= 2 && s.feedback() != Feedback.ZEROS;
    }

    /** y_{t-1} (free running) or target_{t-1} (teacher forcing) going into x_t. */
    private void feedbackArrow(Column c) {
        Scenario s = trace.scenario();
        if (!fedBack(c) || hideUncomputed && progress(c.global()) <= 0) {
            return; // (while a question is asked, what a step not yet computed will read is not shown)
        }
        Column prev = columnOf(c.global() - 1);
        if (prev == null) {
            return;
        }
        boolean teacher = s.feedback() == Feedback.TEACHER_FORCING;
        Rect src = gridBounds(teacher ? layout.targetBox(prev) : outputSquaresBox(prev), trace.scenario().outputSize(),
                VectorRef.Kind.Y);
        Rect dst = gridBounds(inputSquaresBox(c), trace.scenario().inputSize(), VectorRef.Kind.X);
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

    /** Where the squares of an {@code n}-vector of {@code kind} drawn in {@code box} actually are. */
    private Rect gridBounds(Rect box, int n, VectorRef.Kind kind) {
        return VectorGrid.fit(box, n, SquaresPainter.MAX_SQUARE * palette.scale(), shapes.columns(kind)).bounds();
    }

    /** The part of the input band holding x's squares: above the input word, when there are words. */
    private Rect inputSquaresBox(Column c) {
        Rect in = layout.inputBox(c).inset(4);
        if (!hasInputWords()) {
            return in;
        }
        return new Rect(in.x(), in.y(), in.w(), Math.max(2, in.h() - wordSize() * 1.3));
    }

    /** Whether any input of the sequence is shown as a word (then every column keeps room for one). */
    private boolean hasInputWords() {
        if (inputWords == null) {
            inputWords = false;
            for (SequenceTrace seq : trace.hasEncoder() ? List.of(trace.encoder(), trace.steps()) : List.of(trace.steps())) {
                for (int t = 1; t <= seq.length() && !inputWords; t++) {
                    inputWords = vocabulary().inputWord(seq.x(t)) != null;
                }
            }
        }
        return inputWords;
    }

    /** How wide a label centred at {@code x} may be and stay inside column {@code c}, with a small gap. */
    private static double roomAt(Column c, double x) {
        return 2 * Math.min(x - c.x(), c.right() - x) - 6;
    }

    /** {@code x}, moved just enough that a label {@code w} wide centred there stays inside column {@code c}. */
    private static double inside(Column c, double x, double w) {
        return Math.max(c.x() + 3 + w / 2, Math.min(c.right() - 3 - w / 2, x));
    }

    /** The part of the output box holding y's squares (the loss is printed under them). */
    private Rect outputSquaresBox(Column c) {
        Rect out = layout.outputBox(c);
        return new Rect(out.x(), out.y(), out.w(), out.h() * OUTPUT_SQUARES_SHARE);
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
            // above c0's squares, below the target row
            double top = Math.max(layout.outputTop(), layout.targetBox(c).centerY() + layout.legible(fontSize() * 0.8) * 0.6 + 2);
            double size = Math.min(fontSize(), (hw.y() - 2 - top) / 1.2);
            if (size >= layout.minText()) {
                label(hw.centerX(), hw.y() - 2 - size * 0.6, "c₀", false, size);
            }
        }
        // row names, on the left
        double x = c.x() + 4;
        double rowSize = Math.min(layout.legible(fontSize() * 0.8),
                Math.max(layout.minText(), (layout.outputBox(c).centerY() - layout.targetBox(c).centerY()) / 1.25));
        rowName(x, layout.outputBox(c).centerY(), "y", rowSize);
        rowName(x, layout.inputBox(c).centerY(), "x", rowSize);
        rowName(x, layout.targetBox(c).centerY(), "target", rowSize);
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
        // "C", and over it what C is: above the capsule, where the context column has nothing else
        double cy = capsule.y() - fontSize() * 0.75;
        label(capsule.centerX(), cy, "C", true);
        double room = c.width() - 8;
        double small = Measure.fit("= h_" + encoderEnd + " (enc)", false, room, layout.legible(fontSize() * 0.72), layout.minText());
        double above = layout.targetBox(c).y();
        if (!Double.isNaN(small) && cy - fontSize() * 0.6 - small * 2.6 >= above) {
            fittedLabel(c, capsule.centerX(), cy - fontSize() * 0.6 - small * 0.75, "= h_" + encoderEnd + " (enc)", small * 1.15);
            fittedLabel(c, capsule.centerX(), cy - fontSize() * 0.6 - small * 2.0, "context", small * 1.15);
        }
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
        // a question is asked: an input fed back from the step before (its target or output) would give that
        // step's answer away before it is computed, so it stays blank too
        boolean inputHidden = hideUncomputed && f <= 0 && fedBack(c);
        if (!inputHidden) {
            squares.vector(VectorRef.of(c.encoder(), c.t(), VectorRef.Kind.X), trace, inputSquaresBox(c), inputAlpha);
        }
        String inWord = inputHidden ? null : vocabulary().inputWord(seq.x(c.t()));
        if (inWord != null) {
            Rect in = layout.inputBox(c);
            word(c, in.centerX(), in.bottom() - wordSize() * 0.65, inWord, inputAlpha, false);
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
                Rect at = word(c, box.centerX(), box.centerY(), targetWord, inputAlpha, true);
                hits.add(new Hit(targetRef, targetClass, at));
                String said = vocabulary().outputWord(Evaluation.argmax(seq.y(c.t())));
                String predicted = said + (said.equals(targetWord) ? " ✓" : " ✗");
                String both = predicted + "  " + lossText;
                double room = c.width() - 6;
                lossText = fits(both, room) ? both : fits(predicted + " " + lossText.replace(" = ", "="), room)
                        ? predicted + " " + lossText.replace(" = ", "=") : predicted;
            } else {
                squares.vector(targetRef, trace, layout.targetBox(c), inputAlpha);
            }
            gc.setGlobalAlpha(outAlpha);
            double band = out.h() * (1 - OUTPUT_SQUARES_SHARE);
            fittedLabel(c, out.centerX(), out.bottom() - band / 2, lossText, band);
            gc.setGlobalAlpha(1);
        }
        Rect lab = layout.labelBox(c);
        int every = labelEvery();
        int length = seq.length();
        if (current || (c.t() == 1 && every == 1) || c.t() == length || c.t() % every == 0) {
            gc.setGlobalAlpha(f > 0 ? 1 : 0.55);
            String text = layout.unit() >= 80 || current ? "t = " + c.t() : String.valueOf(c.t());
            double size = Math.min(fontSize(), lab.h() / 1.2);
            double room = current ? roomAt(c, lab.centerX()) : every * layout.unit() - 6;
            double preferred = size;
            size = Measure.fit(text, current, room, preferred, layout.minText());
            if (Double.isNaN(size) && current) {
                text = String.valueOf(c.t());
                size = Measure.fit(text, true, room, Math.min(fontSize(), lab.h() / 1.2), layout.minText());
            }
            if (!Double.isNaN(size)) {
                label(lab.centerX(), lab.centerY(), text, current, size);
            }
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
        return layout.legible(fontSize() * 0.72);
    }

    /** Whether a small label fits {@code room} at the smallest text (it is drawn larger where it can be). */
    private boolean fits(String text, double room) {
        return Measure.textWidth(text, layout.minText(), false) <= room;
    }

    /**
     * A word of the vocabulary centred at (x, y), shortened to fit {@code room} pixels (nothing when not even
     * two letters fit); returns where it was drawn.
     */
    private Rect word(Column c, double x, double y, String text, double alpha, boolean bold) {
        double room = c.width() - 6;
        double preferred = bold ? layout.legible(fontSize() * 0.8) : wordSize();
        // the whole word, smaller if need be; only when even the smallest text is too wide, its first letters
        double size = Measure.fit(text, bold, room - 4, preferred, layout.minText());
        String shown = text;
        if (Double.isNaN(size)) {
            size = layout.minText();
            shown = "";
            for (int k = text.length() - 1; k >= 2; k--) {
                if (Measure.textWidth(text.substring(0, k) + "…", size, bold) <= room - 4) {
                    shown = text.substring(0, k) + "…";
                    break;
                }
            }
        }
        double w = Math.max(Measure.textWidth(shown, size, bold), 4);
        x = inside(c, x, w);
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
        double needed = Measure.textWidth(String.valueOf(timeline.length()), layout.legible(Math.min(fontSize(),
                layout.labelBox(layout.columns().get(0)).h() / 1.2)), false) + 10;
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
        return layout.legible(Math.max(16, Math.min(28, layout.unit() * 0.16 + 6)) * palette.scale());
    }

    private void label(double x, double y, String text, boolean bold) {
        label(x, y, text, bold, fontSize());
    }

    private void label(double x, double y, String text, boolean bold, double size) {
        // a plate of background so that wires behind the label do not cross the letters
        double w = Measure.textWidth(text, size, bold) + 8;
        gc.setFill(palette.background());
        gc.fillRect(x - w / 2, y - size * 0.6, w, size * 1.2);
        gc.setFill(palette.text());
        gc.setFont(bold ? Fonts.bold(size) : Fonts.regular(size));
        gc.setTextAlign(TextAlignment.CENTER);
        gc.setTextBaseline(VPos.CENTER);
        gc.fillText(text, x, y);
    }

    /** A small label at most {@code room} wide and {@code height} tall, shrunk to fit down to the smallest text. */
    private void fittedLabel(Column c, double x, double y, String text, double height) {
        double size = Measure.fit(text, false, c.width() - 6, Math.min(layout.legible(fontSize() * 0.72), Math.max(height, 1) / 1.15),
                layout.minText());
        if (height < layout.minText() * 1.1) {
            return; // no room for even the smallest text: the hover card and the side panel say it
        }
        if (Double.isNaN(size)) {
            return;
        }
        gc.setFill(palette.mutedText());
        gc.setFont(Fonts.regular(size));
        gc.setTextAlign(TextAlignment.CENTER);
        gc.setTextBaseline(VPos.CENTER);
        x = inside(c, x, Measure.textWidth(text, size, false));
        gc.fillText(text, x, y);
    }

    private void smallLabel(double x, double y, String text) {
        gc.setFill(palette.mutedText());
        gc.setFont(Fonts.regular(layout.legible(fontSize() * 0.72)));
        gc.setTextAlign(TextAlignment.CENTER);
        gc.setTextBaseline(VPos.CENTER);
        gc.fillText(text, x, y);
    }

    private void rowName(double x, double y, String text, double size) {
        gc.setFill(palette.mutedText());
        gc.setFont(Fonts.bold(size));
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
        // the band above the target row: the label and its line stay in it
        Column first = layout.columns().get(0);
        double band = layout.targetBox(first).y() - layout.phaseTop() - 2;
        double size = Measure.fit(text, true, Math.max(0, right - left), Math.min(fontSize(), band / 1.6), layout.minText());
        if (Double.isNaN(size)) {
            size = Math.min(fontSize(), band / 1.6);
            text = text.substring(0, text.indexOf(' '));
        }
        double y = layout.phaseTop() + size * 0.6;
        double lineY = layout.phaseTop() + size * 1.3;
        gc.setStroke(palette.mutedText());
        gc.setLineWidth(2);
        gc.strokeLine(left, lineY, right, lineY);
        double w = Measure.textWidth(text, size, true);
        double mid = Math.max(left + w / 2 + 4, Math.min(right - w / 2 - 4,
                (Math.max(left, 0) + Math.min(right, layout.width())) / 2));
        mid = Math.max(w / 2 + 4, Math.min(layout.width() - w / 2 - 4, mid));
        label(mid, y, text, true, size);
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
            // up from the cell to the output, along the wire
            double[] at = OutputRoute.of(layout, target, palette).at((f - 0.5) / 0.5);
            x = at[0];
            y = at[1];
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
