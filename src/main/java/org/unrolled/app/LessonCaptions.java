package org.unrolled.app;

import org.unrolled.document.Beat;

/**
 * Whether a lesson's words still fit the numbers on screen: its beats were written for the scenario as
 * opened; after a what-if change a beat whose claims carry checks is re-checked, and one without
 * says that it was written for the sample before the changes.
 */
final class LessonCaptions {
    private final AppModel model;
    private final LessonFactsWorker facts;
    /** The scenario as opened, or as last written on (a lesson edit keeps the scenario: identity tells). */
    private final java.util.Set<org.unrolled.engine.Scenario> asOpened =
            java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());

    LessonCaptions(AppModel model, LessonFactsWorker facts) {
        this.model = model;
        this.facts = facts;
    }

    /** The newest answers and checks the worker has published (a view listens to redraw when they arrive). */
    javafx.beans.property.ReadOnlyObjectProperty<LessonFacts> factsProperty() {
        return facts.factsProperty();
    }

    /** A document was opened: its scenario is the one the lesson speaks of. */
    void opened(Document d) {
        asOpened.clear();
        if (d != null) {
            asOpened.add(d.scenario());
        }
    }

    /**
     * Whether the scenario on screen is the one the lesson was opened with: after a what-if change the
     * beats' words may no longer fit the numbers (undoing back to it makes it so again).
     */
    boolean onOriginal() {
        Document d = model.document();
        return d != null && (asOpened.isEmpty() || asOpened.contains(d.scenario()));
    }

    /**
     * The lesson of the document with {@code numbers} was edited (a beat added or removed). A beat
     * written on numbers changed since opening speaks of those numbers: they become the reference.
     */
    void lessonEdited(org.unrolled.engine.Scenario numbers) {
        if (!asOpened.contains(numbers)) {
            asOpened.clear();
            asOpened.add(numbers);
        }
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
    String captionOf(Beat beat) {
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
        } else if (f != null && f.isFor(d) && f.outcomes().containsKey(beat)) {
            caption = checked(beat, f.outcomes().get(beat));
        } else if (beat.checks().stream().anyMatch(org.unrolled.document.Checks::runsEngine)) {
            return "(Checking these numbers…) " + beat.caption(); // the worker re-runs what it needs; not kept
        } else {
            // reads the trace only
            caption = checked(beat, org.unrolled.document.Checks.evaluateAll(beat.checks(), d.shown()));
        }
        shownBeat = beat;
        shownTrace = d.trace();
        shownCaption = caption;
        return caption;
    }

    private static String checked(Beat beat, org.unrolled.document.Checks.Outcome o) {
        return o.holds() ? beat.caption() + " (Checked: still true for these numbers.)"
                : "(No longer true for these numbers: " + o.detail() + ".) " + beat.caption();
    }
}
