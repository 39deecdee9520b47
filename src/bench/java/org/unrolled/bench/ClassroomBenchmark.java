package org.unrolled.bench;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
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

/**
 * The recompute behind a slider drag: a classroom LSTM (I = 4, H = 32, O = 4, T = 100), forward and
 * full BPTT. It must take well under a millisecond to fit in one 60 Hz frame with the drawing.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class ClassroomBenchmark {
    private Scenario scenario;

    @Setup
    public void setUp() {
        scenario = Scenarios.manyToMany(CellType.LSTM, 4, 32, 4, 100, 5);
    }

    @Benchmark
    public Object lstmH32T100() {
        return Engine.run(scenario);
    }
}
