package org.unrolled.engine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.unrolled.document.ScenarioDocument;
import org.unrolled.io.Samples;
import org.unrolled.io.ScenarioReader;

/** The task samples do their task, and say how they were made. */
class TrainedSamplesTest {

    @ParameterizedTest
    @ValueSource(strings = {"sentiment.json", "tagging.json", "captioning.json", "translation.json"})
    void everyExampleIsAnsweredRight(String sample) {
        ScenarioDocument s = Samples.load(sample);
        assertTrue(s.examples().size() >= 3, "a task has a training set");
        Evaluation.Score score = Evaluation.score(s.trainingSet());
        assertEquals(score.steps(), score.correctSteps(), sample + ": " + score);
        assertTrue(s.description().contains("Made with `unrolled train`"), "says how it was made");
        assertTrue(!s.vocabulary().inputs().isEmpty() && !s.vocabulary().outputs().isEmpty(), "words label the task");
    }

    @Test
    void theTranslatorAlsoWorksOnItsOwnWords() {
        ScenarioDocument d = Samples.load("translation.json");
        ScenarioDocument s = d.withScenario(ScenarioEdits.withFeedback(d.scenario(), Feedback.FREE_RUNNING));
        Evaluation.Score score = Evaluation.score(s.trainingSet());
        assertEquals(score.sequences(), score.correctSequences(), "free running: " + score);
    }

    /** The shown sequence is one of the examples, so what the class sees is answered right too. */
    @Test
    void theShownSentenceIsClassifiedRight() {
        ScenarioDocument s = Samples.load("sentiment.json");
        Trace t = Engine.run(s.scenario());
        assertEquals(s.scenario().targetClass(0), Evaluation.argmax(t.steps().y(s.scenario().inputCount())));
        assertEquals("negative", s.vocabulary().outputWord(s.scenario().targetClass(0)));
    }

    /** Free running feeds the model's own outputs back: its later errors are much larger than teacher forcing's. */
    @Test
    void freeRunningErrorsCompound() {
        Scenario teacher = Samples.load("teacher-forcing.json").scenario();
        Scenario free = ScenarioEdits.withFeedback(teacher, Feedback.FREE_RUNNING);
        SequenceTrace a = Engine.run(teacher).steps();
        SequenceTrace b = Engine.run(free).steps();
        double laterTeacher = 0;
        double laterFree = 0;
        for (int t = 2; t <= a.length(); t++) {
            laterTeacher += a.stepLoss(t);
            laterFree += b.stepLoss(t);
        }
        assertEquals(a.stepLoss(1), b.stepLoss(1), 0.0, "the first step is the same guess");
        assertTrue(a.stepLoss(1) < 0.002, "the start is not ambiguous: the first guess is close");
        assertTrue(laterFree > 20 * laterTeacher, laterFree + " vs " + laterTeacher);
    }

    /** The committed sample is what the train command makes from its source: retrain and compare. */
    @Test
    void theSentimentSampleIsReproducedFromItsSource() throws Exception {
        ScenarioDocument source = ScenarioReader.read(Path.of("tools/lessons/sources/sentiment.json"));
        Scenario trained = Trainer.train(source.scenario(), source.trainingSet(), new Trainer.Settings(Trainer.Optimizer.ADAM, 0.01, 1000, 5),
                (d, t, l) -> { }).scenario();
        assertArrayEquals(Parameters.flatten(Samples.load("sentiment.json").scenario().weights()),
                Parameters.flatten(trained.weights()), 1e-12);
    }

    /** The hand-made gates sample does what its lesson says, step by step. */
    @Test
    void eachLstmGateHasItsJob() {
        ScenarioDocument s = Samples.load("lstm-gates.json");
        SequenceTrace q = Engine.run(s.scenario()).steps();
        assertTrue(q.gate(1, 'i')[0] > 0.99, "write opens the input gate");
        assertTrue(q.gate(2, 'i')[0] < 0.01 && q.gate(2, 'f')[0] > 0.99, "no flag: input shut, forget open");
        assertTrue(Math.abs(q.c(3)[0] - q.c(1)[0]) < 0.02, "c keeps the written value through noise");
        assertTrue(q.gate(4, 'o')[0] > 0.99 && Math.abs(q.h(4)[0] - Math.tanh(q.c(4)[0])) < 0.01, "read shows tanh(c)");
        assertTrue(q.gate(5, 'f')[0] < 0.01 && Math.abs(q.c(5)[0]) < 0.01, "erase wipes c");
        assertTrue(Math.abs(q.h(7)[0]) < 0.02, "nothing left to read");
    }

    /** The numbers the highway lesson and the exploding lesson state. */
    @Test
    void theGradientLessonsSayWhatTheNumbersDo() {
        SequenceTrace highway = Engine.run(Samples.load("lstm-highway.json").scenario()).steps();
        double kept = highway.dLdcNorm(1) / highway.dLdcNorm(30);
        assertTrue(kept > 0.53 && kept < 0.57, "about 0.98^29: " + kept);
        for (int t = 1; t <= 30; t++) {
            for (double c : highway.c(t)) {
                // out of saturation: tanh'(c) = 1 - tanh(c)^2 stays above 0.89, so o·tanh'(c) lets the gradient in
                assertTrue(Math.abs(c) < 0.345, "c_" + t + " = " + c);
            }
        }
        SequenceTrace vanishing = Engine.run(Samples.load("rnn-vanishing.json").scenario()).steps();
        double fell = vanishing.dLdhNorm(30) / vanishing.dLdhNorm(1);
        assertTrue(fell > 1e8 && fell < 1e10, "about 10⁹: " + fell);
        SequenceTrace exploding = Engine.run(Samples.load("rnn-exploding.json").scenario()).steps();
        assertEquals(Math.pow(2, 29), exploding.dLdhNorm(1) / exploding.dLdhNorm(30), 1e-3 * Math.pow(2, 29),
                "2²⁹ from t = 30 back to t = 1");
    }
}
