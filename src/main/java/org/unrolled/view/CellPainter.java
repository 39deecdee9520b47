package org.unrolled.view;

import javafx.geometry.VPos;
import javafx.scene.text.TextAlignment;
import org.unrolled.engine.Activation;
import org.unrolled.engine.CellType;
import org.unrolled.engine.GruVariant;
import org.unrolled.engine.Scenario;
import org.unrolled.engine.SequenceTrace;
import org.unrolled.engine.Trace;
import org.unrolled.view.NetworkLayout.Column;
import org.unrolled.view.draw.Pen;

/**
 * A step's cell: a box, highlighted when current, faded before it is computed; opened up when in
 * focus to show its gates (LSTM f, i, g, o under the highway's ⊗ and ⊕; GRU r, z, n and the
 * interpolation; vanilla RNN the sum and the activation).
 */
final class CellPainter {
    private final Pen gc;
    private final NetworkLayout layout;
    private final Palette palette;
    private final SquaresPainter squares;
    private final GateBars gateBars;
    private final Trace trace;

    CellPainter(Pen gc, NetworkLayout layout, Palette palette, SquaresPainter squares) {
        this.gc = gc;
        this.layout = layout;
        this.palette = palette;
        this.squares = squares;
        this.gateBars = new GateBars(gc, palette, squares.hits(), squares);
        this.trace = layout.trace();
    }

    /**
     * @param progress how far the step is computed (0 to 1)
     * @param current  whether it is the step the playback is at
     */
    void cell(Column c, SequenceTrace seq, double progress, boolean current) {
        Rect box = layout.cellBox(c);
        double arc = Math.min(26, box.w() * 0.2);
        boolean decoder = trace.hasEncoder() && !c.encoder();
        gc.setGlobalAlpha(progress > 0 ? 1 : palette.fadedOpacity() + 0.15);
        javafx.scene.paint.Color fill = current ? palette.currentFill() : decoder ? palette.decoderCellFill() : palette.cellFill();
        javafx.scene.paint.Color frame = current ? palette.currentStroke() : palette.cellStroke();
        double border = (current ? 5 : 2.5) * palette.scale();
        if (box.w() < 90 && !current) {
            // narrow cells (a long sequence, zoomed out): square corners, drawn without paths
            Shapes.framedBox(gc, box.x(), box.y(), box.w(), box.h(), fill, frame, 2);
        } else {
            gc.setFill(fill);
            gc.fillRoundRect(box.x(), box.y(), box.w(), box.h(), arc, arc);
            gc.setStroke(frame);
            gc.setLineWidth(border);
            gc.strokeRoundRect(box.x(), box.y(), box.w(), box.h(), arc, arc);
        }
        gc.setGlobalAlpha(1);
        double open = Math.max(0, (c.focus() - 0.6) / 0.4);
        if (open > 0.05 && box.w() > 160 && box.h() > 96) { // too short a cell shows no insides
            gc.setGlobalAlpha(open * (progress > 0 ? 1 : 0.5));
            insides(c, seq, progress >= 0.5);
            gc.setGlobalAlpha(1);
        } else {
            gc.setGlobalAlpha(progress > 0 ? 1 : palette.fadedOpacity() + 0.15);
            closedLabel(box);
            gc.setGlobalAlpha(1);
        }
    }

    private void closedLabel(Rect box) {
        Scenario s = trace.scenario();
        String name = switch (s.cell()) {
            case RNN -> s.activation() == Activation.RELU ? "relu" : "tanh";
            case LSTM -> "LSTM";
            case GRU -> "GRU";
        };
        double size = Measure.fit(name, true, box.w() - 8, Math.max(12, Math.min(24, box.w() * 0.2)) * palette.scale(),
                layout.minText());
        if (Double.isNaN(size)) {
            return;
        }
        text(box.centerX(), box.y() + box.h() * 0.3, name, size, true, TextAlignment.CENTER);
    }

    private void insides(Column c, SequenceTrace seq, boolean known) {
        Rect in = layout.cellInside(c);
        if (in.h() < SHORT) {
            shortInsides(c, in, known);
            return;
        }
        Scenario s = trace.scenario();
        double titleSize = Math.max(15, Math.min(22, in.w() * 0.05)) * palette.scale();
        String kind = switch (s.cell()) {
            case RNN -> "RNN (" + s.activation().jsonName() + ")";
            case LSTM -> "LSTM";
            case GRU -> "GRU" + (s.gruVariant() == GruVariant.CHO ? " (Cho)" : "");
        };
        double eqSize = Math.max(14, Math.min(20, in.w() * 0.045)) * palette.scale();
        fitted(in.x() + 4, in.bottom() - eqSize * 3.4, kind, layout.legible(titleSize * 0.8), true, TextAlignment.LEFT, in.w() - 8);
        // the gates end above the cell's name, which stands above the two lines of its equations
        Rect gates = new Rect(in.x(), in.y() + 4, in.w(), in.h() - eqSize * 3.4 - layout.legible(titleSize * 0.8) * 0.7 - 8);
        switch (s.cell()) {
            case LSTM -> {
                char[] order = {'f', 'i', 'g', 'o'};
                gateGroups(c, gates, order, known);
                equation(in, eqSize, "c = f⊙c₋₁ + i⊙g", "h = o⊙tanh(c)");
                connectors(c, gates);
            }
            case GRU -> {
                gateGroups(c, gates, new char[] {'r', 'z', 'n'}, known);
                equation(in, eqSize, s.gruVariant() == GruVariant.CHO ? "n = tanh(W x + W(r⊙h₋₁) + b)" : "n = tanh(W x + r⊙(W h₋₁) + b)",
                        "h = (1−z)⊙n + z⊙h₋₁");
            }
            case RNN -> {
                String act = s.activation() == Activation.RELU ? "relu" : "tanh";
                double lo = s.activation() == Activation.RELU ? 0 : -1;
                Rect sum = groupBox(gates, 0, 2);
                fitted(sum.centerX(), sum.y() + eqSize * 0.7, "Σ", eqSize * 1.2, true, TextAlignment.CENTER, sum.w());
                squares.bars(VectorRef.of(c.encoder(), c.t(), VectorRef.Kind.PRE), trace,
                        new Rect(sum.x(), sum.y() + eqSize * 1.5, sum.w(), sum.h() - eqSize * 1.5), -2, 2, known);
                Rect out = groupBox(gates, 1, 2);
                fitted(out.centerX(), out.y() + eqSize * 0.7, "h = " + act + "(Σ)", eqSize * 1.2, true, TextAlignment.CENTER, out.w());
                squares.bars(VectorRef.of(c.encoder(), c.t(), VectorRef.Kind.H), trace,
                        new Rect(out.x(), out.y() + eqSize * 1.5, out.w(), out.h() - eqSize * 1.5), lo, 1, known);
                equation(in, eqSize, "Σ = W_ih x + b_ih + W_hh h₋₁ + b_hh", "the same W at every step");
            }
        }
    }

    /** Below this height (a small window, a compare row) an opened cell shows its gates only. */
    private static final double SHORT = 190;

    /**
     * A short opened cell: the gates (LSTM, GRU) or the sum and the state (RNN), each under its letter,
     * filling the cell; the name and the equations are left to the hover card and the side panel.
     */
    private void shortInsides(Column c, Rect in, boolean known) {
        Scenario s = trace.scenario();
        double letter = layout.legible(Math.max(14, Math.min(22, in.h() * 0.12)) * palette.scale());
        Rect gates = new Rect(in.x(), in.y() + 2, in.w(), in.h() - 2);
        char[] order = switch (s.cell()) {
            case LSTM -> new char[] {'f', 'i', 'g', 'o'};
            case GRU -> new char[] {'r', 'z', 'n'};
            case RNN -> new char[] {'Σ', 'h'};
        };
        for (int k = 0; k < order.length; k++) {
            Rect group = groupBox(gates, k, order.length);
            char g = order[k];
            text(group.centerX(), group.y() + letter * 0.6, String.valueOf(g), letter, true, TextAlignment.CENTER);
            Rect bars = new Rect(group.x(), group.y() + letter * 1.3, group.w(), group.h() - letter * 1.3);
            if (s.cell() == CellType.RNN) {
                boolean relu = s.activation() == Activation.RELU;
                VectorRef ref = VectorRef.of(c.encoder(), c.t(), g == 'h' ? VectorRef.Kind.H : VectorRef.Kind.PRE);
                gateBars.draw(ref, trace, bars, g == 'h' ? (relu ? 0 : -1) : -2, g == 'h' ? 1 : 2, known);
            } else {
                boolean tanhGate = (s.cell() == CellType.LSTM && g == 'g') || (s.cell() == CellType.GRU && g == 'n');
                gateBars.draw(VectorRef.gate(c.encoder(), c.t(), g), trace, bars, tanhGate ? -1 : 0, 1, known);
            }
        }
        if (s.cell() == CellType.LSTM) {
            connectors(c, gates);
        }
    }

    private Rect groupBox(Rect gates, int index, int count) {
        double w = gates.w() / count;
        double pad = Math.min(8, w * 0.08);
        return new Rect(gates.x() + index * w + pad, gates.y(), w - 2 * pad, gates.h());
    }

    private void gateGroups(Column c, Rect gates, char[] order, boolean known) {
        CellType cell = trace.scenario().cell();
        // the letter is drawn at 1.2 times this: never under the smallest legible text
        double labelSize = Math.max(layout.minText() / 1.2, Math.max(14, Math.min(22, gates.w() / order.length * 0.16)) * palette.scale());
        for (int k = 0; k < order.length; k++) {
            Rect group = groupBox(gates, k, order.length);
            char g = order[k];
            text(group.centerX(), group.y() + labelSize * 0.7, String.valueOf(g), labelSize * 1.2, true, TextAlignment.CENTER);
            String title = Explainer.gateTitle(cell, g).toLowerCase(java.util.Locale.ROOT);
            double subSize = Measure.fit(title, false, group.w() - 4, layout.legible(labelSize * 0.7), layout.minText());
            double barsTop = labelSize * 1.45;
            if (!Double.isNaN(subSize)) {
                double subY = labelSize * 1.45 + subSize * 0.6;
                text(group.centerX(), group.y() + subY, title, subSize, false, TextAlignment.CENTER);
                barsTop = subY + subSize * 0.6 + 3;
            }
            Rect bars = new Rect(group.x(), group.y() + barsTop, group.w(), group.h() - barsTop);
            boolean tanhGate = (cell == CellType.LSTM && g == 'g') || (cell == CellType.GRU && g == 'n');
            gateBars.draw(VectorRef.gate(c.encoder(), c.t(), g), trace, bars, tanhGate ? -1 : 0, 1, known);
        }
    }

    /** Lines from the f gate up to ⊗ and from i and g up to ⊕ on the highway. */
    private void connectors(Column c, Rect gates) {
        double top = layout.highwayY() + 14;
        double from = gates.y();
        gc.setStroke(palette.wire());
        gc.setLineWidth(2.5);
        double forget = layout.forgetJunctionX(c);
        double add = layout.inputJunctionX(c);
        gc.strokeLine(forget, from, forget, top);
        Rect i = groupBox(gates, 1, 4);
        Rect g = groupBox(gates, 2, 4);
        gc.strokeLine(i.centerX(), from, add, top + 18);
        gc.strokeLine(g.centerX(), from, add, top + 18);
        gc.strokeLine(add, top + 18, add, top);
    }

    private void equation(Rect in, double size, String line1, String line2) {
        fitted(in.centerX(), in.bottom() - size * 2.0, line1, size, false, TextAlignment.CENTER, in.w() - 8);
        fitted(in.centerX(), in.bottom() - size * 0.7, line2, size, false, TextAlignment.CENTER, in.w() - 8);
    }

    /** Text at {@code size}, or smaller down to the smallest text so that it fits in {@code room}; else none. */
    private void fitted(double x, double y, String s, double size, boolean bold, TextAlignment align, double room) {
        double fit = Measure.fit(s, bold, room, size, layout.minText());
        if (!Double.isNaN(fit)) {
            text(x, y, s, fit, bold, align);
        }
    }

    private void text(double x, double y, String s, double size, boolean bold, TextAlignment align) {
        gc.setFill(palette.text());
        gc.setFont(bold ? Fonts.bold(size) : Fonts.regular(size));
        gc.setTextAlign(align);
        gc.setTextBaseline(VPos.CENTER);
        gc.fillText(s, x, y);
    }
}
