package org.unrolled.document;

import java.util.Locale;
import org.unrolled.engine.train.BatchTrainer;
import org.unrolled.engine.train.History;
import org.unrolled.engine.train.Net;
import org.unrolled.engine.train.Race;
import org.unrolled.engine.train.Task;
import org.unrolled.engine.train.TrainSettings;

/** A racing network as a scenario file: its current weights on one held-out sequence, with its history. */
public final class RaceScenarios {
    private RaceScenarios() {
    }

    /** The file name of a network in a race's output folder: rnn, rnn-relu, lstm or gru. */
    public static String fileStem(Net net) {
        return net.label().toLowerCase(Locale.ROOT).replace("rnn tanh", "rnn").replace(' ', '-');
    }

    /**
     * The runner's network now, shown on held-out sequence {@code shown}, with a description that says
     * how it was trained and how well it does on the held-out set, and the training record.
     */
    public static ScenarioDocument of(Race.Runner runner, String command, int shown) {
        BatchTrainer t = runner.trainer();
        TrainSettings s = t.settings();
        Net net = t.net();
        Task task = s.task();
        History.Point last = runner.history().last();
        String taskName = task == Task.ADDING ? "the adding problem" : "the temporal-order task";
        String title = String.format(Locale.ROOT, "%s, T = %d: %s, H = %d", task == Task.ADDING ? "Adding problem"
                : "Temporal order", s.length(), net.label(), net.hiddenSize());
        String score = task.isRegression()
                ? String.format(Locale.ROOT, "held-out RMSE %.4f", last.score())
                : String.format(Locale.ROOT, "held-out accuracy %.1f%%", 100 * last.score());
        String description = String.format(Locale.ROOT,
                "%s with H = %d (%,d parameters with its linear output), trained by `unrolled race` on %s at T = %d: "
                + "%,d training sequences, %.1f s of training on %d thread%s; %s on %,d sequences not trained on (%s). "
                + "Shown: held-out sequence %d.",
                net.label(), net.hiddenSize(), net.size(), taskName, s.length(), last.sequences(), last.seconds(), t.threads(),
                t.threads() == 1 ? "" : "s", score,
                s.heldOut(), task.isRegression() ? String.format(Locale.ROOT, "answering the mean scores %.3f",
                        task.baseline()) : "chance is 25%", shown);
        Vocabulary words = task == Task.ORDER
                ? new Vocabulary(java.util.List.of(Task.ORDER_SYMBOLS), java.util.List.of(Task.ORDER_CLASSES))
                : Vocabulary.NONE;
        TrainingRecord training = new TrainingRecord(command, task.isRegression() ? "rmse" : "accuracy", s.heldOut(),
                shown, runner.history().points());
        return new ScenarioDocument(t.scenario(shown), title, description, words, java.util.List.of(),
                java.util.List.of(), java.util.List.of(), training);
    }
}
