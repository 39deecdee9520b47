package org.unrolled.app;

import java.util.Random;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Slider;
import javafx.scene.control.Spinner;
import javafx.scene.control.ToggleButton;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.controlsfx.control.SegmentedButton;
import org.unrolled.engine.Activation;
import org.unrolled.engine.CellType;
import org.unrolled.engine.Feedback;
import org.unrolled.engine.GruVariant;
import org.unrolled.engine.InitSpec;
import org.unrolled.engine.Mapping;
import org.unrolled.engine.Scenario;
import org.unrolled.engine.ScenarioEdits;
import org.unrolled.engine.Spectra;
import org.unrolled.view.Numbers;

/**
 * The what-if controls: every change recomputes and redraws at once. The spectral-radius slider is
 * the one knob that turns vanishing into exploding gradients; the forget-gate bias slider shows how
 * {@code f ≈ 1} keeps the LSTM highway open.
 */
public final class WhatIfPanel extends ScrollPane {
    private final AppModel model;
    private final NewWeightsGuard guard;
    private boolean updating;

    private final SegmentedButton cell = new SegmentedButton();
    private final ToggleButton rnn = new ToggleButton("RNN");
    private final ToggleButton lstm = new ToggleButton("LSTM");
    private final ToggleButton gru = new ToggleButton("GRU");
    private final ComboBox<Activation> activation = EnumChoice.of(Activation.class);
    private final ComboBox<GruVariant> variant = EnumChoice.of(GruVariant.class);
    private final ComboBox<Mapping> mapping = EnumChoice.of(Mapping.class);
    private final ComboBox<Feedback> feedback = EnumChoice.of(Feedback.class);
    private final Spinner<Integer> length = new Spinner<>(1, 2000, 10);
    private final Spinner<Integer> hidden = new Spinner<>(1, 128, 4);
    private final Spinner<Integer> seed = new Spinner<>(0, Integer.MAX_VALUE, 1);
    private final Slider scale = new Slider(0.05, 2, 0.5);
    private final Slider rho = new Slider(0.1, 3, 1);
    private final Label rhoValue = new Label();
    private final Slider forget = new Slider(0, 5, 1);
    private final Label forgetValue = new Label();
    private final InputEditor input;

    public WhatIfPanel(AppModel model) {
        this.model = model;
        this.input = new InputEditor(model);
        this.guard = new NewWeightsGuard(model, this, () -> seed.getValue(), this::refresh);
        getStyleClass().add("details-panel");
        setFitToWidth(true);
        setHbarPolicy(ScrollBarPolicy.NEVER);
        cell.getButtons().addAll(rnn, lstm, gru);
        for (ToggleButton b : new ToggleButton[] {rnn, lstm, gru}) {
            b.setMinWidth(Region.USE_PREF_SIZE); // the cell's name whole, never "L..."
        }
        cell.setId("cell-choice");
        rho.setId("rho-slider");
        forget.setId("forget-slider");
        length.setId("length-spinner");
        hidden.setId("hidden-spinner");
        seed.setId("seed-spinner");
        scale.setId("scale-slider");
        activation.setId("activation-choice");
        variant.setId("variant-choice");
        mapping.setId("mapping-choice");
        feedback.setId("feedback-choice");
        for (Spinner<Integer> s : java.util.List.of(length, hidden, seed)) {
            s.setEditable(true);
            SafeSpinner.guard(s);
            s.setPrefWidth(130);
        }
        for (Slider s : new Slider[] {scale, rho, forget}) {
            s.setShowTickMarks(true);
            s.setShowTickLabels(true);
            s.setMaxWidth(Double.MAX_VALUE);
            PlaybackKeys.adjustWithUpDown(s); // Left and Right step the playback
        }
        rho.setMajorTickUnit(0.5);
        forget.setMajorTickUnit(1);
        scale.setMajorTickUnit(0.5);
        // one press of Up or Down: a small step, not the default 10 (which jumps to the end of these ranges)
        rho.setBlockIncrement(0.1);
        forget.setBlockIncrement(0.25);
        scale.setBlockIncrement(0.05);
        Button reroll = new Button("Re-roll");
        reroll.setId("reroll");
        reroll.setMinWidth(Region.USE_PREF_SIZE);
        reroll.setOnAction(e -> seed.getValueFactory().setValue(new Random().nextInt(1_000_000)));
        for (Label l : new Label[] {rhoValue, forgetValue}) {
            l.setWrapText(true);
            l.getStyleClass().add("details-text");
        }
        tip(rnn, "A vanilla RNN cell: h = act(W_ih x + b_ih + W_hh h + b_hh)");
        tip(lstm, "An LSTM cell: forget, input and output gates and a cell state c");
        tip(gru, "A GRU cell: reset and update gates, no separate cell state");
        tip(activation, "The vanilla RNN's activation: tanh or relu");
        tip(variant, "Where the GRU's reset gate acts: PyTorch's form or Cho et al.'s");
        tip(mapping, "How inputs and outputs line up in time");
        tip(feedback, "What a decoding step reads: the previous target, the model's own output, or zeros");
        tip(length, "Number of steps read (or written, for one-to-many)");
        tip(hidden, "Units in the hidden state h");
        tip(seed, "Seed of the random weights: the same seed gives the same weights");
        tip(reroll, "New random weights from a new seed");
        tip(scale, "Weights drawn uniformly from [−scale, scale] (Up/Down with the keyboard)");
        tip(rho, "Rescale W_hh to this spectral radius: below 1 gradients vanish, above 1 they can explode (Up/Down)");
        tip(forget, "The LSTM forget gates' bias: high keeps the cell state (and its gradient) (Up/Down)");

        GridPane grid = new GridPane();
        grid.setHgap(10);
        grid.setVgap(10);
        int r = 0;
        grid.addRow(r++, heading("Cell"));
        grid.addRow(r++, label("Type"), cell);
        grid.addRow(r++, label("Activation"), activation);
        grid.addRow(r++, label("GRU variant"), variant);
        grid.addRow(r++, heading("Sequence"));
        grid.addRow(r++, label("Mapping"), mapping);
        grid.addRow(r++, label("Feedback"), feedback);
        grid.addRow(r++, label("Length T"), length);
        grid.addRow(r++, label("Hidden size H"), hidden);
        grid.addRow(r++, heading("Weights"));
        grid.addRow(r++, label("Seed"), new HBox(8, seed, reroll));
        grid.addRow(r++, label("Scale"), scale);
        grid.addRow(r++, label("ρ(W_hh)"), new VBox(2, rho, rhoValue));
        grid.addRow(r++, label("Forget bias"), new VBox(2, forget, forgetValue));
        grid.addRow(r++, heading("Input"));
        // the input's name on a row of its own: in the first column it would widen that column (a one-hot
        // word's name is long) and squeeze every control beside it, cutting "LSTM" to "L..."
        grid.add(input.name(), 0, r++, 2, 1);
        grid.add(input.value(), 0, r++, 2, 1);
        GridPane.setHgrow(rho, Priority.ALWAYS);
        javafx.scene.layout.ColumnConstraints c0 = new javafx.scene.layout.ColumnConstraints();
        c0.setMinWidth(Region.USE_PREF_SIZE); // "Hidden size H" whole, at any text scale
        javafx.scene.layout.ColumnConstraints c1 = new javafx.scene.layout.ColumnConstraints();
        c1.setHgrow(Priority.ALWAYS);
        grid.getColumnConstraints().addAll(c0, c1);
        Label hint = new Label("Every change recomputes the forward pass and BPTT at once. "
                + "Drag ρ across 1 and watch the gradient plot tilt from vanishing to exploding.\n"
                + "ρ, the spectral radius of W_hh, is the size of its largest eigenvalue: roughly how much"
                + " repeated multiplication by W_hh stretches or shrinks a vector per step.\n"
                + "Cell, mapping, feedback (when the output size must change), hidden size, seed and scale draw new"
                + " weights (trained weights are asked about first; Ctrl+Z brings the old ones back). The other"
                + " controls keep every weight.");
        hint.setId("what-if-hint");
        hint.setWrapText(true);
        hint.getStyleClass().add("details-muted");
        VBox box = new VBox(14, hint, grid);
        box.setPadding(new Insets(16));
        setContent(box);

        wire();
        model.documentProperty().addListener(o -> refresh());
        refresh();
    }

    private void wire() {
        cell.getToggleGroup().selectedToggleProperty().addListener((o, was, is) -> {
            if (is == null && was != null) {
                was.setSelected(true); // one is always chosen
                return;
            }
            CellType c = is == rnn ? CellType.RNN : is == lstm ? CellType.LSTM : CellType.GRU;
            edit("cell", s -> s.cell() == c ? s : ScenarioEdits.withCell(s, c, init()));
        });
        activation.valueProperty().addListener((o, was, is) ->
                edit("activation", s -> is == null || s.cell() != CellType.RNN ? s : ScenarioEdits.withActivation(s, is)));
        variant.valueProperty().addListener((o, was, is) ->
                edit("variant", s -> is == null || s.cell() != CellType.GRU ? s : ScenarioEdits.withGruVariant(s, is)));
        mapping.valueProperty().addListener((o, was, is) -> edit("mapping",
                s -> is == null || is == s.mapping() ? s : ScenarioEdits.withMapping(s, is, feedback.getValue(), init())));
        feedback.valueProperty().addListener((o, was, is) -> edit("feedback",
                s -> is == null || !s.mapping().usesFeedback() || is == s.feedback() ? s
                        : ScenarioEdits.withFeedback(s, is, init())));
        length.valueProperty().addListener((o, was, is) -> edit("length", s -> ScenarioEdits.withLength(s, is)));
        hidden.valueProperty().addListener((o, was, is) ->
                edit("hidden", s -> s.hiddenSize() == is ? s : ScenarioEdits.withHiddenSize(s, is, init())));
        seed.valueProperty().addListener((o, was, is) -> edit("seed", s -> ScenarioEdits.reinitialised(s, init())));
        scale.valueProperty().addListener((o, was, is) -> edit("scale", s -> ScenarioEdits.reinitialised(s, init())));
        rho.valueProperty().addListener((o, was, is) -> edit("rho", s -> ScenarioEdits.withSpectralRadius(s, is.doubleValue())));
        forget.valueProperty().addListener((o, was, is) -> edit("forget",
                s -> s.cell() == CellType.LSTM ? ScenarioEdits.withForgetBias(s, is.doubleValue()) : s));
    }

    private void edit(String key, java.util.function.UnaryOperator<Scenario> op) {
        if (!updating) {
            guard.edit(key, op);
        }
    }

    private InitSpec init() {
        return new InitSpec(seed.getValue(), scale.getValue());
    }

    /** Shows the scenario's current settings without firing edits. */
    private void refresh() {
        Document d = model.document();
        if (d == null) {
            return;
        }
        Scenario s = d.scenario();
        updating = true;
        try {
            (s.cell() == CellType.RNN ? rnn : s.cell() == CellType.LSTM ? lstm : gru).setSelected(true);
            activation.setValue(s.activation());
            activation.setDisable(s.cell() != CellType.RNN);
            variant.setValue(s.gruVariant());
            variant.setDisable(s.cell() != CellType.GRU);
            mapping.setValue(s.mapping());
            feedback.setValue(s.feedback());
            feedback.setDisable(!s.mapping().usesFeedback());
            length.getValueFactory().setValue(switch (s.mapping()) {
                case ONE_TO_ONE -> 1;
                case ONE_TO_MANY -> s.targetCount();
                default -> s.inputCount();
            });
            length.setDisable(s.mapping() == Mapping.ONE_TO_ONE);
            hidden.getValueFactory().setValue(s.hiddenSize());
            if (s.init() != null) {
                seed.getValueFactory().setValue((int) Math.max(0, Math.min(Integer.MAX_VALUE, s.init().seed())));
                scale.setValue(s.init().effectiveScale(s.hiddenSize()));
            }
            double r = Spectra.largestSpectralRadius(s.cell(), s.weights().cell(), s.hiddenSize());
            rho.setValue(r);
            rhoValue.setText("ρ = " + Numbers.format(r) + (s.cell() == CellType.RNN ? "" : "  (largest gate block)")
                    + (r < 1 ? "  → gradients shrink" : r > 1 ? "  → gradients can grow" : ""));
            boolean isLstm = s.cell() == CellType.LSTM;
            forget.setDisable(!isLstm);
            if (isLstm) {
                double b = ScenarioEdits.forgetBias(s);
                forget.setValue(Math.max(0, Math.min(5, b)));
                forgetValue.setText("b_f = " + Numbers.format(b) + ",  σ(b_f) = " + Numbers.format(1 / (1 + Math.exp(-b))));
            } else {
                forgetValue.setText("(LSTM only)");
            }
        } finally {
            updating = false;
        }
    }

    private static Label label(String text) {
        Label l = new Label(text);
        l.getStyleClass().add("details-vector-name");
        return l;
    }

    private static Label heading(String text) {
        Label l = new Label(text);
        l.getStyleClass().add("details-heading");
        return l;
    }

    private static void tip(javafx.scene.control.Control c, String text) {
        c.setTooltip(new javafx.scene.control.Tooltip(text));
    }
}
