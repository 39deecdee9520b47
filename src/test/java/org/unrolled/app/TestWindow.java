package org.unrolled.app;

import javafx.stage.Stage;

/**
 * A window for the TestFX tests: the program's look, no stored preferences, files read on the calling
 * thread so that a test sees the result at once, opened on a sample and shown.
 */
record TestWindow(AppModel model, MainWindow window) {

    static TestWindow open(Stage stage, String sample) {
        useProgramLook();
        AppModel model = new AppModel(new RecentFiles(null), Runnable::run);
        MainWindow window = new MainWindow(stage, model, javafx.util.Duration.ZERO);
        model.openSample(sample);
        // TestFX reuses one stage for every test class: the size an earlier class left (WindowPrefsTest's
        // 900 x 600) would otherwise decide what fits, and a click meant for the picture could hit another control
        stage.setWidth(1600);
        stage.setHeight(1000);
        window.buildAllTabs();
        stage.show();
        return new TestWindow(model, window);
    }

    /**
     * The program's look, as UnrolledApp sets it: its sizes and colours, and the theme colours its own
     * stylesheet looks up (the error banner's, the range slider's), which JavaFX's default look does not define.
     */
    static void useProgramLook() {
        javafx.application.Application.setUserAgentStylesheet(
                new atlantafx.base.theme.PrimerLight().getUserAgentStylesheetBSS());
    }
}
