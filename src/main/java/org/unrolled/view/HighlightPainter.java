package org.unrolled.view;

import java.util.List;
import java.util.Set;
import javafx.geometry.VPos;
import javafx.scene.text.TextAlignment;
import org.unrolled.document.Highlight;
import org.unrolled.view.NetworkLayout.Column;
import org.unrolled.view.NetworkLayout.ColumnKind;
import org.unrolled.view.draw.Pen;
import org.unrolled.view.draw.RecordingPen.DrawnText;

/**
 * What a lesson beat points at, drawn last: a thick ring in the highlight colour around each named
 * thing at the step in focus (a vector, a gate, the loss, the gradient), along the whole LSTM highway,
 * around the context C, or a "W" badge on every cell to show that all steps share the same weights.
 */
final class HighlightPainter {
    private final Pen gc;
    private final NetworkLayout layout;
    private final Palette palette;
    private final List<Hit> hits;
    private final Column focus;
    /** What the rings go round rather than through: the frame's strings, and the "W" badges. */
    private final List<Rect> avoid = new java.util.ArrayList<>();

    private HighlightPainter(Pen gc, NetworkLayout layout, Palette palette, List<Hit> hits, Column focus,
            List<DrawnText> labels) {
        this.gc = gc;
        for (DrawnText t : labels) {
            avoid.add(new Rect(t.x(), t.y(), t.w(), t.h()).inset(0.5)); // a box that merely touches a ring is clear
        }
        this.layout = layout;
        this.palette = palette;
        this.hits = hits;
        this.focus = focus;
    }

    /**
     * Rings the named things; {@code focusStep} is the global step in focus (0 for the initial state),
     * {@code labels} the strings drawn so far.
     */
    static void paint(Pen gc, NetworkLayout layout, Palette palette, List<Hit> hits, Set<Highlight> names,
            int focusStep, List<DrawnText> labels) {
        if (names.isEmpty()) {
            return;
        }
        Column focus = null;
        for (Column c : layout.columns()) {
            boolean initial = focusStep == 0 && c.kind() == ColumnKind.INITIAL;
            if (initial || (c.kind() == ColumnKind.STEP && c.global() == focusStep)) {
                focus = c;
            }
        }
        HighlightPainter p = new HighlightPainter(gc, layout, palette, hits, focus, labels);
        // in a fixed order: a Set's order changes from one run of the JVM to the next, and where two rings cross
        // the one drawn last is on top, so the same frame would not be the same pixels twice
        // the badges first: the rings go round them
        if (names.contains(Highlight.W)) {
            p.sharedWeights();
        }
        for (Highlight name : new java.util.TreeSet<>(names)) {
            if (name == Highlight.LOSS && names.contains(Highlight.Y)) {
                continue; // y's ring already goes round the loss under it: one ring, not two nested
            }
            p.one(name);
        }
    }

    private void one(Highlight name) {
        switch (name) {
            case W -> { // drawn first
            }
            case HIGHWAY -> highway();
            case CONTEXT -> context();
            case GRADIENT -> ring(gradientArea());
            case LOSS -> ring(lossArea());
            case X -> rings(VectorRef.Kind.X, ' ');
            case H -> rings(VectorRef.Kind.H, ' ');
            case C -> rings(VectorRef.Kind.C, ' ');
            case Y -> ring(withLoss(vectorArea(VectorRef.Kind.Y, ' '))); // y with its loss under it, or the loss alone
            case TARGET -> rings(VectorRef.Kind.TARGET, ' ');
            case I, F, G, O, R, Z, N -> rings(VectorRef.Kind.GATE, name.gateLetter());
        }
    }

    private double thickness() {
        return Math.max(4, 5 * palette.scale());
    }

    /**
     * A ring with a thin dark edge outside, so it reads on light and dark backgrounds alike: round the thing
     * with room to spare, and round or clear of every label near it ({@link RingFit}); closer, and then
     * thinner, where only that fits between the labels.
     */
    private void ring(Rect r) {
        if (r == null) {
            return;
        }
        Rect picture = new Rect(0, 0, layout.width(), layout.height());
        double full = thickness();
        double thin = Math.max(2, full / 2);
        // the band is the dark edge's, the wider stroke; the room between the ring and what it rings keeps it clear
        // of the frame round a vector's squares and off a label's letters, and shrinks to 2 px in a crowd
        List<RingFit.Style> styles = List.of(new RingFit.Style((full + 3) / 2, Math.max(6, 0.8 * full)),
                new RingFit.Style((full + 3) / 2, 2), new RingFit.Style((thin + 3) / 2, 2));
        RingFit.Placed placed = RingFit.place(r, styles, 24, avoid, picture);
        RingBand band = placed.band();
        double thickness = placed.style().halfWidth() * 2 - 3;
        Rect o = band.outline();
        gc.setLineDashes((double[]) null);
        gc.setStroke(palette.currentStroke());
        gc.setLineWidth(thickness + 3);
        gc.strokeRoundRect(o.x(), o.y(), o.w(), o.h(), band.arc(), band.arc());
        gc.setStroke(palette.highlight());
        gc.setLineWidth(thickness);
        gc.strokeRoundRect(o.x(), o.y(), o.w(), o.h(), band.arc(), band.arc());
    }

    /** The union of the squares drawn for one vector of the focus column. */
    private Rect vectorArea(VectorRef.Kind kind, char gate) {
        Rect union = null;
        for (Rect r : drawnAt(kind, gate)) {
            union = union == null ? r : union.union(r);
        }
        return union;
    }

    /**
     * A ring round each place one vector of the focus column is drawn: an open cell draws h_t as bars inside
     * it and as squares after it, and one ring round both would cut through the cell's equations between.
     */
    private void rings(VectorRef.Kind kind, char gate) {
        List<Rect> groups = new java.util.ArrayList<>(drawnAt(kind, gate));
        boolean merged = true;
        while (merged) { // squares less than three ring widths apart belong to one group
            merged = false;
            for (int i = 0; i < groups.size() && !merged; i++) {
                for (int j = i + 1; j < groups.size() && !merged; j++) {
                    Rect a = groups.get(i);
                    Rect b = groups.get(j);
                    double gapX = Math.max(a.x(), b.x()) - Math.min(a.right(), b.right());
                    double gapY = Math.max(a.y(), b.y()) - Math.min(a.bottom(), b.bottom());
                    if (gapX < 3 * thickness() && gapY < 3 * thickness()) {
                        groups.set(i, a.union(b));
                        groups.remove(j);
                        merged = true;
                    }
                }
            }
        }
        for (Rect g : groups) {
            ring(g);
        }
    }

    /** The squares (or bars) drawn for one vector of the focus column. */
    private List<Rect> drawnAt(VectorRef.Kind kind, char gate) {
        List<Rect> out = new java.util.ArrayList<>();
        if (focus == null) {
            return out;
        }
        for (Hit hit : hits) {
            VectorRef ref = hit.ref();
            boolean sameStep = focus.kind() == ColumnKind.INITIAL ? ref.t() == 0
                    : ref.t() == focus.t() && ref.encoder() == focus.encoder();
            if (sameStep && ref.kind() == kind && (kind != VectorRef.Kind.GATE || ref.gate() == gate)) {
                out.add(hit.area());
            }
        }
        return out;
    }

    private Rect gradientArea() {
        if (focus == null || focus.kind() != ColumnKind.STEP) {
            return null;
        }
        Rect cell = layout.cellBox(focus);
        Rect state = layout.stateBox(focus);
        double top = state.bottom();
        double bottom = state.bottom() + Math.max(14, layout.cellHeight() * 0.06) + Math.max(32, layout.cellHeight() * 0.1);
        // from just inside this cell's edge to just short of the next cell's, where its step number starts (at
        // least 24 px wide)
        Rect room = new Rect(cell.right() - 6, top, Math.max(24, focus.right() - cell.right()), bottom - top);
        // within that room, the arrow (drawn at GradientPainter's height) and the label written under it
        double arrowY = state.bottom() + Math.max(14, layout.cellHeight() * 0.06);
        // the last step has no arrow coming back into it (its gradient comes from its output): then the ring goes
        // round the label alone, rather than round the empty band where an arrow would be, over h's squares
        boolean arrow = layout.columns().stream()
                .anyMatch(c -> c.kind() == ColumnKind.STEP && c.global() == focus.global() + 1);
        Rect drawn = arrow ? new Rect(room.x(), top, room.w(), arrowY + 6 - top) : null;
        for (Rect t : avoid) {
            if (room.contains(t.centerX(), t.centerY())) {
                drawn = drawn == null ? t : drawn.union(t);
            }
        }
        return drawn != null ? drawn : new Rect(room.x(), top, room.w(), arrowY + 6 - top);
    }

    /** y's squares and the label under them, so that the ring goes round the label rather than through it. */
    private Rect withLoss(Rect y) {
        Rect loss = lossArea();
        return y == null ? loss : loss == null ? y : y.union(loss);
    }

    /** Where the step's loss is written; null at a step with no output, where there is none to ring. */
    private Rect lossArea() {
        if (focus == null || focus.kind() != ColumnKind.STEP) {
            return null;
        }
        var seq = focus.encoder() ? layout.trace().encoder() : layout.trace().steps();
        if (!seq.hasOutput(focus.t())) {
            return null;
        }
        Rect out = layout.outputBox(focus);
        double share = NetworkPainter.OUTPUT_SQUARES_SHARE;
        Rect row = new Rect(out.x() + 4, out.y() + out.h() * share, out.w() - 8, out.h() * (1 - share));
        // the label written there ("dog ✓ ℓ = 4.9e−4"), so that the ring is no wider than what it rings
        Rect label = null;
        for (Rect t : avoid) {
            if (row.contains(t.centerX(), t.centerY())) {
                label = label == null ? t : label.union(t);
            }
        }
        return label != null ? label : row;
    }

    private void highway() {
        if (!layout.hasHighway()) {
            return;
        }
        double left = Double.NaN;
        double right = Double.NaN;
        for (Column c : layout.columns()) {
            if (layout.visible(c)) {
                left = Double.isNaN(left) ? Math.max(0, c.x()) : left;
                right = Math.min(layout.width(), c.right());
            }
        }
        double h = Math.max(24, layout.unit() * 0.2);
        if (Double.isNaN(left) || right - left <= 16) {
            return; // no step on screen
        }
        ring(new Rect(left + 8, layout.highwayY() - h / 2, right - left - 16, h));
    }

    private void context() {
        for (Column c : layout.columns()) {
            if (c.kind() == ColumnKind.CONTEXT) {
                Rect s = layout.stateBox(c);
                ring(new Rect(s.x() - 6, s.y() - 30, s.w() + 12, s.h() + 60));
            }
        }
    }

    /** A "W" badge on every visible cell: the same weights at every step. */
    private void sharedWeights() {
        double size = Math.max(18, Math.min(30, layout.unit() * 0.18)) * palette.scale();
        for (Column c : layout.columns()) {
            if (c.kind() != ColumnKind.STEP || !layout.visible(c)) {
                continue;
            }
            Rect cell = layout.cellBox(c);
            // inside the cell's bottom-left corner: on its border it would cut the border and the output's loss
            // above, at the top the cell's name
            double r = Math.min(Math.min(size * 0.75, cell.w() / 2 - 4), Math.min(cell.h() * 0.12, c.focus() > 0.6 ? 16 : 99));
            if (r < 3) {
                continue;
            }
            double x = cell.x() + 4 + r;
            // an open cell has its equations at the bottom: there the top-left corner, left of its first gate
            double y = c.focus() > 0.6 ? cell.y() + 4 + r : cell.bottom() - 4 - r;
            gc.setFill(palette.currentStroke());
            gc.fillOval(x - r - 2, y - r - 2, 2 * r + 4, 2 * r + 4);
            avoid.add(new Rect(x - r - 2, y - r - 2, 2 * r + 4, 2 * r + 4));
            gc.setFill(palette.highlight());
            gc.fillOval(x - r, y - r, 2 * r, 2 * r);
            if (r * 1.1 < layout.minText()) {
                continue; // too small a badge to letter legibly: the yellow dot on every cell still says "the same"
            }
            gc.setFill(palette.currentStroke());
            gc.setFont(Fonts.bold(r * 1.1));
            gc.setTextAlign(TextAlignment.CENTER);
            gc.setTextBaseline(VPos.CENTER);
            gc.fillText("W", x, y);
        }
    }
}
