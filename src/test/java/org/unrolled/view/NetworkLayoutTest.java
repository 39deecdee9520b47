package org.unrolled.view;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.unrolled.engine.Engine;
import org.unrolled.engine.Trace;
import org.unrolled.io.Samples;
import org.unrolled.view.NetworkLayout.Column;
import org.unrolled.view.NetworkLayout.ColumnKind;

class NetworkLayoutTest {
    private static final Trace LSTM = Engine.run(Samples.load("default.json").scenario());
    private static final Trace SEQ2SEQ = Engine.run(Samples.load("gru-seq2seq.json").scenario());
    private static final Trace LONG_RNN = Engine.run(Samples.load("rnn-vanishing.json").scenario());

    @Test
    void columnsRunLeftToRightWithoutOverlap() {
        NetworkLayout l = NetworkLayout.compute(SEQ2SEQ, ViewSettings.defaults(), 3.3, 1600, 900);
        List<Column> cols = l.columns();
        assertEquals(ColumnKind.INITIAL, cols.get(0).kind());
        assertEquals(1 + 5 + 1 + 3, cols.size(), "h0, five encoder steps, C, three decoder steps");
        assertEquals(ColumnKind.CONTEXT, cols.get(6).kind());
        for (int i = 1; i < cols.size(); i++) {
            assertEquals(cols.get(i - 1).right(), cols.get(i).x(), 1e-9);
        }
    }

    @Test
    void theCurrentCellOpensAndTheFocusMovesSmoothly() {
        NetworkLayout at3 = NetworkLayout.compute(LSTM, ViewSettings.defaults(), 3, 1600, 900);
        Column third = at3.columns().get(3);
        assertEquals(1.0, third.focus(), 1e-12);
        assertTrue(third.width() > 3 * at3.columns().get(1).width(), "the focused cell is wide enough for its gates");
        NetworkLayout between = NetworkLayout.compute(LSTM, ViewSettings.defaults(), 3.5, 1600, 900);
        assertEquals(0.5, between.columns().get(3).focus(), 1e-12);
        assertEquals(0.5, between.columns().get(4).focus(), 1e-12);
        // total width does not jump while the focus moves
        assertEquals(at3.columns().get(10).right() - at3.columns().get(0).x(),
                between.columns().get(10).right() - between.columns().get(0).x(), 1e-6);
    }

    @Test
    void fitPutsEveryStepOnScreenWhenThereIsRoom() {
        NetworkLayout l = NetworkLayout.compute(LSTM, ViewSettings.defaults(), 5, 1600, 900);
        assertTrue(l.columns().get(0).x() >= 0);
        assertTrue(l.columns().get(l.columns().size() - 1).right() <= 1600);
    }

    @Test
    void fitShowsEveryStepOfALongSequenceAndTheInitialState() {
        // issue 15: at T = 200 "Fit" showed only steps 115-200, h0 off screen (the unit stopped at its zoom minimum)
        Trace longer = Engine.run(org.unrolled.engine.ScenarioEdits.withLength(Samples.load("rnn-vanishing.json").scenario(), 200));
        for (int width : new int[] {1024, 1280, 1920}) {
            for (double p : new double[] {0, 100, 200, 400}) {
                NetworkLayout l = NetworkLayout.compute(longer, ViewSettings.defaults().fitted(), p, width, 600);
                assertEquals(201, l.columns().size());
                assertTrue(l.columns().get(0).x() >= 0, "h0 on screen at " + width + ", " + p);
                assertTrue(l.columns().get(200).right() <= width, "step 200 on screen at " + width + ", " + p);
            }
        }
    }

    @Test
    void followKeepsTheCurrentStepInViewOfALongSequence() {
        ViewSettings zoomed = ViewSettings.defaults().withZoom(150, 0).following(150);
        for (double p : new double[] {1, 15, 29, 30}) {
            NetworkLayout l = NetworkLayout.compute(LONG_RNN, zoomed, p, 1600, 900);
            Column focus = l.columns().get((int) p);
            assertTrue(l.visible(focus) && focus.x() >= 0 && focus.right() <= 1600, "step " + p + " on screen");
        }
    }

    @Test
    void onlyVisibleColumnsAreDrawnAndHoverable() {
        ViewSettings zoomed = ViewSettings.defaults().withZoom(200, 0).following(200);
        NetworkLayout l = NetworkLayout.compute(LONG_RNN, zoomed, 15, 1600, 900);
        long visible = l.columns().stream().filter(l::visible).count();
        assertTrue(visible < 12, "at this zoom only a few of 31 columns are on screen: " + visible);
    }

    @Test
    void gridsFitTheirBoxAndFindTheirSquares() {
        Rect box = new Rect(10, 20, 100, 50);
        VectorGrid g = VectorGrid.fit(box, 8, 100);
        assertEquals(25.0, g.size(), 1e-9, "8 values in 100 x 50: two rows of four squares of 25");
        assertEquals(4, g.columns());
        assertEquals(5, g.indexAt(g.square(5).centerX(), g.square(5).centerY()));
        assertEquals(-1, g.indexAt(0, 0));
    }
}
