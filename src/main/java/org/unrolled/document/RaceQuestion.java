package org.unrolled.document;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.unrolled.engine.CellType;
import org.unrolled.engine.Mapping;
import org.unrolled.engine.Scenario;
import org.unrolled.engine.Trace;
import org.unrolled.engine.train.RaceScores;
import org.unrolled.engine.train.Task;

/**
 * "Which network wins the race at T?" ({@link Question.Kind#RACE}): each network named by the question
 * is scored on the race's held-out sequences of length T, and the choice of the best one is the answer.
 * The sequences are those {@code unrolled race --seed S} scores on (the same generator, the same draws),
 * so for a raced sample at its own length the score is the one its training record ends on.
 *
 * <p>A score: the adding problem's RMSE of the last output against the marked sum, or temporal order's
 * fraction of sequences whose most likely class is the right one; and the mean loss (squared error,
 * cross-entropy), which decides between two networks with the same score (two at 100% right).
 */
public final class RaceQuestion {
    private RaceQuestion() {
    }

    /**
     * Checks a race question's form against the scenario asked about: a known task, a length the task
     * allows, 2 to 4 distinct networks, a sample named by its file name, and (when the scenario itself
     * races) a network that reads the task's inputs.
     *
     * @throws IllegalArgumentException saying what is wrong
     */
    public static void validate(Question.Race race, Scenario s) {
        Task task = task(race.task());
        if (race.length() < task.minLength() || race.length() > 1000) {
            throw new IllegalArgumentException("length: the " + task.jsonName() + " task needs " + task.minLength()
                    + " to 1000 steps, found " + race.length());
        }
        if (race.sequences() < 1 || race.sequences() > Question.Race.MAX_SEQUENCES) {
            throw new IllegalArgumentException("sequences: expected 1 to " + Question.Race.MAX_SEQUENCES + ", found "
                    + race.sequences());
        }
        List<String> n = race.networks();
        if (n.size() < 2 || n.size() > Question.MAX_CHOICES) {
            throw new IllegalArgumentException("networks: expected 2 to 4 (\"this\" or a sample's file name), found "
                    + n.size());
        }
        for (int k = 0; k < n.size(); k++) {
            String name = n.get(k);
            if (n.indexOf(name) != k) {
                throw new IllegalArgumentException("networks: \"" + name + "\" is named twice");
            }
            if (name.equals(Question.Race.THIS)) {
                fits(s, task, "this network");
            } else if (!name.matches("[A-Za-z0-9._-]{1,80}\\.json")) {
                throw new IllegalArgumentException("networks[" + k + "]: expected \"this\" or a shipped sample's file name,"
                        + " such as adding-rnn.json, found \"" + name + "\"");
            }
        }
    }

    private static Task task(String name) {
        try {
            return Task.parse(name);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("task: expected adding or order, found \"" + name + "\"");
        }
    }

    /** A network the race can score: many-to-one, reading the task's inputs, with its outputs and loss. */
    private static void fits(Scenario s, Task task, String who) {
        if (s.mapping() != Mapping.MANY_TO_ONE || s.inputSize() != task.inputSize() || s.outputSize() != task.outputSize()
                || s.loss() != task.loss()) {
            throw new IllegalArgumentException(who + " does not fit the " + task.jsonName() + " task: it needs a many-to-one"
                    + " network with " + task.inputSize() + " inputs, " + task.outputSize() + " output"
                    + (task.outputSize() == 1 ? "" : "s") + " and " + task.loss().jsonName() + " loss");
        }
    }

    /**
     * At most this many multiply-adds for one network's score (the adding LSTM of the samples needs 4.4·10⁸):
     * a file's race of huge networks on long sequences gets a plain "too large" instead of holding the
     * window's worker for hours.
     */
    public static final double MAX_WORK = 1e10;

    /** The answer: one choice per network, the right one the winner; two networks with equal results decide none. */
    public static Questions.Answer answer(Question q, Trace trace, Checks.Samples samples) {
        Question.Race race = q.race();
        Task task = task(race.task());
        List<String> labels = new ArrayList<>();
        List<Scenario> networks = new ArrayList<>();
        for (String name : race.networks()) {
            boolean self = name.equals(Question.Race.THIS);
            Scenario s = self ? trace.scenario() : samples.scenario(name);
            String who = self ? "this network" : name;
            fits(s, task, who);
            double work = (double) race.sequences() * race.length() * s.cell().gateCount() * s.hiddenSize()
                    * (s.inputSize() + s.hiddenSize());
            if (work > MAX_WORK) {
                throw new IllegalArgumentException(String.format(Locale.ROOT, "racing %s on %,d sequences of %d steps"
                        + " is %.1e multiply-adds, more than the %.0e worked out here", who, race.sequences(), race.length(),
                        work, MAX_WORK));
            }
            labels.add(label(s) + " (" + who + ")");
            networks.add(s);
        }
        List<RaceScores.Score> scores = new ArrayList<>();
        for (Scenario s : networks) {
            scores.add(RaceScores.score(s, task, race.length(), race.seed(), race.sequences()));
        }
        int best = -1;
        boolean tie = false;
        for (int k = 0; k < scores.size(); k++) {
            if (!finite(scores.get(k))) {
                continue;
            }
            int c = best < 0 ? -1 : RaceScores.compare(task, scores.get(k), scores.get(best));
            if (c < 0) {
                best = k;
                tie = false;
            } else if (c == 0) {
                tie = true;
            }
        }
        StringBuilder numbers = new StringBuilder(String.format(Locale.ROOT,
                "On %,d held-out sequences of the race at T = %d, seed %d (never trained on): ", race.sequences(),
                race.length(), race.seed()));
        boolean scoreTie = false;
        for (int k = 0; k < scores.size(); k++) {
            RaceScores.Score s = scores.get(k);
            numbers.append(k > 0 ? ", " : "").append(labels.get(k)).append(' ').append(describe(task, s));
            scoreTie |= best >= 0 && k != best && s.score() == scores.get(best).score();
        }
        if (best < 0) {
            return new Questions.Answer(labels, -1, numbers + ": no network has a score.");
        }
        if (tie) {
            return new Questions.Answer(labels, -1, numbers + ": two networks tie.");
        }
        String why = task.isRegression() ? " has the lowest RMSE."
                : scoreTie ? " ties on the most right and has the lower mean cross-entropy." : " gets the most right.";
        return new Questions.Answer(labels, best, numbers + ": " + labels.get(best) + why);
    }

    private static boolean finite(RaceScores.Score s) {
        return Double.isFinite(s.score()) && Double.isFinite(s.meanLoss());
    }

    private static String describe(Task task, RaceScores.Score s) {
        return task.isRegression() ? String.format(Locale.ROOT, "RMSE %.4f", s.score())
                : String.format(Locale.ROOT, "%.1f%% right (mean cross-entropy %.4f)", 100 * s.score(), s.meanLoss());
    }

    /** "RNN tanh", "LSTM", "GRU" (as the race names its networks). */
    public static String label(Scenario s) {
        return s.cell() == CellType.RNN ? "RNN " + s.activation().jsonName() : s.cell().name();
    }
}
