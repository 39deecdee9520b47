package org.unrolled.app;

import javafx.geometry.Rectangle2D;
import javafx.stage.Screen;
import javafx.stage.Stage;

/**
 * Full screen for presenting. Some X11 set-ups (no window manager, as on a bare projector PC or a
 * screen recorder) report full screen but leave the window where it was: there the window is also
 * moved over the whole screen, and its old bounds come back on leaving.
 */
final class FullScreen {
    private static final String SAVED = "unrolled.bounds-before-full-screen";

    private FullScreen() {
    }

    /** Presentation: full screen with a hint on how to leave it. */
    static void set(Stage stage, boolean on) {
        set(stage, on, "Esc leaves presentation mode · ? lists every key");
    }

    /** Full screen on or off; {@code hint} is shown on entering (null: JavaFX's own). */
    static void set(Stage stage, boolean on, String hint) {
        if (on) {
            if (!stage.getProperties().containsKey(SAVED) && !stage.isFullScreen()) {
                stage.getProperties().put(SAVED, new Rectangle2D(stage.getX(), stage.getY(), stage.getWidth(), stage.getHeight()));
            }
            Rectangle2D screen = Screen.getScreensForRectangle(stage.getX(), stage.getY(), Math.max(1, stage.getWidth()),
                    Math.max(1, stage.getHeight())).stream().findFirst().orElse(Screen.getPrimary()).getBounds();
            stage.setFullScreenExitHint(hint);
            stage.setFullScreen(true);
            // only where full screen did not cover the screen (no window manager) is the window moved
            javafx.application.Platform.runLater(() -> {
                boolean covered = stage.getWidth() >= screen.getWidth() - 1 && stage.getHeight() >= screen.getHeight() - 1;
                if (stage.isFullScreen() && !covered) {
                    stage.setX(screen.getMinX());
                    stage.setY(screen.getMinY());
                    stage.setWidth(screen.getWidth());
                    stage.setHeight(screen.getHeight());
                }
            });
        } else {
            stage.setFullScreen(false);
            Object saved = stage.getProperties().remove(SAVED);
            if (saved instanceof Rectangle2D r) {
                stage.setX(r.getMinX());
                stage.setY(r.getMinY());
                stage.setWidth(r.getWidth());
                stage.setHeight(r.getHeight());
            }
        }
    }
}
