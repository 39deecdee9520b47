package org.unrolled.export;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.unrolled.document.Beat;
import org.unrolled.document.DocumentTrace;
import org.unrolled.document.Highlight;
import org.unrolled.engine.Trace;
import org.unrolled.view.Captions;
import org.unrolled.view.Phase;
import org.unrolled.view.StepSchedule;

/**
 * The still pictures of a deck or a whole-lesson PDF: one per lesson beat (at the beat's place, ringing
 * what it names, with its caption), or, for a scenario without a lesson, one at the end of each step of
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
     */
    public record Still(double position, String title, String caption, Set<Highlight> highlight, List<String> generated) {
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
            for (Beat b : lesson) {
                int step = Math.min(b.step(), n);
                if ((b.backward() ? backward : forward) && step >= from && step <= to) {
                    double p = positionOf(t, b);
                    out.add(new Still(p, title(t, step, b.backward()), b.caption(), Set.copyOf(b.highlight()),
                            Captions.at(trace, p)));
                }
            }
            return out;
        }
        if (forward) {
            for (int g = from; g <= to; g++) {
                out.add(new Still(g, title(t, g, false), "", Set.of(), Captions.at(trace, g)));
            }
        }
        if (backward) {
            for (int g = to; g >= Math.max(1, from); g--) {
                double p = t.backwardPositionOf(g);
                out.add(new Still(p, title(t, g, true), "", Set.of(), Captions.at(trace, p)));
            }
        }
        return out;
    }

    /** Where a beat sits on the timeline, as the window's lesson places it (a step beyond the end: the last). */
    public static double positionOf(StepSchedule t, Beat beat) {
        int step = Math.min(beat.step(), t.length());
        return beat.backward() ? t.backwardPositionOf(Math.max(1, step)) : step;
    }

    private static String title(StepSchedule t, int g, boolean backward) {
        if (g == 0) {
            return "the initial state";
        }
        String side = t.encoderLength() == 0 ? "" : t.isEncoder(g) ? "encoder " : "decoder ";
        return side + "t = " + t.localStep(g) + (backward ? ", backward" : ", forward");
    }
}
