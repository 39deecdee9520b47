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

    public static void setInitialScenario(Path scenario) {
        initialScenario = scenario;
    }

    @Override
    public void start(Stage stage) {
        StartupReport.mark("javafx started");
        Fonts.load();
        Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
        background = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "unrolled-background");
            t.setDaemon(true);
            return t;
        });
        AppModel model = new AppModel(new RecentFiles(Preferences.userNodeForPackage(UnrolledApp.class)), background);
        MainWindow window = new MainWindow(stage, model);
        AppIcon.apply(stage);
        StartupReport.mark("window built");
        new WindowPrefs(Preferences.userNodeForPackage(UnrolledApp.class).node("window"))
                .restoreAndTrack(stage, window.themeProperty());
        model.openSample(Samples.DEFAULT);
        if (initialScenario != null) {
            model.open(initialScenario);
        }
        StartupReport.mark("scenario computed");
        StartupReport.watch(stage);
        stage.show();
    }

    @Override
    public void stop() {
        if (background != null) {
            background.shutdownNow();
        }
    }
}
