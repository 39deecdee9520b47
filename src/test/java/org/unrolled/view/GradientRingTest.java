package org.unrolled.view;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;
import javafx.application.Platform;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.unrolled.document.DocumentTrace;
import org.unrolled.document.Highlight;
import org.unrolled.export.HeadlessFx;
import org.unrolled.io.Samples;
import org.unrolled.view.draw.RecordingPen;

/** The ring round a step's gradient goes round its label, and round no part of the cell beside it. */
class GradientRingTest {
    @BeforeAll
    static void startFx() throws Exception {
        HeadlessFx.start();
    }

    @Test
    void atTheLastStepTheRingHoldsTheGradientsLabelAndKeepsOutOfTheCell() throws Exception {
        DocumentTrace vanishing = DocumentTrace.run(Samples.load("rnn-vanishing.json"));
        double position = new StepSchedule(vanishing.trace()).backwardPositionOf(30); // dL/dh_30 just computed
        AtomicReference<RecordingPen> drawn = new AtomicReference<>();
        AtomicReference<NetworkLayout> laid = new AtomicReference<>();
        CountDownLatch done = new CountDownLatch(1);
        Platform.runLater(() -> {
            try {
                ViewSettings view = ViewSettings.defaults().withHighlight(Set.of(Highlight.GRADIENT));
                NetworkLayout layout = NetworkLayout.compute(vanishing.trace(), view, position, 1920, 700);
                RecordingPen pen = new RecordingPen(null);
                NetworkPainter.paint(pen, layout, position, view.palette(), null, view.highlight(), false, view.words());
                drawn.set(pen);
                laid.set(layout);
            } finally {
                done.countDown();
            }
        });
        done.await();
        List<RecordingPen.DrawnRoundRect> rings = drawn.get().roundRects().stream()
                .filter(r -> r.stroke().equals(Palette.LIGHT.highlight())).toList();
        assertEquals(1, rings.size(), "one ring: " + rings);
        RecordingPen.DrawnRoundRect ring = rings.get(0);
        RecordingPen.DrawnText label = drawn.get().texts().stream().filter(t -> t.text().startsWith("‖∂L/∂h‖")).findFirst()
                .orElseThrow();
        assertTrue(ring.x() <= label.x() && ring.x() + ring.w() >= label.x() + label.w() && ring.y() <= label.y()
                && ring.y() + ring.h() >= label.y() + label.h(), "round the label: " + ring + " " + label);
        NetworkLayout.Column last = laid.get().columns().stream().filter(c -> c.kind() == NetworkLayout.ColumnKind.STEP && c.t() == 30).findFirst()
                .orElseThrow();
        double cellRight = laid.get().cellBox(last).right();
        assertTrue(ring.x() - ring.lineWidth() / 2 > cellRight, "the ring starts right of the cell's edge (" + cellRight + "): " + ring);
    }
}
