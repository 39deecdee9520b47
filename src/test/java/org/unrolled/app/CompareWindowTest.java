package org.unrolled.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.unrolled.engine.CellType;
import org.unrolled.engine.Engine;
import org.unrolled.engine.Feedback;
import org.unrolled.engine.ScenarioEdits;
import org.unrolled.view.NetworkCanvas;

/** Side by side: one timeline drives every row, and the plot compares the rows' own gradients. */
@ExtendWith(ApplicationExtension.class)
class CompareWindowTest {
    private AppModel model;
    private Stage owner;
    private MainWindow window;

    @Start
    void start(Stage stage) {
        owner = stage;
        model = new AppModel(new RecentFiles(null), Runnable::run);
        TestWindow.useProgramLook();
        window = new MainWindow(stage, model);
        model.openSample("rnn-vanishing.json");
        stage.show();
    }

    @Test
    void threeCellsOnOneTimeline(FxRobot robot) {
        CompareWindow[] w = new CompareWindow[1];
        robot.interact(() -> {
            w[0] = CompareWindow.cells(owner, model, window.state());
            w[0].show();
        });
        robot.interact(() -> model.playback().positionProperty().set(42));
        for (NetworkCanvas c : w[0].canvases()) {
            assertEquals(42.0, c.positionProperty().get());
        }
        assertEquals(3, w[0].plot().compared().size());
        assertEquals(CellType.RNN, w[0].canvases().get(0).traceProperty().get().scenario().cell());
        assertEquals(CellType.LSTM, w[0].canvases().get(1).traceProperty().get().scenario().cell());
        assertEquals(CellType.GRU, w[0].canvases().get(2).traceProperty().get().scenario().cell());
        // the RNN row is the scenario itself, and follows a what-if edit in the main window
        assertEquals(Engine.run(model.document().scenario()).loss(), w[0].plot().compared().get(0).trace().loss(), 0.0);
        robot.interact(() -> model.edit("rho", s -> ScenarioEdits.withSpectralRadius(s, 2.0)));
        assertEquals(model.document().trace().loss(), w[0].plot().compared().get(0).trace().loss(), 0.0);
        // the new LSTM's forget gates are biased open, and the class sees its gradient outlive the RNN's
        var lstm = w[0].canvases().get(1).traceProperty().get();
        assertEquals(CompareWindow.NEW_LSTM_FORGET_BIAS, ScenarioEdits.forgetBias(lstm.scenario()), 1e-12);
        robot.interact(() -> model.edit("rho", s -> ScenarioEdits.withSpectralRadius(s, 0.5)));
        var rnn = w[0].canvases().get(0).traceProperty().get();
        double rnnKept = rnn.steps().dLdhNorm(1) / rnn.steps().dLdhNorm(30);
        double lstmKept = lstm.steps().dLdhNorm(1) / lstm.steps().dLdhNorm(30);
        assertTrue(lstmKept > 1000 * rnnKept, lstmKept + " vs " + rnnKept);
        // fair to both gated cells: the new GRU gets its own opening bias (update gates biased open), and its
        // gradient outlives the RNN's too (without it, it fell 10⁷ times over the 30 steps)
        var gru = w[0].canvases().get(2).traceProperty().get();
        int h = gru.scenario().hiddenSize();
        double[] bih = gru.scenario().weights().cell().biasIh();
        double[] bhh = gru.scenario().weights().cell().biasHh();
        for (int j = h; j < 2 * h; j++) {
            assertEquals(CompareWindow.NEW_GRU_UPDATE_BIAS, bih[j] + bhh[j], 1e-12, "update gate, unit " + (j - h));
        }
        double gruKept = gru.steps().dLdhNorm(1) / gru.steps().dLdhNorm(30);
        assertTrue(gruKept > 0.1, "the GRU keeps a tenth of its gradient or more: " + gruKept);
        robot.interact(() -> w[0].stage().close());
    }

    @Test
    void oneStepBesideTheSameCellOverASequence(FxRobot robot) {
        robot.interact(() -> model.openSample("one-to-one.json"));
        CompareWindow[] w = new CompareWindow[1];
        robot.interact(() -> {
            w[0] = CompareWindow.steps(owner, model, window.state());
            w[0].show();
        });
        var single = w[0].canvases().get(0).traceProperty().get();
        var chain = w[0].canvases().get(1).traceProperty().get();
        assertEquals(1, single.steps().length());
        assertEquals(6, chain.steps().length());
        assertEquals(single.scenario().weights(), chain.scenario().weights(), "the same weights in both rows");
        assertEquals(single.steps().h(1)[0], chain.steps().h(1)[0], 0.0, "the first step is the same step");
        // presenting the comparison: F5 full screen without the controls, Esc back, Esc again closes
        robot.interact(() -> w[0].stage().requestFocus());
        robot.type(javafx.scene.input.KeyCode.F5);
        assertTrue(w[0].presentingProperty().get());
        assertTrue(!w[0].stage().getScene().lookup(".timeline-bar").isVisible(), "the timeline bar is hidden");
        robot.type(javafx.scene.input.KeyCode.PAGE_DOWN);
        assertEquals(1.0, model.playback().positionProperty().get(), "the clicker drives all rows");
        robot.type(javafx.scene.input.KeyCode.ESCAPE);
        assertTrue(!w[0].presentingProperty().get());
        robot.interact(() -> w[0].stage().close());
    }

    @Test
    void teacherForcingBesideFreeRunningKeepsTheWeights(FxRobot robot) {
        robot.interact(() -> model.openSample("teacher-forcing.json"));
        CompareWindow[] w = new CompareWindow[1];
        robot.interact(() -> {
            w[0] = CompareWindow.feedback(owner, model, window.state());
            w[0].show();
        });
        var tf = w[0].canvases().get(0).traceProperty().get();
        var fr = w[0].canvases().get(1).traceProperty().get();
        assertEquals(Feedback.TEACHER_FORCING, tf.scenario().feedback());
        assertEquals(Feedback.FREE_RUNNING, fr.scenario().feedback());
        assertEquals(tf.scenario().weights(), fr.scenario().weights());
        assertTrue(tf.loss() != fr.loss(), "different inputs after the first decoder step");
        robot.interact(() -> model.openSample("rnn-vanishing.json"));
        assertNull(w[0].canvases().get(0).traceProperty().get(), "many-to-one has no feedback to compare");
        robot.interact(() -> w[0].stage().close());
    }
}
