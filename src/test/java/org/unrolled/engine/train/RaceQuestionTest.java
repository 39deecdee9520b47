package org.unrolled.engine.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.unrolled.document.Beat;
import org.unrolled.document.Checks;
import org.unrolled.document.DocumentTrace;
import org.unrolled.document.Question;
import org.unrolled.document.Questions;
import org.unrolled.document.RaceQuestion;
import org.unrolled.document.ScenarioDocument;
import org.unrolled.engine.Engine;
import org.unrolled.engine.GruVariant;
import org.unrolled.engine.Matrix;
import org.unrolled.engine.Scenario;
import org.unrolled.engine.ScenarioEdits;
import org.unrolled.engine.Trace;
import org.unrolled.io.ScenarioReader;

/**
 * "Which network wins the race at T": the race samples' question names the winner their own numbers
 * make, worked out here apart from {@link RaceQuestion} (the scores the race recorded while training,
 * and the engine run on every held-out sequence), and the answer follows a what-if edit of the network.
 */
class RaceQuestionTest {
    private static final Map<String, ScenarioDocument> FILES = new ConcurrentHashMap<>();
    /** The samples folder of the source tree, as the window's built-in samples. */
    private static final Checks.Samples SAMPLES = new Checks.Samples() {
        @Override
        public DocumentTrace trace(String name) {
            return DocumentTrace.run(document(name));
        }

        @Override
        public Scenario scenario(String name) {
            return document(name).scenario();
        }
    };

    private static ScenarioDocument document(String name) {
        return FILES.computeIfAbsent(name, n -> {
            try {
                return ScenarioReader.read(Path.of("samples", n));
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
    }

    /** One network's numbers on held-out sequences, by the engine: the RMSE or fraction right, and the mean loss. */
    private record EngineScore(double score, double meanLoss) {
    }

    private static final Map<String, EngineScore> ENGINE = new ConcurrentHashMap<>();

    /**
     * The engine's full forward and backward pass on each of the first {@code count} held-out sequences of
     * the race with seed 1, one scenario per sequence: the RMSE (adding) or fraction right (order), and
     * the mean of the engine's own loss (½-free squared error is recomputed from y; cross-entropy is its ℓ_T).
     */
    private static EngineScore engine(Scenario s, Task task, int length, int count) {
        Random r = new Random(1 * 31 + 2); // `unrolled race --seed 1` draws its held-out set from seed·31 + 2
        double loss = 0;
        int right = 0;
        for (int n = 0; n < count; n++) {
            double[] x = new double[length * task.inputSize()];
            double target = task.draw(r, length, x, 0);
            Scenario.Builder b = s.toBuilder();
            b.inputs = Matrix.of(length, task.inputSize(), x);
            if (task.isRegression()) {
                b.targetVectors = Matrix.of(1, 1, new double[] {target});
            } else {
                b.targetClasses = new int[] {(int) target};
            }
            Trace t = Engine.run(b.build());
            double[] y = t.steps().y(length);
            if (task.isRegression()) {
                loss += (y[0] - target) * (y[0] - target);
            } else {
                right += RaceLessons.argmax(y) == (int) target ? 1 : 0;
                loss += t.loss(); // the engine's cross-entropy of the one output
            }
        }
        double mean = loss / count;
        return new EngineScore(task.isRegression() ? Math.sqrt(mean) : (double) right / count, mean);
    }

    private static Beat raceBeat(ScenarioDocument s) {
        return s.lesson().stream().filter(b -> b.question() != null && b.question().kind() == Question.Kind.RACE)
                .findFirst().orElseThrow();
    }

    private static Task task(String name) {
        return name.startsWith("adding") ? Task.ADDING : Task.ORDER;
    }

    private static ScenarioDocument network(String name, String sample) {
        return document(name.equals(Question.Race.THIS) ? sample : name);
    }

    private static double recorded(ScenarioDocument s) {
        List<History.Point> h = s.training().history();
        return h.get(h.size() - 1).score();
    }

    @ParameterizedTest
    @ValueSource(strings = {"adding-rnn.json", "adding-lstm.json", "adding-gru.json", "order-rnn.json", "order-lstm.json",
        "order-gru.json"})
    void theRaceSamplesAskWhoWinsAndTheAnswerIsTheWinnerTheirNumbersMake(String sample) {
        ScenarioDocument s = document(sample);
        Task task = task(sample);
        int length = s.scenario().inputCount();
        Beat beat = raceBeat(s);
        Question.Race race = beat.question().race();
        assertTrue(!beat.backward() && beat.step() == length, "asked before the answer step: " + beat);
        assertEquals(length, race.length(), "the race at the samples' own T");
        assertEquals(task.jsonName(), race.task());
        assertEquals(1000, race.sequences());
        assertEquals(s.training().heldOut(), race.sequences(), "the race's whole held-out set");
        assertTrue(s.training().command().contains("--seed " + race.seed() + " "), s.training().command());

        // the sequences drawn here are the race's: its held-out sequence 0 is the one the sample shows
        double[] x0 = new double[length * task.inputSize()];
        double target0 = task.draw(new Random(race.seed() * 31 + 2), length, x0, 0);
        double[] shown = new double[x0.length];
        for (int t = 0; t < length; t++) {
            for (int j = 0; j < task.inputSize(); j++) {
                shown[t * task.inputSize() + j] = s.scenario().inputs().get(t, j);
            }
        }
        assertArrayEquals(shown, x0, 0.0);
        assertEquals(target0, task.isRegression() ? s.scenario().targetVectors().get(0, 0) : s.scenario().targetClass(0), 0.0);

        List<String> names = race.networks();
        List<EngineScore> truth = new ArrayList<>();
        for (String name : names) {
            ScenarioDocument nd = network(name, sample);
            Scenario n = nd.scenario();
            String file = name.equals(Question.Race.THIS) ? sample : name;
            if (task.isRegression()) {
                // the RMSE on all 1,000 is the one the race recorded while training; the engine agrees on the first 100
                EngineScore first100 = ENGINE.computeIfAbsent(file, f -> engine(n, task, length, 100));
                assertEquals(first100.score(), RaceScores.score(n, task, length, race.seed(), 100).score(), 1e-12, file);
                truth.add(new EngineScore(recorded(nd), Double.NaN));
            } else {
                EngineScore all = ENGINE.computeIfAbsent(file, f -> engine(n, task, length, 1000));
                assertEquals(recorded(nd), all.score(), 0.0, file + ": the engine's fraction right is the race's");
                truth.add(all);
            }
        }
        // the winner: the lowest RMSE, or the most right and then the lowest mean cross-entropy
        int best = 0;
        int winners = 0;
        for (int k = 1; k < truth.size(); k++) {
            if (better(task, truth.get(k), truth.get(best))) {
                best = k;
            }
        }
        for (EngineScore e : truth) {
            winners += e.score() == truth.get(best).score() && (task.isRegression() || e.meanLoss() == truth.get(best).meanLoss())
                    ? 1 : 0;
        }
        assertEquals(1, winners, "exactly one network wins: " + truth);

        Questions.Answer a = Questions.answer(beat.question(), DocumentTrace.run(s), SAMPLES);
        System.out.println(sample + ": " + a.choices() + " -> " + a.correct() + ": " + a.explanation());
        assertEquals(best, a.correct(), a.explanation());
        for (int k = 0; k < names.size(); k++) {
            String cell = RaceQuestion.label(network(names.get(k), sample).scenario());
            assertTrue(a.choices().get(k).startsWith(cell), a.choices().get(k));
            assertTrue(a.explanation().contains(String.format(java.util.Locale.ROOT,
                    task.isRegression() ? "RMSE %.4f" : "%.1f%% right", task.isRegression() ? truth.get(k).score()
                    : 100 * truth.get(k).score())), "the deciding numbers are named: " + a.explanation());
        }
        // a gated cell wins the race; the vanilla RNN does not
        assertFalse(a.choices().get(a.correct()).startsWith("RNN"), a.explanation());
    }

    private static boolean better(Task task, EngineScore a, EngineScore b) {
        if (a.score() != b.score()) {
            return task.isRegression() ? a.score() < b.score() : a.score() > b.score();
        }
        return a.meanLoss() < b.meanLoss();
    }

    /**
     * What if: the GRU's update gates pushed open (bias 3), or its recurrent weights shrunk to ρ = 0.3, or
     * its equations changed to Cho's: the answer is worked out again for the changed network, and the
     * engine, run here on all 1,000 sequences, agrees on the winner.
     */
    @Test
    void theAnswerFollowsAWhatIfEditOfThisNetwork() {
        ScenarioDocument gruDocument = document("order-gru.json");
        Scenario gru = gruDocument.scenario();
        Beat beat = raceBeat(gruDocument);
        Scenario lstm = SAMPLES.scenario("order-lstm.json");
        EngineScore lstmScore = ENGINE.computeIfAbsent("order-lstm.json", f -> engine(lstm, Task.ORDER, 50, 1000));
        List<Scenario> edits = List.of(gru, ScenarioEdits.withUpdateGateBias(gru, 3), ScenarioEdits.withSpectralRadius(gru, 0.3),
                ScenarioEdits.withGruVariant(gru, GruVariant.CHO));
        List<Integer> answers = new ArrayList<>();
        for (Scenario edited : edits) {
            Questions.Answer a = Questions.answer(beat.question(), DocumentTrace.run(gruDocument.withScenario(edited)), SAMPLES);
            EngineScore mine = engine(edited, Task.ORDER, 50, 1000);
            int expected = better(Task.ORDER, mine, lstmScore) ? 2 : 1; // the RNN (24.1%) is behind both here
            assertEquals(expected, a.correct(), a.explanation());
            assertTrue(a.explanation().contains(String.format(java.util.Locale.ROOT, "GRU (this network) %.1f%% right",
                    100 * mine.score())), a.explanation());
            answers.add(a.correct());
        }
        assertEquals(2, answers.get(0), "as shipped, the GRU wins");
        assertTrue(answers.contains(1), "and some edit hands the race to the LSTM: " + answers);
    }

    @Test
    void twoNetworksWithTheSameNumbersDecideNothing() {
        ScenarioDocument s = document("order-lstm.json");
        // the LSTM against itself as shipped: equal numbers, so no choice is the one right one
        Question q = Question.race("p", new Question.Race("order", 50, List.of("this", "order-lstm.json"), 1, 200));
        Questions.Answer a = Questions.answer(q, DocumentTrace.run(s), SAMPLES);
        assertEquals(-1, a.correct(), a.explanation());
        assertTrue(a.explanation().endsWith("two networks tie."), a.explanation());
        // without the samples at hand (a handout of a file whose samples are not shipped), no answer, said plainly
        Questions.Answer none = Questions.answer(q, DocumentTrace.run(s));
        assertEquals(-1, none.correct());
        assertTrue(none.explanation().contains("not at hand"), none.explanation());
        assertEquals(List.of("this network", "order-lstm.json"), none.choices());
    }

    /** A file's race of a large network over long sequences: a plain "too large", not hours on the window's worker. */
    @Test
    void aRaceTooLargeToWorkOutIsSaidPlainly() {
        Scenario big = ScenarioEdits.withHiddenSize(SAMPLES.scenario("adding-lstm.json"), 256,
                new org.unrolled.engine.InitSpec(1, 0.05));
        Question q = Question.race("p", new Question.Race("adding", 1000, List.of("this", "adding-rnn.json"), 1, 1000));
        Questions.Answer a = Questions.answer(q, DocumentTrace.run(ScenarioDocument.of(big, "big")), SAMPLES);
        assertEquals(-1, a.correct());
        // 1,000 sequences × 1,000 steps × 4·256 gate rows × (2 + 256) inputs and states = 2.6·10¹¹ multiply-adds
        assertTrue(a.explanation().contains("racing this network on 1,000 sequences of 1000 steps is 2.6e+11 multiply-adds,"
                + " more than the 1e+10 worked out here"), a.explanation());
    }
}
