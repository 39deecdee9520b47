package org.unrolled.app;

import java.io.File;
import java.nio.file.Path;
import java.util.List;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Scene;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.MenuItem;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.TransferMode;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Pane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import javafx.stage.Stage;
import javafx.util.Duration;
import org.unrolled.view.Explainer;
import org.unrolled.view.GradientPlot;
import org.unrolled.view.Hit;
import org.unrolled.view.NetworkCanvas;
import org.unrolled.view.Numbers;

/**
 * The main window: menus, the canvas with its hover card and error banner, the timeline, and the side
 * panel. Wires controls to the {@link AppModel}; the views bind to the model, not to each other.
 */
public final class MainWindow {
    /** The built-in samples, in menu order: file name and menu label. */
    static final String[][] SAMPLES = {
        {"Sequence mappings", "one-to-one.json", "One-to-one: a single step"},
        {"Sequence mappings", "rnn-step.json", "The RNN step: the same weights at every step"},
        {"Sequence mappings", "captioning.json", "One-to-many: caption a picture, reading its own words"},
        {"Sequence mappings", "sentiment.json", "Many-to-one: the sentiment of a sentence"},
        {"Sequence mappings", "tagging.json", "Aligned many-to-many: tag each word"},
        {"Sequence mappings", "translation.json", "Encoder–decoder: translate a phrase"},
        {"Sequence mappings", "gru-seq2seq.json", "Encoder–decoder with the context C"},
        {"Backpropagation through time", "rnn-vanishing.json", "Vanishing gradients in a vanilla RNN (ρ = 0.5)"},
        {"Backpropagation through time", "rnn-exploding.json", "Exploding gradients in a ReLU RNN (ρ = 2)"},
        {"Teacher forcing", "teacher-forcing.json", "Teacher forcing versus free running (exposure bias)"},
        {"LSTM and GRU", "default.json", "An LSTM reads a wave (the default)"},
        {"LSTM and GRU", "lstm-highway.json", "The LSTM highway keeps the gradient"},
        {"LSTM and GRU", "lstm-gates.json", "The three LSTM gates: write, keep, read, erase"},
        {"LSTM and GRU", "order-lstm.json", "Which came first, T = 50: the LSTM learns it"},
        {"LSTM and GRU", "order-gru.json", "Which came first, T = 50: the GRU learns it, faster"},
        {"LSTM and GRU", "order-rnn.json", "Which came first, T = 50: the vanilla RNN does not"},
        {"The race: gates against vanishing", "adding-lstm.json", "Adding problem, T = 100: the LSTM learns it"},
        {"The race: gates against vanishing", "adding-gru.json", "Adding problem, T = 100: the GRU learns it"},
        {"The race: gates against vanishing", "adding-rnn.json", "Adding problem, T = 100: the vanilla RNN does not"},
        {"LSTM and GRU", "lstm-wave-trained.json", "A trained LSTM predicts the wave"},
    };

    private final AppModel model;
    private final Lesson lesson;
    private final Duration glide;
    private javafx.animation.Timeline rolling;
    private double rollingTarget = 1;
    private final Stage stage;
    private final NetworkCanvas canvas = new NetworkCanvas();
    private final GradientPlot plot = new GradientPlot();
    private final javafx.beans.property.BooleanProperty presenting = new javafx.beans.property.SimpleBooleanProperty(false);
    private final javafx.beans.property.StringProperty theme = new javafx.beans.property.SimpleStringProperty("light");
    private final javafx.beans.property.DoubleProperty textScale = new javafx.beans.property.SimpleDoubleProperty(1.0);
    private final javafx.scene.control.CheckMenuItem showPlot = new javafx.scene.control.CheckMenuItem("Gradient plot");
    private final javafx.scene.control.CheckMenuItem showSide = new javafx.scene.control.CheckMenuItem("Side panel");
    private final javafx.scene.layout.Region blank = new javafx.scene.layout.Region();
    private final javafx.scene.shape.Circle laser = new javafx.scene.shape.Circle(18);
    private final javafx.beans.property.BooleanProperty laserOn = new javafx.beans.property.SimpleBooleanProperty(true);
    private final javafx.scene.layout.GridPane helpOverlay = helpGrid(24);
    /** What each shortcut does: the menus and the key handler both run these. */
    private final java.util.EnumMap<Shortcut, Runnable> actions = new java.util.EnumMap<>(Shortcut.class);
    private final VBox hoverCard = new VBox(2);
    private final Label errorText = new Label();
    private final HBox errorBanner;
    private final Scene scene;

    public MainWindow(Stage stage, AppModel model) {
        this(stage, model, Duration.millis(600));
    }

    /** {@code glide}: how long moving to a lesson beat takes (zero in tests). */
    MainWindow(Stage stage, AppModel model, Duration glide) {
        this.stage = stage;
        this.model = model;
        this.lesson = new Lesson(model, glide);
        this.quiz = new Quiz(lesson);
        model.openedProperty().addListener(o -> quiz.stop()); // a quiz is about the file it started on
        windowActions();
        this.glide = glide;

        canvas.setId("network");
        canvas.traceProperty().bind(javafx.beans.binding.Bindings.createObjectBinding(
                () -> model.document() == null ? null : model.document().trace(), model.documentProperty()));
        canvas.positionProperty().bind(model.playback().positionProperty());
        canvas.viewProperty().bindBidirectional(model.viewProperty());
        model.hoveredProperty().bind(canvas.hoveredProperty());
        canvas.clickedProperty().addListener((o, was, is) -> model.selectedProperty().set(is));
        // a click on the picture gives the keys back to the timeline (the canvas is not in the Tab order)
        canvas.addEventHandler(javafx.scene.input.MouseEvent.MOUSE_PRESSED, e -> canvas.requestFocus());

        hoverCard.getStyleClass().add("hover-card");
        hoverCard.setManaged(false);
        hoverCard.setVisible(false);
        hoverCard.setMouseTransparent(true);
        canvas.hoveredProperty().addListener((o, was, is) -> showHoverCard(is));
        // a dialog or another window in front: the card would float over it
        stage.focusedProperty().addListener((o, was, is) -> {
            if (!is) {
                hoverCard.setVisible(false);
            }
        });
        // the keys go to the timeline from the start, not to the first control
        stage.setOnShown(e -> canvas.requestFocus());

        errorText.setWrapText(true);
        errorText.setId("error-text");
        errorText.getStyleClass().add("error-text");
        Button dismiss = new Button("Dismiss");
        dismiss.setOnAction(e -> model.dismissError());
        dismiss.setTooltip(new javafx.scene.control.Tooltip("Hide this message (Esc)"));
        errorBanner = new HBox(12, new Label("⚠"), errorText, dismiss);
        errorBanner.getStyleClass().add("error-banner");
        errorBanner.setId("error-banner");
        errorBanner.setAlignment(Pos.CENTER_LEFT);
        errorBanner.setPadding(new Insets(10, 16, 10, 16));
        errorBanner.setMaxHeight(Region.USE_PREF_SIZE);
        HBox.setHgrow(errorText, Priority.ALWAYS);
        errorBanner.visibleProperty().bind(model.errorProperty().isNotEmpty());
        errorText.textProperty().bind(model.errorProperty());

        Label status = new Label();
        status.getStyleClass().add("status-text");
        status.textProperty().bind(model.statusProperty());
        status.visibleProperty().bind(model.statusProperty().isNotEmpty());

        laser.getStyleClass().add("laser");
        laser.setMouseTransparent(true);
        laser.setManaged(false);
        laser.visibleProperty().bind(presenting.and(laserOn));
        canvas.addEventHandler(javafx.scene.input.MouseEvent.MOUSE_MOVED, e -> {
            laser.setCenterX(e.getX());
            laser.setCenterY(e.getY());
        });
        Pane overlay = new Pane(hoverCard, laser);
        overlay.setMouseTransparent(true);
        overlay.setPickOnBounds(false);
        StackPane center = new StackPane(canvas, overlay, errorBanner, status);
        StackPane.setAlignment(errorBanner, Pos.TOP_CENTER);
        StackPane.setAlignment(status, Pos.BOTTOM_LEFT);
        StackPane.setMargin(errorBanner, new Insets(12));

        plot.setId("gradient-plot");
        plot.traceProperty().bind(canvas.traceProperty());
        plot.positionProperty().bind(model.playback().positionProperty());
        plot.setOnJump(p -> {
            model.playback().playingProperty().set(false);
            model.playback().positionProperty().set(p);
        });
        CaptionBar captions = new CaptionBar(model, lesson);
        VBox.setVgrow(center, Priority.ALWAYS);
        // the picture takes what is left: the overlays stacked on it (the help table) must not set its size
        center.setMinSize(0, 0);
        VBox main = new VBox(captions, center, plot);
        BorderPane root = new BorderPane(main);
        javafx.scene.control.MenuBar menuBar = MainMenus.build(this);
        TimelineBar timelineBar = new TimelineBar(model);
        timelineBar.addAction(org.kordamp.ikonli.materialdesign2.MaterialDesignR.RELOAD,
                "Rolled view: one looping cell; again to unfold it in time (R)", this::toggleRolled).setId("rolled-button");
        timelineBar.addAction(org.kordamp.ikonli.materialdesign2.MaterialDesignP.PRESENTATION_PLAY,
                "Presentation mode: full screen, for the lecture hall (F5; Esc leaves)",
                () -> presenting.set(true)).setId("present-button");
        root.setTop(menuBar);
        SmallScreens.timeline(root, timelineBar);
        javafx.scene.control.Tab stepTab = new javafx.scene.control.Tab("Step", new DetailsPanel(model));
        // the hidden tabs are built when first chosen: their controls' styling would delay the window
        javafx.scene.control.Tab whatIfTab = lazyTab("What if", () -> new WhatIfPanel(model));
        whatIfTab.setId("what-if-tab");
        javafx.scene.control.Tab notationTab = lazyTab("Notation", () -> new NotationPanel(model));
        notationTab.setId("notation-tab");
        javafx.scene.control.TabPane side = new javafx.scene.control.TabPane(stepTab, whatIfTab, notationTab);
        side.setTabClosingPolicy(javafx.scene.control.TabPane.TabClosingPolicy.UNAVAILABLE);
        side.setPrefWidth(430);
        side.setMinWidth(320);
        root.setRight(side);
        root.getStyleClass().add("unrolled-root");
        // presentation: the canvas, the captions and the gradient plot (the evidence of the gradient
        // lessons; G hides it), full screen
        for (javafx.scene.Node n : new javafx.scene.Node[] {menuBar, timelineBar}) {
            n.visibleProperty().bind(presenting.not());
            n.managedProperty().bind(presenting.not());
        }
        SmallScreens.install(root, side, showSide, plot, captions, presenting, showPlot);
        presenting.addListener((o, was, is) -> {
            root.getStyleClass().remove("presenting");
            if (is) {
                root.getStyleClass().add("presenting"); // larger captions for the back row
            }
            FullScreen.set(stage, is, ""); // the hint is PresentHint's, in a corner, not over the current cell
            model.viewProperty().set(model.viewProperty().get().presenting(is));
            if (is) {
                canvas.requestFocus();
            }
        });
        stage.fullScreenProperty().addListener((o, was, is) -> {
            if (!is) {
                presenting.set(false);
            }
        });
        blank.getStyleClass().add("blank-screen");
        blank.setVisible(false);
        helpOverlay.setVisible(false);
        // the whole table, scaled down when the picture is smaller than it (a small window, a low resolution)
        javafx.beans.binding.DoubleBinding fit = javafx.beans.binding.Bindings.createDoubleBinding(() -> Math.min(1,
                Math.min((center.getWidth() - 24) / Math.max(1, helpOverlay.prefWidth(-1)),
                        (center.getHeight() - 24) / Math.max(1, helpOverlay.prefHeight(-1)))),
                center.widthProperty(), center.heightProperty(), helpOverlay.needsLayoutProperty());
        helpOverlay.scaleXProperty().bind(fit);
        helpOverlay.scaleYProperty().bind(fit);
        helpOverlay.setMouseTransparent(true);
        center.getChildren().addAll(helpOverlay, blank);
        PresentHint.install(center, presenting);
        theme.addListener(o -> applyTheme(root));
        textScale.addListener(o -> applyTheme(root));

        javafx.geometry.Rectangle2D screen = javafx.stage.Screen.getPrimary().getVisualBounds();
        scene = new Scene(root, Math.min(1600, screen.getWidth() * 0.92), Math.min(960, screen.getHeight() * 0.92));
        scene.getStylesheets().add(MainWindow.class.getResource("/assets/styles/unrolled.css").toExternalForm());
        scene.addEventFilter(KeyEvent.KEY_PRESSED, this::onKey);
        // Menus show plain keys (F, R, F5, F11) beside their items, but the scene would run a menu accelerator
        // before the focused control sees the key: F typed into a field would fit the picture. Those keys are
        // left to onKey, which asks keyIsOurs first.
        scene.getAccelerators().addListener((javafx.collections.MapChangeListener<javafx.scene.input.KeyCombination,
                Runnable>) c -> {
            if (c.wasAdded() && isPlain(c.getKey())) {
                javafx.application.Platform.runLater(() -> scene.getAccelerators().remove(c.getKey()));
            }
        });
        scene.getAccelerators().keySet().removeIf(MainWindow::isPlain);
        scene.setOnDragOver(e -> {
            if (e.getDragboard().hasFiles()) {
                e.acceptTransferModes(TransferMode.COPY);
            }
            e.consume();
        });
        scene.setOnDragDropped(e -> {
            List<File> files = e.getDragboard().getFiles();
            boolean ok = files != null && !files.isEmpty();
            if (ok) {
                Path dropped = files.get(0).toPath();
                javafx.application.Platform.runLater(() -> confirmDiscard(() -> model.open(dropped)));
            }
            e.setDropCompleted(ok);
            e.consume();
        });

        stage.setScene(scene);
        stage.titleProperty().bind(javafx.beans.binding.Bindings.createStringBinding(
                () -> model.document() == null ? "Unrolled"
                        : (model.dirtyProperty().get() ? "*" : "") + model.document().name() + " — Unrolled",
                model.documentProperty(), model.dirtyProperty()));
        stage.setOnCloseRequest(e -> {
            if (!confirmDiscard(() -> stage.close())) {
                e.consume();
            }
        });
        stage.setFullScreenExitHint("Press Esc to leave");
    }

    public Scene scene() {
        return scene;
    }

    AppModel model() {
        return model;
    }

    Stage stage() {
        return stage;
    }

    Lesson lesson() {
        return lesson;
    }

    javafx.scene.control.CheckMenuItem showSideItem() {
        return showSide;
    }

    javafx.scene.control.CheckMenuItem showPlotItem() {
        return showPlot;
    }

    public NetworkCanvas canvas() {
        return canvas;
    }

    /**
     * Runs {@code then} unless there are unsaved changes the user wants to keep: asks Save / Don't
     * Save / Cancel. Returns whether {@code then} ran (or will run, after a save) rather than being
     * cancelled.
     */
    boolean confirmDiscard(Runnable then) {
        if (!model.dirtyProperty().get()) {
            then.run();
            return true;
        }
        javafx.scene.control.ButtonType saveButton = new javafx.scene.control.ButtonType("Save",
                javafx.scene.control.ButtonBar.ButtonData.YES);
        javafx.scene.control.ButtonType discard = new javafx.scene.control.ButtonType("Don't Save",
                javafx.scene.control.ButtonBar.ButtonData.NO);
        Alert ask = new Alert(Alert.AlertType.CONFIRMATION, "Your changes to \"" + model.document().name()
                + "\" will be lost if you don't save them.", saveButton, discard, javafx.scene.control.ButtonType.CANCEL);
        ask.initOwner(stage);
        ask.setTitle("Unsaved changes");
        ask.setHeaderText("Save the changes to " + model.document().name() + "?");
        javafx.scene.control.ButtonType answer = ask.showAndWait().orElse(javafx.scene.control.ButtonType.CANCEL);
        if (answer == discard) {
            then.run();
            return true;
        }
        if (answer == saveButton) {
            return save(then);
        }
        return false;
    }

    /** Saves to the document's file, or asks for one; {@code then} runs after a successful save. */
    boolean save(Runnable then) {
        Document d = model.document();
        if (d == null) {
            return false;
        }
        if (d.file() == null) {
            return saveAs(then);
        }
        model.save(d.file(), then == null ? () -> { } : then);
        return true;
    }

    boolean saveAs(Runnable then) {
        Document d = model.document();
        if (d == null) {
            return false;
        }
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Save the scenario");
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("Scenarios (*.json)", "*.json"));
        chooser.setInitialFileName(d.name().endsWith(".json") ? d.name() : d.name() + ".json");
        File f = chooser.showSaveDialog(stage); // the chooser itself asks before replacing a file
        if (f == null) {
            return false;
        }
        model.save(f.toPath(), then == null ? () -> { } : then);
        return true;
    }

    /** The frame on screen (without the hover outline), at the canvas's size; rolled up if it is. */
    javafx.scene.image.WritableImage currentFrame() {
        org.unrolled.view.FrameRenderer r = new org.unrolled.view.FrameRenderer(
                (int) Math.max(16, canvas.getWidth()), (int) Math.max(16, canvas.getHeight()));
        double unfold = canvas.unfoldProperty().get();
        if (unfold < 1) {
            return r.renderRolled(model.document().trace(), model.viewProperty().get(), unfold);
        }
        return r.render(model.document().trace(), model.viewProperty().get(), model.playback().positionProperty().get());
    }

    void saveFrame() {
        if (model.document() == null) {
            return;
        }
        javafx.scene.image.WritableImage img = currentFrame();
        SaveFrame.ask(stage, new SaveFrame.Shown(model.document().trace(), model.viewProperty().get(),
                model.playback().positionProperty().get(), canvas.unfoldProperty().get(), (int) img.getWidth(),
                (int) img.getHeight()), img);
    }

    void chooseFile() {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Open a scenario");
        chooser.getExtensionFilters().addAll(new FileChooser.ExtensionFilter("Scenarios (*.json)", "*.json"),
                new FileChooser.ExtensionFilter("All files", "*.*"));
        Document d = model.document();
        if (d != null && d.file() != null && d.file().toAbsolutePath().getParent() != null) {
            chooser.setInitialDirectory(d.file().toAbsolutePath().getParent().toFile());
        }
        File f = chooser.showOpenDialog(stage);
        if (f != null) {
            model.open(f.toPath());
        }
    }

    /**
     * Asks for a beat at the current place on the timeline and inserts it after the beat last walked to
     * (or at the end): an ordinary, undoable edit, saved with the scenario.
     */
    void addBeatHere() {
        Document d = model.document();
        if (d == null) {
            return;
        }
        org.unrolled.view.Timeline t = new org.unrolled.view.Timeline(d.trace());
        double p = model.playback().positionProperty().get();
        boolean backward = t.inBackward(p);
        int step = backward ? t.backwardCurrent(p) : Math.max(0, org.unrolled.view.Timeline.current(p));
        String where = step == 0 ? "the start (h₀)" : (backward ? "the backward pass, step " : "step ") + step;
        BeatDialog.ask(stage, d.scenario(), step, backward, where).ifPresent(beat -> {
            int at = lesson.indexProperty().get() < 0 ? d.scenario().lesson().size()
                    : Math.min(lesson.indexProperty().get() + 1, d.scenario().lesson().size());
            model.edit("beat-" + System.nanoTime(), s -> {
                org.unrolled.engine.Scenario with = org.unrolled.engine.ScenarioEdits.withBeat(s, at, beat);
                lesson.lessonEdited(s, with);
                return with;
            });
            if (lesson.beats().size() > at && lesson.beats().get(at).equals(beat)) {
                lesson.goTo(at); // (a large scenario recomputes in the background: then it is not there yet)
            }
        });
    }

    /**
     * Asks for a question on the lesson beat on screen and sets it there (replacing one it had): an
     * ordinary, undoable edit, saved with the scenario.
     */
    void addQuestionHere() {
        Document d = model.document();
        org.unrolled.engine.Beat beat = lesson.activeBeatProperty().get();
        int k = lesson.indexProperty().get();
        if (d == null || beat == null || k < 0) {
            return;
        }
        String where = "beat " + (k + 1) + " (" + (beat.step() == 0 ? "the start" : (beat.backward()
                ? "the backward pass, step " : "step ") + beat.step()) + ")";
        QuestionDialog.ask(stage, d.trace(), where).ifPresent(q -> model.edit("question-" + System.nanoTime(), s -> {
            org.unrolled.engine.Scenario with = org.unrolled.engine.ScenarioEdits.withBeat(
                    org.unrolled.engine.ScenarioEdits.withoutBeat(s, k), k, s.lesson().get(k).withQuestion(q));
            lesson.lessonEdited(s, with);
            return with;
        }));
    }

    private final Quiz quiz;

    Quiz quiz() {
        return quiz;
    }

    /** View ▸ Quiz me: walks the open sample's questions as a self-test. */
    void startQuiz() {
        if (!quiz.start()) {
            new Alert(Alert.AlertType.INFORMATION, "This scenario asks no questions: its lesson has none."
                    + " Edit ▸ Add question here writes one on a beat.").show();
        }
    }

    /** The score at the end of a quiz, with a link back to each missed question. */
    void showQuizScore() {
        javafx.scene.layout.VBox box = new javafx.scene.layout.VBox(8);
        box.setId("quiz-score");
        box.setPadding(new Insets(12));
        Label score = new Label(quiz.score() + " of " + quiz.results().size() + " right");
        score.setId("quiz-score-text");
        score.getStyleClass().add("details-title");
        box.getChildren().add(score);
        javafx.scene.control.Dialog<Void> dialog = new javafx.scene.control.Dialog<>();
        dialog.initOwner(stage);
        dialog.setTitle("Quiz me: your score");
        for (Quiz.Result r : quiz.results()) {
            if (r.right()) {
                continue;
            }
            org.unrolled.engine.Beat b = r.question();
            javafx.scene.control.Hyperlink link = new javafx.scene.control.Hyperlink("Beat " + (r.beat() + 1) + ": "
                    + b.question().prompt() + " (you chose " + (r.picked() < 0 ? "nothing"
                    : org.unrolled.engine.Questions.Answer.letter(r.picked())) + "; the answer is "
                    + (r.correct() < 0 ? "undecided" : org.unrolled.engine.Questions.Answer.letter(r.correct())) + ")");
            link.setId("quiz-missed-" + r.beat());
            link.setWrapText(true);
            link.setOnAction(e -> {
                dialog.close();
                quiz.review(r);
            });
            box.getChildren().add(link);
        }
        if (quiz.score() == quiz.results().size()) {
            box.getChildren().add(new Label("Every one right."));
        }
        box.setPrefWidth(640);
        dialog.getDialogPane().setContent(box);
        dialog.getDialogPane().getButtonTypes().add(javafx.scene.control.ButtonType.CLOSE);
        dialog.show();
    }

    /** Saves the lesson as a Markdown handout: questions before their captions, answers at the end. */
    void exportHandout() {
        Document d = model.document();
        if (d == null) {
            return;
        }
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Export a handout");
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("Markdown (*.md)", "*.md"));
        chooser.setInitialFileName("handout.md");
        File f = chooser.showSaveDialog(stage);
        if (f == null) {
            return;
        }
        org.unrolled.engine.Trace trace = d.trace();
        Thread writer = new Thread(() -> {
            try {
                byte[] md = org.unrolled.export.Handout.markdown(trace).getBytes(java.nio.charset.StandardCharsets.UTF_8);
                org.unrolled.io.AtomicFiles.write(f.toPath(), out -> out.write(md));
            } catch (java.io.IOException | RuntimeException e) {
                javafx.application.Platform.runLater(() -> new Alert(Alert.AlertType.ERROR,
                        f + " could not be saved: " + e.getMessage()).show());
            }
        }, "unrolled-save-handout");
        writer.setDaemon(true);
        writer.start();
    }

    /** Rolls the network up into one looping cell, or unfolds it in time (animated). */
    void toggleRolled() {
        double target = canvas.unfoldProperty().get() >= 1 ? 0 : 1;
        if (rolling != null) {
            rolling.stop();
            target = rollingTarget == 0 ? 1 : 0;
        }
        rollingTarget = target;
        Duration length = glide.multiply(3);
        if (length.lessThanOrEqualTo(Duration.ZERO)) {
            canvas.unfoldProperty().set(target);
            rolling = null;
            return;
        }
        rolling = new javafx.animation.Timeline(new javafx.animation.KeyFrame(length,
                new javafx.animation.KeyValue(canvas.unfoldProperty(), target, javafx.animation.Interpolator.LINEAR)));
        rolling.setOnFinished(e -> rolling = null);
        rolling.play();
    }

    /** 1 when the network is shown unrolled, 0 rolled up. */
    javafx.beans.property.ReadOnlyDoubleProperty unfoldProperty() {
        return canvas.unfoldProperty();
    }

    /**
     * Whether the window's shortcut for {@code code} applies, or the focused control needs the key. A
     * clicker's Page Up/Down, F5 and Esc always apply (except in a multi-line text); text fields get every
     * other key; sliders, spinners, choice boxes, toggles and the tab header their arrows, Space, Enter
     * and Home/End; a focused button Space and Enter.
     */
    static boolean keyIsOurs(javafx.scene.Node focus, KeyCode code) {
        boolean always = code == KeyCode.PAGE_DOWN || code == KeyCode.PAGE_UP || code == KeyCode.F5
                || code == KeyCode.ESCAPE;
        if (always && !(focus instanceof javafx.scene.control.TextArea)) {
            return true; // the clicker works even after typing a number into a field
        }
        boolean typing = focus instanceof javafx.scene.control.TextInputControl
                || focus instanceof javafx.scene.control.Spinner<?> sp && sp.isEditable()
                || focus instanceof javafx.scene.control.ComboBoxBase<?> cb && cb.isEditable();
        if (typing) {
            return false; // an editable spinner takes the focus for its text field: letters are typing
        }
        boolean navigation = code.isArrowKey() || code == KeyCode.SPACE || code == KeyCode.HOME || code == KeyCode.END
                || code == KeyCode.ENTER;
        boolean editing = focus instanceof javafx.scene.control.Slider || focus instanceof javafx.scene.control.Spinner
                || focus instanceof javafx.scene.control.ComboBoxBase || focus instanceof javafx.scene.control.TabPane
                || focus instanceof javafx.scene.control.ToggleButton
                || (focus != null && focus.getParent() instanceof javafx.scene.control.Spinner);
        if (editing && navigation) {
            return false;
        }
        return !(focus instanceof javafx.scene.control.ButtonBase && (code == KeyCode.SPACE || code == KeyCode.ENTER));
    }

    /** Registers what the window's own shortcuts do (the menus register theirs through {@link #bind}). */
    private void windowActions() {
        Playback p = model.playback();
        actions.put(Shortcut.PLAY, p::togglePlay);
        actions.put(Shortcut.NEXT_STEP, p::stepForward);
        actions.put(Shortcut.PREVIOUS_STEP, p::stepBack);
        actions.put(Shortcut.NEXT_BEAT, () -> {
            if (quiz.runningProperty().get()) {
                if (!quiz.next()) {
                    showQuizScore();
                }
                return;
            }
            if (!lesson.next()) {
                p.stepForward(); // no lesson, or past its last beat: a clicker goes on stepping
            }
        });
        actions.put(Shortcut.PREVIOUS_BEAT, () -> {
            if (!lesson.previous()) {
                p.stepBack();
            }
        });
        actions.put(Shortcut.FIRST, p::home);
        actions.put(Shortcut.LAST, p::end);
        actions.put(Shortcut.LEAVE, () -> {
            model.dismissError();
            blank.setVisible(false);
            helpOverlay.setVisible(false);
            presenting.set(false);
        });
        actions.put(Shortcut.BLANK, () -> {
            if (lesson.askingProperty().get() != null && !lesson.revealedProperty().get()) {
                lesson.guess(1); // B while a question is asked is its choice B, not the blank screen
            } else {
                blank.setVisible(!blank.isVisible());
            }
        });
        actions.put(Shortcut.ANSWER_A, () -> lesson.guess(0));
        actions.put(Shortcut.ANSWER_B, () -> lesson.guess(1));
        actions.put(Shortcut.ANSWER_C, () -> lesson.guess(2));
        actions.put(Shortcut.ANSWER_D, () -> lesson.guess(3));
        actions.put(Shortcut.LASER, () -> laserOn.set(!laserOn.get()));
        actions.put(Shortcut.HELP, () -> helpOverlay.setVisible(!helpOverlay.isVisible()));
        actions.put(Shortcut.PLOT, () -> showPlot.setSelected(!showPlot.isSelected()));
        showPlot.setAccelerator(Shortcut.PLOT.accelerator()); // shown in the menu; the key goes through onKey
    }

    private final List<Runnable> unbuiltTabs = new java.util.ArrayList<>();

    /** A tab whose content is made the first time it is selected (or by {@link #buildAllTabs()}). */
    private javafx.scene.control.Tab lazyTab(String title, java.util.function.Supplier<javafx.scene.Node> content) {
        javafx.scene.control.Tab tab = new javafx.scene.control.Tab(title);
        Runnable build = () -> {
            if (tab.getContent() == null) {
                tab.setContent(content.get());
            }
        };
        unbuiltTabs.add(build);
        tab.selectedProperty().addListener((o, was, is) -> {
            if (is) {
                build.run();
            }
        });
        return tab;
    }

    /** Makes every tab's content now (tests that reach into a tab without choosing it). */
    void buildAllTabs() {
        unbuiltTabs.forEach(Runnable::run);
    }

    private static boolean isPlain(javafx.scene.input.KeyCombination k) {
        for (Shortcut s : Shortcut.values()) {
            if (s.plainKey() && s.keys.contains(k)) {
                return true;
            }
        }
        return false;
    }

    /** Gives a menu item the shortcut's accelerator and action. */
    MenuItem bind(MenuItem item, Shortcut shortcut, Runnable action) {
        // the key does what the item does, and nothing while the item is disabled
        actions.put(shortcut, () -> {
            if (!item.isDisable()) {
                action.run();
            }
        });
        item.setAccelerator(shortcut.accelerator());
        item.setOnAction(e -> action.run());
        return item;
    }

    private void onKey(KeyEvent e) {
        Shortcut s = Shortcut.of(e);
        Runnable action = s == null ? null : actions.get(s);
        if (action == null) {
            return;
        }
        if (s.plainKey() && !keyIsOurs(scene.getFocusOwner(), e.getCode())) {
            return;
        }
        if (!s.plainKey() && scene.getFocusOwner() instanceof javafx.scene.control.TextInputControl
                && (s == Shortcut.UNDO || s == Shortcut.REDO)) {
            return; // Ctrl+Z in a text field undoes the typing
        }
        action.run();
        e.consume();
    }

    /** The shortcuts as a table of key and what it does, in two columns of pairs; {@code size} in px. */
    static javafx.scene.layout.GridPane helpGrid(double size) {
        javafx.scene.layout.GridPane grid = new javafx.scene.layout.GridPane();
        grid.getStyleClass().add("help-overlay");
        grid.setHgap(size * 0.6);
        grid.setVgap(size * 0.15);
        Shortcut[] all = Shortcut.values();
        int rows = (all.length + 1) / 2;
        for (int k = 0; k < all.length; k++) {
            Label key = new Label(all[k].keyName);
            key.getStyleClass().add("help-key");
            key.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE); // never "Sp..."
            Label what = new Label(all[k].description);
            what.getStyleClass().add("help-text");
            what.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
            grid.add(key, (k / rows) * 2, k % rows);
            grid.add(what, (k / rows) * 2 + 1, k % rows);
        }
        Label mouse = new Label("Mouse: scroll to zoom, drag to pan, double-click to fit; point at any square to see"
                + " where its number came from.");
        mouse.getStyleClass().add("help-text");
        mouse.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        grid.add(mouse, 0, rows, 4, 1);
        grid.setMaxSize(javafx.scene.layout.Region.USE_PREF_SIZE, javafx.scene.layout.Region.USE_PREF_SIZE);
        return grid;
    }

    private void showHoverCard(Hit hit) {
        Document d = model.document();
        if (hit == null || d == null || !hit.ref().existsIn(d.trace(), hit.index())) {
            hoverCard.setVisible(false);
            return;
        }
        Explainer.Explanation e = Explainer.explain(d.trace(), hit.ref(), hit.index());
        hoverCard.getChildren().clear();
        Label name = new Label(e.name() + " = " + Numbers.format(e.value()));
        name.getStyleClass().add("hover-name");
        Label what = new Label(e.title());
        what.getStyleClass().add("hover-title");
        hoverCard.getChildren().addAll(name, what);
        for (String line : e.lines()) {
            Label l = new Label(line);
            l.getStyleClass().add("hover-line");
            hoverCard.getChildren().add(l);
        }
        hoverCard.applyCss();
        hoverCard.autosize();
        double w = hoverCard.prefWidth(-1);
        double h = hoverCard.prefHeight(-1);
        double x = hit.area().right() + 14;
        double y = hit.area().y();
        if (x + w > canvas.getWidth() - 8) {
            x = hit.area().x() - w - 14;
        }
        y = Math.max(8, Math.min(canvas.getHeight() - h - 8, y));
        hoverCard.resizeRelocate(Math.max(8, x), y, w, h);
        hoverCard.setVisible(true);
    }

    /** Light, dark or projector, at the chosen text scale: the controls' theme, the canvas, the plot. */
    private void applyTheme(javafx.scene.Parent root) {
        boolean isDark = "dark".equals(theme.get());
        javafx.application.Application.setUserAgentStylesheet(isDark
                ? new atlantafx.base.theme.PrimerDark().getUserAgentStylesheet()
                : new atlantafx.base.theme.PrimerLight().getUserAgentStylesheet());
        root.getStyleClass().remove("dark");
        if (isDark) {
            root.getStyleClass().add("dark");
        }
        org.unrolled.view.Palette base = org.unrolled.view.Palette.of(theme.get());
        org.unrolled.view.Palette palette = base.withScale(base.scale() * textScale.get());
        model.viewProperty().set(model.viewProperty().get().withPalette(palette));
        plot.paletteProperty().set(palette);
    }

    public javafx.beans.property.BooleanProperty presentingProperty() {
        return presenting;
    }

    /** "light", "dark" or "projector". */
    public javafx.beans.property.StringProperty themeProperty() {
        return theme;
    }

    public javafx.beans.property.DoubleProperty textScaleProperty() {
        return textScale;
    }

    void showShortcuts() {
        Alert a = new Alert(Alert.AlertType.INFORMATION);
        a.initOwner(stage);
        a.setTitle("Keyboard shortcuts");
        a.setHeaderText("Keyboard and presenter clicker");
        a.getDialogPane().setContent(helpGrid(15));
        a.show();
    }
}
