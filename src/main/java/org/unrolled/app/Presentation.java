package org.unrolled.app;

import javafx.scene.Node;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.Region;
import javafx.scene.shape.Circle;
import javafx.stage.Stage;
import org.unrolled.view.NetworkCanvas;

/**
 * Presentation mode (F5): full screen, the picture, the captions and the gradient plot only, larger
 * captions for the back row; with a laser pointer (L) and a blank screen (B).
 */
final class Presentation {
    private final Circle laser = new Circle(18);
    private final Region blank = new Region();

    Presentation(WindowState state, NetworkCanvas canvas) {
        laser.getStyleClass().add("laser");
        laser.setMouseTransparent(true);
        laser.setManaged(false);
        // only where the pointer is on the picture: not at the picture's corner before it has moved there, nor
        // left behind at the edge when it moves off to the captions, nor where it was before the picture moved
        // under it (presenting resizes it) until it moves again
        javafx.beans.property.BooleanProperty placed = new javafx.beans.property.SimpleBooleanProperty(false);
        state.presentingProperty().addListener((o, was, is) -> placed.set(false));
        laser.visibleProperty().bind(state.presentingProperty().and(state.laserProperty()).and(canvas.hoverProperty())
                .and(placed));
        javafx.event.EventHandler<MouseEvent> follow = e -> {
            laser.setCenterX(e.getX());
            laser.setCenterY(e.getY());
            placed.set(true);
        };
        canvas.addEventHandler(MouseEvent.MOUSE_MOVED, follow);
        canvas.addEventHandler(MouseEvent.MOUSE_ENTERED, follow);
        blank.getStyleClass().add("blank-screen");
        blank.setVisible(false);
    }

    /**
     * While presenting, {@code stage} is full screen, {@code root} has the style class "presenting" and
     * the {@code controls} are hidden; leaving full screen (Esc, the window manager) ends it.
     */
    static void follow(WindowState state, Stage stage, NetworkCanvas canvas, Node root, Node... controls) {
        for (Node n : controls) {
            n.visibleProperty().bind(state.presentingProperty().not());
            n.managedProperty().bind(state.presentingProperty().not());
        }
        state.presentingProperty().addListener((o, was, is) -> {
            root.getStyleClass().remove("presenting");
            if (is) {
                root.getStyleClass().add("presenting"); // larger captions for the back row
            }
            FullScreen.set(stage, is, ""); // the hint is PresentHint's, in a corner, not over the current cell
            if (is) {
                canvas.requestFocus();
            }
        });
        stage.fullScreenProperty().addListener((o, was, is) -> {
            if (!is) {
                state.setPresenting(false);
            }
        });
    }

    Circle laser() {
        return laser;
    }

    Region blank() {
        return blank;
    }

    /** B: the screen black, or back. */
    void toggleBlank() {
        blank.setVisible(!blank.isVisible());
    }
}
