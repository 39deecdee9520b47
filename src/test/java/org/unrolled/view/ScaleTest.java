package org.unrolled.view;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;
import javafx.application.Platform;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.unrolled.document.ScenarioDocument;
import org.unrolled.engine.CellType;
import org.unrolled.engine.Engine;
import org.unrolled.engine.InitSpec;
import org.unrolled.engine.LossKind;
import org.unrolled.engine.Mapping;
import org.unrolled.engine.Matrix;
import org.unrolled.engine.Scenario;
import org.unrolled.engine.Trace;
import org.unrolled.io.ScenarioReader;
import org.unrolled.io.ScenarioWriter;

/**
 * T = 10,000 steps of an LSTM with H = 64: the file loads, the trace says how much memory it takes,
 * and a frame draws only what is visible (how fast is measured apart, in the benchmarks).
 */
class ScaleTest {
    @BeforeAll
    static void startFx() throws Exception {
        PainterSmokeTest.startFx();
    }

    @Test
    void tenThousandStepsLoadAndDrawOnlyWhatIsVisible(@TempDir Path dir) throws Exception {
        int steps = 10_000;
        Random rnd = new Random(5);
        double[] x = new double[steps * 8];
        for (int i = 0; i < x.length; i++) {
            x[i] = 2 * rnd.nextDouble() - 1;
        }
        Scenario.Builder b = org.unrolled.engine.TestScenarios.shaped(CellType.LSTM, 8, 64, 2,
                Mapping.MANY_TO_ONE, LossKind.CROSS_ENTROPY);
        b.inputs = Matrix.of(steps, 8, x);
        b.targetClasses = new int[] {1};
        b.init = new InitSpec(3, Double.NaN);
        b.weights = org.unrolled.engine.SeededInit.weights(b.init, CellType.LSTM, Mapping.MANY_TO_ONE, 8, 64, 2);
        Path file = dir.resolve("long.json");
        ScenarioWriter.save(ScenarioDocument.of(b.build(), "long"), file);
        Scenario read = ScenarioReader.read(file).scenario();
        Trace trace = Engine.run(read);
        assertEquals(steps, trace.steps().length());
        long bytes = trace.memoryBytes();
        assertTrue(bytes > 50_000_000 && bytes < 200_000_000, "about 100 MB: " + Numbers.bytes(bytes));

        AtomicReference<Throwable> error = new AtomicReference<>();
        int[] drawn = new int[3];
        CountDownLatch done = new CountDownLatch(1);
        Platform.runLater(() -> {
            try {
                FrameRenderer r = new FrameRenderer(1920, 1080);
                double[] at = {5000, 10_000, 15_000};
                for (int k = 0; k < at.length; k++) {
                    List<Hit> hits = r.paint(trace, ViewSettings.defaults(), at[k]);
                    assertTrue(!hits.isEmpty(), "the step in focus shows its numbers");
                    // the painter draws a column only where the layout says it is visible
                    NetworkLayout layout = NetworkLayout.compute(trace, ViewSettings.defaults(), at[k], 1920, 1080);
                    drawn[k] = (int) layout.columns().stream().filter(layout::visible).count();
                }
            } catch (Throwable t) {
                error.set(t);
            } finally {
                done.countDown();
            }
        });
        done.await();
        if (error.get() != null) {
            throw new AssertionError(error.get());
        }
        for (int n : drawn) {
            assertTrue(n > 10 && n < 400, "only the visible steps are drawn: " + n + " of " + steps);
        }
        Files.delete(file);
    }
}
