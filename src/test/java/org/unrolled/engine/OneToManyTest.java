package org.unrolled.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.unrolled.document.ScenarioDocument;
import org.unrolled.io.Samples;

/** The one-to-many sample writes its caption reading its own words, and h tracks what has been written. */
class OneToManyTest {
    private static final ScenarioDocument CAPTIONING = Samples.load("captioning.json");

    /** The caption from step {@code t} on, started from state {@code h} with the word {@code x} as input. */
    private static List<String> continueFrom(double[] h, String x, int steps) {
        Scenario.Builder b = CAPTIONING.scenario().toBuilder();
        double[] in = new double[CAPTIONING.scenario().inputSize()];
        in[CAPTIONING.vocabulary().inputs().indexOf(x)] = 1;
        b.inputs = Matrix.ofRows(new double[][] {in});
        b.targetClasses = new int[steps];
        b.h0 = h;
        SequenceTrace q = Engine.run(b.build()).steps();
        return java.util.stream.IntStream.rangeClosed(1, steps)
                .mapToObj(t -> CAPTIONING.vocabulary().outputWord(Evaluation.argmax(q.y(t)))).toList();
    }

    @Test
    void itFeedsItsOwnWordsBack() {
        assertEquals(Feedback.FREE_RUNNING, CAPTIONING.scenario().feedback(), "not zeros: the model's own previous word");
        SequenceTrace q = Engine.run(CAPTIONING.scenario()).steps();
        assertEquals(List.of("a", "dog", "barks", "<end>"), java.util.stream.IntStream.rangeClosed(1, 4)
                .mapToObj(t -> CAPTIONING.vocabulary().outputWord(Evaluation.argmax(q.y(t)))).toList());
        assertEquals(1.0, q.x(2)[CAPTIONING.vocabulary().inputs().indexOf("a")], 0.0, "step 2 reads its own \"a\"");
        assertEquals(1.0, q.x(3)[CAPTIONING.vocabulary().inputs().indexOf("dog")], 0.0);
        assertEquals(List.of("a", "dog", "barks", "<end>"), continueFrom(new double[CAPTIONING.scenario().hiddenSize()],
                "<dog photo>", 4), "the same as running the file (the helper is sound)");
    }

    @Test
    void hCarriesThePictureAndTheFedBackWordCarriesWhatWasWritten() {
        SequenceTrace q = Engine.run(CAPTIONING.scenario()).steps();
        double[] zero = new double[CAPTIONING.scenario().hiddenSize()];
        assertEquals("dog", continueFrom(q.h(1), "a", 1).get(0));
        assertNotEquals("dog", continueFrom(zero, "a", 1).get(0), "zero h_1: \"a\" alone does not say dog");
        assertEquals("barks", continueFrom(zero, "dog", 1).get(0), "zero h_2 but feed \"dog\": it says barks");
    }

    /** Zero h_2 right after step 2: y_2 changes, is fed back, and the caption follows the new word. */
    @Test
    void theCaptionGoesOnFromTheWordsWrittenSoFar() {
        SequenceTrace q = Engine.run(CAPTIONING.scenario(), (encoder, t, h, c) -> {
            if (t == 2) {
                java.util.Arrays.fill(h, 0);
            }
        }).steps();
        List<String> words = java.util.stream.IntStream.rangeClosed(1, 4)
                .mapToObj(t -> CAPTIONING.vocabulary().outputWord(Evaluation.argmax(q.y(t)))).toList();
        assertEquals(List.of("a", "sun", "shines", "<end>"), words);
    }
}
