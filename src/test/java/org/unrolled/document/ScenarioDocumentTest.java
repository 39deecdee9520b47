package org.unrolled.document;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.unrolled.engine.Feedback;
import org.unrolled.engine.InitSpec;
import org.unrolled.engine.Mapping;
import org.unrolled.engine.Scenario;
import org.unrolled.engine.ScenarioEdits;
import org.unrolled.io.Samples;

/** What a document keeps around its scenario after a what-if edit, and what it refuses. */
class ScenarioDocumentTest {

    @Test
    void anEditThatKeepsTheWeightsKeepsEverything() {
        ScenarioDocument d = Samples.load("order-gru.json");
        assertNotNull(d.training(), "this sample was trained by a race");
        ScenarioDocument edited = d.withScenario(ScenarioEdits.withInput(d.scenario(), 1, 0, 0.5));
        assertSame(d.training(), edited.training());
        assertSame(d.lesson(), edited.lesson());
        assertEquals(d.vocabulary(), edited.vocabulary());
        assertEquals(d.title(), edited.title());
        assertSame(d, d.withScenario(d.scenario()), "the same scenario: the same document");
    }

    @Test
    void otherWeightsOrAnotherNetworkDropTheTrainingRecordOnly() {
        ScenarioDocument d = Samples.load("order-gru.json");
        Scenario s = d.scenario();
        for (Scenario other : List.of(ScenarioEdits.withUpdateGateBias(s, 3), ScenarioEdits.withSpectralRadius(s, 0.5),
                ScenarioEdits.withGruVariant(s, org.unrolled.engine.GruVariant.CHO),
                ScenarioEdits.reinitialised(s, InitSpec.withDefaultScale(2)))) {
            ScenarioDocument edited = d.withScenario(other);
            assertNull(edited.training(), "the record described other weights");
            assertEquals(d.lesson(), edited.lesson());
            assertEquals(d.vocabulary(), edited.vocabulary());
        }
    }

    @Test
    void aNewMappingDropsTheExamplesAndTheLessonButKeepsWordsThatStillFit() {
        ScenarioDocument d = Samples.load("translation.json"); // seq2seq, 15 words in and out, 5 examples, 3 beats
        ScenarioDocument m2m = d.withScenario(ScenarioEdits.withMapping(d.scenario(), Mapping.MANY_TO_MANY, null,
                InitSpec.withDefaultScale(1)));
        assertTrue(m2m.examples().isEmpty() && m2m.heldOut().isEmpty() && m2m.lesson().isEmpty());
        assertEquals(d.vocabulary(), m2m.vocabulary(), "the sizes are the same: the words still label them");
        assertEquals(1, m2m.trainingSet().size(), "without examples it trains on its own sequence");
    }

    @Test
    void aFeedbackChangeThatKeepsTheSizesKeepsTheExamples() {
        ScenarioDocument d = Samples.load("translation.json");
        ScenarioDocument free = d.withScenario(ScenarioEdits.withFeedback(d.scenario(), Feedback.FREE_RUNNING));
        assertEquals(d.examples().size(), free.examples().size());
        assertEquals(Feedback.FREE_RUNNING, free.trainingSet().get(0).feedback(), "the examples run as it now runs");
    }

    @Test
    void theDocumentRefusesWordsAndBeatsThatDoNotFit() {
        ScenarioDocument d = Samples.load("translation.json");
        assertThrows(IllegalArgumentException.class, () -> d.withVocabulary(new Vocabulary(List.of("one"), null)));
        assertThrows(IllegalArgumentException.class,
                () -> d.withLesson(List.of(new Beat(d.scenario().columns() + 1, false, "past the end", List.of()))));
        assertThrows(IllegalArgumentException.class, () -> d.withBeat(0, new Beat(0, true, "no backward step 0",
                List.of())));
    }
}
