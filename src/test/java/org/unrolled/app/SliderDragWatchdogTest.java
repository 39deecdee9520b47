package org.unrolled.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import javafx.application.Platform;
import javafx.scene.control.Slider;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;
import org.unrolled.document.ScenarioDocument;
import org.unrolled.engine.CellType;
import org.unrolled.engine.InitSpec;
import org.unrolled.engine.Scenario;
import org.unrolled.engine.ScenarioEdits;
import org.unrolled.engine.Spectra;
import org.unrolled.io.Samples;

/**
 * Dragging ρ for two seconds on an LSTM with H = 128 over T = 100 never blocks the JavaFX thread: the
 * engine runs on the worker (95% of the stretches under 50 ms; the longest, where a cold JVM compiles the
 * drawing code, under a second). Measured as the JavaFX thread's CPU time between two pings posted every
 * 5 ms (CPU time, so that a busy machine does not make the test flaky), and the last picture is of the
 * slider's last value.
 */
@ExtendWith(ApplicationExtension.class)
@org.junit.jupiter.api.Tag("isolated") // a JVM of its own: CPU time measured after other tests' windows is not the drag's
class SliderDragWatchdogTest {
    private final ExecutorService worker = Executors.newSingleThreadExecutor();
    private AppModel model;

    static Scenario largeLstm() {
        Scenario s = Samples.load("default.json").scenario();
        s = ScenarioEdits.withCell(s, CellType.LSTM, new InitSpec(9, 0.1));
        s = ScenarioEdits.withHiddenSize(s, 128, new InitSpec(9, 0.1));
        return ScenarioEdits.withLength(s, 100);
    }

    @Start
    void start(Stage stage) {
        model = new AppModel(new RecentFiles(null), worker);
        TestWindow.useProgramLook();
        MainWindow window = new MainWindow(stage, model, javafx.util.Duration.ZERO);
        Scenario s = largeLstm();
        model.show(new Document(ScenarioDocument.of(s, "large LSTM"), DocumentWorker.computeAll(s), null, "large LSTM"));
        window.buildAllTabs();
        stage.show();
    }

    @AfterEach
    void stop() {
        worker.shutdownNow();
    }

    @Test
    void draggingRhoNeverBlocksTheJavaFxThread(FxRobot robot) throws Exception {
        robot.clickOn("What if");
        Slider rho = robot.lookup("#rho-slider").queryAs(Slider.class);
        // the tab's first showing (its styling and layout) is not the drag: let it settle first
        for (int i = 0; i < 3; i++) {
            WaitForAsyncUtils.waitForFxEvents();
            Thread.sleep(100);
        }
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long fxId = WaitForAsyncUtils.asyncFx(() -> Thread.currentThread().getId()).get(10, TimeUnit.SECONDS);
        AtomicLong lastCpu = new AtomicLong(threads.getThreadCpuTime(fxId));
        AtomicLong worst = new AtomicLong();
        java.util.List<Long> stretches = java.util.Collections.synchronizedList(new java.util.ArrayList<>());
        java.util.concurrent.ScheduledExecutorService pinger = Executors.newSingleThreadScheduledExecutor();
        pinger.scheduleAtFixedRate(() -> Platform.runLater(() -> {
            long now = threads.getThreadCpuTime(fxId);
            long stretch = now - lastCpu.getAndSet(now);
            worst.accumulateAndGet(stretch, Math::max);
            stretches.add(stretch);
        }), 0, 5, TimeUnit.MILLISECONDS);
        double value = 0.5;
        long end = System.nanoTime() + 2_000_000_000L;
        while (System.nanoTime() < end) {
            double v = value;
            Platform.runLater(() -> rho.setValue(v));
            value = value >= 2.9 ? 0.5 : value + 0.05;
            Thread.sleep(16); // a drag moves the thumb about once a frame
        }
        double last = value;
        Platform.runLater(() -> rho.setValue(last));
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> WaitForAsyncUtils.asyncFx(() -> !model.pending()).get());
        pinger.shutdownNow();
        WaitForAsyncUtils.waitForFxEvents();
        double worstMs = worst.get() / 1e6;
        java.util.List<Long> sorted = new java.util.ArrayList<>(stretches);
        java.util.Collections.sort(sorted);
        double p95Ms = sorted.get((int) (0.95 * (sorted.size() - 1))) / 1e6;
        System.out.printf("slider drag on an LSTM H = 128, T = 100: JavaFX-thread CPU between pings: 95%% under %.1f ms,"
                + " longest %.1f ms (%d pings)%n", p95Ms, worstMs, sorted.size());
        // a cold JVM compiles the drawing code during the first drag steps: one long stretch is the JIT's,
        // an edit that blocks the thread shows in every step
        assertTrue(p95Ms <= 50, "the JavaFX thread was busy for more than 50 ms in 5% of the stretches: " + p95Ms);
        assertTrue(worstMs <= 1000, "the JavaFX thread was busy for " + worstMs + " ms at a stretch");
        Scenario shown = model.document().scenario();
        assertEquals(last, Spectra.largestSpectralRadius(CellType.LSTM, shown.weights().cell(), 128), 1e-9,
                "the picture is of the slider's last value");
        assertSame(model.document().trace(),
                robot.lookup("#network").queryAs(org.unrolled.view.NetworkCanvas.class).traceProperty().get());
    }
}
