package org.unrolled.app;

import java.util.ArrayList;
import java.util.List;
import javafx.geometry.Insets;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;
import org.unrolled.engine.CellType;
import org.unrolled.engine.Scenario;
import org.unrolled.engine.SequenceTrace;
import org.unrolled.engine.Trace;
import org.unrolled.view.Explainer;
import org.unrolled.view.Hit;
import org.unrolled.view.Numbers;
import org.unrolled.view.StepSchedule;
import org.unrolled.view.VectorRef;

/**
 * The side panel: the scenario, the current step's vectors in full, the loss so far, and where the
 * hovered (or last clicked) number came from.
 */
public final class DetailsPanel extends ScrollPane {
    private final AppModel model;
    private final Label title = new Label();
    private final Label description = new Label();
    private final Label summary = new Label();
    private final Label stepHeader = new Label();
    private final GridPane vectors = new GridPane();
    private final Label loss = new Label();
    private final Label explainTitle = new Label();
    private final Label explainName = new Label();
    private final VBox explainLines = new VBox(4);
    /** The rows of {@link #vectors}, name and values, made as needed and kept; the first {@link #shownRows} show. */
    private final List<Label[]> rowLabels = new ArrayList<>();
    private int shownRows;

    public DetailsPanel(AppModel model) {
        this.model = model;
        getStyleClass().add("details-panel");
        setFitToWidth(true);
        // the content fills the panel's height: rows appearing at the first step then move labels inside
        // it instead of changing its size, which made that step's pulse repaint the whole window
        setFitToHeight(true);
        setHbarPolicy(ScrollBarPolicy.NEVER);
        title.getStyleClass().add("details-title");
        description.getStyleClass().add("details-text");
        summary.getStyleClass().add("details-muted");
        stepHeader.getStyleClass().add("details-heading");
        loss.getStyleClass().add("details-text");
        loss.setId("loss-so-far");
        explainTitle.getStyleClass().add("details-heading");
        explainName.getStyleClass().add("details-value");
        explainName.setId("explain-name");
        vectors.setHgap(10);
        vectors.setVgap(4);
        for (Label l : new Label[] {title, description, summary, explainName}) {
            l.setWrapText(true);
        }
        VBox box = new VBox(10, title, summary, description, stepHeader, vectors, loss, explainTitle, explainName,
                explainLines);
        box.setPadding(new Insets(16));
        box.setFillWidth(true);
        // never squeezed below its text: taller than the panel, it scrolls (filling the height must not cut
        // wrapped labels to one line and "…")
        box.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        setContent(box);
        setPrefWidth(420);
        setMinWidth(300);
        UncachedViewport.install(this);
        model.documentProperty().addListener(o -> refresh());
        // playing moves the position every pulse: rebuild the rows only when what they show changes
        model.playback().positionProperty().addListener(o -> {
            if (!stepKey().equals(shownKey)) {
                refreshStep();
            }
        });
        model.hoveredProperty().addListener(o -> refreshExplanation());
        model.selectedProperty().addListener(o -> refreshExplanation());
        refresh();
    }

    private void refresh() {
        Document d = model.document();
        if (d == null) {
            return;
        }
        Scenario s = d.scenario();
        title.setText(d.content().title());
        description.setText(d.content().description());
        String cell = switch (s.cell()) {
            case RNN -> "Vanilla RNN (" + s.activation().jsonName() + ")";
            case LSTM -> "LSTM";
            case GRU -> "GRU (" + s.gruVariant().jsonName() + ")";
        };
        summary.setText(cell + " · " + s.mapping().jsonName() + (s.feedback() == null ? "" : " · " + s.feedback().jsonName())
                + " · I = " + s.inputSize() + ", H = " + s.hiddenSize() + ", O = " + s.outputSize() + " · loss " + s.loss().jsonName()
                + " · " + org.unrolled.view.Numbers.bytes(d.trace().memoryBytes()) + " of recorded numbers");
        refreshStep();
        refreshExplanation();
    }

    /** The rows shown last were for this document and place: trace identity, phase, step, computed or not. */
    private String shownKey = "";

    private String stepKey() {
        Document d = model.document();
        if (d == null) {
            return "";
        }
        StepSchedule timeline = new StepSchedule(d.trace());
        double p = model.playback().positionProperty().get();
        int g = StepSchedule.current(p);
        return System.identityHashCode(d.trace()) + (timeline.inBackward(p) ? " b" + timeline.backwardCurrent(p)
                : " f" + g + (StepSchedule.computed(g, p) ? "c" : ""));
    }

    private void refreshStep() {
        Document d = model.document();
        if (d == null) {
            return;
        }
        shownKey = stepKey();
        Trace trace = d.trace();
        StepSchedule timeline = new StepSchedule(trace);
        double p = model.playback().positionProperty().get();
        int g = StepSchedule.current(p);
        shownRows = 0;
        if (timeline.inBackward(p)) {
            int b = timeline.backwardCurrent(p);
            boolean enc = timeline.isEncoder(b);
            int t = timeline.localStep(b);
            SequenceTrace seq = enc ? trace.encoder() : trace.steps();
            stepHeader.setText("Backward through " + (trace.hasEncoder() ? (enc ? "encoder " : "decoder ") : "") + "step " + t);
            List<Object[]> rows = new ArrayList<>();
            rows.add(new Object[] {"∂L/∂h_" + t, seq.dLdh(t)});
            rows.add(new Object[] {"  from y_" + t, seq.dLdhFromOutput(t)});
            rows.add(new Object[] {"  from t+1", seq.dLdhFromNext(t)});
            if (trace.scenario().cell().hasCellState()) {
                rows.add(new Object[] {"∂L/∂c_" + t, seq.dLdc(t)});
                rows.add(new Object[] {"  via c_" + (t + 1), seq.dLdcFromNext(t)});
            }
            for (Object[] row : rows) {
                addRow((String) row[0], (double[]) row[1]);
            }
            hideUnusedRows();
            String norms = "‖∂L/∂h_" + t + "‖ = " + Numbers.format(seq.dLdhNorm(t))
                    + (trace.scenario().cell().hasCellState() ? "    ‖∂L/∂c_" + t + "‖ = " + Numbers.format(seq.dLdcNorm(t)) : "");
            loss.setText(norms + "\nTotal loss L = " + Numbers.format(trace.loss()));
            return;
        }
        if (g == 0) {
            stepHeader.setText("Before the first step");
            addRow("h₀", (trace.hasEncoder() ? trace.encoder() : trace.steps()).h(0));
        } else {
            boolean enc = timeline.isEncoder(g);
            int t = timeline.localStep(g);
            SequenceTrace seq = enc ? trace.encoder() : trace.steps();
            stepHeader.setText((trace.hasEncoder() ? (enc ? "Encoder step " : "Decoder step ") : "Step ") + t
                    + (StepSchedule.computed(g, p) ? "" : " (being computed)"));
            List<Object[]> rows = new ArrayList<>();
            rows.add(new Object[] {"x_" + t, seq.x(t)});
            for (char gate : trace.scenario().cell().gateNames().toCharArray()) {
                rows.add(new Object[] {gate + "_" + t, seq.gate(t, gate)});
            }
            if (trace.scenario().cell() == CellType.RNN) {
                rows.add(new Object[] {"Σ_" + t, seq.preActivation(t, ' ')});
            }
            if (trace.scenario().cell().hasCellState()) {
                rows.add(new Object[] {"c_" + t, seq.c(t)});
            }
            rows.add(new Object[] {"h_" + t, seq.h(t)});
            if (seq.hasOutput(t)) {
                rows.add(new Object[] {"y_" + t, seq.y(t)});
                rows.add(new Object[] {"target", VectorRef.of(enc, t, VectorRef.Kind.TARGET).values(trace)});
            }
            for (Object[] row : rows) {
                addRow((String) row[0], (double[]) row[1]);
            }
        }
        hideUnusedRows();
        double soFar = 0;
        SequenceTrace out = trace.steps();
        for (int t = 1; t <= out.length(); t++) {
            if (StepSchedule.computed(timeline.global(false, t), p) && !Double.isNaN(out.stepLoss(t))) {
                soFar += out.stepLoss(t);
            }
        }
        loss.setText("Loss so far: " + Numbers.format(soFar) + "    (total L = " + Numbers.format(trace.loss()) + ")");
    }

    /**
     * The next row of vectors: its name and values. The rows' labels are made once and reused (their
     * texts changed, unused rows hidden): labels made anew at every step cost the step a CSS pass of
     * several milliseconds.
     */
    private void addRow(String name, double[] values) {
        if (shownRows == rowLabels.size()) {
            Label n = new Label();
            n.getStyleClass().add("details-vector-name");
            n.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE); // the name is never cut to "…"
            Label v = new Label();
            v.setWrapText(true);
            v.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
            v.getStyleClass().add("details-vector");
            vectors.add(n, 0, shownRows);
            vectors.add(v, 1, shownRows);
            rowLabels.add(new Label[] {n, v});
        }
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < values.length; i++) {
            b.append(i == 0 ? "" : "  ").append(Numbers.format(values[i]));
        }
        Label[] row = rowLabels.get(shownRows++);
        row[0].setText(name);
        row[1].setText(b.toString());
        show(row, true);
    }

    private void hideUnusedRows() {
        for (int i = shownRows; i < rowLabels.size(); i++) {
            show(rowLabels.get(i), false);
        }
    }

    private static void show(Label[] row, boolean shown) {
        for (Label l : row) {
            show(l, shown);
        }
    }

    /** Shown, or hidden and taking no room. */
    private static void show(Label l, boolean shown) {
        l.setVisible(shown);
        l.setManaged(shown);
    }

    private void refreshExplanation() {
        Document d = model.document();
        Hit hit = model.hoveredProperty().get() != null ? model.hoveredProperty().get() : model.selectedProperty().get();
        if (d == null || hit == null || !hit.ref().existsIn(d.trace(), hit.index())) {
            explainTitle.setText("Where does a number come from?");
            explainName.setText("Point at any square to see the equation that produced it.");
            showLines(List.of());
            return;
        }
        Explainer.Explanation e = Explainer.explain(d.trace(), d.content().vocabulary(), hit.ref(), hit.index());
        explainTitle.setText(e.title());
        explainName.setText(e.name() + " = " + Numbers.format(e.value()));
        showLines(e.lines());
    }

    /** The explanation's lines, in labels made once and reused (as the rows of vectors are). */
    private void showLines(List<String> lines) {
        List<javafx.scene.Node> labels = explainLines.getChildren();
        while (labels.size() < lines.size()) {
            Label l = new Label();
            l.setWrapText(true);
            l.getStyleClass().add("details-equation");
            labels.add(l);
        }
        for (int i = 0; i < labels.size(); i++) {
            Label l = (Label) labels.get(i);
            boolean shown = i < lines.size();
            l.setText(shown ? lines.get(i) : "");
            show(l, shown);
        }
    }
}
