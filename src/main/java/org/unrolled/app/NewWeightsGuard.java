package org.unrolled.app;

import java.util.function.IntSupplier;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;
import javafx.scene.Node;
import org.unrolled.engine.Scenario;
import org.unrolled.engine.ScenarioEdits;

/**
 * The What if panel's edits, with one question first: a change that would replace a sample's trained
 * or hand-set weights with random ones says so and asks (undo brings them back exactly).
 */
final class NewWeightsGuard {
    private final AppModel model;
    private final Node panel;
    private final IntSupplier seed;
    private final Runnable refresh;

    /**
     * {@code panel}: the dialog's owner; {@code seed}: the seed the new weights would be drawn from;
     * {@code refresh}: shows the scenario as it still is while the question is open.
     */
    NewWeightsGuard(AppModel model, Node panel, IntSupplier seed, Runnable refresh) {
        this.model = model;
        this.panel = panel;
        this.seed = seed;
        this.refresh = refresh;
    }

    /** Applies the edit, asking first if it would replace trained or hand-set weights with random ones. */
    void edit(String key, UnaryOperator<Scenario> op) {
        Document d = model.document();
        if (d != null && d.scenario().init() == null) {
            // trained or hand-set weights: say so before an edit replaces them with random ones
            Scenario before = d.scenario();
            Scenario after;
            try {
                after = op.apply(before);
            } catch (IllegalArgumentException e) {
                model.edit(key, op); // the model reports why the change cannot be made
                return;
            }
            String why = ScenarioEdits.whyNewWeights(before, after);
            if (why == null) {
                model.edit(key, s -> s == before ? after : op.apply(s));
                return;
            }
            // while the question is open the controls show the scenario as it still is; it is asked after
            // this event (a spinner's arrow held down fires during an animation, where no dialog may wait),
            // and only once however often the control fires meanwhile
            refresh.run();
            if (asking) {
                return;
            }
            asking = true;
            javafx.application.Platform.runLater(() -> {
                try {
                    if (confirmNewWeights.test(why)) {
                        model.edit(key, s -> s == before ? after : op.apply(s));
                    }
                } finally {
                    asking = false;
                }
            });
            return;
        }
        model.edit(key, op);
    }

    /** A question about replacing the weights is open (or about to be). */
    private boolean asking;

    /** Asks before trained weights are replaced; replaceable in tests of the panel alone. */
    private Predicate<String> confirmNewWeights = this::askNewWeights;

    private boolean askNewWeights(String why) {
        javafx.scene.control.Alert ask = new javafx.scene.control.Alert(javafx.scene.control.Alert.AlertType.CONFIRMATION);
        ask.initOwner(panel.getScene() == null ? null : panel.getScene().getWindow());
        ask.setTitle("New weights");
        ask.setHeaderText("This change needs new weights");
        ask.setContentText("The weights of this sample were trained or set by hand. This change replaces them with"
                + " random ones (seed " + seed.getAsInt() + "), because " + why + ".\n\nEdit ▸ Undo (Ctrl+Z) brings"
                + " the old weights back exactly.");
        javafx.scene.control.ButtonType replace = new javafx.scene.control.ButtonType("Replace the weights",
                javafx.scene.control.ButtonBar.ButtonData.OK_DONE);
        ask.getButtonTypes().setAll(replace, javafx.scene.control.ButtonType.CANCEL);
        ask.getDialogPane().setId("new-weights-dialog");
        return ask.showAndWait().filter(b -> b == replace).isPresent();
    }
}
