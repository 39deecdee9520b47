package org.unrolled.engine.train;

import java.util.Arrays;
import java.util.Map;
import java.util.Random;
import java.util.WeakHashMap;
import org.unrolled.engine.Activation;
import org.unrolled.engine.CellType;
import org.unrolled.engine.Engine;
import org.unrolled.engine.Evaluation;
import org.unrolled.engine.GruVariant;
import org.unrolled.engine.Matrix;
import org.unrolled.engine.Parameters;
import org.unrolled.engine.Scenario;

/**
 * How a network does in a race: its score and mean loss on the race's held-out sequences (the numbers
 * behind a race question, which the document layer asks).
 */
public final class RaceScores {
    private RaceScores() {
    }

    /** A network's result on the held-out sequences. */
    public record Score(double score, double meanLoss) {
    }

    /** Scores already worked out, per scenario (by identity: a shipped sample is read once and kept). */
    private static final Map<Scenario, Map<String, Score>> CACHE = new WeakHashMap<>();

    /** Negative when {@code a} wins over {@code b}: the better score, then the lower mean loss. */
    public static int compare(Task task, Score a, Score b) {
        int byScore = task.isRegression() ? Double.compare(a.score(), b.score()) : Double.compare(b.score(), a.score());
        return byScore != 0 ? byScore : Double.compare(a.meanLoss(), b.meanLoss());
    }

    /**
     * Scores {@code s} on the first {@code count} held-out sequences of length {@code length} of the race
     * with {@code seed}. Kept per scenario, so that a shipped sample raced again costs nothing.
     */
    public static Score score(Scenario s, Task task, int length, long seed, int count) {
        String key = task.jsonName() + "/" + length + "/" + seed + "/" + count;
        synchronized (CACHE) {
            Score known = CACHE.getOrDefault(s, Map.of()).get(key);
            if (known != null) {
                return known;
            }
        }
        Score computed = compute(s, task, length, seed, count);
        synchronized (CACHE) {
            CACHE.computeIfAbsent(s, x -> new java.util.HashMap<>()).put(key, computed);
        }
        return computed;
    }

    private static Score compute(Scenario s, Task task, int length, long seed, int count) {
        Random r = new Random(BatchTrainer.heldOutSeed(seed));
        double[] x = new double[length * task.inputSize()];
        Forward forward = forward(s, length, task);
        double loss = 0;
        double right = 0;
        for (int n = 0; n < count; n++) {
            double target = task.draw(r, length, x, 0);
            double[] y = forward.output(x);
            if (task.isRegression()) {
                double d = y[0] - target;
                loss += d * d;
            } else {
                int cls = (int) target;
                right += Evaluation.argmax(y) == cls ? 1 : 0;
                loss += logSumExp(y) - y[cls];
            }
        }
        double mean = loss / count;
        return new Score(task.isRegression() ? Math.sqrt(mean) : right / count, mean);
    }

    private static double logSumExp(double[] y) {
        double max = Arrays.stream(y).max().orElse(0);
        double sum = 0;
        for (double v : y) {
            sum += Math.exp(v - max);
        }
        return max + Math.log(sum);
    }

    /** The network's last output for one sequence of inputs. */
    private interface Forward {
        double[] output(double[] x);
    }

    /**
     * The trainer's forward pass (no backward, nothing allocated per sequence) when the network is one it
     * trains: zero initial state, a GRU in PyTorch's form. Otherwise (a what-if change made it a Cho GRU,
     * say) the engine's, one sequence at a time.
     */
    private static Forward forward(Scenario s, int length, Task task) {
        boolean zeroStart = Arrays.stream(s.h0()).allMatch(v -> v == 0) && Arrays.stream(s.c0()).allMatch(v -> v == 0);
        if (zeroStart && (s.cell() != CellType.GRU || s.gruVariant() == GruVariant.PYTORCH)) {
            Net net = new Net(s.cell(), s.cell() == CellType.RNN ? s.activation() : Activation.TANH, s.inputSize(),
                    s.hiddenSize(), s.outputSize());
            Snapshot w = new Snapshot(net, Parameters.flatten(s.weights()));
            SequencePass pass = new SequencePass(net, length, task.isRegression());
            return x -> {
                pass.forward(w, x, 0, length);
                return pass.y;
            };
        }
        return x -> {
            Scenario.Builder b = s.toBuilder();
            b.inputs = Matrix.of(length, task.inputSize(), x.clone());
            if (task.isRegression()) {
                b.targetVectors = Matrix.of(1, 1, new double[] {0});
            } else {
                b.targetClasses = new int[] {0};
            }
            return Engine.run(b.build()).steps().y(length);
        };
    }
}
