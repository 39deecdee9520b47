package org.unrolled.export;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.unrolled.document.Beat;
import org.unrolled.document.DocumentTrace;
import org.unrolled.document.Highlight;
import org.unrolled.document.Questions;
import org.unrolled.engine.Trace;
import org.unrolled.view.Captions;
import org.unrolled.view.Phase;
import org.unrolled.view.StepSchedule;
import org.unrolled.view.ViewSettings;

/**
 * The still pictures of a deck or a whole-lesson PDF: one per lesson beat (at the beat's place, ringing
 * what it names, with its caption), two for a beat with a question (asked one step before the beat with
 * the values not yet computed left blank, then revealed at the beat), or, for a scenario without a lesson, one at the end of each step of
 * each pass asked for. {@code --phase} and {@code --steps} choose among them as they choose frames.
 */
public final class Stills {
    /**
     * One still.
     *
     * @param position  place on the timeline
     * @param title     short name, e.g. "t = 27, backward"
     * @param caption   the beat's caption ("" without a lesson)
     * @param highlight what the beat rings
     * @param generated the captions the window generates from the numbers at this place
     * @param ask       the lesson's question on this still, asked or revealed; null for none
     */
    public record Still(double position, String title, String caption, Set<Highlight> highlight, List<String> generated,
            Ask ask) {
        /** A still without a question. */
        public Still(double position, String title, String caption, Set<Highlight> highlight, List<String> generated) {
            this(position, title, caption, highlight, generated, null);
        }

        /** A question asked and not yet revealed: the values not computed yet are left blank, not faded. */
        public boolean hidesUncomputed() {
            return ask != null && !ask.revealed();
        }
    }

    /**
     * A lesson question as a still shows it: asked (the answer hidden), or revealed (the right choice marked
     * and the line of numbers that decides it).
     *
     * @param beat     the question's beat, from 1
     * @param prompt   what is asked
     * @param answer   its choices and answer, computed from the trace
     * @param revealed whether the answer is shown
     */
    public record Ask(int beat, String prompt, Questions.Answer answer, boolean revealed) {
        /** The explanation line of the reveal: "Answer B: …" (no letter when no choice holds). */
        public String explanation() {
            return (answer.decided() ? "Answer " + Questions.Answer.letter(answer.correct()) + ": " : "")
                    + answer.explanation();
        }
    }

    private Stills() {
    }

    /** The stills of {@code trace} for the options' phase and step range. */
    public static List<Still> of(DocumentTrace shown, ExportOptions o) {
        Trace trace = shown.trace();
        StepSchedule t = new StepSchedule(trace);
        int n = t.length();
        int from = o.fromStep() == 0 ? (o.phase() == Phase.BACKWARD ? 1 : 0) : Math.min(o.fromStep(), n);
        int to = o.toStep() == 0 ? n : Math.min(o.toStep(), n);
        boolean forward = o.phase() != Phase.BACKWARD;
        boolean backward = o.phase() != Phase.FORWARD;
        List<Still> out = new ArrayList<>();
        List<Beat> lesson = shown.lesson();
        if (lesson != null && !lesson.isEmpty()) {
            for (int k = 0; k < lesson.size(); k++) {
                Beat b = lesson.get(k);
                int step = Math.min(b.step(), n);
                if ((b.backward() ? backward : forward) && step >= from && step <= to) {
                    double p = positionOf(t, b);
                    String title = title(t, step, b.backward());
                    if (b.question() == null) {
                        out.add(new Still(p, title, b.caption(), Set.copyOf(b.highlight()), Captions.at(trace, p)));
                        continue;
                    }
                    // as in class: asked one step before its beat (the answer not computed on screen), then revealed
                    Questions.Answer a = Questions.answer(b.question(), shown, org.unrolled.io.SampleTraces.BUILT_IN);
                    double asked = askPositionOf(t, b);
                    // titled with the step it shows (the one before the beat's), as the picture's step reads
                    out.add(new Still(asked, titleAt(t, asked) + " \u2014 question", "",
                            Set.of(), Captions.at(trace, asked),
                            new Ask(k + 1, b.question().prompt(), a, false)));
                    out.add(new Still(p, title + " \u2014 answer", b.caption(), Set.copyOf(b.highlight()),
                            Captions.at(trace, p), new Ask(k + 1, b.question().prompt(), a, true)));
                }
            }
            return out;
        }
        if (forward) {
            for (int g = from; g <= to; g++) {
                out.add(new Still(g, title(t, g, false), "", Set.of(), Captions.shown(trace, g, false)));
            }
        }
        if (backward) {
            for (int g = to; g >= Math.max(1, from); g--) {
                double p = t.backwardPositionOf(g);
                out.add(new Still(p, title(t, g, true), "", Set.of(), Captions.shown(trace, p, false)));
            }
        }
        return out;
    }

    /** Where a beat sits on the timeline, as the window's lesson places it (a step beyond the end: the last). */
    public static double positionOf(StepSchedule t, Beat beat) {
        int step = Math.min(beat.step(), t.length());
        return beat.backward() ? t.backwardPositionOf(Math.max(1, step)) : step;
    }

    /**
     * The still's text as paragraphs, for the formats that set it beside the picture (the network layout's
     * PDF band, deck and Beamer slides): the beat's caption; or the question and its choices A–D; or, on the
     * reveal, the question, the choices with the right one marked, the explanation and the caption.
     */
    public static List<String> paragraphs(Still s) {
        List<String> out = new ArrayList<>();
        Ask a = s.ask();
        if (a != null) {
            out.add(a.prompt());
            for (int k = 0; k < a.answer().choices().size(); k++) {
                boolean right = a.revealed() && a.answer().correct() == k;
                out.add((right ? "\u2713 " : "") + Questions.Answer.letter(k) + "   " + a.answer().choices().get(k));
            }
            if (a.revealed()) {
                out.add(a.explanation());
            }
        }
        if (!s.caption().isEmpty() && (a == null || a.revealed())) {
            out.add(s.caption());
        }
        return out;
    }

    /** Where a question beat is asked: one step before its place, as the window's lesson asks it. */
    public static double askPositionOf(StepSchedule t, Beat beat) {
        return Math.max(0, positionOf(t, beat) - 1);
    }

    /** The title of a beat's step: "t = 27, backward", "decoder t = 1, forward". */
    public static String titleOf(StepSchedule t, Beat beat) {
        return title(t, Math.min(beat.step(), t.length()), beat.backward());
    }

    /** The title of the step shown at position {@code p}: the one being computed, either way. */
    private static String titleAt(StepSchedule t, double p) {
        return t.inBackward(p) ? title(t, t.backwardCurrent(p), true) : title(t, StepSchedule.current(p), false);
    }

    private static String title(StepSchedule t, int g, boolean backward) {
        if (g == 0) {
            return "the initial state";
        }
        String side = t.encoderLength() == 0 ? "" : t.isEncoder(g) ? "encoder " : "decoder ";
        return side + "t = " + t.localStep(g) + (backward ? ", backward" : ", forward");
    }
}
