package org.unrolled.bench;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.unrolled.engine.Scenario;
import org.unrolled.engine.train.RaceScores;
import org.unrolled.engine.train.Task;
import org.unrolled.io.Samples;

/**
 * What a race question costs the window's worker after a what-if edit: the network on screen scored on
 * the race's 1,000 held-out sequences at its T (the other networks, shipped samples, are kept from the
 * first time). Each invocation scores a scenario not seen before, so nothing is kept between them.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2, time = 5)
@Measurement(iterations = 3, time = 5)
@Fork(1)
public class RaceQuestionBenchmark {
    @Param({"adding-lstm.json", "order-lstm.json"})
    public String sample;

    private Scenario network;
    private Task task;

    @Setup
    public void setUp() {
        network = Samples.load(sample).scenario();
        task = sample.startsWith("adding") ? Task.ADDING : Task.ORDER;
    }

    @Benchmark
    public double scoreOneNetwork() {
        Scenario.Builder b = network.toBuilder();
        // a new scenario object (its arrays copied), as a what-if edit makes: its score is not kept yet
        return RaceScores.score(b.build(), task, network.inputCount(), 1, 1000).score();
    }
}
