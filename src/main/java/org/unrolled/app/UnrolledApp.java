package org.unrolled.app;

import atlantafx.base.theme.PrimerLight;
import java.nio.file.Path;
import java.util.concurrent.ExecutorService;
import java.util.prefs.Preferences;
import javafx.application.Application;
import javafx.stage.Stage;
import org.unrolled.io.Samples;
import org.unrolled.view.Fonts;

/** The JavaFX application: opens the window on the given scenario or on the built-in default. */
public final class UnrolledApp extends Application {
    private static volatile Path initialScenario;
    private static volatile StartOptions options = StartOptions.NONE;
    private ExecutorService background;
    private Autosave autosave;

    /**
     * How the window starts, from the command line: a theme, straight into presentation mode, and a
     * comparison window ({@code cells}, {@code feedback} or {@code steps}); null or false for none.
     */
    public record StartOptions(String theme, boolean present, String compare) {
        public static final StartOptions NONE = new StartOptions(null, false, null);
    }

    public static void setInitialScenario(Path scenario) {
        initialScenario = scenario;
    }

    /**
     * The default scenario, read and computed on a thread of its own while JavaFX starts (the first
     * use of the JSON reader and the engine costs half a second of class loading).
     */
    private static volatile java.util.concurrent.CompletableFuture<Document> preloaded;

    /** Starts reading the default scenario now; the window takes it when it is built. */
    public static void preloadDefault() {
        preloaded = java.util.concurrent.CompletableFuture.supplyAsync(() -> {
            org.unrolled.document.ScenarioDocument s = Samples.load(Samples.DEFAULT);
            return new Document(s, DocumentWorker.computeAll(s.scenario()), null, Samples.DEFAULT);
        });
    }

    public static void setStartOptions(StartOptions o) {
        options = o == null ? StartOptions.NONE : o;
    }

    @Override
    public void start(Stage stage) {
        StartupReport.mark("javafx started");
        Fonts.load();
        // the binary form of the same stylesheet: parsing the 170 kB text showed in a profile of the start
        Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheetBSS());
        AppIcon.applyLater(stage);
        background = Background.documentWorker();
        AppModel model = new AppModel(new RecentFiles(Preferences.userNodeForPackage(UnrolledApp.class)), background);
        MainWindow window = new MainWindow(stage, model);
        StartupReport.mark("window built");
        new WindowPrefs(Preferences.userNodeForPackage(UnrolledApp.class).node("window"))
                .restoreAndTrack(stage, window.state().themeProperty(), window.state()::setTheme);
        if (options.theme() != null) {
            window.state().setTheme(options.theme());
        }
        Document first = preloaded == null ? null : preloaded.exceptionally(e -> null).join();
        if (first != null) {
            model.show(first);
        } else {
            model.openSample(Samples.DEFAULT);
        }
        StartupReport.mark("scenario computed");
        StartupReport.watch(stage);
        stage.show();
        autosave = new Autosave(Autosave.defaultDir(), Autosave.DEFAULT_INTERVAL);
        // work a crash left behind is offered first; a file named on the command line opens after
        // (asking first if recovered work is on screen)
        CrashRecovery.begin(stage, model, autosave, () -> {
            if (initialScenario != null) {
                window.confirmDiscard(() -> model.open(initialScenario));
            }
            if (options.compare() != null) {
                CompareWindow compare = switch (options.compare()) {
                    case "feedback" -> CompareWindow.feedback(stage, model, window.state());
                    case "steps" -> CompareWindow.steps(stage, model, window.state());
                    default -> CompareWindow.cells(stage, model, window.state());
                };
                compare.show();
                // full screen once the window is up (asked for in the same pulse, X11 ignores it)
                javafx.application.Platform.runLater(() -> compare.presentingProperty().set(options.present()));
            } else if (options.present()) {
                window.state().setPresenting(true);
            }
        });
    }

    @Override
    public void stop() {
        if (autosave != null) {
            autosave.close(); // a clean exit: nothing unsaved is left to recover
        }
        if (background != null) {
            background.shutdownNow();
        }
    }
}
