package org.unrolled.bench;

import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
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
import org.openjdk.jmh.infra.Blackhole;
import org.unrolled.engine.CellType;
import org.unrolled.engine.Engine;
import org.unrolled.engine.Scenario;

/**
 * Forward + full BPTT of a long sequence (I = 32, H = 128, T = 1000, an output of size 4 at every
 * step), beside the floor measured in the same run: the matrix-vector products that no step can
 * avoid, done with EJML — {@code W_ih x_t} and {@code W_hh h_{t-1}} forward, their transposes times
 * the step's gradient backward.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class EngineBenchmark {
    @Param({"lstm", "gru", "rnn"})
    public String cell;

    private static final int I = 32;
    private static final int H = 128;
    private static final int T = 1000;

    private Scenario scenario;
    private DMatrixRMaj wih;
    private DMatrixRMaj whh;
    private DMatrixRMaj[] x;
    private DMatrixRMaj[] h;
    private DMatrixRMaj[] grad;
    private DMatrixRMaj gatesFromInput;
    private DMatrixRMaj gatesFromHidden;
    private DMatrixRMaj dh;
    private DMatrixRMaj dx;

    @Setup
    public void setUp() {
        CellType type = CellType.valueOf(cell.toUpperCase());
        scenario = Scenarios.manyToMany(type, I, H, 4, T, 1);
        int g = type.gateCount() * H;
        Random rnd = new Random(2);
        wih = random(rnd, g, I);
        whh = random(rnd, g, H);
        x = new DMatrixRMaj[T];
        h = new DMatrixRMaj[T];
        grad = new DMatrixRMaj[T];
        for (int t = 0; t < T; t++) {
            x[t] = random(rnd, I, 1);
            h[t] = random(rnd, H, 1);
            grad[t] = random(rnd, g, 1);
        }
        gatesFromInput = new DMatrixRMaj(g, 1);
        gatesFromHidden = new DMatrixRMaj(g, 1);
        dh = new DMatrixRMaj(H, 1);
        dx = new DMatrixRMaj(I, 1);
    }

    private static DMatrixRMaj random(Random rnd, int rows, int cols) {
        DMatrixRMaj m = new DMatrixRMaj(rows, cols);
        for (int i = 0; i < m.data.length; i++) {
            m.data[i] = rnd.nextDouble() * 0.2 - 0.1;
        }
        return m;
    }

    /** The engine: forward pass and exact BPTT, every value kept for the view. */
    @Benchmark
    public Object engine() {
        return Engine.run(scenario);
    }

    /** The floor: only the four stacked matrix-vector products per step, with EJML (it picks its kernel). */
    @Benchmark
    public void matVecFloor(Blackhole bh) {
        for (int t = 0; t < T; t++) {
            CommonOps_DDRM.mult(wih, x[t], gatesFromInput);
            CommonOps_DDRM.mult(whh, h[t], gatesFromHidden);
            bh.consume(gatesFromInput);
            bh.consume(gatesFromHidden);
        }
        for (int t = T - 1; t >= 0; t--) {
            CommonOps_DDRM.multTransA(whh, grad[t], dh);
            CommonOps_DDRM.multTransA(wih, grad[t], dx);
            bh.consume(dh);
            bh.consume(dx);
        }
    }
}
