package org.unrolled.app;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import javafx.application.Platform;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;
import org.unrolled.document.ScenarioDocument;
import org.unrolled.engine.CellType;
import org.unrolled.engine.Engine;
import org.unrolled.engine.InitSpec;
import org.unrolled.engine.Parameters;
import org.unrolled.engine.Scenario;
import org.unrolled.engine.ScenarioEdits;
import org.unrolled.engine.Trace;
import org.unrolled.io.Samples;
import org.unrolled.io.ScenarioWriter;

/**
 * The model with a real background worker and a deliberately slow engine: edits made while an
 * earlier one is still computing build on it, undo walks back through each, and a slow file that
 * finishes after a sample was opened does not replace it.
 */
class BackgroundWorkTest {
    private final ExecutorService worker = Executors.newSingleThreadExecutor();
    /** Opened by a test to let the slow computations finish. */
    private final CountDownLatch release = new CountDownLatch(1);

    @BeforeAll
    static void fx() throws Exception {
        FxToolkit.registerPrimaryStage();
    }

    @AfterEach
    void stop() {
        release.countDown();
        worker.shutdownNow();
    }

    /** The engine, but a scenario above the synchronous limit waits for {@link #release} first. */
    private Function<Scenario, Trace> slow() {
        return s -> {
            if (s.hiddenSize() >= 64) {
                try {
                    release.await(20, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            return Engine.run(s);
        };
    }

    private static <T> T onFx(java.util.concurrent.Callable<T> c) throws Exception {
        return WaitForAsyncUtils.asyncFx(c).get(20, TimeUnit.SECONDS);
    }

    /** An LSTM with H = 128 over T = 10: far above the synchronous limit. */
    private static Scenario large() {
        Scenario s = Samples.load("default.json").scenario();
        s = ScenarioEdits.withCell(s, CellType.LSTM, new InitSpec(3, 0.1));
        s = ScenarioEdits.withHiddenSize(s, 128, new InitSpec(3, 0.1));
        return ScenarioEdits.withLength(s, 10);
    }

    @Test
    void aSecondEditBeforeTheFirstLandsBuildsOnIt() throws Exception {
        AppModel slowModel = new AppModel(new RecentFiles(null), worker, slow());
        Scenario start = large();
        Trace startTrace = Engine.run(start);
        onFx(() -> {
            slowModel.restore(new Document(ScenarioDocument.of(start, "large"), startTrace, null, "large"));
            slowModel.edit("rho", s -> ScenarioEdits.withSpectralRadius(s, 0.5));
            slowModel.edit("forget", s -> ScenarioEdits.withForgetBias(s, 2.0));
            return null;
        });
        assertTrue(onFx(slowModel::pending), "still computing");
        assertEquals(start, onFx(() -> slowModel.document().scenario()), "the screen still shows the start");
        release.countDown();
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> !onFxQuiet(slowModel::pending));
        Scenario shown = onFx(() -> slowModel.document().scenario());
        Scenario expected = ScenarioEdits.withForgetBias(ScenarioEdits.withSpectralRadius(start, 0.5), 2.0);
        assertArrayEquals(Parameters.flatten(expected.weights()), Parameters.flatten(shown.weights()), 0.0,
                "both edits: the second applied to the first's result, not to the scenario on screen");
        onFx(() -> {
            slowModel.undo();
            return null;
        });
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> !onFxQuiet(slowModel::pending));
        assertArrayEquals(Parameters.flatten(ScenarioEdits.withSpectralRadius(start, 0.5).weights()),
                Parameters.flatten(onFx(() -> slowModel.document().scenario()).weights()), 0.0,
                "one undo takes back only the forget bias");
        onFx(() -> {
            slowModel.undo();
            return null;
        });
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> !onFxQuiet(slowModel::pending));
        assertEquals(start, onFx(() -> slowModel.document().scenario()), "two undos: the start again");
        assertFalse(onFx(() -> slowModel.canUndoProperty().get()));
    }

    private static <T> T onFxQuiet(java.util.concurrent.Callable<T> c) {
        try {
            return onFx(c);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void aSlowFileThatArrivesAfterASampleWasOpenedIsDropped(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("large.json");
        ScenarioWriter.save(ScenarioDocument.of(large(), "large"), file);
        AppModel model = new AppModel(new RecentFiles(null), worker, slow());
        onFx(() -> {
            model.open(file);
            model.openSample("rnn-step.json");
            return null;
        });
        release.countDown();
        worker.shutdown();
        assertTrue(worker.awaitTermination(20, TimeUnit.SECONDS));
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(Samples.load("rnn-step.json").title(), onFx(() -> model.document().content().title()),
                "the sample opened last stays");
        assertTrue(Files.exists(file));
    }
}
