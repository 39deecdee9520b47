package org.unrolled.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.unrolled.document.Beat;
import org.unrolled.document.Checks;
import org.unrolled.document.DocumentTrace;
import org.unrolled.document.Question;
import org.unrolled.document.Questions;
import org.unrolled.document.ScenarioDocument;
import org.unrolled.io.ScenarioReader;

/**
 * Every question of every shipped sample has exactly one right choice on the sample's numbers and
 * after what-if edits (ρ dragged, the forget bias moved); and the answers the samples' own captions
 * state (measured in their descriptions) are the ones computed.
 */
class QuestionsTest {
    static Stream<Path> samples() throws Exception {
        return LessonChecksTest.samples();
    }

    /** The sample's numbers and a few what-if versions of them. */
    static List<Scenario> variants(Scenario s) {
        List<Scenario> out = new ArrayList<>(List.of(s));
        for (double rho : new double[] {0.3, 0.9, 1.5, 2.5}) {
            out.add(ScenarioEdits.withSpectralRadius(s, rho));
        }
        if (s.cell() == CellType.LSTM) {
            for (double bias : new double[] {-3, 0, 3}) {
                out.add(ScenarioEdits.withForgetBias(s, bias));
            }
        }
        if (s.cell() == CellType.GRU) {
            for (double bias : new double[] {-3, 3}) {
                out.add(ScenarioEdits.withUpdateGateBias(s, bias));
            }
        }
        return out;
    }

    /**
     * Samples whose lessons another change (the race branch) replaces or adds: they get their questions
     * with it. Named here so that any other sample without a question fails.
     */
    static final java.util.Set<String> QUESTIONS_PENDING = java.util.Set.of();

    @ParameterizedTest
    @MethodSource("samples")
    void everySampleAsksAtLeastOneQuestion(Path file) throws Exception {
        if (QUESTIONS_PENDING.contains(file.getFileName().toString())) {
            return;
        }
        ScenarioDocument s = ScenarioReader.read(file);
        assertTrue(s.lesson().stream().anyMatch(b -> b.question() != null), file + " asks nothing");
    }

    @ParameterizedTest
    @MethodSource("samples")
    void everyGeneratedQuestionHasExactlyOneRightChoiceAfterWhatIfEdits(Path file) throws Exception {
        ScenarioDocument s = ScenarioReader.read(file);
        for (Scenario v : variants(s.scenario())) {
            DocumentTrace trace = DocumentTrace.run(s.withScenario(v));
            for (Beat b : trace.lesson()) {
                if (b.question() == null) {
                    continue;
                }
                Questions.Answer a = Questions.answer(b.question(), trace, SAMPLES);
                int choices = a.choices().size();
                assertTrue(choices >= 2 && choices <= 4, file + ": " + choices + " choices");
                if (b.question().kind() == Question.Kind.CHOICES) {
                    if (v == s.scenario()) {
                        assertTrue(a.decided(), file + ": " + a.explanation());
                    }
                    continue; // a lecturer's choices may all turn false after a change: the window says so
                }
                assertTrue(a.decided(), file + " step " + b.step() + ": " + a.explanation());
                // the kind's choices partition the numbers: recount which hold from the explanation's numbers
                assertEquals(1, holding(b.question(), trace), file + ": " + a.explanation());
            }
        }
    }

    /** The shipped samples, each read once (so that a race question's scores of the other networks are kept). */
    static final Checks.Samples SAMPLES = org.unrolled.io.SampleTraces.BUILT_IN;

    /**
     * How many choices hold, counted independently of {@link Questions}: for VALUE and RATIO the number
     * is read here and every interval tested, so two intervals holding (or none) would show; for RACE
     * each network's score is compared here with every other's (RaceQuestionTest checks the scores).
     */
    private static int holding(Question q, DocumentTrace shown) {
        Trace trace = shown.trace();
        switch (q.kind()) {
            case RACE -> {
                Question.Race r = q.race();
                org.unrolled.engine.train.Task task = org.unrolled.engine.train.Task.parse(r.task());
                List<org.unrolled.engine.train.RaceScores.Score> scores = new ArrayList<>();
                for (String n : r.networks()) {
                    Scenario s = n.equals(Question.Race.THIS) ? trace.scenario() : SAMPLES.scenario(n);
                    scores.add(org.unrolled.engine.train.RaceScores.score(s, task, r.length(), r.seed(), r.sequences()));
                }
                int n = 0;
                for (var a : scores) {
                    boolean beaten = false;
                    for (var b : scores) {
                        double sa = task.isRegression() ? -a.score() : a.score();
                        double sb = task.isRegression() ? -b.score() : b.score();
                        beaten |= sb > sa || sb == sa && b.meanLoss() < a.meanLoss();
                    }
                    n += beaten ? 0 : 1;
                }
                return n;
            }
            case VALUE -> {
                double v = Quantity.parse(q.of().get(0)).value(trace, null);
                List<Double> c = q.cuts();
                int n = 0;
                for (int k = 0; k <= c.size(); k++) {
                    double lo = k == 0 ? Double.NEGATIVE_INFINITY : c.get(k - 1);
                    double hi = k == c.size() ? Double.POSITIVE_INFINITY : c.get(k);
                    n += v >= lo && v < hi ? 1 : 0;
                }
                return n;
            }
            case RATIO -> {
                double a = Quantity.parse(q.of().get(0)).value(trace, null);
                double b = Quantity.parse(q.of().get(1)).value(trace, null);
                double r = Math.abs(a / b);
                int n = 0;
                n += r < 0.01 ? 1 : 0;
                n += r >= 0.01 && r < 1 ? 1 : 0;
                n += r >= 1 && r < 100 ? 1 : 0;
                n += r >= 100 ? 1 : 0;
                return n;
            }
            default -> {
                return 1;
            }
        }
    }

    private static Questions.Answer answerOf(String sample, int beat) throws Exception {
        ScenarioDocument s = ScenarioReader.read(Path.of("samples", sample));
        Questions.Answer a = Questions.answer(s.lesson().get(beat).question(), DocumentTrace.run(s));
        System.out.println(sample + " beat " + beat + ": " + a.choices() + " -> " + a.correct() + " " + a.explanation());
        return a;
    }

    private static String right(Questions.Answer a) {
        return a.choices().get(a.correct());
    }

    @Test
    void theKeyMomentsAnswerWhatTheDescriptionsMeasured() throws Exception {
        // rnn-vanishing: ∂L/∂h_1 is 1.1·10⁻⁹ of ∂L/∂h_30
        assertEquals("smaller by more than 100×", right(answerOf("rnn-vanishing.json", 3)));
        // rnn-exploding: 2²⁹ ≈ 5.4·10⁸ times larger
        assertEquals("larger by more than 100×", right(answerOf("rnn-exploding.json", 3)));
        // lstm-highway: ∂L/∂c_1 keeps 55% of ∂L/∂c_30
        assertEquals("smaller, by less than 100×", right(answerOf("lstm-highway.json", 3)));
        assertEquals("the target of step 1", right(answerOf("teacher-forcing.json", 1)));
        assertEquals("negative", right(answerOf("sentiment.json", 2)));
        assertEquals("VERB", right(answerOf("tagging.json", 1)));
        assertEquals("barks", right(answerOf("captioning.json", 2)));
        assertEquals("merci", right(answerOf("translation.json", 1)));
        assertEquals("near 0 (below 0.1)", right(answerOf("lstm-gates.json", 3)));
        answerOf("rnn-vanishing.json", 2);
        answerOf("rnn-step.json", 1);
        answerOf("one-to-one.json", 1);
    }
}
