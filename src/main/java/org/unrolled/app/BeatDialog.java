package org.unrolled.app;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javafx.geometry.Insets;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.VBox;
import javafx.stage.Window;
import org.unrolled.document.Beat;
import org.unrolled.document.Highlight;
import org.unrolled.engine.CellType;
import org.unrolled.engine.Mapping;
import org.unrolled.engine.Scenario;

/**
 * Writing a lesson in the window: a beat at the current place on the timeline, with a caption and
 * what to ring, offering only what this scenario has (its cell's gates, the highway for an LSTM, C
 * for seq2seq).
 */
final class BeatDialog {
    private BeatDialog() {
    }

    /** What can be highlighted in {@code s}, with how the dialog names it. */
    static Map<Highlight, String> choices(Scenario s) {
        Map<Highlight, String> m = new LinkedHashMap<>();
        m.put(Highlight.X, "input x");
        m.put(Highlight.H, "hidden state h");
        if (s.cell() == CellType.LSTM) {
            m.put(Highlight.C, "cell state c");
        }
        m.put(Highlight.Y, "output y");
        m.put(Highlight.TARGET, "target");
        m.put(Highlight.LOSS, "loss");
        for (char g : s.cell().gateNames().toCharArray()) {
            m.put(Highlight.gate(g), "gate " + g);
        }
        m.put(Highlight.W, "the shared W (every step)");
        if (s.cell() == CellType.LSTM) {
            m.put(Highlight.HIGHWAY, "the cell-state highway");
        }
        if (s.mapping() == Mapping.SEQ2SEQ) {
            m.put(Highlight.CONTEXT, "the context C");
        }
        m.put(Highlight.GRADIENT, "the gradient ∂L/∂h");
        return m;
    }

    /** Asks for the caption and highlights of a beat at {@code step}; empty if cancelled or left blank. */
    static Optional<Beat> ask(Window owner, Scenario s, int step, boolean backward, String where) {
        Dialog<ButtonType> dialog = new Dialog<>();
        dialog.initOwner(owner);
        dialog.setTitle("Add a lesson beat");
        dialog.setHeaderText("A beat at " + where + ": Page Down will come here and show this caption");
        TextArea caption = new TextArea();
        caption.setId("beat-caption-input");
        caption.setPromptText("What to say here, e.g. \"the forget gate is near 1: the cell keeps c\"");
        caption.setWrapText(true);
        caption.setPrefRowCount(3);
        FlowPane boxes = new FlowPane(12, 8);
        List<CheckBox> checks = new ArrayList<>();
        for (Map.Entry<Highlight, String> c : choices(s).entrySet()) {
            CheckBox box = new CheckBox(c.getValue());
            box.setUserData(c.getKey());
            checks.add(box);
            boxes.getChildren().add(box);
        }
        VBox content = new VBox(10, new Label("Caption"), caption, new Label("Ring on the picture"), boxes);
        content.setPadding(new Insets(12));
        content.setPrefWidth(620);
        dialog.getDialogPane().setContent(content);
        ButtonType add = new ButtonType("Add beat", ButtonBar.ButtonData.OK_DONE);
        dialog.getDialogPane().getButtonTypes().addAll(add, ButtonType.CANCEL);
        dialog.getDialogPane().lookupButton(add).disableProperty().bind(caption.textProperty().isEmpty());
        javafx.application.Platform.runLater(caption::requestFocus);
        Optional<ButtonType> answer = dialog.showAndWait();
        if (answer.isEmpty() || answer.get() != add || caption.getText().isBlank()) {
            return Optional.empty();
        }
        List<Highlight> highlight = checks.stream().filter(CheckBox::isSelected).map(b -> (Highlight) b.getUserData()).toList();
        String text = TypedText.readable(caption.getText(), true);
        return text.isEmpty() ? Optional.empty() : Optional.of(new Beat(step, backward, text, highlight));
    }
}
