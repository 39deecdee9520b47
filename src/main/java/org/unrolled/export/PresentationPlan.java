package org.unrolled.export;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.unrolled.document.Beat;
import org.unrolled.document.Questions;
import org.unrolled.document.DocumentTrace;
import org.unrolled.view.Captions;
import org.unrolled.view.StepSchedule;
import org.unrolled.view.ViewSettings;

/**
 * The frames of an animation in the presentation layout: the animation plays as in the network layout,
 * and stops on each lesson beat for {@link #HOLD_STEPS} steps' time, as a lecturer stops on it in class.
 * A beat with a question stops twice: one step before the beat the question is asked (the answer hidden,
 * the values not yet computed left blank), then the animation plays on to the beat with the answer
 * revealed and stops there on the reveal.
 */
final class PresentationPlan {
    /** How long a beat stays on screen, in steps' time (4 s at one second a step). */
    static final int HOLD_STEPS = 4;

    /** What a frame shows: playing on, a beat held, a question asked, a question revealed. */
    static final int MOVING = 0;
    static final int BEAT = 1;
    static final int ASKED = 2;
    static final int REVEALED = 3;

    private final DocumentTrace trace;
    private final StepSchedule timeline;
    private final List<Beat> lesson;
    private final Questions.Answer[] answers;
    private final double[] positions;
    private final int[] kinds;
    private final long count;

    /**
     * The plan over the network layout's segments {@code [starts[s], ends[s]]}, each played at
     * {@code framesPerStep} frames a step; {@code segmentFrames[s]} frames each. Only counts (no arrays)
     * when there are more than {@code most} frames.
     */
    PresentationPlan(DocumentTrace shown, StepSchedule timeline, double[] starts, double[] ends, long[] segmentFrames,
            int framesPerStep, long most) {
        this.timeline = timeline;
        this.trace = shown;
        this.lesson = shown.lesson();
        this.answers = new Questions.Answer[lesson.size()];
        int hold = HOLD_STEPS * framesPerStep;
        long n = 0;
        double[] keptPositions = null;
        int[] keptKinds = null;
        for (int pass = 0; pass < 2; pass++) {
            // the first pass counts; the second fills the arrays, if they are not too large
            if (pass == 1 && n > most) {
                break;
            }
            double[] pos = pass == 1 ? new double[(int) n] : null;
            int[] kind = pass == 1 ? new int[(int) n] : null;
            long i = 0;
            for (int s = 0; s < starts.length; s++) {
                for (long k = 0; k < segmentFrames[s]; k++) {
                    double p = k == segmentFrames[s] - 1 ? ends[s] : starts[s] + (double) k / framesPerStep;
                    List<Integer> stops = stops(p, starts[s], ends[s]);
                    if (stops.isEmpty()) {
                        if (pos != null) {
                            pos[(int) i] = p;
                            kind[(int) i] = MOVING;
                        }
                        i++;
                        continue;
                    }
                    for (int stop : stops) {
                        for (int f = 0; f < hold; f++, i++) {
                            if (pos != null) {
                                pos[(int) i] = p;
                                kind[(int) i] = stop;
                            }
                        }
                    }
                }
            }
            n = i;
            keptPositions = pos;
            keptKinds = kind;
        }
        this.count = n;
        this.positions = keptPositions;
        this.kinds = keptKinds;
    }

    /** What stops at {@code p} in the segment {@code [from, to]}: beat index × 4 + kind, in the order shown. */
    private List<Integer> stops(double p, double from, double to) {
        List<Integer> out = new ArrayList<>();
        // a segment of the backward pass starts where the forward pass ends, on its last beat: that beat belongs
        // to the forward pass, so a backward export does not stop on it
        boolean backwardOnly = from >= timeline.length() - 1e-9;
        for (int b = 0; b < lesson.size(); b++) {
            Beat beat = lesson.get(b);
            if (same(Stills.positionOf(timeline, beat), p) && (beat.backward() || !backwardOnly)) {
                out.add(b * 4 + (beat.question() == null ? BEAT : REVEALED));
            }
        }
        for (int b = 0; b < lesson.size(); b++) {
            Beat beat = lesson.get(b);
            double at = Stills.positionOf(timeline, beat);
            double asked = Stills.askPositionOf(timeline, beat);
            // asked only where the animation goes on to its reveal
            if (beat.question() != null && same(asked, p) && asked < at && at <= to + 1e-9) {
                out.add(b * 4 + ASKED);
            }
        }
        return out;
    }

    private static boolean same(double a, double b) {
        return Math.abs(a - b) < 1e-6;
    }

    long count() {
        return count;
    }

    double position(int i) {
        return positions[i];
    }

    /** What frame {@code i} shows. */
    Stills.Still still(int i) {
        double p = positions[i];
        int kind = kinds[i] & 3;
        int b = kinds[i] >> 2;
        List<String> generated = Captions.at(trace.trace(), p);
        if (kind == MOVING) {
            // between a question and its beat the answer is on screen, as in class after the reveal
            for (int q = 0; q < lesson.size(); q++) {
                Beat beat = lesson.get(q);
                if (beat.question() != null && p > Stills.askPositionOf(timeline, beat) + 1e-6
                        && p < Stills.positionOf(timeline, beat) - 1e-6 && asked(q, i)) {
                    return new Stills.Still(p, "", "", Set.of(), generated, ask(q, true));
                }
            }
            return new Stills.Still(p, "", "", Set.of(), Captions.shown(trace.trace(), p, false));
        }
        Beat beat = lesson.get(b);
        return switch (kind) {
            case ASKED -> new Stills.Still(p, "", "", Set.of(), generated, ask(b, false));
            case REVEALED -> new Stills.Still(p, "", beat.caption(), Set.copyOf(beat.highlight()), generated, ask(b, true));
            default -> new Stills.Still(p, "", beat.caption(), Set.copyOf(beat.highlight()), generated);
        };
    }

    /** Whether question {@code q} was asked before frame {@code i} (a frame in its hold). */
    private boolean asked(int q, int i) {
        for (int j = i - 1; j >= 0; j--) {
            if (kinds[j] == q * 4 + ASKED) {
                return true;
            }
            if (positions[j] < Stills.askPositionOf(timeline, lesson.get(q)) - 1e-6) {
                return false;
            }
        }
        return false;
    }

    private Stills.Ask ask(int b, boolean revealed) {
        if (answers[b] == null) {
            answers[b] = Questions.answer(lesson.get(b).question(), trace, org.unrolled.io.SampleTraces.BUILT_IN);
        }
        return new Stills.Ask(b + 1, lesson.get(b).question().prompt(), answers[b], revealed);
    }
}
