package org.unrolled.app;

import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import org.unrolled.engine.Scenario;
import org.unrolled.engine.ScenarioEdits;
import org.unrolled.view.Hit;
import org.unrolled.view.VectorRef;

/** What if ▸ Input: a clicked square of x that the file gave is edited by typing a new value. */
final class InputEditor {
    private final AppModel model;
    private final Label name = new Label("Click a square of x to edit it.");
    private final TextField value = new TextField();
    private VectorRef ref;
    private int index;

    InputEditor(AppModel model) {
        this.model = model;
        name.setWrapText(true);
        name.getStyleClass().add("details-text");
        value.setTooltip(new Tooltip("Type a new value for the chosen input square and press Enter"));
        value.setPrefColumnCount(8);
        value.setDisable(true);
        value.setOnAction(e -> apply());
        model.selectedProperty().addListener((o, was, is) -> select(is));
    }

    /** Which square is chosen ("x_3[0] ="), or how to choose one. */
    Label name() {
        return name;
    }

    /** The chosen square's value, to type over. */
    TextField value() {
        return value;
    }

    /** A clicked square of x that comes from the file can be edited here. */
    private void select(Hit hit) {
        Document d = model.document();
        boolean editable = hit != null && d != null && hit.ref().kind() == VectorRef.Kind.X
                && hit.ref().existsIn(d.trace(), hit.index()) && readsFile(d.scenario(), hit.ref());
        value.setDisable(!editable);
        if (!editable) {
            ref = null;
            name.setText("Click a square of x to edit it.");
            return;
        }
        ref = hit.ref();
        index = hit.index();
        name.setText(hit.ref().symbol(d.trace()) + "[" + hit.index() + "] =");
        value.setText(String.valueOf(hit.ref().values(d.trace())[hit.index()]));
    }

    private static boolean readsFile(Scenario s, VectorRef ref) {
        return switch (s.mapping()) {
            case SEQ2SEQ -> ref.encoder();
            case ONE_TO_MANY -> ref.t() == 1;
            default -> true;
        };
    }

    private void apply() {
        if (ref == null) {
            return;
        }
        try {
            double v = Double.parseDouble(value.getText().trim().replace('−', '-'));
            int t = ref.t();
            int j = index;
            model.edit("input", s -> ScenarioEdits.withInput(s, t, j, v));
        } catch (NumberFormatException e) {
            value.setText("");
            value.setPromptText("a number, e.g. 0.5");
        }
    }
}
