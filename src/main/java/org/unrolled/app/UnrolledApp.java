package org.unrolled.app;

import atlantafx.base.theme.PrimerLight;
import java.nio.file.Path;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.prefs.Preferences;
import javafx.application.Application;
import javafx.stage.Stage;
import org.unrolled.io.Samples;
import org.unrolled.view.Fonts;

/** The JavaFX application: opens the window on the given scenario or on the built-in default. */
public final class UnrolledApp extends Application {
    private static volatile Path initialScenario;
    private ExecutorService background;
    private Autosave autosave;

    public static void setInitialScenario(Path scenario) {
        initialScenario = scenario;
    }

    @Override
    public void start(Stage stage) {
        Fonts.load();
        Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
        background = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "unrolled-background");
            t.setDaemon(true);
            return t;
        });
        AppModel model = new AppModel(new RecentFiles(Preferences.userNodeForPackage(UnrolledApp.class)), background);
        MainWindow window = new MainWindow(stage, model);
        new WindowPrefs(Preferences.userNodeForPackage(UnrolledApp.class).node("window"))
                .restoreAndTrack(stage, window.themeProperty());
        model.openSample(Samples.DEFAULT);
        stage.show();
        autosave = new Autosave(Autosave.defaultDir(), Autosave.DEFAULT_INTERVAL);
        // work a crash left behind is offered first; a file named on the command line opens after
        // (asking first if recovered work is on screen)
        CrashRecovery.begin(stage, model, autosave, () -> {
            if (initialScenario != null) {
                window.confirmDiscard(() -> model.open(initialScenario));
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
