package org.unrolled.app;

import org.unrolled.document.Beat;
import org.unrolled.document.Questions;

/**
 * The asked question's answer on the numbers on screen. One that runs the engine (ρ, a race, a
 * choice's ablation) comes from the model's worker ({@link LessonFactsWorker}): until it arrives, the
 * choices with none marked ({@link #ready} false); one that only reads the trace is worked out here.
 */
final class LessonAnswers {
    /** What a question that runs the engine says while the worker works out its answer. */
    static final String WORKING = "Working out the answer for these numbers…";

    private final AppModel model;
    private final LessonFactsWorker facts;
    private Beat answeredBeat;
    private org.unrolled.engine.Trace answeredTrace;
    private Questions.Answer answered;

    LessonAnswers(AppModel model, LessonFactsWorker facts) {
        this.model = model;
        this.facts = facts;
    }

    /** The answer to {@code b}'s question on the current numbers (null without a question or document). */
    Questions.Answer answer(Beat b) {
        Document d = model.document();
        if (b == null || d == null) {
            return null;
        }
        LessonFacts f = facts.factsProperty().get();
        if (f != null && f.isFor(d) && f.answers().containsKey(b)) {
            return f.answers().get(b);
        }
        if (Questions.runsEngine(b.question())) {
            return Questions.unanswered(b.question(), WORKING);
        }
        if (b != answeredBeat || d.trace() != answeredTrace) {
            answered = Questions.answer(b.question(), d.shown()); // reads the trace only
            answeredBeat = b;
            answeredTrace = d.trace();
        }
        return answered;
    }

    /** Whether {@link #answer} is the answer for the numbers on screen, not a placeholder while it is worked out. */
    boolean ready(Beat b) {
        Document d = model.document();
        if (b == null || d == null) {
            return false;
        }
        LessonFacts f = facts.factsProperty().get();
        return f != null && f.isFor(d) && f.answers().containsKey(b) || !Questions.runsEngine(b.question());
    }
}
