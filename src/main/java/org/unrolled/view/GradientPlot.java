package org.unrolled.view;

import java.util.List;
import java.util.function.DoubleConsumer;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.scene.paint.Color;
import org.unrolled.engine.Spectra;
import org.unrolled.engine.Trace;
import org.unrolled.view.draw.DrawList;
import org.unrolled.view.draw.Pen;

/**
 * {@code ‖dL/dh_t‖} (and {@code ‖dL/dc_t‖} for an LSTM) against {@code t} on a log scale, filling in
 * as the backward sweep proceeds, with the current step marked and the theory beside it: the
 * spectral radius and largest singular value of the recurrent matrix and, for a vanilla RNN, the
 * line a factor of {@code ρ(W_hh)} per step would give. Clicking a step jumps the timeline there.
 */
public final class GradientPlot extends CanvasRegion {
    private static final double LEFT = GradientChart.LEFT;
    private static final double RIGHT = GradientChart.RIGHT;

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
            spectra = GradientChart.spectraOf(is);
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
            int n = new StepSchedule(t).length();
            double w = pictureWidth() - LEFT - RIGHT;
            int g = (int) Math.round(1 + (e.getX() - LEFT) / w * Math.max(1, n - 1));
            if (g >= 1 && g <= n) {
                onJump.accept(new StepSchedule(t).backwardPositionOf(g));
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

    @Override
    public void redraw() {
        DrawList frame = new DrawList();
        paintOn(frame, pictureWidth(), pictureHeight());
        show(frame);
    }

    /** Paints the plot as it would look at {@code width × height} through any pen (the audit records its text). */
    public void paintOn(Pen gc, double width, double height) {
        new GradientChart(gc, palette.get(), width, height, spectra).paint(trace.get(), position.get(), List.copyOf(compared));
    }

    /** One network of a comparison: its name, its trace and how its line is drawn (colour, marker, dashes). */
    public record Compared(String label, Trace trace, SeriesStyle style) {
    }

    /** Networks to compare; when not empty the plot shows their ‖∂L/∂h_t‖ instead of the single trace's. */
    public javafx.collections.ObservableList<Compared> compared() {
        return compared;
    }
}
