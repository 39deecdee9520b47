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
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The question behind the race's kernels: for one time step of half a batch (16 sequences, one
 * thread's share), is {@code P = H_{t-1} W_hhᵀ} (16 × 32 times 32 × 128, an LSTM of H = 32) faster as
 * one EJML matrix-matrix product or as the per-sequence row sums the trainer uses?
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class BatchProductBenchmark {
    private static final int B = 16;
    private static final int H = 32;
    private static final int G = 4 * H;

    private DMatrixRMaj hPrev;
    private DMatrixRMaj whhT;
    private DMatrixRMaj pre;
    private double[] hFlat;
    private double[] wFlat;
    private double[] pFlat;

    @Setup
    public void setUp() {
        Random r = new Random(1);
        hPrev = DMatrixRMaj.wrap(B, H, random(r, B * H));
        whhT = DMatrixRMaj.wrap(H, G, random(r, H * G));
        pre = new DMatrixRMaj(B, G);
        hFlat = hPrev.data.clone();
        wFlat = whhT.data.clone();
        pFlat = new double[B * G];
    }

    private static double[] random(Random r, int n) {
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            v[i] = r.nextGaussian();
        }
        return v;
    }

    @Benchmark
    public DMatrixRMaj ejmlMatrixMatrix() {
        CommonOps_DDRM.mult(hPrev, whhT, pre);
        return pre;
    }

    @Benchmark
    public double[] perSequenceRowSums() {
        java.util.Arrays.fill(pFlat, 0.0);
        for (int b = 0; b < B; b++) {
            int pOff = b * G;
            for (int k = 0; k < H; k++) {
                double a = hFlat[b * H + k];
                int wOff = k * G;
                for (int j = 0; j < G; j++) {
                    pFlat[pOff + j] += a * wFlat[wOff + j];
                }
            }
        }
        return pFlat;
    }
}
