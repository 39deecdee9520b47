package org.unrolled.engine.train;

/**
 * What decides a race's numbers (the thread count does not).
 *
 * @param task         the task
 * @param length       T, the steps of every sequence
 * @param batch        sequences per update
 * @param optimizer    Adam or SGD
 * @param learningRate η
 * @param clip         the gradient's global norm is clipped to this; ≤ 0 for none
 * @param gateBias     the opening bias of the LSTM's forget gate and the GRU's update gate
 * @param seed         seeds the initial weights, the training sequences and the held-out set
 * @param heldOut      sequences in the fixed held-out set
 * @param evalEvery    sequences between two held-out evaluations (a multiple of the batch)
 */
public record TrainSettings(Task task, int length, int batch, Optimizer.Kind optimizer, double learningRate,
        double clip, double gateBias, long seed, int heldOut, int evalEvery) {

    public TrainSettings {
        if (task == null || optimizer == null) {
            throw new IllegalArgumentException("a task and an optimizer are needed");
        }
        if (length < task.minLength() || length > 1000) {
            throw new IllegalArgumentException("the length must be from " + task.minLength() + " to 1000, got " + length);
        }
        if (batch < 1 || batch > 4096) {
            throw new IllegalArgumentException("the batch must be from 1 to 4096, got " + batch);
        }
        if (!(learningRate > 0) || !Double.isFinite(learningRate)) {
            throw new IllegalArgumentException("the learning rate must be a positive number, got " + learningRate);
        }
        if (!Double.isFinite(clip) || clip < 0 || !Double.isFinite(gateBias)) {
            throw new IllegalArgumentException("the clipping must be a number from 0 (none) up and the gate bias a number, got "
                    + clip + " and " + gateBias);
        }
        if (heldOut < 1 || heldOut > 100_000) {
            throw new IllegalArgumentException("the held-out set must have 1 to 100000 sequences, got " + heldOut);
        }
        if (evalEvery < batch || evalEvery % batch != 0) {
            throw new IllegalArgumentException("evaluate every multiple of the batch (" + batch + "), got " + evalEvery);
        }
    }

    /** The recipe at length {@code length}: batch 32, Adam 0.01, clip 1, gate bias 1, 1,000 held out. */
    public static TrainSettings recipe(Task task, int length, long seed) {
        return new TrainSettings(task, length, 32, Optimizer.Kind.ADAM, 0.01, 1.0, 1.0, seed, 1000, 1600);
    }
}
