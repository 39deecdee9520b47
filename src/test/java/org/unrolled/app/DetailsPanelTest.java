package org.unrolled.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.layout.GridPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;
import org.unrolled.engine.SequenceTrace;
import org.unrolled.view.Numbers;

/**
 * The side panel's rows of vectors follow the step, and stepping reuses their labels instead of
 * making new ones (new labels cost every step a CSS pass): the rows shown are right at every step,
 * forward and backward, and after the first pass over the sequence no label is made again.
 */
@ExtendWith(ApplicationExtension.class)
class DetailsPanelTest {
    private AppModel model;

    @Start
    void start(Stage stage) {
        model = TestWindow.open(stage, "lstm-gates.json").model();
    }

    /** The shown rows as name → values text, in order, and every row label (shown or not). */
    private static Map<String, String> rows(FxRobot robot, List<Label> all) {
        DetailsPanel panel = robot.lookup(".details-panel").match(n -> n instanceof DetailsPanel).queryAs(DetailsPanel.class);
        GridPane grid = (GridPane) panel.lookup(".details-vector").getParent();
        Map<Integer, Label[]> byRow = new TreeMap<>();
        for (Node child : grid.getChildren()) {
            byRow.computeIfAbsent(GridPane.getRowIndex(child), r -> new Label[2])[GridPane.getColumnIndex(child)] = (Label) child;
        }
        all.clear();
        Map<String, String> shown = new LinkedHashMap<>();
        for (Label[] row : byRow.values()) {
            all.add(row[0]);
            all.add(row[1]);
            if (row[0].isVisible()) {
                shown.put(row[0].getText(), row[1].getText());
            }
        }
        return shown;
    }

    private void moveTo(double p) {
        WaitForAsyncUtils.asyncFx(() -> model.playback().positionProperty().set(p));
        WaitForAsyncUtils.waitForFxEvents();
    }

    private static String values(double[] v) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < v.length; i++) {
            b.append(i == 0 ? "" : "  ").append(Numbers.format(v[i]));
        }
        return b.toString();
    }

    @Test
    void rowsFollowTheStepAndTheirLabelsAreReused(FxRobot robot) {
        SequenceTrace seq = model.document().trace().steps();
        int n = seq.length();
        List<Label> labels = new ArrayList<>();
        // a first pass over every position makes all the labels any step needs
        for (double p = 0; p <= 2 * n; p += 0.5) {
            moveTo(p);
        }
        rows(robot, labels);
        List<Label> made = new ArrayList<>(labels);
        for (int t = 1; t <= n; t++) {
            moveTo(t);
            Map<String, String> shown = rows(robot, labels);
            assertEquals(values(seq.x(t)), shown.get("x_" + t), "x at step " + t);
            assertEquals(values(seq.h(t)), shown.get("h_" + t), "h at step " + t);
            assertEquals(values(seq.c(t)), shown.get("c_" + t), "c at step " + t);
            assertEquals(values(seq.gate(t, 'f')), shown.get("f_" + t), "forget gate at step " + t);
            assertTrue(shown.keySet().stream().noneMatch(k -> k.startsWith("∂L")), "no gradient row going forward");
            assertEquals(made.size(), labels.size(), "no label made at step " + t);
            for (int i = 0; i < made.size(); i++) {
                assertSame(made.get(i), labels.get(i));
            }
        }
        for (int t = n; t >= 1; t--) {
            moveTo(n + (n - t + 1)); // step t's gradient just computed
            Map<String, String> shown = rows(robot, labels);
            assertEquals(values(seq.dLdh(t)), shown.get("∂L/∂h_" + t), "∂L/∂h at step " + t);
            assertEquals(values(seq.dLdc(t)), shown.get("∂L/∂c_" + t), "∂L/∂c at step " + t);
            assertEquals(5, shown.size(), "backward rows of an LSTM: ∂L/∂h, its two parts, ∂L/∂c, its part via c");
            assertEquals(made.size(), labels.size(), "no label made going back, step " + t);
        }
        moveTo(0);
        Map<String, String> shown = rows(robot, labels);
        assertEquals(List.of("h₀"), List.copyOf(shown.keySet()));
        for (Node l : labels) {
            assertEquals(l.isVisible(), l.isManaged(), "a hidden row takes no room");
        }
    }
}
