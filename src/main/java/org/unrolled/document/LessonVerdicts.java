package org.unrolled.document;

import java.util.HashMap;
import java.util.Map;

/**
 * A lesson's verdicts on one trace: each question's answer and whether each beat's checks hold, worked out
 * once for whoever shows them (the window's lesson, a handout, the command line's warnings). Some of them run
 * the engine again (a question about ρ, a race, a check that reads another sample or zeroes a state).
 *
 * @param answers  per beat with a question, its answer
 * @param outcomes per beat with checks, whether they all hold and the numbers that decide it
 */
public record LessonVerdicts(Map<Beat, Questions.Answer> answers, Map<Beat, Checks.Outcome> outcomes) {

    public LessonVerdicts {
        answers = Map.copyOf(answers);
        outcomes = Map.copyOf(outcomes);
    }

    /** Works out every question and check of {@code trace}'s lesson, finding other samples through {@code samples}. */
    public static LessonVerdicts of(DocumentTrace trace, Checks.Samples samples) {
        Map<Beat, Questions.Answer> answers = new HashMap<>();
        Map<Beat, Checks.Outcome> outcomes = new HashMap<>();
        for (Beat b : trace.lesson()) {
            if (b.question() != null) {
                answers.put(b, Questions.answer(b.question(), trace, samples));
            }
            if (!b.checks().isEmpty()) {
                outcomes.put(b, Checks.evaluateAll(b.checks(), trace, samples));
            }
        }
        return new LessonVerdicts(answers, outcomes);
    }
}
