package org.unrolled.bench;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.unrolled.engine.Activation;
import org.unrolled.engine.CellType;
import org.unrolled.engine.train.BatchTrainer;
import org.unrolled.engine.train.Net;
import org.unrolled.engine.train.Task;
import org.unrolled.engine.train.TrainSettings;
import org.unrolled.engine.train.Workers;

/**
 * The race's training throughput: an LSTM with H = 32 on the adding problem at T = 100, batch 32,
 * each update drawing its batch, forward, BPTT, the clipped gradient and Adam; on one thread and on
 * two. The score is in sequences per second (one operation = one training sequence).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class RaceBenchmark {
    private static final int BATCH = 32;

    @Param({"1", "2"})
    public int threads;

    @Param({"lstm"})
    public String cell;

    private Workers workers;
    private BatchTrainer trainer;

    @Setup
    public void setUp() {
        workers = new Workers(threads);
        TrainSettings s = TrainSettings.recipe(Task.ADDING, 100, 1);
        trainer = new BatchTrainer(new Net(CellType.valueOf(cell.toUpperCase()), Activation.TANH, 2, 32, 1), s, workers);
    }

    @TearDown
    public void tearDown() {
        workers.close();
    }

    @Benchmark
    @OperationsPerInvocation(BATCH)
    public double trainBatch() {
        return trainer.step();
    }
}
