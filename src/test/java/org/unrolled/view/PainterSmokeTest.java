package org.unrolled.view;

import static org.junit.jupiter.api.Assertions.assertFalse;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;
import javafx.application.Platform;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.unrolled.engine.Engine;
import org.unrolled.engine.Trace;
import org.unrolled.export.HeadlessFx;
import org.unrolled.io.ScenarioReader;

/** Every sample loads, validates, traces and, with a network that overflows, draws at every quarter step of both passes and at three sizes. */
class PainterSmokeTest {

    @BeforeAll
    static void startFx() throws Exception {
        HeadlessFx.start();
    }

    /** Every file in samples/ (so a new sample is checked without a new test), and a few hard cases. */
    static java.util.stream.Stream<String> scenarios() throws java.io.IOException {
        java.util.List<String> files = new java.util.ArrayList<>();
        try (java.util.stream.Stream<Path> samples = java.nio.file.Files.list(Path.of("samples"))) {
            samples.filter(p -> p.toString().endsWith(".json")).sorted().forEach(p -> files.add(p.toString()));
        }
        files.add("src/test/resources/golden/exploding-relu.scenario.json");
        files.add("src/test/resources/golden/lstm_one-to-many_mse_free-running.scenario.json");
        files.add("src/test/resources/golden/gru-cho_seq2seq_cross-entropy_teacher-forcing.scenario.json");
        return files.stream();
    }

    @ParameterizedTest
    @org.junit.jupiter.params.provider.MethodSource("scenarios")
    void drawsEverywhereWithoutFailing(String file) throws Exception {
        Trace trace = Engine.run(ScenarioReader.read(Path.of(file)).scenario());
        int n = new StepSchedule(trace).length();
        AtomicReference<Throwable> error = new AtomicReference<>();
        CountDownLatch done = new CountDownLatch(1);
        Platform.runLater(() -> {
            try {
                for (int[] size : new int[][] {{640, 360}, {1920, 1080}, {300, 900}}) {
                    FrameRenderer r = new FrameRenderer(size[0], size[1]);
                    for (int k = 0; k <= 8 * n; k++) {
                        List<Hit> hits = r.paint(trace, ViewSettings.defaults(), k / 4.0);
                        assertFalse(hits.isEmpty(), "something can be hovered at " + k / 4.0 + " size " + size[0] + "x" + size[1]);
                    }
                    // the rolled view and its unfolding, and every lesson beat's highlights
                    for (double u = 0; u <= 1; u += 0.25) {
                        r.renderRolled(trace, ViewSettings.defaults(), u);
                    }
                    ViewSettings all = ViewSettings.defaults().withHighlight(java.util.EnumSet.allOf(org.unrolled.document.Highlight.class));
                    for (int k = 0; k <= 2 * n; k++) {
                        r.paint(trace, all, k);
                    }
                }
            } catch (Throwable t) {
                error.set(t);
            } finally {
                done.countDown();
            }
        });
        done.await();
        if (error.get() != null) {
            throw new AssertionError(file + ": " + error.get(), error.get());
        }
    }
}
