package org.unrolled.engine;

import java.util.List;

/**
 * Fits a scenario's weights to a training set (a document's examples, or else the scenario's own
 * sequence; the loss is the mean over the set) with the engine's exact gradients: SGD or Adam, with
 * the gradient's global norm clipped, deterministic (no randomness: the scenario's weights are the
 * starting point). Stops early on a non-finite loss and keeps the last finite weights.
 */
public final class Trainer {
    /** The optimiser. */
    public enum Optimizer { SGD, ADAM }

    /** Settings; {@code clip} = 0 means no clipping. */
    public record Settings(Optimizer optimizer, double learningRate, int iterations, double clip) {
        public Settings {
            if (!(learningRate > 0) || !Double.isFinite(learningRate) || iterations < 1) {
                throw new IllegalArgumentException("the learning rate must be a positive number and the iterations at least 1, got "
                        + learningRate + " and " + iterations);
            }
            if (!(clip >= 0) || !Double.isFinite(clip)) {
                throw new IllegalArgumentException("--clip: expected a number from 0 (no clipping) up, got " + clip);
            }
        }
    }

    /** Told every iteration: its number (1-based), the loss before the update. */
    @FunctionalInterface
    public interface Progress {
        void iteration(int done, int total, double loss);
    }

    /**
     * The trained scenario and the loss before and after. {@code iterations} counts the updates whose
     * result was kept; {@code diverged} says the run stopped because the loss or a weight stopped being
     * finite, so {@code scenario} holds the last weights with a finite loss.
     */
    public record Result(Scenario scenario, double initialLoss, double finalLoss, int iterations, boolean diverged) {
    }

    private Trainer() {
    }

    /**
     * Trains {@code start}'s weights on {@code set}: the sequences (inputs and targets) of those
     * scenarios, each run with the weights of the moment.
     */
    public static Result train(Scenario start, List<Scenario> set, Settings s, Progress progress) {
        if (set.isEmpty()) {
            throw new IllegalArgumentException("the training set is empty");
        }
        Scenario current = start;
        Scenario lastFinite = start;
        double[] w = Parameters.flatten(start.weights());
        double[] m = new double[w.length];
        double[] v = new double[w.length];
        double beta1 = 0.9;
        double beta2 = 0.999;
        double eps = 1e-8;
        double initial = Double.NaN;
        double loss = Double.NaN;
        int done = 0;
        boolean diverged = false;
        for (int it = 1; it <= s.iterations(); it++) {
            double[] g = new double[w.length];
            loss = 0;
            for (Scenario example : onSequences(current, set)) {
                Trace trace = Engine.run(example);
                // L = mean over the examples of each one's loss; dL/dw likewise
                loss += trace.loss() / set.size();
                double[] ge = Parameters.flatten(trace.gradients());
                for (int i = 0; i < g.length; i++) {
                    g[i] += ge[i] / set.size();
                }
            }
            if (it == 1) {
                initial = loss;
            }
            if (!Double.isFinite(loss)) {
                current = lastFinite; // the update overshot: keep the last weights with a finite loss
                done = Math.max(0, it - 2); // current had it - 1 updates; lastFinite one fewer
                diverged = true;
                break;
            }
            lastFinite = current;
            done = it - 1;
            progress.iteration(it, s.iterations(), loss);
            double norm = 0;
            for (double x : g) {
                norm += x * x;
            }
            norm = Math.sqrt(norm);
            double scale = s.clip() > 0 && norm > s.clip() ? s.clip() / norm : 1;
            for (int i = 0; i < w.length; i++) {
                double gi = g[i] * scale;
                if (s.optimizer() == Optimizer.SGD) {
                    // w ← w − η g
                    w[i] -= s.learningRate() * gi;
                } else {
                    // Adam: moments of g and g², bias-corrected
                    m[i] = beta1 * m[i] + (1 - beta1) * gi;
                    v[i] = beta2 * v[i] + (1 - beta2) * gi * gi;
                    double mHat = m[i] / (1 - Math.pow(beta1, it));
                    double vHat = v[i] / (1 - Math.pow(beta2, it));
                    w[i] -= s.learningRate() * mHat / (Math.sqrt(vHat) + eps);
                }
            }
            if (!allFinite(w)) {
                // a weight overflowed though the loss did not (yet): such weights cannot be written or read back
                done = it - 1;
                diverged = true;
                break;
            }
            Scenario.Builder b = current.toBuilder();
            b.weights = Parameters.unflatten(current.weights(), w);
            b.init = null;
            current = b.build();
            done = it;
        }
        double last = meanLoss(onSequences(current, set));
        if (!Double.isFinite(last)) {
            current = lastFinite; // the last update overshot
            last = meanLoss(onSequences(current, set));
            done = Math.max(0, done - 1);
            diverged = true;
        }
        return new Result(current, initial, last, done, diverged);
    }

    private static boolean allFinite(double[] w) {
        for (double x : w) {
            if (!Double.isFinite(x)) {
                return false;
            }
        }
        return true;
    }

    /**
     * Trains a decoder that feeds its outputs back (one-to-many or seq2seq, mse) on its free-running
     * loss: the loss of the outputs it makes when each step reads its own previous output, as at test
     * time (the gradient follows the fed-back outputs). The result keeps the scenario's own feedback mode.
     *
     * @throws IllegalArgumentException if the scenario does not feed mse outputs back
     */
    public static Result trainFreeRunning(Scenario start, List<Scenario> set, Settings s, Progress progress) {
        checkFreeRunning(start);
        Result free = train(ScenarioEdits.withFeedback(start, Feedback.FREE_RUNNING), set, s, progress);
        Scenario.Builder b = free.scenario().toBuilder();
        b.feedback = start.feedback();
        return new Result(b.build(), free.initialLoss(), free.finalLoss(), free.iterations(), free.diverged());
    }

    /**
     * Checks that the scenario can be trained on its free-running loss.
     *
     * @throws IllegalArgumentException if it does not feed mse outputs back
     */
    public static void checkFreeRunning(Scenario s) {
        if (s.feedback() != Feedback.TEACHER_FORCING && s.feedback() != Feedback.FREE_RUNNING
                || s.loss() != LossKind.MSE) {
            throw new IllegalArgumentException("the free-running loss needs a one-to-many or seq2seq mse scenario "
                    + "that feeds its outputs back (feedback teacher-forcing or free-running)");
        }
    }

    /** {@code network}'s weights (and feedback) on each sequence of {@code set}. */
    private static List<Scenario> onSequences(Scenario network, List<Scenario> set) {
        return set.stream().map(e -> network.withSequence(e.inputs(), e.targetVectors(), e.targetClasses())).toList();
    }

    /** The mean loss over the scenarios of {@code set} (a training or held-out set); NaN for an empty set. */
    public static double meanLoss(List<Scenario> set) {
        if (set.isEmpty()) {
            return Double.NaN;
        }
        double sum = 0;
        for (Scenario example : set) {
            sum += Engine.run(example).loss();
        }
        return sum / set.size();
    }
}
