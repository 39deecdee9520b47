package org.unrolled.app;

import javafx.beans.binding.Bindings;
import javafx.geometry.Pos;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.MenuBar;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.Pane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import javafx.util.Duration;
import org.controlsfx.control.NotificationPane;
import org.kordamp.ikonli.materialdesign2.MaterialDesignP;
import org.kordamp.ikonli.materialdesign2.MaterialDesignR;
import org.unrolled.view.GradientPlot;
import org.unrolled.view.NetworkCanvas;

/**
 * The main window's layout: the menus, the captions, the picture with its hover card, error banner
 * and overlays, the gradient plot, the timeline and the side panel. The views bind to the open
 * {@link Document} ({@link AppModel}) and to how it is shown ({@link WindowState}), never to each
 * other; what the keys and menus do lives in {@link ShortcutKeys}, {@link FileActions} and
 * {@link LessonActions}.
 */
public final class MainWindow {
    private final AppModel model;
    private final WindowState state = new WindowState();
    private final Lesson lesson;
    private final Stage stage;
    private final NetworkCanvas canvas = new NetworkCanvas();
    private final GradientPlot plot = new GradientPlot();
    private final ShortcutKeys keys = new ShortcutKeys();
    private final FileActions files;
    private final LessonActions lessonActions;
    private final RolledView rolled;
    private final Presentation presentation;
    private final ShortcutHelp.Overlay helpOverlay;
    private final SidePanel side;
    /** View ▸ Side panel: folded away by itself in a narrow window (see {@link SmallScreens}). */
    private final javafx.scene.control.CheckMenuItem showSide = new javafx.scene.control.CheckMenuItem("Side panel");
    private final Scene scene;

    public MainWindow(Stage stage, AppModel model) {
        this(stage, model, Duration.millis(600));
    }

    /** {@code glide}: how long moving to a lesson beat takes (zero in tests). */
    MainWindow(Stage stage, AppModel model, Duration glide) {
        this.stage = stage;
        this.model = model;
        this.lesson = new Lesson(model, state, glide);
        this.lessonActions = new LessonActions(stage, model, lesson);
        this.files = new FileActions(stage, model, state, canvas);
        this.rolled = new RolledView(canvas, glide);
        this.presentation = new Presentation(state, canvas);
        model.openedProperty().addListener(o -> state.fit()); // a newly opened document is seen whole
        model.documentProperty().addListener(
                (o, was, is) -> state.setWords(is == null ? null : is.content().vocabulary()));
        if (model.document() != null) {
            state.setWords(model.document().content().vocabulary());
        }

        canvas.setId("network");
        canvas.traceProperty().bind(Bindings.createObjectBinding(
                () -> model.document() == null ? null : model.document().trace(), model.documentProperty()));
        canvas.positionProperty().bind(model.playback().positionProperty());
        // the canvas draws the window state's view; the user's wheel, drags and double-clicks on it are the zoom
        canvas.viewProperty().set(state.viewProperty().get());
        state.viewProperty().addListener((o, was, is) -> {
            if (!is.equals(canvas.viewProperty().get())) {
                canvas.viewProperty().set(is);
            }
        });
        canvas.viewProperty().addListener((o, was, is) -> state.setZoom(WindowState.Zoom.of(is)));
        model.hoveredProperty().bind(canvas.hoveredProperty());
        canvas.clickedProperty().addListener((o, was, is) -> model.selectedProperty().set(is));
        // a click on the picture gives the keys back to the timeline (the canvas is not in the Tab order)
        canvas.addEventHandler(MouseEvent.MOUSE_PRESSED, e -> canvas.requestFocus());
        HoverCard hoverCard = new HoverCard(model, canvas, stage);
        // the keys go to the timeline from the start, not to the first control
        stage.setOnShown(e -> canvas.requestFocus());

        Label status = new Label();
        status.getStyleClass().add("status-text");
        status.textProperty().bind(model.statusProperty());
        status.visibleProperty().bind(model.statusProperty().isNotEmpty());

        Pane overlay = new Pane(hoverCard, presentation.laser());
        overlay.setMouseTransparent(true);
        overlay.setPickOnBounds(false);
        StackPane center = new StackPane(canvas, overlay, status);
        StackPane.setAlignment(status, Pos.BOTTOM_LEFT);
        // the picture takes what is left: the overlays stacked on it (the help table) must not set its size
        center.setMinSize(0, 0);
        center.getChildren().add(presentation.blank());
        helpOverlay = new ShortcutHelp.Overlay(center, presentation.blank());
        NotificationPane picture = ErrorBanner.around(center, model);
        picture.setMinSize(0, 0);

        plot.setId("gradient-plot");
        plot.traceProperty().bind(canvas.traceProperty());
        plot.positionProperty().bind(model.playback().positionProperty());
        plot.paletteProperty().bind(state.paletteProperty());
        plot.setOnJump(p -> {
            model.playback().playingProperty().set(false);
            model.playback().positionProperty().set(p);
        });
        // presentation keeps the gradient plot (the evidence of the gradient lessons); G hides it
        plot.visibleProperty().bind(state.plotShownProperty());
        plot.managedProperty().bind(state.plotShownProperty());
        CaptionBar captions = new CaptionBar(model, lesson);
        VBox.setVgrow(picture, Priority.ALWAYS);
        VBox main = new VBox(captions, picture, plot);
        BorderPane root = new BorderPane(main);
        windowActions();
        MenuBar menuBar = MainMenus.build(this);
        TimelineBar timelineBar = new TimelineBar(model, state::fit);
        timelineBar.addAction(MaterialDesignR.RELOAD, "Rolled view: one looping cell; again to unfold it in time (R)",
                rolled::toggle).setId("rolled-button");
        timelineBar.addAction(MaterialDesignP.PRESENTATION_PLAY,
                "Presentation mode: full screen, for the lecture hall (F5; Esc leaves)",
                () -> state.setPresenting(true)).setId("present-button");
        side = new SidePanel(model);
        root.setTop(menuBar);
        SmallScreens.timeline(root, timelineBar);
        root.setRight(side);
        root.getStyleClass().add("unrolled-root");
        Presentation.follow(state, stage, canvas, root, menuBar, timelineBar);
        SmallScreens.install(root, side, showSide, plot, captions, state.presentingProperty());
        PresentHint.install(center, state.presentingProperty());
        ThemeStyles.follow(state, root);

        javafx.geometry.Rectangle2D screen = javafx.stage.Screen.getPrimary().getVisualBounds();
        scene = new Scene(root, Math.min(1600, screen.getWidth() * 0.92), Math.min(960, screen.getHeight() * 0.92));
        scene.getStylesheets().addAll(ThemeStyles.stylesheets());
        keys.attach(scene);
        files.attach(scene);

        stage.setScene(scene);
        stage.titleProperty().bind(Bindings.createStringBinding(
                () -> model.document() == null ? "Unrolled"
                        : (model.dirtyProperty().get() ? "*" : "") + model.document().name() + " — Unrolled",
                model.documentProperty(), model.dirtyProperty()));
        stage.setFullScreenExitHint("Press Esc to leave");
    }

    /** Registers what the window's own shortcuts do (the menus register theirs through {@link ShortcutKeys#bind}). */
    private void windowActions() {
        Playback p = model.playback();
        keys.put(Shortcut.PLAY, p::togglePlay);
        keys.put(Shortcut.NEXT_STEP, p::stepForward);
        keys.put(Shortcut.PREVIOUS_STEP, p::stepBack);
        keys.put(Shortcut.NEXT_BEAT, lessonActions::next);
        keys.put(Shortcut.PREVIOUS_BEAT, lessonActions::previous);
        keys.put(Shortcut.FIRST, p::home);
        keys.put(Shortcut.LAST, p::end);
        keys.put(Shortcut.LEAVE, () -> {
            model.dismissError();
            presentation.blank().setVisible(false);
            helpOverlay.hide();
            state.setPresenting(false);
        });
        keys.put(Shortcut.BLANK, () -> {
            if (lesson.askingProperty().get() != null && !lesson.revealedProperty().get()) {
                lesson.guess(1); // B while a question is asked is its choice B, not the blank screen
            } else {
                presentation.toggleBlank();
            }
        });
        keys.put(Shortcut.ANSWER_A, () -> lesson.guess(0));
        keys.put(Shortcut.ANSWER_B, () -> lesson.guess(1));
        keys.put(Shortcut.ANSWER_C, () -> lesson.guess(2));
        keys.put(Shortcut.ANSWER_D, () -> lesson.guess(3));
        keys.put(Shortcut.LASER, () -> state.setLaser(!state.laserProperty().get()));
        keys.put(Shortcut.HELP, helpOverlay::toggle);
        keys.put(Shortcut.PLOT, () -> state.setPlotShown(!state.plotShownProperty().get()));
    }

    javafx.scene.control.CheckMenuItem showSideItem() {
        return showSide;
    }

    public Scene scene() {
        return scene;
    }

    AppModel model() {
        return model;
    }

    /** Theme, text scale, presenting, laser, plot, highlight, zoom: how the document is shown. */
    public WindowState state() {
        return state;
    }

    Stage stage() {
        return stage;
    }

    Lesson lesson() {
        return lesson;
    }

    public NetworkCanvas canvas() {
        return canvas;
    }

    ShortcutKeys keys() {
        return keys;
    }

    FileActions files() {
        return files;
    }

    LessonActions lessonActions() {
        return lessonActions;
    }

    RolledView rolled() {
        return rolled;
    }

    /** Makes every side tab's content now (tests that reach into a tab without choosing it). */
    void buildAllTabs() {
        side.buildAllTabs();
    }

    /** Runs {@code then} unless the user keeps unsaved changes (see {@link FileActions#confirmDiscard}). */
    boolean confirmDiscard(Runnable then) {
        return files.confirmDiscard(then);
    }
}
