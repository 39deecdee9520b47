package org.unrolled.engine;

import java.util.List;

/**
 * How well a cross-entropy scenario does its task: the fraction of its training set's target steps
 * where the most likely output class (argmax y_t, lowest index on a tie) is the target class.
 */
public final class Evaluation {
    /** Correct and total target steps, and whole sequences with every step correct. */
    public record Score(int correctSteps, int steps, int correctSequences, int sequences) {
        public double stepAccuracy() {
            return steps == 0 ? Double.NaN : (double) correctSteps / steps;
        }

        public double sequenceAccuracy() {
            return sequences == 0 ? Double.NaN : (double) correctSequences / sequences;
        }
    }

    private Evaluation() {
    }

    /**
     * Scores the scenarios of {@code set} (a training or held-out set, each with its network) as they
     * run, with their own feedback mode; zero sequences for an empty set.
     *
     * @throws IllegalArgumentException for mse scenarios, which have no classes
     */
    public static Score score(List<Scenario> set) {
        if (set.isEmpty()) {
            return new Score(0, 0, 0, 0);
        }
        if (set.get(0).loss() != LossKind.CROSS_ENTROPY) {
            throw new IllegalArgumentException("accuracy needs cross-entropy targets (classes)");
        }
        int correct = 0;
        int steps = 0;
        int sequences = 0;
        for (Scenario example : set) {
            SequenceTrace seq = Engine.run(example).steps();
            boolean all = true;
            int k = 0;
            for (int t = 1; t <= seq.length(); t++) {
                if (!seq.hasOutput(t)) {
                    continue;
                }
                boolean right = argmax(seq.y(t)) == example.targetClass(k++);
                correct += right ? 1 : 0;
                all &= right;
                steps++;
            }
            sequences += all ? 1 : 0;
        }
        return new Score(correct, steps, sequences, set.size());
    }

    /**
     * Index of the largest entry, the lowest on a tie; a NaN counts as largest (as torch.argmax). The
     * same rule the engine uses to feed a free-running prediction back, so the ✓/✗ shown and the word
     * fed back never disagree.
     */
    public static int argmax(double[] y) {
        return Losses.argmax(y, 0, y.length);
    }
}
