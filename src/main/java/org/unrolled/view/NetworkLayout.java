package org.unrolled.view;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.unrolled.engine.CellType;
import org.unrolled.engine.Trace;

/**
 * Where everything goes on the canvas, as a pure function of the trace, the playback position, the
 * view settings and the canvas size. Columns run left to right: the initial state, the steps (the
 * encoder's, the context C and the decoder's for seq2seq). The column of the current step widens
 * smoothly ("fisheye") so that the cell can show its insides; the rest keep their size.
 */
public final class NetworkLayout {

    /** What a column holds. */
    public enum ColumnKind { INITIAL, STEP, CONTEXT }

    /**
     * One column.
     *
     * @param global the global step for {@link ColumnKind#STEP} columns (see {@link StepSchedule}), else 0
     * @param focus  1 for the fully opened current cell, falling to 0 one column away
     */
    public record Column(ColumnKind kind, boolean encoder, int t, int global, double x, double width, double focus) {
        public double right() {
            return x + width;
        }
    }

    private static final double INITIAL_WEIGHT = 0.8;
    private static final double MIN_SPECIAL_WIDTH = 96;
    private static final double CONTEXT_WEIGHT = 1.0;
    /** The narrowest column "fit" makes to show a long sequence whole. */
    private static final double FIT_MIN_UNIT = 2;
    /** Space kept free at the left and right edges. */
    public static final double MARGIN = 24;

    private final Trace trace;
    private final double width;
    private final double height;
    private final double unit;
    private final List<Column> columns;
    private final boolean highway;
    private final double minText;

    // horizontal bands (top, height) in pixels
    private final double phaseTop;
    private final double targetTop;
    private final double targetHeight;
    private final double outputTop;
    private final double outputHeight;
    private final double highwayY;
    private final double cellTop;
    private final double cellHeight;
    private final double labelTop;
    private final double inputTop;
    private final double inputHeight;

    private NetworkLayout(Trace trace, ViewSettings view, double position, double width, double height) {
        this.trace = trace;
        this.width = width;
        this.height = height;
        this.highway = trace.scenario().cell() == CellType.LSTM;
        this.minText = view.minText();
        double h = height;
        phaseTop = 0.01 * h;
        // seq2seq names its encoder and decoder in a band at the top: on a short canvas the rows below
        // make room for it rather than run into its labels
        targetTop = trace.hasEncoder() ? Math.max(0.065 * h, 56) : 0.065 * h;
        targetHeight = 0.065 * h;
        outputTop = Math.max(0.14 * h, targetTop + targetHeight + 4);
        highwayY = 0.335 * h;
        cellTop = highway ? 0.385 * h : 0.33 * h;
        // the output row ends above the highway (LSTM) or the cells, however little room is left
        double outputEnd = highway ? highwayY - 0.02 * h : cellTop - 4;
        outputHeight = Math.max(16, Math.min(0.14 * h, outputEnd - outputTop));
        cellHeight = 0.73 * h - cellTop;
        labelTop = 0.74 * h;
        inputTop = 0.80 * h;
        inputHeight = 0.15 * h;

        List<double[]> weights = new ArrayList<>();
        List<Column> proto = prototypeColumns(trace);
        double focusColumn = focusColumn(proto, trace, position);
        double focusWidth = Math.min(0.6 * width, Math.max(380, Math.min(560, 0.3 * width)));
        double baseUnit = view.fit() ? fitUnit(proto, width, focusWidth) : view.unit();
        // "fit" shows every step while each gets a few pixels (T = 200 on a 1024 px projector); a longer
        // sequence, whose steps could not be told apart, falls back to the smallest zoom and follows the focus
        boolean fitsWhole = view.fit() && baseUnit >= FIT_MIN_UNIT;
        this.unit = Math.max(fitsWhole ? FIT_MIN_UNIT : ViewSettings.MIN_UNIT, Math.min(ViewSettings.MAX_UNIT, baseUnit));
        double expand = Math.max(0, focusWidth / unit - 1);
        double total = 0;
        double focusCenter = 0;
        for (int i = 0; i < proto.size(); i++) {
            Column c = proto.get(i);
            double phi = c.kind() == ColumnKind.STEP ? Math.max(0, 1 - Math.abs(i - focusColumn)) : 0;
            double w = unit * (baseWeight(c.kind()) + expand * phi);
            if (c.kind() != ColumnKind.STEP) {
                w = Math.max(w, MIN_SPECIAL_WIDTH); // room for h0, C and the row names at any zoom
            }
            weights.add(new double[] {total, w, phi});
            if (Math.abs(i - focusColumn) < 0.5 || (i == proto.size() - 1 && focusColumn >= i)) {
                focusCenter = total + w / 2;
            }
            total += w;
        }
        double origin = origin(view, total, focusCenter);
        List<Column> out = new ArrayList<>(proto.size());
        for (int i = 0; i < proto.size(); i++) {
            Column c = proto.get(i);
            double[] w = weights.get(i);
            out.add(new Column(c.kind(), c.encoder(), c.t(), c.global(), origin + w[0], w[1], w[2]));
        }
        this.columns = Collections.unmodifiableList(out);
    }

    public static NetworkLayout compute(Trace trace, ViewSettings view, double position, double width, double height) {
        return new NetworkLayout(trace, view, position, width, height);
    }

    private static double baseWeight(ColumnKind kind) {
        return switch (kind) {
            case INITIAL -> INITIAL_WEIGHT;
            case CONTEXT -> CONTEXT_WEIGHT;
            case STEP -> 1;
        };
    }

    private static List<Column> prototypeColumns(Trace trace) {
        List<Column> cols = new ArrayList<>();
        cols.add(new Column(ColumnKind.INITIAL, trace.hasEncoder(), 0, 0, 0, 0, 0));
        StepSchedule timeline = new StepSchedule(trace);
        for (int g = 1; g <= timeline.length(); g++) {
            if (trace.hasEncoder() && g == timeline.encoderLength() + 1) {
                cols.add(new Column(ColumnKind.CONTEXT, false, 0, 0, 0, 0, 0));
            }
            cols.add(new Column(ColumnKind.STEP, timeline.isEncoder(g), timeline.localStep(g), g, 0, 0, 0));
        }
        return cols;
    }

    /** The continuous column index of the focus at position {@code p} (see {@link StepSchedule#focus}). */
    private static double focusColumn(List<Column> proto, Trace trace, double p) {
        double g = new StepSchedule(trace).focus(p);
        int k = (int) Math.floor(g);
        double f = g - k;
        double from = columnOf(proto, k);
        double to = columnOf(proto, k + 1);
        return to < 0 || f == 0 ? from : from + f * (to - from);
    }

    private static int columnOf(List<Column> proto, int global) {
        if (global <= 0) {
            return 0;
        }
        for (int i = 0; i < proto.size(); i++) {
            if (proto.get(i).kind() == ColumnKind.STEP && proto.get(i).global() == global) {
                return i;
            }
        }
        return -1;
    }

    private static double fitUnit(List<Column> proto, double width, double focusWidth) {
        double steps = 0;
        double special = 0;
        for (Column c : proto) {
            if (c.kind() == ColumnKind.STEP) {
                steps++;
            } else {
                special += MIN_SPECIAL_WIDTH;
            }
        }
        double available = width - 2 * MARGIN - focusWidth - special;
        double unit = steps > 1 ? available / (steps - 1) : available;
        // a special column wider than its minimum at this unit takes the extra room from the steps
        double extra = 0;
        for (Column c : proto) {
            if (c.kind() != ColumnKind.STEP) {
                extra += Math.max(0, unit * baseWeight(c.kind()) - MIN_SPECIAL_WIDTH);
            }
        }
        return steps > 1 ? (available - extra) / (steps - 1) : available;
    }

    /** The x of the first column: centred if everything fits, else following the focus or panned. */
    private double origin(ViewSettings view, double total, double focusCenter) {
        double room = width - 2 * MARGIN;
        if (total <= room) {
            return MARGIN + (room - total) / 2;
        }
        double x = view.follow() ? width * 0.4 - focusCenter : MARGIN - view.pan();
        double min = width - MARGIN - total;
        return Math.max(min, Math.min(MARGIN, x));
    }

    // ------------------------------------------------------------------ queries

    public Trace trace() {
        return trace;
    }

    /** The smallest text the painters may draw here (see {@link ViewSettings#minText}). */
    public double minText() {
        return minText;
    }

    /** {@code size}, raised to the smallest legible text if below it. */
    public double legible(double size) {
        return Math.max(minText, size);
    }

    public double width() {
        return width;
    }

    public double height() {
        return height;
    }

    /** Pixels per ordinary column. */
    public double unit() {
        return unit;
    }

    public boolean hasHighway() {
        return highway;
    }

    public List<Column> columns() {
        return columns;
    }

    /** The pan, in pixels from the start of the content, that shows what this layout shows. */
    public double pan() {
        return columns.isEmpty() ? 0 : MARGIN - columns.get(0).x();
    }

    /** Whether any part of column {@code c} is on the canvas. */
    public boolean visible(Column c) {
        return c.right() >= 0 && c.x() <= width;
    }

    /** The band at the very top naming the encoder and decoder halves. */
    public double phaseTop() {
        return phaseTop;
    }

    /** The cell box of a step column: the left part of the column; the rest carries h to the next. */
    public Rect cellBox(Column c) {
        double frac = 0.58 + 0.17 * c.focus();
        double w = c.width() * frac;
        double pad = Math.min(10, c.width() * 0.05);
        return new Rect(c.x() + pad, cellTop, w - pad, cellHeight);
    }

    /** Where {@code h_t} travels to the next column: the gap right of the cell, around the wire. */
    public Rect stateBox(Column c) {
        if (c.kind() != ColumnKind.STEP) {
            return new Rect(c.x() + c.width() * 0.15, cellTop + cellHeight * 0.2, c.width() * 0.7, cellHeight * 0.6);
        }
        Rect cell = cellBox(c);
        double gap = c.right() - cell.right();
        double pad = Math.min(8, gap * 0.1);
        return new Rect(cell.right() + pad, cellTop + cellHeight * 0.25, Math.max(0, gap - 2 * pad), cellHeight * 0.5);
    }

    /** The y of the wire that carries the hidden state. */
    public double wireY() {
        return cellTop + cellHeight / 2;
    }

    /** The y of the LSTM cell-state highway. */
    public double highwayY() {
        return highwayY;
    }

    /** Where {@code c_t} rides on the highway, right of the cell. */
    public Rect highwayBox(Column c) {
        Rect state = stateBox(c);
        double h = Math.min(cellTop - (outputTop + outputHeight) - 8, state.h() * 0.6);
        return new Rect(state.x(), highwayY - h / 2, state.w(), h);
    }

    /** Inside of a cell box, where an opened cell draws its gates. */
    public Rect cellInside(Column c) {
        return cellBox(c).inset(Math.min(14, cellBox(c).w() * 0.06));
    }

    /**
     * x of the forget junction (⊗) on the highway: over the f gate of an opened LSTM cell, whose gates
     * are drawn in the order f, i, g, o, and at 15% of a closed one.
     */
    public double forgetJunctionX(Column c) {
        Rect in = cellInside(c);
        return in.x() + in.w() * (0.15 + (0.125 - 0.15) * c.focus());
    }

    /**
     * x of the input junction (⊕): between the i and g gates of an opened cell, a little right of the middle
     * of a closed one; h_t leaves further right (see OutputRoute), so that its wire to y never meets the ⊕.
     */
    public double inputJunctionX(Column c) {
        Rect in = cellInside(c);
        return in.x() + in.w() * (0.55 - 0.05 * c.focus());
    }

    public Rect inputBox(Column c) {
        Rect cell = cellBox(c);
        return new Rect(cell.x(), inputTop, cell.w(), inputHeight);
    }

    public Rect outputBox(Column c) {
        Rect cell = cellBox(c);
        return new Rect(cell.x(), outputTop, cell.w(), outputHeight);
    }

    public Rect targetBox(Column c) {
        Rect cell = cellBox(c);
        return new Rect(cell.x() + cell.w() * 0.2, targetTop, cell.w() * 0.6, targetHeight);
    }

    /** The strip for the step label "t = 3" under the cell. */
    public Rect labelBox(Column c) {
        Rect cell = cellBox(c);
        return new Rect(cell.x(), labelTop, cell.w(), inputTop - labelTop);
    }

    public double outputTop() {
        return outputTop;
    }

    public double cellTop() {
        return cellTop;
    }

    public double cellHeight() {
        return cellHeight;
    }
}
