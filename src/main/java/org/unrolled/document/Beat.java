package org.unrolled.document;

import java.util.List;

/**
 * One beat of a lesson (a project field, not in the spec): a place on the timeline, what to say there
 * and what to point at. The lecturer walks the beats with PageDown like slides.
 *
 * @param step      the column counted from the left of the unrolled picture, 0 for the initial state
 *                  (seq2seq: the encoder's steps first, then the decoder's)
 * @param backward  true for the backward (BPTT) phase at that step
 * @param caption   what the beat says
 * @param highlight what to ring (see {@link Highlight})
 * @param checks    the claims of the caption in a form evaluated against the trace ({@link Checks})
 * @param question  what the beat asks before it shows its numbers ({@link Questions}), or null
 */
public record Beat(int step, boolean backward, String caption, List<Highlight> highlight, List<Check> checks,
        Question question) {
    public Beat {
        caption = caption == null ? "" : caption;
        highlight = highlight == null ? List.of() : List.copyOf(highlight);
        checks = checks == null ? List.of() : List.copyOf(checks);
    }

    /** A beat without a question. */
    public Beat(int step, boolean backward, String caption, List<Highlight> highlight, List<Check> checks) {
        this(step, backward, caption, highlight, checks, null);
    }

    /** A beat without checks (a lecturer's own, written in the window). */
    public Beat(int step, boolean backward, String caption, List<Highlight> highlight) {
        this(step, backward, caption, highlight, List.of(), null);
    }

    /** The same beat asking {@code q} (null: asking nothing). */
    public Beat withQuestion(Question q) {
        return new Beat(step, backward, caption, highlight, checks, q);
    }

    /** The same beat at another step. */
    public Beat atStep(int newStep) {
        return new Beat(newStep, backward, caption, highlight, checks, question);
    }
}
