package org.unrolled.document;

import java.util.List;
import java.util.Objects;
import org.unrolled.engine.train.History;

/**
 * How a scenario's weights were trained (a project field, not in the spec): the command that makes
 * them again, bit for bit, and the held-out score along the way, so that the window can draw the
 * training curve of a saved network.
 *
 * @param command  the command line that reproduces the weights
 * @param score    {@code "rmse"} or {@code "accuracy"}
 * @param heldOut  the number of held-out sequences each score is measured on
 * @param shown    which held-out sequence (0-based) the scenario's inputs and targets are
 * @param history  the scores, in order of sequences seen
 */
public record TrainingRecord(String command, String score, int heldOut, int shown, List<History.Point> history) {
    /** The scores the reader accepts. */
    public static final List<String> SCORES = List.of("rmse", "accuracy");

    public TrainingRecord {
        Objects.requireNonNull(command, "command");
        if (!SCORES.contains(score)) {
            throw new IllegalArgumentException("score must be rmse or accuracy");
        }
        history = List.copyOf(history);
    }
}
