package org.unrolled.engine.train;

import java.util.Arrays;
import java.util.Random;
import org.unrolled.engine.Mapping;
import org.unrolled.engine.Matrix;
import org.unrolled.engine.Scenario;

/**
 * Trains one network on mini-batches of freshly drawn sequences of a {@link Task}: per update,
 * {@code batch} sequences, the mean of their exact BPTT gradients (summed in sequence order, so the
 * thread count changes nothing), clipped and applied by the {@link Optimizer}. Scores on a fixed
 * held-out set drawn once from its own generator. Not thread-safe: one caller drives it; it uses the
 * {@link Workers} it is given for each batch.
 */
public final class BatchTrainer {
    private final Net net;
    private final TrainSettings s;
    private final Workers workers;
    private final double[] params;
    private final Optimizer optimizer;
    private final Random data;
    private final double[] batchX;
    private final double[] batchTarget;
    private final double[][] seqGrad;
    private final double[] seqLoss;
    private final double[] grad;
    private final double[] heldX;
    private final double[] heldTarget;
    private final double[] heldScore;
    private final SequencePass[] passes;
    private volatile long sequences;
    private volatile long trainNanos;
    private double lastLoss = Double.NaN;
    private double lastNorm = Double.NaN;

    public BatchTrainer(Net net, TrainSettings settings, Workers workers) {
        this.net = net;
        this.s = settings;
        this.workers = workers;
        Task task = settings.task();
        if (net.inputSize() != task.inputSize() || net.outputSize() != task.outputSize()) {
            throw new IllegalArgumentException("the network does not fit the task's inputs and outputs");
        }
        this.params = net.initialParameters(settings.seed(), settings.gateBias());
        this.optimizer = new Optimizer(settings.optimizer(), settings.learningRate(), settings.clip(), net.size());
        this.data = new Random(dataSeed(settings.seed()));
        int stride = settings.length() * net.inputSize();
        batchX = new double[settings.batch() * stride];
        batchTarget = new double[settings.batch()];
        seqGrad = new double[settings.batch()][net.size()];
        seqLoss = new double[settings.batch()];
        grad = new double[net.size()];
        heldX = new double[settings.heldOut() * stride];
        heldTarget = new double[settings.heldOut()];
        heldScore = new double[settings.heldOut()];
        drawHeldOut(task, settings, stride, heldX, heldTarget);
        passes = new SequencePass[workers.threads()];
        for (int k = 0; k < passes.length; k++) {
            passes[k] = new SequencePass(net, settings.length(), task.isRegression());
        }
    }

    /** The training sequences' generator is seeded from the seed, apart from the weights' and the held-out set's. */
    static long dataSeed(long seed) {
        return seed * 31 + 1;
    }

    static long heldOutSeed(long seed) {
        return seed * 31 + 2;
    }

    /** Draws the held-out set of {@code settings} (the same for every network of a race). */
    static void drawHeldOut(Task task, TrainSettings settings, int stride, double[] x, double[] target) {
        Random r = new Random(heldOutSeed(settings.seed()));
        for (int n = 0; n < settings.heldOut(); n++) {
            target[n] = task.draw(r, settings.length(), x, n * stride);
        }
    }

    public Net net() {
        return net;
    }

    public TrainSettings settings() {
        return s;
    }

    /** The threads each batch is shared out to. */
    public int threads() {
        return workers.threads();
    }

    /** Training sequences seen so far. */
    public long sequences() {
        return sequences;
    }

    /** Seconds spent in {@link #step()} (drawing, forward, backward, update), not in evaluation. */
    public double trainSeconds() {
        return trainNanos / 1e9;
    }

    /** The mean loss of the last batch, before its update. */
    public double lastLoss() {
        return lastLoss;
    }

    /** The gradient's global norm at the last update, before clipping. */
    public double lastGradientNorm() {
        return lastNorm;
    }

    /** A copy of the current parameters ({@link Net} layout). */
    public double[] parameters() {
        return params.clone();
    }

    /** One update on a fresh batch. Returns the batch's mean loss before it. */
    public double step() {
        long start = System.nanoTime();
        int stride = s.length() * net.inputSize();
        for (int b = 0; b < s.batch(); b++) {
            batchTarget[b] = s.task().draw(data, s.length(), batchX, b * stride);
        }
        Snapshot w = new Snapshot(net, params);
        workers.run(s.batch(), (thread, from, to) -> {
            SequencePass pass = passes[thread];
            for (int b = from; b < to; b++) {
                Arrays.fill(seqGrad[b], 0.0);
                seqLoss[b] = pass.lossAndGradient(w, batchX, b * stride, s.length(), batchTarget[b], seqGrad[b]);
            }
        });
        Arrays.fill(grad, 0.0);
        double loss = 0;
        for (int b = 0; b < s.batch(); b++) {
            double[] gb = seqGrad[b];
            for (int i = 0; i < grad.length; i++) {
                grad[i] += gb[i];
            }
            loss += seqLoss[b];
        }
        for (int i = 0; i < grad.length; i++) {
            grad[i] /= s.batch();
        }
        loss /= s.batch();
        lastLoss = loss;
        lastNorm = optimizer.step(params, grad);
        sequences += s.batch();
        trainNanos += System.nanoTime() - start;
        return loss;
    }

    /** The held-out score of the current weights: RMSE (adding) or the fraction right (order). */
    public double evaluate() {
        Snapshot w = new Snapshot(net, params);
        int stride = s.length() * net.inputSize();
        boolean regression = s.task().isRegression();
        workers.run(s.heldOut(), (thread, from, to) -> {
            SequencePass pass = passes[thread];
            for (int n = from; n < to; n++) {
                pass.forward(w, heldX, n * stride, s.length());
                if (regression) {
                    double d = pass.y[0] - heldTarget[n];
                    heldScore[n] = d * d;
                } else {
                    heldScore[n] = argmax(pass.y) == (int) heldTarget[n] ? 1 : 0;
                }
            }
        });
        double sum = 0;
        for (double v : heldScore) {
            sum += v;
        }
        return regression ? Math.sqrt(sum / s.heldOut()) : sum / s.heldOut();
    }

    private static int argmax(double[] y) {
        int best = 0;
        for (int i = 1; i < y.length; i++) {
            if (y[i] > y[best]) {
                best = i;
            }
        }
        return best;
    }

    /** The current network on held-out sequence {@code n}, as a scenario the engine and the window read. */
    public Scenario scenario(int n) {
        int stride = s.length() * net.inputSize();
        double[] x = Arrays.copyOfRange(heldX, n * stride, (n + 1) * stride);
        return scenarioOn(net, params, s.task(), s.length(), x, heldTarget[n]);
    }

    /** A many-to-one scenario of network {@code net} with parameters {@code p} on one sequence. */
    public static Scenario scenarioOn(Net net, double[] p, Task task, int length, double[] x, double target) {
        Scenario.Builder b = new Scenario.Builder();
        b.cell = net.cell();
        b.activation = net.activation();
        b.inputSize = net.inputSize();
        b.hiddenSize = net.hiddenSize();
        b.outputSize = net.outputSize();
        b.mapping = Mapping.MANY_TO_ONE;
        b.loss = task.loss();
        b.inputs = Matrix.of(length, net.inputSize(), x);
        if (task.isRegression()) {
            b.targetVectors = Matrix.of(1, 1, new double[] {target});
        } else {
            b.targetClasses = new int[] {(int) target};
        }
        b.weights = net.weights(p);
        return b.build();
    }
}
