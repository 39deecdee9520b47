package org.unrolled.app;

import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import javafx.geometry.Insets;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.unrolled.engine.CellType;
import org.unrolled.engine.Engine;
import org.unrolled.engine.Feedback;
import org.unrolled.engine.InitSpec;
import org.unrolled.engine.Scenario;
import org.unrolled.engine.ScenarioEdits;
import org.unrolled.view.GradientPlot;
import org.unrolled.view.NetworkCanvas;
import org.unrolled.view.Palette;

/**
 * Side by side: the same inputs through variants of the current scenario (RNN, LSTM and GRU; or
 * teacher forcing and free running), stacked, driven by the one timeline, with their gradient norms
 * on one shared log axis. Follows the main window's scenario as it is edited.
 */
final class CompareWindow {
    /**
     * One row: its name, how to make it from the current scenario, its colour in the plot, and whether it
     * may have other weights than the current scenario (then its header says where they came from).
     */
    record Variant(String label, UnaryOperator<Scenario> make, java.util.function.Function<Palette, Color> color,
            boolean ownWeights) {
    }

    private final AppModel model;
    private final WindowState state;
    private final List<Variant> variants;
    private final List<NetworkCanvas> canvases = new ArrayList<>();
    private final List<Label> headers = new ArrayList<>();
    private final GradientPlot plot = new GradientPlot();
    private final Stage stage = new Stage();
    private final javafx.beans.property.BooleanProperty presenting = new javafx.beans.property.SimpleBooleanProperty();

    private CompareWindow(Window owner, AppModel model, WindowState state, String title, List<Variant> variants) {
        this.model = model;
        this.state = state;
        this.variants = variants;
        VBox rows = new VBox();
        for (Variant v : variants) {
            Label header = new Label(v.label());
            header.getStyleClass().add("details-heading");
            header.setStyle("-fx-padding: 4 16 0 16;"); // inline: wins over the heading style's padding
            NetworkCanvas canvas = new NetworkCanvas();
            canvas.positionProperty().bind(model.playback().positionProperty());
            canvas.viewProperty().bind(state.viewProperty());
            VBox.setVgrow(canvas, Priority.ALWAYS);
            rows.getChildren().addAll(header, canvas);
            canvases.add(canvas);
            headers.add(header);
        }
        plot.positionProperty().bind(model.playback().positionProperty());
        plot.setPrefHeight(230);
        plot.setMinHeight(160);
        plot.setOnJump(p -> model.playback().positionProperty().set(p));
        VBox.setVgrow(rows, Priority.ALWAYS);
        BorderPane root = new BorderPane(new VBox(rows, plot));
        TimelineBar timeline = new TimelineBar(model, state::fit);
        root.setBottom(timeline);
        // presentation (F5): full screen, the rows and the plot only, larger headers
        timeline.visibleProperty().bind(presenting.not());
        timeline.managedProperty().bind(timeline.visibleProperty());
        presenting.addListener((o, was, is) -> {
            root.getStyleClass().remove("presenting");
            if (is) {
                root.getStyleClass().add("presenting");
            }
            FullScreen.set(stage, is);
        });
        stage.fullScreenProperty().addListener((o, was, is) -> presenting.set(is));
        root.getStyleClass().add("unrolled-root");
        Scene scene = new Scene(root, 1600, 1000);
        scene.getStylesheets().addAll(ThemeStyles.stylesheets());
        scene.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            Playback p = model.playback();
            switch (e.getCode()) {
                case SPACE -> p.togglePlay();
                case RIGHT, PAGE_DOWN, DOWN -> p.stepForward();
                case LEFT, PAGE_UP, UP -> p.stepBack();
                case HOME -> p.home();
                case END -> p.end();
                case F5 -> presenting.set(!presenting.get());
                case ESCAPE -> {
                    if (presenting.get()) {
                        presenting.set(false);
                    } else {
                        stage.close();
                    }
                }
                default -> {
                    return;
                }
            }
            e.consume();
        });
        stage.initOwner(owner);
        stage.setTitle(title + " — Unrolled");
        stage.setScene(scene);
        // the window follows the model while it is open, and lets go when it closes
        javafx.beans.InvalidationListener onDocument = o -> refresh();
        javafx.beans.InvalidationListener onView = o -> followTheme(root);
        model.documentProperty().addListener(onDocument);
        state.paletteProperty().addListener(onView);
        stage.setOnHidden(e -> {
            model.documentProperty().removeListener(onDocument);
            state.paletteProperty().removeListener(onView);
            for (NetworkCanvas c : canvases) {
                c.positionProperty().unbind();
                c.viewProperty().unbind();
            }
            plot.positionProperty().unbind();
        });
        followTheme(root);
        refresh();
    }

    /** RNN, LSTM and GRU on the same inputs (the current one as it is, the others newly seeded). */
    static CompareWindow cells(Window owner, AppModel model, WindowState state) {
        List<Variant> v = new ArrayList<>();
        v.add(new Variant("Vanilla RNN", s -> cell(s, CellType.RNN), Palette::negative, true));
        v.add(new Variant("LSTM", s -> cell(s, CellType.LSTM), Palette::positive, true));
        v.add(new Variant("GRU", s -> cell(s, CellType.GRU), Palette::teacher, true));
        return new CompareWindow(owner, model, state, "RNN, LSTM and GRU", v);
    }

    /** One step (a feed-forward network) above the same cell and weights applied along a sequence. */
    static CompareWindow steps(Window owner, AppModel model, WindowState state) {
        List<Variant> v = new ArrayList<>();
        v.add(new Variant("One-to-one: a single step, as a feed-forward network",
                s -> ScenarioEdits.asAlignedSequence(s, 1), Palette::negative, false));
        v.add(new Variant("The same cell and weights unrolled over 6 steps: h carries the past",
                s -> ScenarioEdits.asAlignedSequence(s, 6), Palette::positive, false));
        return new CompareWindow(owner, model, state, "One step and a sequence", v);
    }

    /** Teacher forcing and free running on the same decoder and weights. */
    static CompareWindow feedback(Window owner, AppModel model, WindowState state) {
        List<Variant> v = new ArrayList<>();
        v.add(new Variant("Teacher forcing: the previous target goes in",
                s -> ScenarioEdits.withFeedback(s, Feedback.TEACHER_FORCING), Palette::teacher, false));
        v.add(new Variant("Free running: the model's own previous output goes in",
                s -> ScenarioEdits.withFeedback(s, Feedback.FREE_RUNNING), Palette::positive, false));
        return new CompareWindow(owner, model, state, "Teacher forcing and free running", v);
    }

    /** The forget-gate bias a newly seeded LSTM gets here, so that its highway is open as in practice. */
    static final double NEW_LSTM_FORGET_BIAS = 3;
    /** The update-gate bias a newly seeded GRU gets here (z ≈ 0.95 keeps h): the GRU's opening bias, for a fair race. */
    static final double NEW_GRU_UPDATE_BIAS = 3;

    /**
     * The scenario with another cell: itself if it already has that cell, otherwise newly seeded weights
     * (each gated cell with its usual opening bias, so that it keeps its state at the start: the LSTM's
     * forget gates and the GRU's update gates biased open; the header says so).
     */
    private static Scenario cell(Scenario s, CellType cell) {
        if (s.cell() == cell) {
            return s;
        }
        InitSpec init = s.init() != null ? s.init() : InitSpec.withDefaultScale(1);
        Scenario other = ScenarioEdits.withCell(s, cell, init);
        return switch (cell) {
            case LSTM -> ScenarioEdits.withForgetBias(other, NEW_LSTM_FORGET_BIAS);
            case GRU -> ScenarioEdits.withUpdateGateBias(other, NEW_GRU_UPDATE_BIAS);
            default -> other;
        };
    }

    /** What a row says about where its weights came from. */
    private static String origin(Scenario current, Scenario shown) {
        if (current.cell() == shown.cell()) {
            return "these weights";
        }
        return switch (shown.cell()) {
            case LSTM -> "newly seeded, forget-gate bias " + (int) NEW_LSTM_FORGET_BIAS;
            case GRU -> "newly seeded, update-gate bias " + (int) NEW_GRU_UPDATE_BIAS;
            default -> "newly seeded";
        };
    }

    void show() {
        stage.show();
    }

    private void refresh() {
        Document d = model.document();
        if (d == null) {
            return;
        }
        List<GradientPlot.Compared> compared = new ArrayList<>();
        Palette palette = state.paletteProperty().get();
        for (int k = 0; k < variants.size(); k++) {
            Variant v = variants.get(k);
            try {
                Scenario shown = v.make().apply(d.scenario());
                var trace = Engine.run(shown);
                canvases.get(k).traceProperty().set(trace);
                String origin = v.ownWeights() ? " (" + origin(d.scenario(), shown) + ")" : "";
                headers.get(k).setText(v.label() + origin + "   ·   "
                        + org.unrolled.engine.Parameters.size(shown.weights()) + " parameters   ·   loss "
                        + org.unrolled.view.Numbers.format(trace.loss()));
                compared.add(new GradientPlot.Compared(v.label(), trace, v.color().apply(palette)));
            } catch (IllegalArgumentException e) {
                canvases.get(k).traceProperty().set(null);
                headers.get(k).setText(v.label() + ": not possible for this scenario (" + e.getMessage() + ")");
            }
        }
        if (!compared.isEmpty()) {
            plot.traceProperty().set(compared.get(0).trace());
        }
        plot.compared().setAll(compared);
    }

    /** The main window's theme: its palette for the plot, and the dark style for the controls. */
    private void followTheme(javafx.scene.Parent root) {
        Palette palette = state.paletteProperty().get();
        plot.paletteProperty().set(palette);
        root.getStyleClass().remove("dark");
        if (palette.background().getBrightness() < 0.5) {
            root.getStyleClass().add("dark");
        }
    }

    javafx.beans.property.BooleanProperty presentingProperty() {
        return presenting;
    }

    Stage stage() {
        return stage;
    }

    List<NetworkCanvas> canvases() {
        return canvases;
    }

    GradientPlot plot() {
        return plot;
    }
}
