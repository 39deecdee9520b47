package org.unrolled.app;

import java.util.List;
import javafx.animation.Interpolator;
import javafx.animation.KeyFrame;
import javafx.animation.KeyValue;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.util.Duration;
import org.unrolled.engine.Beat;
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
    private final Duration glide;
    private final ReadOnlyIntegerWrapper index = new ReadOnlyIntegerWrapper(this, "index", -1);
    private final ReadOnlyObjectWrapper<Beat> activeBeat = new ReadOnlyObjectWrapper<>(this, "activeBeat");
    private javafx.animation.Timeline running;
    /** The scenario as opened, and its versions that differ from it only in their lesson (by identity). */
    private final java.util.Set<org.unrolled.engine.Scenario> asOpened =
            java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());

    /** The answers and checks that run the engine, worked out on the model's worker. */
    private final LessonFactsWorker facts;

    /** {@code glide}: how long the move to a beat takes (zero in tests). */
    public Lesson(AppModel model, Duration glide) {
        this(model, glide, t -> LessonFacts.of(t, org.unrolled.io.SampleTraces.BUILT_IN));
    }

    /** {@code facts} works out a trace's answers and checks on the model's worker (tests slow it down). */
    Lesson(AppModel model, Duration glide, java.util.function.Function<org.unrolled.engine.Trace, LessonFacts> facts) {
        this.model = model;
        this.glide = glide;
        this.facts = new LessonFactsWorker(model, model.background(), facts);
        // a document opened (even the same one again) starts the lesson afresh
        model.openedProperty().addListener(o -> {
            asOpened.clear();
            if (model.document() != null) {
                asOpened.add(model.document().scenario());
            }
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
        return d == null ? List.of() : d.scenario().lesson();
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
        java.util.Set<org.unrolled.engine.Highlight> rings = hide || is == null ? java.util.Set.of()
                : java.util.Set.copyOf(is.highlight());
        org.unrolled.view.ViewSettings view = model.viewProperty().get();
        if (!rings.equals(view.highlight()) || hide != view.hideUncomputed()) {
            model.viewProperty().set(view.withHighlight(rings).withHideUncomputed(hide));
        }
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

    /**
     * The asked question's answer on the current numbers (recomputed after a what-if change). One that
     * runs the engine (ρ, a race, a choice's ablation) comes from the worker: until it arrives, the
     * choices with none marked ({@link #answerReady()} false).
     */
    public org.unrolled.engine.Questions.Answer answer() {
        Beat b = asking.get();
        Document d = model.document();
        if (b == null || d == null) {
            return null;
        }
        LessonFacts f = facts.factsProperty().get();
        if (f != null && f.isFor(d.trace()) && f.answers().containsKey(b)) {
            return f.answers().get(b);
        }
        if (org.unrolled.engine.Questions.runsEngine(b.question())) {
            return org.unrolled.engine.Questions.unanswered(b.question(), WORKING);
        }
        if (b != answeredBeat || d.trace() != answeredTrace) {
            answered = org.unrolled.engine.Questions.answer(b.question(), d.trace()); // reads the trace only
            answeredBeat = b;
            answeredTrace = d.trace();
        }
        return answered;
    }

    /** What a question that runs the engine says while the worker works out its answer. */
    static final String WORKING = "Working out the answer for these numbers…";

    /** Whether {@link #answer()} is the answer for the numbers on screen, not a placeholder while it is worked out. */
    public boolean answerReady() {
        Beat b = asking.get();
        Document d = model.document();
        if (b == null || d == null) {
            return false;
        }
        LessonFacts f = facts.factsProperty().get();
        return f != null && f.isFor(d.trace()) && f.answers().containsKey(b)
                || !org.unrolled.engine.Questions.runsEngine(b.question());
    }

    /** The newest answers and checks the worker has published (a view listens to redraw when they arrive). */
    public ReadOnlyObjectProperty<LessonFacts> factsProperty() {
        return facts.factsProperty();
    }

    private Beat answeredBeat;
    private org.unrolled.engine.Trace answeredTrace;
    private org.unrolled.engine.Questions.Answer answered;

    /** The question beat on screen (asked, or revealed), or null. */
    public ReadOnlyObjectProperty<Beat> askingProperty() {
        return asking.getReadOnlyProperty();
    }

    public javafx.beans.property.ReadOnlyBooleanProperty revealedProperty() {
        return revealed.getReadOnlyProperty();
    }

    /** The guess marked with keys 1–4 / A–D, −1 for none. */
    public javafx.beans.property.IntegerProperty guessProperty() {
        return guess;
    }

    /** The show of hands per choice, typed or counted before the reveal. */
    public javafx.beans.property.IntegerProperty tallyProperty(int k) {
        return tally[k];
    }

    private final ReadOnlyObjectWrapper<Beat> asking = new ReadOnlyObjectWrapper<>(this, "asking");
    private final javafx.beans.property.ReadOnlyBooleanWrapper revealed =
            new javafx.beans.property.ReadOnlyBooleanWrapper(this, "revealed");
    private final javafx.beans.property.IntegerProperty guess = new javafx.beans.property.SimpleIntegerProperty(-1);
    private final javafx.beans.property.IntegerProperty[] tally = {new javafx.beans.property.SimpleIntegerProperty(),
            new javafx.beans.property.SimpleIntegerProperty(), new javafx.beans.property.SimpleIntegerProperty(),
            new javafx.beans.property.SimpleIntegerProperty()};

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
        for (javafx.beans.property.IntegerProperty t : tally) {
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

    /**
     * Whether the scenario on screen is the one the lesson was opened with: after a what-if change the
     * beats' words may no longer fit the numbers (undoing back to it makes it so again).
     */
    public boolean onOriginal() {
        Document d = model.document();
        return d != null && (asOpened.isEmpty() || asOpened.contains(d.scenario()));
    }

    /**
     * {@code after} is {@code before} with only its lesson changed (a beat added or removed). A beat
     * written on numbers changed since opening speaks of those numbers: they become the reference.
     */
    public void lessonEdited(org.unrolled.engine.Scenario before, org.unrolled.engine.Scenario after) {
        if (!asOpened.contains(before)) {
            asOpened.clear();
            asOpened.add(before);
        }
        asOpened.add(after);
    }

    /** The last beat's caption as shown, kept so scrubbing does not re-run its ablations. */
    private Beat shownBeat;
    private org.unrolled.engine.Trace shownTrace;
    private String shownCaption;

    /**
     * The caption of {@code beat} as the window shows it on the current numbers: as written on the
     * sample it was written for; after a what-if change, a beat whose claims carry checks is re-checked
     * ("No longer true for these numbers: …" when one fails), and a beat without checks says that it was
     * written for the sample before the changes.
     */
    public String captionOf(Beat beat) {
        Document d = model.document();
        if (d == null || onOriginal()) {
            return beat.caption();
        }
        if (beat == shownBeat && d.trace() == shownTrace) {
            return shownCaption;
        }
        String caption;
        LessonFacts f = facts.factsProperty().get();
        if (beat.checks().isEmpty()) {
            caption = "(Written for the sample before your changes.) " + beat.caption();
        } else if (f != null && f.isFor(d.trace()) && f.outcomes().containsKey(beat)) {
            caption = checked(beat, f.outcomes().get(beat));
        } else if (beat.checks().stream().anyMatch(org.unrolled.engine.Checks::runsEngine)) {
            return "(Checking these numbers…) " + beat.caption(); // the worker re-runs what it needs; not kept
        } else {
            caption = checked(beat, org.unrolled.engine.Checks.evaluateAll(beat.checks(), d.trace())); // reads the trace only
        }
        shownBeat = beat;
        shownTrace = d.trace();
        shownCaption = caption;
        return caption;
    }

    private static String checked(Beat beat, org.unrolled.engine.Checks.Outcome o) {
        return o.holds() ? beat.caption() + " (Checked: still true for these numbers.)"
                : "(No longer true for these numbers: " + o.detail() + ".) " + beat.caption();
    }

    /** The beat last chosen (0-based), −1 before the first. */
    public ReadOnlyIntegerProperty indexProperty() {
        return index.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Beat> activeBeatProperty() {
        return activeBeat.getReadOnlyProperty();
    }
}
