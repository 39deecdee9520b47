package org.unrolled.app;

import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.Slider;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.util.StringConverter;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.materialdesign2.MaterialDesignF;
import org.kordamp.ikonli.materialdesign2.MaterialDesignP;
import org.kordamp.ikonli.materialdesign2.MaterialDesignS;
import org.unrolled.view.Phase;
import org.unrolled.view.StepSchedule;

/** Under the canvas: jump to start, step back, play/pause, step forward, jump to end, the slider, speed. */
public final class TimelineBar extends HBox {
    private final Slider slider = new Slider(0, 1, 0);
    private final Label where = new Label();
    /** The slider and its phase strip: in the bar, or in a row of its own above it in a narrow window. */
    private javafx.scene.layout.VBox track;

    /** {@code fit}: the Fit button's action (every step on screen). */
    public TimelineBar(AppModel model, Runnable fit) {
        Playback playback = model.playback();
        getStyleClass().add("timeline-bar");
        setSpacing(10);
        setPadding(new Insets(10, 16, 12, 16));
        setAlignment(Pos.CENTER_LEFT);

        Button home = button(MaterialDesignS.SKIP_PREVIOUS, "Jump to the start (Home)", playback::home);
        Button back = button(MaterialDesignS.STEP_BACKWARD, "Step back (Left, Page Up)", playback::stepBack);
        Button play = button(MaterialDesignP.PLAY, "Play / pause (Space)", playback::togglePlay);
        play.setId("play");
        playback.playingProperty().addListener((o, was, is) ->
                ((FontIcon) play.getGraphic()).setIconCode(is ? MaterialDesignP.PAUSE : MaterialDesignP.PLAY));
        Button forward = button(MaterialDesignS.STEP_FORWARD, "Step forward (Right, Page Down)", playback::stepForward);
        Button end = button(MaterialDesignS.SKIP_NEXT, "Jump to the end (End)", playback::end);

        slider.setId("timeline");
        PlaybackKeys.playbackControl(slider);
        slider.setTooltip(new Tooltip("Scrub through the forward and the backward pass (Left/Right step)"));
        slider.minProperty().bind(playback.minProperty());
        slider.maxProperty().bind(playback.maxProperty());
        slider.valueProperty().bindBidirectional(playback.positionProperty());
        // a tick per step for a short sequence, about forty ticks for a long one
        slider.majorTickUnitProperty().bind(javafx.beans.binding.Bindings.createDoubleBinding(
                () -> (double) org.unrolled.view.Measure.niceStep((int) Math.ceil(playback.maxProperty().get() / 40)),
                playback.maxProperty()));
        slider.setMinorTickCount(0);
        slider.setShowTickMarks(true);
        slider.setOnMousePressed(e -> {
            playback.playingProperty().set(false);
            playback.userMoved();
        });
        Label forwardLabel = new Label();
        Label backwardLabel = new Label();
        forwardLabel.getStyleClass().add("phase-forward");
        backwardLabel.getStyleClass().add("phase-backward");
        for (Label l : new Label[] {forwardLabel, backwardLabel}) {
            // each half of the slider, whatever its text: the text follows the width, not the other way round
            l.setMinWidth(0);
            l.setPrefWidth(0);
            l.setMaxWidth(Double.MAX_VALUE);
            l.setAlignment(Pos.CENTER);
            HBox.setHgrow(l, Priority.ALWAYS);
        }
        // shorter words where the slider is short (a small screen, a long sample), rather than "forwar..."
        FitText.bind(forwardLabel, "forward pass  →", "forward  →", "→");
        FitText.bind(backwardLabel, "←  backward pass (BPTT)", "←  backward (BPTT)", "←  BPTT", "←");
        forwardLabel.visibleProperty().bind(playback.phaseProperty().isNotEqualTo(Phase.BACKWARD));
        forwardLabel.managedProperty().bind(forwardLabel.visibleProperty());
        backwardLabel.visibleProperty().bind(playback.phaseProperty().isNotEqualTo(Phase.FORWARD));
        backwardLabel.managedProperty().bind(backwardLabel.visibleProperty());
        HBox phases = new HBox(2, forwardLabel, backwardLabel);
        phases.getStyleClass().add("phase-strip");
        track = new javafx.scene.layout.VBox(2, slider, phases);
        track.setAlignment(Pos.CENTER);
        HBox.setHgrow(track, Priority.ALWAYS);

        ComboBox<Phase> phaseChoice = new ComboBox<>();
        phaseChoice.setId("phase-choice");
        phaseChoice.getItems().addAll(Phase.values());
        phaseChoice.setConverter(new StringConverter<>() {
            @Override
            public String toString(Phase p) {
                return p == null ? "" : switch (p) {
                    case BOTH -> "Forward + backward";
                    case FORWARD -> "Forward only";
                    case BACKWARD -> "Backward only";
                };
            }

            @Override
            public Phase fromString(String s) {
                return Phase.BOTH;
            }
        });
        phaseChoice.valueProperty().bindBidirectional(playback.phaseProperty());
        phaseChoice.setTooltip(new Tooltip("Which part of the timeline plays"));

        where.setId("step-label");
        where.setMinWidth(230);
        Runnable fixWidth = () -> {
            Document d = model.document();
            if (d != null) {
                double w = Math.max(230, widestDescription(d, where.getFont()));
                where.setMinWidth(w);
                where.setPrefWidth(w);
                where.setMaxWidth(w);
            }
        };
        model.documentProperty().addListener(o -> fixWidth.run());
        where.fontProperty().addListener(o -> fixWidth.run());
        where.getStyleClass().add("step-label");
        where.textProperty().bind(Bindings.createStringBinding(() -> describe(model),
                playback.positionProperty(), model.documentProperty()));

        ComboBox<Double> speed = new ComboBox<>();
        speed.getItems().addAll(0.5, 1.0, 1.5, 3.0, 6.0, 12.0);
        speed.setConverter(new StringConverter<>() {
            @Override
            public String toString(Double v) {
                return v == null ? "" : (v == Math.rint(v) ? String.valueOf(v.intValue()) : String.valueOf(v)) + " steps/s";
            }

            @Override
            public Double fromString(String s) {
                return Double.valueOf(s.replace(" steps/s", ""));
            }
        });
        speed.valueProperty().bindBidirectional(playback.speedProperty().asObject());
        speed.setTooltip(new Tooltip("Playback speed"));
        speed.setId("speed-choice");
        Button fitAll = button(MaterialDesignF.FIT_TO_PAGE_OUTLINE, "Fit all steps on screen (F, double-click)", fit);
        fitAll.setId("fit");
        for (ComboBox<?> box : new ComboBox<?>[] {phaseChoice, speed}) {
            box.setMinWidth(USE_PREF_SIZE); // never cut to an empty box
        }
        getChildren().addAll(home, back, play, forward, end, track, where, phaseChoice, speed, fitAll);
    }

    /** The step label ("step 3 of 10"), which a narrow window shows beside the slider in its own row. */
    Label where() {
        return where;
    }

    /** The slider with the phase strip under it, which a narrow window shows in a row of its own. */
    javafx.scene.layout.VBox track() {
        return track;
    }

    /** Adds a button at the right end (the main window adds presentation mode and the rolled view). */
    Button addAction(org.kordamp.ikonli.Ikon icon, String tip, Runnable action) {
        Button b = button(icon, tip, action);
        getChildren().add(b);
        return b;
    }

    private static Button button(org.kordamp.ikonli.Ikon icon, String tip, Runnable action) {
        FontIcon glyph = new FontIcon(icon);
        glyph.setIconSize(28);
        Button b = new Button(null, glyph);
        b.setTooltip(new Tooltip(tip));
        b.setOnAction(e -> action.run());
        b.getStyleClass().add("timeline-button");
        return b;
    }

    /** "encoder step 3 of 5", "step 4 of 10", "before step 1". */
    static String describe(AppModel model) {
        Document d = model.document();
        return d == null ? "" : describe(d, model.playback().positionProperty().get());
    }

    /**
     * The widest the step label can get for this document: its longest texts are at the last steps of
     * each sequence, being computed, going either way. The label keeps that width, so the slider beside
     * it never changes length under the pointer.
     */
    static double widestDescription(Document d, javafx.scene.text.Font font) {
        StepSchedule timeline = new StepSchedule(d.trace());
        int n = timeline.length();
        double widest = 0;
        javafx.scene.text.Text probe = new javafx.scene.text.Text();
        probe.setFont(font);
        for (double p : new double[] {0, n - 0.5, timeline.encoderLength() - 0.5, n + 0.5, 2 * n - 0.5, 2.0 * n}) {
            if (p >= 0 && p <= 2 * n) {
                probe.setText(describe(d, p));
                widest = Math.max(widest, probe.getLayoutBounds().getWidth());
            }
        }
        return Math.ceil(widest) + 8;
    }

    static String describe(Document d, double p) {
        StepSchedule timeline = new StepSchedule(d.trace());
        if (timeline.inBackward(p)) {
            int b = timeline.backwardCurrent(p);
            String side = timeline.encoderLength() == 0 ? "" : timeline.isEncoder(b) ? "encoder " : "decoder ";
            return "backward: " + side + "∂L/∂h_" + timeline.localStep(b) + (p != Math.floor(p) ? " (computing)" : "");
        }
        int g = StepSchedule.current(p);
        if (g == 0) {
            return "start: h₀ only";
        }
        String side = timeline.encoderLength() == 0 ? "" : timeline.isEncoder(g) ? "encoder " : "decoder ";
        int of = timeline.isEncoder(g) && timeline.encoderLength() > 0 ? timeline.encoderLength() : timeline.outputLength();
        return side + "step " + timeline.localStep(g) + " of " + of + (p != Math.floor(p) ? " (computing)" : "");
    }
}
