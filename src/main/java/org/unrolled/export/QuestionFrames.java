package org.unrolled.export;

import java.util.List;
import org.unrolled.document.Beat;
import org.unrolled.document.DocumentTrace;
import org.unrolled.document.Questions;
import org.unrolled.view.StepSchedule;

/**
 * What {@code frames.json} says about a lesson's questions in the network layout: a frame at a
 * question's place (one step before its beat, where the window asks it) names the question, its choices
 * and its answer computed from the trace; the frame at the beat itself is its reveal.
 */
final class QuestionFrames {
    private QuestionFrames() {
    }

    /** The question asked at {@code position}, or null. */
    static FramesManifest.Question asked(DocumentTrace trace, StepSchedule timeline, double position) {
        List<Beat> lesson = trace.lesson();
        for (int k = 0; k < lesson.size(); k++) {
            Beat b = lesson.get(k);
            if (b.question() != null && Math.abs(Stills.askPositionOf(timeline, b) - position) < 1e-6) {
                Questions.Answer a = Questions.answer(b.question(), trace, org.unrolled.io.SampleTraces.BUILT_IN);
                return FramesManifest.Question.of(new Stills.Ask(k + 1, b.question().prompt(), a, false));
            }
        }
        return null;
    }

    /** The beat (from 1) whose question is revealed at {@code position}, or null. */
    static Integer revealed(DocumentTrace trace, StepSchedule timeline, double position) {
        List<Beat> lesson = trace.lesson();
        for (int k = 0; k < lesson.size(); k++) {
            Beat b = lesson.get(k);
            if (b.question() != null && Math.abs(timeline.positionOf(b) - position) < 1e-6) {
                return k + 1;
            }
        }
        return null;
    }
}
