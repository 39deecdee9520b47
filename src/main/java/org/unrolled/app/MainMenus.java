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
        WindowState state = w.state();
        ShortcutKeys keys = w.keys();
        FileActions files = w.files();
        LessonActions lessons = w.lessonActions();

        MenuItem open = keys.bind(new MenuItem("Open…"), Shortcut.OPEN, () -> files.confirmDiscard(files::chooseFile));
        MenuItem save = keys.bind(new MenuItem("Save"), Shortcut.SAVE, () -> files.save(null));
        MenuItem saveAs = keys.bind(new MenuItem("Save As…"), Shortcut.SAVE_AS, () -> files.saveAs(null));
        recentMenu.setId("recent-menu");
        model.recent().files().addListener((javafx.collections.ListChangeListener<Path>) c -> rebuildRecent());
        rebuildRecent();
        Menu samples = new Menu("Samples");
        java.util.Map<String, Menu> topics = new java.util.LinkedHashMap<>();
        for (String[] s : SAMPLES) {
            Menu topic = topics.computeIfAbsent(s[0], Menu::new);
            MenuItem item = new MenuItem(s[2]);
            item.setOnAction(e -> files.confirmDiscard(() -> model.openSample(s[1])));
            topic.getItems().add(item);
        }
        samples.getItems().addAll(topics.values());
        MenuItem quit = keys.bind(new MenuItem("Quit"), Shortcut.QUIT, () -> files.confirmDiscard(stage::close));
        MenuItem exportAnimation = keys.bind(new MenuItem("Export animation…"), Shortcut.EXPORT,
                () -> ExportDialog.show(stage, model));
        MenuItem saveFrame = new MenuItem("Save current frame as…");
        saveFrame.setOnAction(e -> files.saveFrame());
        MenuItem copyFrame = keys.bind(new MenuItem("Copy frame"), Shortcut.COPY_FRAME,
                () -> javafx.scene.input.Clipboard.getSystemClipboard().setContent(
                        java.util.Map.of(javafx.scene.input.DataFormat.IMAGE, files.currentFrame())));
        MenuItem handout = new MenuItem("Export handout (Markdown)…");
        handout.setOnAction(e -> files.exportHandout());
        handout.disableProperty().bind(model.documentProperty().isNull());
        Menu file = new Menu("File", null, open, recentMenu, samples, new SeparatorMenuItem(), save, saveAs,
                new SeparatorMenuItem(), exportAnimation, saveFrame, copyFrame, handout, new SeparatorMenuItem(), quit);
        MenuItem undo = keys.bind(new MenuItem("Undo"), Shortcut.UNDO, model::undo);
        undo.disableProperty().bind(model.canUndoProperty().not());
        MenuItem redo = keys.bind(new MenuItem("Redo"), Shortcut.REDO, model::redo);
        redo.disableProperty().bind(model.canRedoProperty().not());
        MenuItem addBeat = keys.bind(new MenuItem("Add lesson beat here…"), Shortcut.ADD_BEAT, lessons::addBeatHere);
        addBeat.disableProperty().bind(model.documentProperty().isNull());
        MenuItem removeBeat = new MenuItem("Remove this lesson beat");
        removeBeat.setOnAction(e -> lessons.removeBeat());
        removeBeat.disableProperty().bind(lesson.activeBeatProperty().isNull());
        MenuItem addQuestion = keys.bind(new MenuItem("Add question here…"), Shortcut.ADD_QUESTION, lessons::addQuestionHere);
        addQuestion.disableProperty().bind(lesson.activeBeatProperty().isNull());
        Menu edit = new Menu("Edit", null, undo, redo, new SeparatorMenuItem(), addBeat, addQuestion, removeBeat);

        MenuItem fit = keys.bind(new MenuItem("Fit all steps"), Shortcut.FIT, state::fit);
        MenuItem zoomIn = keys.bind(new MenuItem("Zoom in"), Shortcut.ZOOM_IN, () -> canvas.zoomAround(canvas.getWidth() / 2, 1.25));
        MenuItem zoomOut = keys.bind(new MenuItem("Zoom out"), Shortcut.ZOOM_OUT, () -> canvas.zoomAround(canvas.getWidth() / 2, 0.8));
        javafx.scene.control.CheckMenuItem showPlot = new javafx.scene.control.CheckMenuItem("Gradient plot");
        showPlot.setSelected(state.plotShownProperty().get());
        showPlot.setOnAction(e -> state.setPlotShown(showPlot.isSelected()));
        state.plotShownProperty().addListener((o, was, is) -> showPlot.setSelected(is));
        showPlot.setAccelerator(Shortcut.PLOT.accelerator()); // shown in the menu; the key goes through the key handler
        MenuItem present = keys.bind(new MenuItem("Presentation mode"), Shortcut.PRESENT, () -> state.setPresenting(!state.presentingProperty().get()));
        Menu themes = new Menu("Theme");
        javafx.scene.control.ToggleGroup themeGroup = new javafx.scene.control.ToggleGroup();
        for (String[] t : new String[][] {{"light", "Light"}, {"dark", "Dark"}, {"projector", "Projector (high contrast, larger)"}}) {
            javafx.scene.control.RadioMenuItem item = new javafx.scene.control.RadioMenuItem(t[1]);
            item.setToggleGroup(themeGroup);
            item.setSelected(state.themeProperty().get().equals(t[0]));
            item.setOnAction(e -> state.setTheme(t[0]));
            state.themeProperty().addListener((o, was, is) -> item.setSelected(is.equals(t[0])));
            themes.getItems().add(item);
        }
        MenuItem larger = keys.bind(new MenuItem("Larger text and lines"), Shortcut.LARGER_TEXT,
                () -> state.setTextScale(state.textScaleProperty().get() * 1.15));
        MenuItem smaller = keys.bind(new MenuItem("Smaller text and lines"), Shortcut.SMALLER_TEXT,
                () -> state.setTextScale(state.textScaleProperty().get() / 1.15));
        MenuItem fullScreen = keys.bind(new MenuItem("Full screen"), Shortcut.FULL_SCREEN,
                () -> FullScreen.set(stage, !stage.isFullScreen(), null));
        MenuItem compareCells = new MenuItem("Compare RNN, LSTM and GRU");
        compareCells.setOnAction(e -> CompareWindow.cells(stage, model, state).show());
        MenuItem compareSteps = new MenuItem("Compare one step with a sequence");
        compareSteps.setOnAction(e -> CompareWindow.steps(stage, model, state).show());
        compareSteps.disableProperty().bind(javafx.beans.binding.Bindings.createBooleanBinding(
                () -> model.document() == null || model.document().scenario().mapping() == Mapping.SEQ2SEQ,
                model.documentProperty()));
        MenuItem compareFeedback = new MenuItem("Compare teacher forcing and free running");
        compareFeedback.setOnAction(e -> CompareWindow.feedback(stage, model, state).show());
        compareFeedback.disableProperty().bind(javafx.beans.binding.Bindings.createBooleanBinding(
                () -> model.document() == null || !model.document().scenario().mapping().usesFeedback(),
                model.documentProperty()));
        MenuItem race = new MenuItem("Train: the race (RNN, LSTM, GRU on a long-lag task)…");
        race.setOnAction(e -> RaceWindow.open(stage, model, state.paletteProperty().get(), then -> files.confirmDiscard(then)));
        MenuItem quizMe = new MenuItem("Quiz me");
        quizMe.setOnAction(e -> lessons.startQuiz());
        quizMe.disableProperty().bind(model.documentProperty().isNull());
        MenuItem rolledView = keys.bind(new MenuItem("Rolled view / unfold in time"), Shortcut.ROLLED, w.rolled()::toggle);
        Menu view = new Menu("View", null, rolledView, fit, zoomIn, zoomOut, larger, smaller, showPlot, themes,
                new SeparatorMenuItem(),
                compareSteps, compareCells, compareFeedback, race, new SeparatorMenuItem(), quizMe, present, fullScreen);

        MenuItem shortcuts = new MenuItem("Keyboard shortcuts");
        shortcuts.setOnAction(e -> ShortcutHelp.show(stage));
        Menu help = new Menu("Help", null, shortcuts);
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
