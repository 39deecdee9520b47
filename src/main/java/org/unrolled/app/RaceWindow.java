package org.unrolled.app;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import javafx.animation.AnimationTimer;
import javafx.application.Platform;
import javafx.geometry.Insets;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.image.ImageView;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Pane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.unrolled.document.RaceScenarios;
import org.unrolled.document.ScenarioDocument;
import org.unrolled.engine.Scenario;
import org.unrolled.engine.train.Race;
import org.unrolled.view.Palette;

/**
 * The Train view: networks racing on a long-lag task, live. Training runs on {@link RaceSession}'s
 * threads, the charts are drawn by {@link RaceCharts} on its own thread; the JavaFX thread only copies
 * finished pictures to the screen and updates the labels (an {@link AnimationTimer}, every frame).
 */
final class RaceWindow {
    private final Stage stage = new Stage();
    private final AppModel model;
    private final Consumer<Runnable> confirmDiscard;
    private final RaceForm form = new RaceForm();
    private final Label status = new Label("Choose the settings and press Start.");
    private final RaceRows rows = new RaceRows();
    private final RaceCharts charts;
    private final ImageView scoreView = new ImageView();
    private final ImageView profileView = new ImageView();
    private final Button start = new Button("Start");
    private final Button pause = new Button("Pause");
    private final Button resume = new Button("Resume");
    private final Button step = new Button("One step");
    private final Button reset = new Button("Reset");
    private RaceSession session;
    private final AnimationTimer timer = new AnimationTimer() {
        @Override
        public void handle(long now) {
            refresh();
        }
    };

    private RaceWindow(Window owner, AppModel model, Palette palette, Consumer<Runnable> confirmDiscard) {
        this.model = model;
        this.confirmDiscard = confirmDiscard;
        charts = new RaceCharts(palette);
        start.setId("race-start");
        pause.setId("race-pause");
        resume.setId("race-resume");
        step.setId("race-step");
        reset.setId("race-reset");
        start.setOnAction(e -> begin(true));
        pause.setOnAction(e -> session.pause());
        resume.setOnAction(e -> session.start());
        step.setOnAction(e -> {
            if (session == null) {
                begin(false);
            }
            session.pause();
            session.stepOnce();
        });
        reset.setOnAction(e -> stop());
        javafx.scene.layout.FlowPane buttons = new javafx.scene.layout.FlowPane(8, 8, start, pause, resume, step, reset);
        buttons.setPadding(new Insets(0, 12, 12, 12));
        for (Button b : List.of(start, pause, resume, step, reset)) {
            b.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        }
        status.setWrapText(true);
        status.setPadding(new Insets(0, 12, 12, 12));
        status.setId("race-status");
        VBox left = new VBox(form, buttons, status);
        left.setPrefWidth(440);
        left.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);

        Pane scorePane = chartPane(scoreView, true);
        Pane profilePane = chartPane(profileView, false);
        scorePane.setId("race-score-chart");
        profilePane.setId("race-profile-chart");
        HBox chartsBox = new HBox(scorePane, profilePane);
        HBox.setHgrow(scorePane, Priority.ALWAYS);
        HBox.setHgrow(profilePane, Priority.ALWAYS);
        scorePane.prefWidthProperty().bind(chartsBox.widthProperty().multiply(0.58));
        profilePane.prefWidthProperty().bind(chartsBox.widthProperty().multiply(0.42));
        VBox center = new VBox(chartsBox, rows);
        VBox.setVgrow(chartsBox, Priority.ALWAYS);
        BorderPane root = new BorderPane(center);
        root.setLeft(left);
        root.getStyleClass().add("unrolled-root");
        if (palette.background().getBrightness() < 0.5) {
            root.getStyleClass().add("dark");
        }
        javafx.geometry.Dimension2D size = sceneSize(javafx.stage.Screen.getPrimary().getVisualBounds());
        Scene scene = new Scene(root, size.getWidth(), size.getHeight());
        scene.getStylesheets().addAll(ThemeStyles.stylesheets());
        stage.initOwner(owner);
        stage.setTitle("Train: the race — Unrolled");
        stage.setScene(scene);
        stage.setOnHidden(e -> {
            timer.stop();
            stop();
            charts.close();
        });
        updateButtons();
        timer.start();
    }

    /** Opens the Train view in the main window's {@code palette}; {@code confirmDiscard} asks about unsaved work before a network replaces it. */
    static RaceWindow open(Window owner, AppModel model, Palette palette, Consumer<Runnable> confirmDiscard) {
        RaceWindow w = new RaceWindow(owner, model, palette, confirmDiscard);
        w.stage.show();
        return w;
    }

    /** 1600×950, or the screen where it is smaller (a 1280×720 projector), so that nothing lies off the screen. */
    static javafx.geometry.Dimension2D sceneSize(javafx.geometry.Rectangle2D screen) {
        return new javafx.geometry.Dimension2D(Math.min(1600, screen.getWidth()), Math.min(950, screen.getHeight()));
    }

    Stage stage() {
        return stage;
    }

    RaceSession session() {
        return session;
    }

    RaceForm form() {
        return form;
    }

    RaceCharts charts() {
        return charts;
    }

    private Pane chartPane(ImageView view, boolean scores) {
        Pane pane = new Pane(view);
        pane.setMinSize(200, 200);
        pane.widthProperty().addListener((o, was, is) -> charts.resize(scores, pane.getWidth(), pane.getHeight()));
        pane.heightProperty().addListener((o, was, is) -> charts.resize(scores, pane.getWidth(), pane.getHeight()));
        view.setId(scores ? "race-scores" : "race-profiles");
        return pane;
    }

    private void begin(boolean run) {
        if (session == null) {
            try {
                session = new RaceSession(form.settings(), form.nets(), Math.min(2, Runtime.getRuntime().availableProcessors()),
                        form.target(), RaceForm.MAX_SEQUENCES);
            } catch (IllegalArgumentException e) {
                status.setText("Cannot start: " + e.getMessage());
                return;
            }
            charts.follow(session, form.selectedTask(), form.target());
            rows.build(session.race().runners(), form.selectedTask().isRegression(), charts::swatch, this::openNetwork,
                    this::saveNetwork);
            form.setDisable(true);
        }
        if (run) {
            session.start();
        }
        updateButtons();
    }

    private void stop() {
        if (session != null) {
            session.close();
            session = null;
        }
        charts.follow(null, form.selectedTask(), form.target());
        rows.clear();
        form.setDisable(false);
        status.setText("Choose the settings and press Start.");
        updateButtons();
    }

    private void updateButtons() {
        boolean has = session != null;
        boolean running = has && session.running();
        start.setDisable(has);
        pause.setDisable(!running);
        resume.setDisable(!has || running || session.race().finished());
        step.setDisable(running || (has && session.race().finished()));
        reset.setDisable(!has);
    }

    private void refresh() {
        charts.show(scoreView, profileView);
        if (session == null) {
            return;
        }
        rows.refresh(session.race().runners(), form.selectedTask().isRegression());
        status.setText(session.race().finished() ? "Every network has stopped (at the target or after "
                + String.format(Locale.ROOT, "%,d", RaceForm.MAX_SEQUENCES) + " sequences)."
                : session.running() ? "Training on " + Math.min(2, Runtime.getRuntime().availableProcessors())
                + " threads…" : "Paused.");
        updateButtons();
    }

    private java.util.concurrent.CompletableFuture<ScenarioDocument> current(Race.Runner r) {
        RaceSession s = session;
        return s.ask(race -> {
            race.evaluateNow(r);
            return RaceScenarios.of(r, form.command(r.trainer().net(), r.trainer().sequences()), 0);
        });
    }

    private void openNetwork(Race.Runner r) {
        current(r).whenComplete((s, error) -> Platform.runLater(() -> {
            if (error != null) {
                status.setText("Could not take the network: " + error.getMessage());
                return;
            }
            confirmDiscard.accept(() -> model.openUnsaved(s, RaceScenarios.fileStem(r.trainer().net()) + " (race)"));
        }));
    }

    private void saveNetwork(Race.Runner r) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Save this network as a sample");
        chooser.setInitialFileName(form.selectedTask().jsonName() + "-" + RaceScenarios.fileStem(r.trainer().net()) + ".json");
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("Scenario (*.json)", "*.json"));
        java.io.File file = chooser.showSaveDialog(stage);
        if (file != null) {
            saveTo(r, file.toPath());
        }
    }

    /** Writes the network now, with its history, to {@code file} (atomically, off the JavaFX thread). */
    void saveTo(Race.Runner r, Path file) {
        current(r).thenAcceptAsync(s -> {
            try {
                org.unrolled.io.ScenarioWriter.save(s, file);
                Platform.runLater(() -> status.setText("Saved " + file.getFileName() + "."));
            } catch (java.io.IOException e) {
                Platform.runLater(() -> status.setText(file + ": could not be saved ("
                        + org.unrolled.io.AtomicFiles.describe(e) + "); nothing was overwritten."));
            }
        });
    }
}
