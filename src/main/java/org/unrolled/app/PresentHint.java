package org.unrolled.app;

import javafx.animation.PauseTransition;
import javafx.beans.property.BooleanProperty;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.layout.StackPane;
import javafx.util.Duration;

/**
 * On entering presentation mode, how to leave it, in the picture's bottom-right corner for a few seconds:
 * JavaFX's own full-screen hint sits in the middle of the screen, over the current cell.
 */
final class PresentHint {
    static final String TEXT = "Esc leaves presentation mode · ? lists every key";
    private static final Duration SHOWN = Duration.seconds(4);

    private PresentHint() {
    }

    /** Adds the hint to {@code picture}; it shows while {@code presenting} has just been turned on. */
    static Label install(StackPane picture, javafx.beans.value.ObservableBooleanValue presenting) {
        Label hint = new Label(TEXT);
        hint.setId("present-hint");
        hint.getStyleClass().add("present-hint");
        hint.setMouseTransparent(true);
        hint.setVisible(false);
        StackPane.setAlignment(hint, Pos.BOTTOM_RIGHT);
        StackPane.setMargin(hint, new javafx.geometry.Insets(12));
        PauseTransition hide = new PauseTransition(SHOWN);
        hide.setOnFinished(e -> hint.setVisible(false));
        presenting.addListener((o, was, is) -> {
            hint.setVisible(is);
            if (is) {
                hide.playFromStart();
            } else {
                hide.stop();
            }
        });
        picture.getChildren().add(hint);
        return hint;
    }
}
