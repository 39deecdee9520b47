package org.unrolled.view;

import static org.junit.jupiter.api.Assertions.assertFalse;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;
import javafx.application.Platform;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.unrolled.engine.Engine;
import org.unrolled.engine.Trace;
import org.unrolled.export.HeadlessFx;
import org.unrolled.io.ScenarioReader;

/** Every sample, and a network that overflows, draws at every quarter step of both passes and at three sizes. */
class PainterSmokeTest {

    @BeforeAll
    static void startFx() throws Exception {
        HeadlessFx.start();
    }

    @ParameterizedTest
    @ValueSource(strings = {"samples/default.json", "samples/rnn-vanishing.json", "samples/rnn-exploding.json",
        "samples/lstm-highway.json", "samples/gru-seq2seq.json", "src/test/resources/golden/exploding-relu.scenario.json",
        "src/test/resources/golden/lstm_one-to-many_mse_free-running.scenario.json",
        "src/test/resources/golden/gru-cho_seq2seq_cross-entropy_teacher-forcing.scenario.json"})
    void drawsEverywhereWithoutFailing(String file) throws Exception {
        Trace trace = Engine.run(ScenarioReader.read(Path.of(file)));
        int n = new Timeline(trace).length();
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
