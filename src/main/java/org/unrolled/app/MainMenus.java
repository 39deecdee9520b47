package org.unrolled.app;

import java.nio.file.Files;
import java.nio.file.Path;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.stage.Stage;
import org.unrolled.engine.Mapping;
import org.unrolled.view.NetworkCanvas;

/** The main window's menu bar: File, Edit, View, Help; every item calls the window or its model. */
final class MainMenus {
    private final MainWindow w;
    private final Menu recentMenu = new Menu("Open Recent");

    private MainMenus(MainWindow w) {
        this.w = w;
    }

    static MenuBar build(MainWindow w) {
        return new MainMenus(w).menus();
    }

    private MenuBar menus() {
        AppModel model = w.model();
        Stage stage = w.stage();
        Lesson lesson = w.lesson();
        NetworkCanvas canvas = w.canvas();
        javafx.beans.property.BooleanProperty presenting = w.presentingProperty();
        javafx.beans.property.StringProperty theme = w.themeProperty();
        javafx.beans.property.DoubleProperty textScale = w.textScaleProperty();
        javafx.scene.control.CheckMenuItem showPlot = w.showPlotItem();

        MenuItem open = w.bind(new MenuItem("Open…"), Shortcut.OPEN, () -> w.confirmDiscard(w::chooseFile));
        MenuItem save = w.bind(new MenuItem("Save"), Shortcut.SAVE, () -> w.save(null));
        MenuItem saveAs = w.bind(new MenuItem("Save As…"), Shortcut.SAVE_AS, () -> w.saveAs(null));
        recentMenu.setId("recent-menu");
        model.recent().files().addListener((javafx.collections.ListChangeListener<Path>) c -> rebuildRecent());
        rebuildRecent();
        Menu samples = new Menu("Samples");
        java.util.Map<String, Menu> topics = new java.util.LinkedHashMap<>();
        for (String[] s : MainWindow.SAMPLES) {
            Menu topic = topics.computeIfAbsent(s[0], Menu::new);
            MenuItem item = new MenuItem(s[2]);
            item.setOnAction(e -> w.confirmDiscard(() -> model.openSample(s[1])));
            topic.getItems().add(item);
        }
        samples.getItems().addAll(topics.values());
        MenuItem quit = w.bind(new MenuItem("Quit"), Shortcut.QUIT, () -> w.confirmDiscard(stage::close));
        MenuItem exportAnimation = w.bind(new MenuItem("Export animation…"), Shortcut.EXPORT,
                () -> ExportDialog.show(stage, model));
        MenuItem saveFrame = new MenuItem("Save current frame as…");
        saveFrame.setOnAction(e -> w.saveFrame());
        MenuItem copyFrame = w.bind(new MenuItem("Copy frame"), Shortcut.COPY_FRAME,
                () -> javafx.scene.input.Clipboard.getSystemClipboard().setContent(
                        java.util.Map.of(javafx.scene.input.DataFormat.IMAGE, w.currentFrame())));
        MenuItem handout = new MenuItem("Export handout (Markdown)…");
        handout.setOnAction(e -> w.exportHandout());
        handout.disableProperty().bind(model.documentProperty().isNull());
        Menu file = new Menu("File", null, open, recentMenu, samples, new SeparatorMenuItem(), save, saveAs,
                new SeparatorMenuItem(), exportAnimation, saveFrame, copyFrame, handout, new SeparatorMenuItem(), quit);
        MenuItem undo = w.bind(new MenuItem("Undo"), Shortcut.UNDO, model::undo);
        undo.disableProperty().bind(model.canUndoProperty().not());
        MenuItem redo = w.bind(new MenuItem("Redo"), Shortcut.REDO, model::redo);
        redo.disableProperty().bind(model.canRedoProperty().not());
        MenuItem addBeat = w.bind(new MenuItem("Add lesson beat here…"), Shortcut.ADD_BEAT, w::addBeatHere);
        addBeat.disableProperty().bind(model.documentProperty().isNull());
        MenuItem removeBeat = new MenuItem("Remove this lesson beat");
        removeBeat.setOnAction(e -> {
            int k = lesson.indexProperty().get();
            if (lesson.activeBeatProperty().get() != null && k >= 0) {
                model.edit("beat-" + System.nanoTime(), s -> {
                    org.unrolled.engine.Scenario without = org.unrolled.engine.ScenarioEdits.withoutBeat(s, k);
                    lesson.lessonEdited(s, without);
                    return without;
                });
            }
        });
        removeBeat.disableProperty().bind(lesson.activeBeatProperty().isNull());
        MenuItem addQuestion = w.bind(new MenuItem("Add question here…"), Shortcut.ADD_QUESTION, w::addQuestionHere);
        addQuestion.disableProperty().bind(lesson.activeBeatProperty().isNull());
        Menu edit = new Menu("Edit", null, undo, redo, new SeparatorMenuItem(), addBeat, addQuestion, removeBeat);

        MenuItem fit = w.bind(new MenuItem("Fit all steps"), Shortcut.FIT,
                () -> model.viewProperty().set(model.viewProperty().get().fitted()));
        MenuItem zoomIn = w.bind(new MenuItem("Zoom in"), Shortcut.ZOOM_IN, () -> canvas.zoomAround(canvas.getWidth() / 2, 1.25));
        MenuItem zoomOut = w.bind(new MenuItem("Zoom out"), Shortcut.ZOOM_OUT, () -> canvas.zoomAround(canvas.getWidth() / 2, 0.8));
        showPlot.setSelected(true);
        MenuItem present = w.bind(new MenuItem("Presentation mode"), Shortcut.PRESENT, () -> presenting.set(!presenting.get()));
        Menu themes = new Menu("Theme");
        javafx.scene.control.ToggleGroup themeGroup = new javafx.scene.control.ToggleGroup();
        for (String[] t : new String[][] {{"light", "Light"}, {"dark", "Dark"}, {"projector", "Projector (high contrast, larger)"}}) {
            javafx.scene.control.RadioMenuItem item = new javafx.scene.control.RadioMenuItem(t[1]);
            item.setToggleGroup(themeGroup);
            item.setSelected(theme.get().equals(t[0]));
            item.setOnAction(e -> theme.set(t[0]));
            theme.addListener((o, was, is) -> item.setSelected(is.equals(t[0])));
            themes.getItems().add(item);
        }
        MenuItem larger = w.bind(new MenuItem("Larger text and lines"), Shortcut.LARGER_TEXT,
                () -> textScale.set(Math.min(2.0, textScale.get() * 1.15)));
        MenuItem smaller = w.bind(new MenuItem("Smaller text and lines"), Shortcut.SMALLER_TEXT,
                () -> textScale.set(Math.max(0.7, textScale.get() / 1.15)));
        MenuItem fullScreen = w.bind(new MenuItem("Full screen"), Shortcut.FULL_SCREEN,
                () -> FullScreen.set(stage, !stage.isFullScreen(), null));
        MenuItem compareCells = new MenuItem("Compare RNN, LSTM and GRU");
        compareCells.setOnAction(e -> CompareWindow.cells(stage, model).show());
        MenuItem compareSteps = new MenuItem("Compare one step with a sequence");
        compareSteps.setOnAction(e -> CompareWindow.steps(stage, model).show());
        compareSteps.disableProperty().bind(javafx.beans.binding.Bindings.createBooleanBinding(
                () -> model.document() == null || model.document().scenario().mapping() == Mapping.SEQ2SEQ,
                model.documentProperty()));
        MenuItem compareFeedback = new MenuItem("Compare teacher forcing and free running");
        compareFeedback.setOnAction(e -> CompareWindow.feedback(stage, model).show());
        compareFeedback.disableProperty().bind(javafx.beans.binding.Bindings.createBooleanBinding(
                () -> model.document() == null || !model.document().scenario().mapping().usesFeedback(),
                model.documentProperty()));
        MenuItem race = new MenuItem("Train: the race (RNN, LSTM, GRU on a long-lag task)…");
        race.setOnAction(e -> RaceWindow.open(stage, model, then -> w.confirmDiscard(then)));
        MenuItem quizMe = new MenuItem("Quiz me");
        quizMe.setOnAction(e -> w.startQuiz());
        quizMe.disableProperty().bind(model.documentProperty().isNull());
        MenuItem rolledView = w.bind(new MenuItem("Rolled view / unfold in time"), Shortcut.ROLLED, w::toggleRolled);
        Menu view = new Menu("View", null, rolledView, fit, zoomIn, zoomOut, larger, smaller, showPlot, w.showSideItem(), themes,
                new SeparatorMenuItem(),
                compareSteps, compareCells, compareFeedback, race, new SeparatorMenuItem(), quizMe, present, fullScreen);

        MenuItem keys = new MenuItem("Keyboard shortcuts");
        keys.setOnAction(e -> w.showShortcuts());
        Menu help = new Menu("Help", null, keys);
        return new MenuBar(file, edit, view, help);
    }

    private void rebuildRecent() {
        AppModel model = w.model();
        recentMenu.getItems().clear();
        for (Path p : model.recent().files()) {
            MenuItem item = new MenuItem(p.toString());
            item.setMnemonicParsing(false);
            item.setOnAction(e -> w.confirmDiscard(() -> {
                if (!Files.exists(p)) {
                    model.recent().remove(p);
                }
                model.open(p); // a missing file is reported plainly
            }));
            recentMenu.getItems().add(item);
        }
        recentMenu.setDisable(recentMenu.getItems().isEmpty());
    }
}
