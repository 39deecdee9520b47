package org.unrolled.app;

import javafx.scene.Node;
import javafx.scene.control.Label;
import org.controlsfx.control.NotificationPane;
import org.controlsfx.control.action.Action;

/**
 * The model's error (a file that cannot be opened, a change that cannot be made, a failed save) as a
 * ControlsFX notification bar over the top of the picture, until Dismiss (or Esc) clears it.
 */
final class ErrorBanner {
    private ErrorBanner() {
    }

    /** {@code content} with the banner over it. */
    static NotificationPane around(Node content, AppModel model) {
        NotificationPane pane = new NotificationPane(content);
        pane.setId("error-banner");
        pane.getStyleClass().add("error-banner");
        pane.setShowFromTop(true);
        pane.setCloseButtonVisible(false); // Dismiss clears the error; a bare × would only hide it
        Label text = new Label();
        text.setId("error-text");
        text.getStyleClass().add("error-text");
        text.setWrapText(true);
        text.textProperty().bind(model.errorProperty());
        pane.setGraphic(new javafx.scene.layout.HBox(12, new Label("⚠"), text));
        Action dismiss = new Action("Dismiss", e -> model.dismissError());
        dismiss.setLongText("Hide this message (Esc)");
        pane.getActions().setAll(dismiss);
        model.errorProperty().addListener((o, was, is) -> {
            if (is.isEmpty()) {
                pane.hide();
            } else {
                pane.show();
            }
        });
        return pane;
    }
}
