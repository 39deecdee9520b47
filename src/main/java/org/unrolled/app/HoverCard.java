package org.unrolled.app;

import javafx.scene.control.Label;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import org.unrolled.view.Explainer;
import org.unrolled.view.Hit;
import org.unrolled.view.NetworkCanvas;
import org.unrolled.view.Numbers;

/** The card beside the number under the pointer: its name, value and where it came from. */
final class HoverCard extends VBox {
    private final AppModel model;
    private final NetworkCanvas canvas;

    HoverCard(AppModel model, NetworkCanvas canvas, Stage stage) {
        super(2);
        this.model = model;
        this.canvas = canvas;
        getStyleClass().add("hover-card");
        setManaged(false);
        setVisible(false);
        setMouseTransparent(true);
        canvas.hoveredProperty().addListener((o, was, is) -> show(is));
        // a dialog or another window in front: the card would float over it
        stage.focusedProperty().addListener((o, was, is) -> {
            if (!is) {
                setVisible(false);
            }
        });
    }

    private void show(Hit hit) {
        Document d = model.document();
        if (hit == null || d == null || !hit.ref().existsIn(d.trace(), hit.index())) {
            setVisible(false);
            return;
        }
        Explainer.Explanation e = Explainer.explain(d.trace(), d.content().vocabulary(), hit.ref(), hit.index());
        getChildren().clear();
        Label name = new Label(e.name() + " = " + Numbers.format(e.value()));
        name.getStyleClass().add("hover-name");
        Label what = new Label(e.title());
        what.getStyleClass().add("hover-title");
        getChildren().addAll(name, what);
        for (String line : e.lines()) {
            Label l = new Label(line);
            l.getStyleClass().add("hover-line");
            getChildren().add(l);
        }
        applyCss();
        autosize();
        double w = prefWidth(-1);
        double h = prefHeight(-1);
        double x = hit.area().right() + 14;
        double y = hit.area().y();
        if (x + w > canvas.getWidth() - 8) {
            x = hit.area().x() - w - 14;
        }
        y = Math.max(8, Math.min(canvas.getHeight() - h - 8, y));
        resizeRelocate(Math.max(8, x), y, w, h);
        setVisible(true);
    }
}
