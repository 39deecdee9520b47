package org.unrolled.app;

import java.util.HashMap;
import java.util.Map;
import org.unrolled.document.Beat;
import org.unrolled.document.Checks;
import org.unrolled.document.DocumentTrace;
import org.unrolled.document.Questions;

/**
 * A lesson's answers and claims on one trace: each question's answer and each beat's checks, worked
 * out together on a worker thread ({@link LessonFactsWorker}), since some of them run the engine again
 * (a question about ρ, a race, a check that reads another sample or zeroes a state). The JavaFX thread
 * only reads them.
 *
 * @param trace    the numbers they were worked out on
 * @param answers  per beat with a question, its answer
 * @param outcomes per beat with checks, whether they all hold and the numbers that decide it
 */
record LessonFacts(DocumentTrace shown, Map<Beat, Questions.Answer> answers, Map<Beat, Checks.Outcome> outcomes) {

    LessonFacts {
        answers = Map.copyOf(answers);
        outcomes = Map.copyOf(outcomes);
    }

    /** Works out every question and check of {@code trace}'s lesson, finding other samples through {@code samples}. */
    static LessonFacts of(DocumentTrace trace, Checks.Samples samples) {
        org.unrolled.document.LessonVerdicts v = org.unrolled.document.LessonVerdicts.of(trace, samples);
        return new LessonFacts(trace, v.answers(), v.outcomes());
    }

    /** Facts that say why none could be worked out (a bug: Questions and Checks answer bad numbers themselves). */
    static LessonFacts failed(DocumentTrace trace, String why) {
        Map<Beat, Questions.Answer> answers = new HashMap<>();
        Map<Beat, Checks.Outcome> outcomes = new HashMap<>();
        for (Beat b : trace.lesson()) {
            if (b.question() != null) {
                answers.put(b, Questions.unanswered(b.question(), "The answer " + why + "."));
            }
            if (!b.checks().isEmpty()) {
                outcomes.put(b, new Checks.Outcome(false, "the checks " + why));
            }
        }
        return new LessonFacts(trace, answers, outcomes);
    }

    /**
     * Whether these facts are those of {@code d} (the document on screen may be newer): the same numbers
     * and the same lesson (a beat added keeps the trace but asks anew).
     */
    boolean isFor(Document d) {
        return d != null && shown.trace() == d.trace() && shown.document() == d.content();
    }
}
