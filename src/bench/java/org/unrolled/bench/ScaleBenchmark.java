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
import org.unrolled.engine.Trace;
import org.unrolled.view.FrameRenderer;
import org.unrolled.view.ViewSettings;

/**
 * The long sequence of the hardening issue: an LSTM with I = 8, H = 64, O = 4 over T = 10,000 steps.
 * How long loading takes to compute (forward + full BPTT), and one 1920×1080 frame while scrubbing
 * (fitted view, so only the ~150 visible steps are drawn), beside a frame of a 50-step LSTM in the same
 * run: if only what is visible is drawn, the two cost about the same.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xmx2g", "-Dglass.platform=Monocle", "-Dmonocle.platform=Headless",
    "-Dprism.order=sw", "-Djava.awt.headless=true", "-Dheadless.geometry=1920x1200-32"})
public class ScaleBenchmark {
    private Scenario longScenario;
    private Trace longTrace;
    private Trace shortTrace;
    private FrameRenderer renderer;
    private final ViewSettings view = ViewSettings.defaults();
    private double position = 4000;

    @Setup(Level.Trial)
    public void setUp() throws Exception {
        org.unrolled.export.HeadlessFx.start(); // headless software rendering, whatever the command line says
        longScenario = Scenarios.manyToMany(CellType.LSTM, 8, 64, 4, 10_000, 7);
        longTrace = Engine.run(longScenario);
        shortTrace = Engine.run(Scenarios.manyToMany(CellType.LSTM, 8, 64, 4, 50, 7));
        renderer = org.unrolled.export.FxThread.call(() -> new FrameRenderer(1920, 1080));
    }

    /** Forward and full BPTT over 10,000 steps: what opening the file costs, in the background. */
    @Benchmark
    public Object engineT10000() {
        return Engine.run(longScenario);
    }

    /** Scrubbing the long sequence: a new position every frame, drawn and snapshotted. */
    @Benchmark
    public Object scrubFrameT10000() throws Exception {
        position = position >= 16_000 ? 4000 : position + 997.5;
        return org.unrolled.export.FxThread.call(() -> renderer.render(longTrace, view, position));
    }

    /** The same network over 50 steps, for comparison in the same run. */
    @Benchmark
    public Object frameT50() throws Exception {
        position = position >= 16_000 ? 4000 : position + 997.5;
        double p = 10 + (position % 60);
        return org.unrolled.export.FxThread.call(() -> renderer.render(shortTrace, view, p));
    }
}
