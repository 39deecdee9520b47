package org.unrolled.app;

import javafx.geometry.Insets;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.VBox;
import org.unrolled.view.Notation;

/** The side panel's Notation tab: the notes' symbols beside the window's, and the terms the notes do not use. */
final class NotationPanel extends ScrollPane {
    private final VBox box = new VBox(12);

    NotationPanel(AppModel model) {
        getStyleClass().add("details-panel");
        setId("notation-panel");
        setFitToWidth(true);
        setHbarPolicy(ScrollBarPolicy.NEVER);
        box.setPadding(new Insets(16));
        setContent(box);
        model.documentProperty().addListener(o -> refresh(model));
        refresh(model);
    }

    /** The entries shown: an edit that leaves them as they are (a slider drag) rebuilds nothing. */
    private java.util.List<Notation.Entry> shown = java.util.List.of();

    private void refresh(AppModel model) {
        Document d = model.document();
        java.util.List<Notation.Entry> entries = d == null ? java.util.List.of() : Notation.entries(d.scenario());
        if (entries.equals(shown)) {
            return;
        }
        shown = entries;
        box.getChildren().clear();
        if (d == null) {
            return;
        }
        Label intro = new Label("The lecture notes and PyTorch (which this window follows) name some things differently.");
        intro.setWrapText(true);
        intro.getStyleClass().add("details-muted");
        box.getChildren().add(intro);
        for (Notation.Entry e : entries) {
            Label term = new Label(e.term());
            term.getStyleClass().add("details-heading");
            term.setWrapText(true);
            Label meaning = new Label(e.meaning());
            meaning.getStyleClass().add("details-text");
            meaning.setWrapText(true);
            box.getChildren().add(new VBox(2, term, meaning));
        }
    }
}
