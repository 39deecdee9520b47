package org.unrolled.app;

import java.util.ArrayList;
import java.util.List;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import org.unrolled.document.Beat;
import org.unrolled.document.Questions;

/**
 * View ▸ Quiz me: a student alone walks the open sample's questions in the window, one after another
 * (each asked as in class, one step before its beat), marks a choice with 1–4 / A–D or a click, and
 * Page Down checks it and then goes on. At the end: the score, and each missed question to go back
 * to. The answers stay in this object: nothing is written or sent anywhere.
 */
final class Quiz {
    /** One answered question: which beat, what was picked (−1: nothing), what was right. */
    record Result(int beat, Beat question, int picked, int correct, String explanation) {
        boolean right() {
            return picked >= 0 && picked == correct;
        }
    }

    private final Lesson lesson;
    private final List<Integer> beats = new ArrayList<>();
    private final List<Result> results = new ArrayList<>();
    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper(this, "running");
    private int at = -1;

    Quiz(Lesson lesson) {
        this.lesson = lesson;
    }

    /** Starts over on the open sample's questions; false when it has none. */
    boolean start() {
        beats.clear();
        results.clear();
        List<Beat> all = lesson.beats();
        for (int k = 0; k < all.size(); k++) {
            if (all.get(k).question() != null) {
                beats.add(k);
            }
        }
        at = -1;
        running.set(!beats.isEmpty());
        if (beats.isEmpty()) {
            return false;
        }
        advance();
        return true;
    }

    /**
     * Page Down during a quiz: checks the question on screen (records the pick and reveals), or goes
     * to the next question; false when the quiz has just ended (the score is in {@link #results()}).
     */
    boolean next() {
        if (!running.get()) {
            return false;
        }
        if (lesson.askingProperty().get() != null && !lesson.revealedProperty().get()) {
            if (!lesson.answerReady()) {
                return true; // the worker is still working out the answer (shown on the panel): check it then
            }
            Questions.Answer a = lesson.answer();
            int beat = beats.get(at);
            results.add(new Result(beat, lesson.beats().get(beat), lesson.guessProperty().get(), a.correct(),
                    a.explanation()));
            lesson.reveal();
            return true;
        }
        return advance();
    }

    private boolean advance() {
        at++;
        if (at >= beats.size()) {
            running.set(false);
            return false;
        }
        lesson.goTo(beats.get(at));
        return true;
    }

    /** Leaves the quiz (another file opened, Esc). */
    void stop() {
        running.set(false);
    }

    /** Goes back to a missed question's beat, revealed, to read it again. */
    void review(Result r) {
        lesson.goTo(r.beat());
        lesson.reveal();
    }

    List<Result> results() {
        return List.copyOf(results);
    }

    int score() {
        return (int) results.stream().filter(Result::right).count();
    }

    ReadOnlyBooleanProperty runningProperty() {
        return running.getReadOnlyProperty();
    }
}
