package org.unrolled.app;

import java.util.List;
import javafx.animation.Interpolator;
import javafx.animation.KeyFrame;
import javafx.animation.KeyValue;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.util.Duration;
import org.unrolled.document.Beat;
import org.unrolled.view.Phase;
import org.unrolled.view.StepSchedule;

/**
 * Walks the open scenario's lesson beat by beat, like slides: {@link #next()} glides the playback to
 * the next beat's place on the timeline. The beat whose place is the current position is
 * {@link #activeBeatProperty() active}: its caption is shown and what it names is highlighted; scrub
 * away and it is not active any more (but PageDown still goes on from the last one chosen).
 */
public final class Lesson {
    private final AppModel model;
    private final WindowState state;
    private final LessonCaptions captions;
    private final LessonAnswers answers;
    private final Duration glide;
    private final ReadOnlyIntegerWrapper index = new ReadOnlyIntegerWrapper(this, "index", -1);
    private final ReadOnlyObjectWrapper<Beat> activeBeat = new ReadOnlyObjectWrapper<>(this, "activeBeat");
    private javafx.animation.Timeline running;

    /** {@code glide}: how long the move to a beat takes (zero in tests); the lesson owns {@code state}'s highlight. */
    public Lesson(AppModel model, WindowState state, Duration glide) {
        this(model, state, glide, t -> LessonFacts.of(t, org.unrolled.io.SampleTraces.BUILT_IN));
    }

    /** {@code facts} works out a trace's answers and checks on the lessons' worker (tests slow it down). */
    Lesson(AppModel model, WindowState state, Duration glide,
            java.util.function.Function<org.unrolled.document.DocumentTrace, LessonFacts> facts) {
        this.model = model;
        this.state = state;
        LessonFactsWorker worker = new LessonFactsWorker(model, Background.lessonWorker(), facts);
        this.captions = new LessonCaptions(model, worker);
        this.answers = new LessonAnswers(model, worker);
        this.glide = glide;
        // a document opened (even the same one again) starts the lesson afresh
        model.openedProperty().addListener(o -> {
            captions.opened(model.document());
            stopGlide();
            asking.set(null);
            index.set(-1);
            update();
        });
        // an edit keeps the place in the lesson, as far as the lesson still reaches
        model.documentProperty().addListener((o, was, is) -> {
            if (asking.get() != null && !beats().contains(asking.get())) {
                asking.set(null); // an edit removed the question (a change of mapping drops the lesson)
            }
            stopGlide();
            index.set(Math.min(index.get(), beats().size() - 1));
            update();
        });
        // the user's own step, play or scrub wins over a glide still under way, and leaves a question
        model.playback().commandsProperty().addListener(o -> {
            stopGlide();
            asking.set(null);
        });
        model.playback().positionProperty().addListener(o -> update());
        activeBeat.addListener(o -> showHighlight());
        asking.addListener(o -> showHighlight());
        revealed.addListener(o -> showHighlight());
    }

    public List<Beat> beats() {
        Document d = model.document();
        return d == null ? List.of() : d.content().lesson();
    }

    /**
     * Goes to the next beat; false (and nothing happens) after the last one or without a lesson. A beat
     * with a question is asked first (one step before it, its answer not computed yet on screen): the
     * next call reveals it, and only the one after that moves on.
     */
    public boolean next() {
        if (asking.get() != null && !revealed.get()) {
            reveal();
            return true;
        }
        if (index.get() + 1 >= beats().size()) {
            asking.set(null);
            return false;
        }
        goTo(index.get() + 1);
        return true;
    }

    /**
     * Goes to the previous beat, or back to the beat last chosen if the timeline has been moved off it;
     * false before the first one.
     */
    public boolean previous() {
        boolean wasAsking = asking.get() != null;
        asking.set(null);
        int k = index.get();
        if (wasAsking) {
            if (k <= 0) {
                return false;
            }
            goBackTo(k - 1); // back from a question: to the beat before it, not the question again
            return true;
        }
        if (k < 0 || beats().isEmpty()) {
            return false;
        }
        if (activeBeat.get() == null && k < beats().size()) {
            goBackTo(k); // moved away from it (scrubbed, or stepped past the last beat): back to it first
            return true;
        }
        if (k == 0) {
            return false;
        }
        goBackTo(k - 1);
        return true;
    }

    /** Going back, a question beat is shown answered: it was asked on the way forward. */
    private void goBackTo(int k) {
        Beat beat = beats().get(k);
        if (beat.question() == null) {
            goTo(k);
            return;
        }
        goTo(k);
        reveal();
    }

    /** Rings what the active beat names; while a question is asked, blanks what is not computed yet instead. */
    private void showHighlight() {
        Beat is = activeBeat.get();
        boolean hide = asking.get() != null && !revealed.get();
        state.setHighlight(hide || is == null ? java.util.Set.of() : java.util.Set.copyOf(is.highlight()), hide);
    }

    /** Shows the asked question's answer: glides to its beat, computing the hidden step on screen. */
    public void reveal() {
        Beat b = asking.get();
        if (b == null || revealed.get()) {
            return;
        }
        revealed.set(true);
        glideTo(positionOf(b));
    }

    /** Where a question beat is asked: one step before the beat, so its answer is not on screen yet. */
    public double askPositionOf(Beat beat) {
        return Math.max(0, positionOf(beat) - 1);
    }

    /** Marks choice {@code k} (0-based) as the room's or the student's guess. */
    public void guess(int k) {
        Beat b = asking.get();
        if (b != null && !revealed.get() && k >= 0 && k < answer().choices().size()) {
            guess.set(k);
        }
    }

    /** Adds one to the show of hands for choice {@code k}. */
    public void countHand(int k) {
        if (asking.get() != null && k >= 0 && k < tally.length) {
            tally[k].set(tally[k].get() + 1);
        }
    }

    /** The asked question's answer on the current numbers (from the worker if it runs the engine: {@link LessonAnswers}). */
    public org.unrolled.document.Questions.Answer answer() {
        return answers.answer(asking.get());
    }

    /** Whether {@link #answer()} is the answer for the numbers on screen, not a placeholder while it is worked out. */
    public boolean answerReady() {
        return answers.ready(asking.get());
    }

    /** The question beat on screen (asked, or revealed), or null. */
    public ReadOnlyObjectProperty<Beat> askingProperty() {
        return asking.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty revealedProperty() {
        return revealed.getReadOnlyProperty();
    }

    /** The guess marked with keys 1–4 / A–D, −1 for none. */
    public IntegerProperty guessProperty() {
        return guess;
    }

    /** The show of hands per choice, typed or counted before the reveal. */
    public IntegerProperty tallyProperty(int k) {
        return tally[k];
    }

    private final ReadOnlyObjectWrapper<Beat> asking = new ReadOnlyObjectWrapper<>(this, "asking");
    private final ReadOnlyBooleanWrapper revealed = new ReadOnlyBooleanWrapper(this, "revealed");
    private final IntegerProperty guess = new SimpleIntegerProperty(-1);
    private final IntegerProperty[] tally = {new SimpleIntegerProperty(), new SimpleIntegerProperty(),
        new SimpleIntegerProperty(), new SimpleIntegerProperty()};

    private void stopGlide() {
        if (running != null) {
            running.stop();
            running = null;
        }
    }

    /** Glides to beat {@code k} (0-based); a question beat is asked, one step before it. */
    public void goTo(int k) {
        Beat beat = beats().get(k);
        index.set(k);
        guess.set(-1);
        for (IntegerProperty t : tally) {
            t.set(0);
        }
        revealed.set(false);
        asking.set(beat.question() != null ? beat : null);
        glideTo(beat.question() != null ? askPositionOf(beat) : positionOf(beat));
        update();
    }

    private void glideTo(double target) {
        Playback p = model.playback();
        p.playingProperty().set(false);
        if (target < p.minProperty().get() || target > p.maxProperty().get()) {
            p.phaseProperty().set(Phase.BOTH);
        }
        stopGlide();
        if (glide.lessThanOrEqualTo(Duration.ZERO)) {
            p.positionProperty().set(target);
        } else {
            running = new javafx.animation.Timeline(new KeyFrame(glide,
                    new KeyValue(p.positionProperty(), target, Interpolator.EASE_BOTH)));
            running.setOnFinished(e -> update());
            running.play();
        }
        update();
    }

    /** Where a beat sits on the current document's timeline (a step a what-if edit removed: the last one). */
    public double positionOf(Beat beat) {
        return new StepSchedule(model.document().trace()).positionOf(beat);
    }

    private void update() {
        Document d = model.document();
        if (d == null || beats().isEmpty()) {
            activeBeat.set(null);
            return;
        }
        if (asking.get() != null && !revealed.get()) {
            activeBeat.set(null); // the question is asked: its beat is not shown yet
            return;
        }
        double p = model.playback().positionProperty().get();
        List<Beat> beats = beats();
        Beat found = null;
        int chosen = index.get();
        if (chosen >= 0 && chosen < beats.size() && Math.abs(positionOf(beats.get(chosen)) - p) < 1e-6) {
            found = beats.get(chosen);
        } else {
            for (int k = 0; k < beats.size() && found == null; k++) {
                if (Math.abs(positionOf(beats.get(k)) - p) < 1e-6) {
                    found = beats.get(k);
                    if (running == null || running.getStatus() != javafx.animation.Animation.Status.RUNNING) {
                        index.set(k);
                    }
                }
            }
        }
        activeBeat.set(found);
    }

    /** Whether the beats' words still fit the numbers on screen, and the captions that say so. */
    LessonCaptions captions() {
        return captions;
    }

    /** The beat last chosen (0-based), −1 before the first. */
    public ReadOnlyIntegerProperty indexProperty() {
        return index.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Beat> activeBeatProperty() {
        return activeBeat.getReadOnlyProperty();
    }
}
