package org.unrolled.app;

import java.nio.file.Files;
import java.nio.file.Path;
import javafx.application.Platform;
import javafx.stage.Stage;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Not a test but a tool, skipped unless asked for: writes a 1920×1080 snapshot of the window on every
 * sample, and on a few states (a step, a beat, the What if and Notation tabs, each theme), to a folder,
 * so that a change meant to keep the window as it was can be checked pixel for pixel:
 * {@code mvn -o test -Dtest=ScreenshotsTool -Dshots=/tmp/before} (add {@code -Dshots.error=1} for the
 * error banner), then again after the change, and {@code compare -metric AE} each pair (ImageMagick).
 */
@ExtendWith(ApplicationExtension.class)
class ScreenshotsTool {
    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
    }

    @Test
    void shoot() throws Exception {
        String dir = System.getProperty("shots");
        Assumptions.assumeTrue(dir != null);
        Path out = Path.of(dir);
        Files.createDirectories(out);
        AppModel[] model = new AppModel[1];
        MainWindow[] window = new MainWindow[1];
        WaitForAsyncUtils.asyncFx(() -> {
            model[0] = new AppModel(new RecentFiles(null), Runnable::run);
            window[0] = new MainWindow(stage, model[0], javafx.util.Duration.ZERO);
            stage.setWidth(1920);
            stage.setHeight(1080);
            stage.show();
        }).get();
        for (String[] s : MainMenus.SAMPLES) {
            WaitForAsyncUtils.asyncFx(() -> model[0].openSample(s[1])).get();
            shot(out.resolve(s[1].replace(".json", ".png")));
        }
        WaitForAsyncUtils.asyncFx(() -> {
            model[0].openSample("default.json");
            model[0].playback().positionProperty().set(3);
        }).get();
        shot(out.resolve("z-default-step3.png"));
        WaitForAsyncUtils.asyncFx(() -> window[0].lesson().next()).get();
        shot(out.resolve("z-default-beat1.png"));
        WaitForAsyncUtils.asyncFx(() -> ((javafx.scene.control.TabPane) stage.getScene().lookup(".tab-pane"))
                .getSelectionModel().select(1)).get();
        shot(out.resolve("z-whatif.png"));
        WaitForAsyncUtils.asyncFx(() -> ((javafx.scene.control.TabPane) stage.getScene().lookup(".tab-pane"))
                .getSelectionModel().select(2)).get();
        shot(out.resolve("z-notation.png"));
        for (String theme : new String[] {"dark", "projector", "light"}) {
            WaitForAsyncUtils.asyncFx(() -> Themes.set(window[0], theme)).get();
            shot(out.resolve("z-theme-" + theme + ".png"));
        }
        WaitForAsyncUtils.asyncFx(() -> model[0].openSample("rnn-vanishing.json")).get();
        WaitForAsyncUtils.asyncFx(() -> Themes.set(window[0], "dark")).get();
        shot(out.resolve("z-dark-vanishing.png"));
        WaitForAsyncUtils.asyncFx(() -> Themes.set(window[0], "light")).get();
        if (System.getProperty("shots.error") != null) {
            Path bad = Files.createTempFile("bad", ".json");
            Files.writeString(bad, "{\"format\": \"rnn-scenario/1\", \"hiddenSize\": \"four\"}");
            WaitForAsyncUtils.asyncFx(() -> model[0].open(bad)).get();
            shot(out.resolve("z-error-light.png"));
            WaitForAsyncUtils.asyncFx(() -> Themes.set(window[0], "dark")).get();
            shot(out.resolve("z-error-dark.png"));
            WaitForAsyncUtils.asyncFx(() -> Themes.set(window[0], "light")).get();
        }
    }

    private void shot(Path file) throws Exception {
        for (int k = 0; k < 5; k++) {
            WaitForAsyncUtils.waitForFxEvents();
        }
        Thread.sleep(300);
        WaitForAsyncUtils.waitForFxEvents();
        javafx.scene.image.WritableImage img = WaitForAsyncUtils.asyncFx(
                () -> stage.getScene().getRoot().snapshot(null, null)).get();
        javax.imageio.ImageIO.write(org.unrolled.view.FrameRenderer.toBufferedImage(img, null), "png", file.toFile());
    }

    /** How the theme is set (the one line to change when the window's API changes). */
    static final class Themes {
        static void set(MainWindow w, String theme) {
            w.state().setTheme(theme);
        }
    }
}
