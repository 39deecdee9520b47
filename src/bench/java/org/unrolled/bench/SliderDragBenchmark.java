package org.unrolled.bench;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.unrolled.engine.CellType;
import org.unrolled.engine.Engine;
import org.unrolled.engine.Scenario;
import org.unrolled.engine.ScenarioEdits;
import org.unrolled.engine.Spectra;
import org.unrolled.engine.Trace;
import org.unrolled.view.FrameRenderer;
import org.unrolled.view.GradientScale;
import org.unrolled.view.ViewSettings;

/**
 * One step of a ρ-slider drag on an LSTM with H = 128 over T = 100, split as the window splits it:
 * what the JavaFX thread does (the edit: W_hh rescaled, its spectra scaled from the known ones; then
 * the new trace drawn at 1920 × 1080) and what the background worker does (forward pass, BPTT, the
 * gradient scale), and both in one for the whole step.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Dglass.platform=Monocle", "-Dmonocle.platform=Headless", "-Dprism.order=sw",
    "-Djava.awt.headless=true", "-Dheadless.geometry=1920x1200-32"})
public class SliderDragBenchmark {
    private Scenario start;
    private Trace trace;
    private FrameRenderer renderer;
    private final ViewSettings view = ViewSettings.defaults();
    private double rho = 0.9;

    @Setup(Level.Trial)
    public void setUp() throws Exception {
        org.unrolled.export.HeadlessFx.start();
        start = Scenarios.manyToMany(CellType.LSTM, 4, 128, 4, 100, 7);
        Spectra.recurrent(CellType.LSTM, start.weights().cell(), 128); // known, as after the worker's first run
        trace = Engine.run(start);
        renderer = org.unrolled.export.FxThread.call(() -> new FrameRenderer(1920, 1080));
    }

    private double nextRho() {
        rho = rho == 0.9 ? 1.1 : 0.9;
        return rho;
    }

    /** The JavaFX thread's share: the edit, then drawing the new trace (canvas commands, no snapshot). */
    @Benchmark
    public Object fxThreadShare() throws Exception {
        double r = nextRho();
        return org.unrolled.export.FxThread.call(() -> {
            Scenario edited = ScenarioEdits.withSpectralRadius(start, r);
            Spectra.largestSpectralRadius(CellType.LSTM, edited.weights().cell(), 128);
            return renderer.paint(trace, view, 150);
        });
    }

    /** The worker's share: forward pass, BPTT and the gradient scale of the edited scenario. */
    @Benchmark
    public Object workerShare() {
        Scenario edited = ScenarioEdits.withSpectralRadius(start, nextRho());
        Trace t = Engine.run(edited);
        return GradientScale.of(t);
    }
}
