package org.unrolled.app;

import javafx.beans.value.ObservableValue;
import org.unrolled.engine.Beat;
import org.unrolled.engine.Questions;
import org.unrolled.engine.Trace;

/**
 * A question beat's answer on the numbers on screen: one that only reads the trace is worked out here
 * (and kept while the trace stays); one that runs the engine (ρ, a race, a choice's ablation) comes
 * from the lessons' worker, and until it arrives its choices are shown with none marked.
 */
final class LessonAnswers {
    /** What a question that runs the engine says while the worker works out its answer. */
    static final String WORKING = "Working out the answer for these numbers…";

    private final AppModel model;
    private final ObservableValue<LessonFacts> facts;
    private Beat answeredBeat;
    private Trace answeredTrace;
    private Questions.Answer answered;

    LessonAnswers(AppModel model, ObservableValue<LessonFacts> facts) {
        this.model = model;
        this.facts = facts;
    }

    /** The answer to {@code b}'s question on the current numbers, or null without a question or a document. */
    Questions.Answer answerOf(Beat b) {
        Document d = model.document();
        if (b == null || d == null) {
            return null;
        }
        LessonFacts f = facts.getValue();
        if (f != null && f.isFor(d.trace()) && f.answers().containsKey(b)) {
            return f.answers().get(b);
        }
        if (Questions.runsEngine(b.question())) {
            return Questions.unanswered(b.question(), WORKING);
        }
        if (b != answeredBeat || d.trace() != answeredTrace) {
            answered = Questions.answer(b.question(), d.trace()); // reads the trace only
            answeredBeat = b;
            answeredTrace = d.trace();
        }
        return answered;
    }

    /** Whether {@link #answerOf} is the answer for the numbers on screen, not a placeholder. */
    boolean ready(Beat b) {
        Document d = model.document();
        if (b == null || d == null) {
            return false;
        }
        LessonFacts f = facts.getValue();
        return f != null && f.isFor(d.trace()) && f.answers().containsKey(b) || !Questions.runsEngine(b.question());
    }
}
