package org.unrolled.app;

import javafx.stage.Stage;

/**
 * A window for the TestFX tests: no stored preferences, files read on the calling thread so that a
 * test sees the result at once, opened on a sample and shown.
 */
record TestWindow(AppModel model, MainWindow window) {

    static TestWindow open(Stage stage, String sample) {
        AppModel model = new AppModel(new RecentFiles(null), Runnable::run);
        MainWindow window = new MainWindow(stage, model, javafx.util.Duration.ZERO);
        model.openSample(sample);
        window.buildAllTabs();
        stage.show();
        return new TestWindow(model, window);
    }
}
