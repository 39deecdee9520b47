package org.unrolled.export;

import org.unrolled.document.DocumentTrace;

import org.unrolled.view.StepSchedule;

/**
 * Which playback position each frame shows: the chosen phase(s) and steps at {@code fps × stepSeconds}
 * frames per step. Both phases of a step range are two segments: the forward pass over the range,
 * then the backward pass over it (one continuous stretch when the range reaches the last step). A
 * pure function of the timeline and the options, so a frame can always be traced back to what it shows.
 * In the presentation layout the animation also stops on each lesson beat ({@link PresentationPlan}).
 */
public final class FramePlan {
    private final StepSchedule timeline;
    private final double[] starts;
    private final double[] ends;
    private final long[] firstFrame;
    private final int framesPerStep;
    private final int count;
    private final long planned;
    /** The presentation layout's frames (beats held, questions asked then revealed); null for the network layout. */
    private final PresentationPlan presentation;

    /**
     * Most frames an export may plan: 9 hours at 30 frames a second, 5.5 TB of 1080p frames. A plan
     * beyond it is a typo ({@code --fps 240 --step-seconds 60} on a long sequence), refused before
     * anything is written.
     */
    public static final long MAX_FRAMES = 1_000_000;

    /**
     * The plan for {@code o} on {@code timeline}.
     *
     * @throws IllegalArgumentException if the step range lies outside the scenario or the plan has more
     *         than {@link #MAX_FRAMES} frames; the message says which
     */
    public FramePlan(StepSchedule timeline, ExportOptions o) {
        this(null, timeline, o, true);
    }

    /** The plan for {@code o} on {@code shown}: the presentation layout holds its lesson's beats and asks its questions. */
    public FramePlan(DocumentTrace shown, ExportOptions o) {
        this(shown, new StepSchedule(shown.trace()), o, true);
    }

    /**
     * Refuses a step range ({@code --steps}) that reaches past a scenario of {@code n} steps.
     *
     * @throws IllegalArgumentException saying the range the scenario allows
     */
    static void checkRange(int n, ExportOptions o) {
        if (o.fromStep() > n || o.toStep() > n) {
            throw new IllegalArgumentException("steps " + o.fromStep() + "-" + o.toStep() + ": the scenario has " + n
                    + " steps, so the range must lie within 1-" + n);
        }
    }

    private FramePlan(DocumentTrace shown, StepSchedule timeline, ExportOptions o, boolean limited) {
        this.timeline = timeline;
        int n = timeline.length();
        checkRange(n, o);
        int from = o.fromStep() == 0 ? 1 : o.fromStep();
        int to = o.toStep() == 0 ? n : o.toStep();
        double forwardStart = from - 1;
        double forwardEnd = to;
        double backwardStart = timeline.backwardPositionOf(to) - 1;
        double backwardEnd = timeline.backwardPositionOf(from);
        switch (o.phase()) {
            case FORWARD -> {
                starts = new double[] {forwardStart};
                ends = new double[] {forwardEnd};
            }
            case BACKWARD -> {
                starts = new double[] {backwardStart};
                ends = new double[] {backwardEnd};
            }
            default -> {
                if (forwardEnd == backwardStart) {
                    starts = new double[] {forwardStart};
                    ends = new double[] {backwardEnd};
                } else {
                    starts = new double[] {forwardStart, backwardStart};
                    ends = new double[] {forwardEnd, backwardEnd};
                }
            }
        }
        this.framesPerStep = Math.max(1, (int) Math.round(o.fps() * o.stepSeconds()));
        firstFrame = new long[starts.length + 1];
        for (int s = 0; s < starts.length; s++) {
            firstFrame[s + 1] = firstFrame[s] + Math.round((ends[s] - starts[s]) * framesPerStep) + 1;
        }
        long[] segmentFrames = new long[starts.length];
        for (int s = 0; s < starts.length; s++) {
            segmentFrames[s] = firstFrame[s + 1] - firstFrame[s];
        }
        presentation = o.layout() == ExportOptions.Layout.PRESENTATION
                ? new PresentationPlan(shown != null ? shown : bare(timeline.trace()), timeline, starts, ends, segmentFrames,
                        framesPerStep, limited ? MAX_FRAMES : 0)
                : null;
        planned = presentation != null ? presentation.count() : firstFrame[starts.length];
        if (limited && planned > MAX_FRAMES) {
            throw new IllegalArgumentException("this export would make " + planned + " frames (" + framesPerStep
                    + " a step); at most " + MAX_FRAMES + " are allowed: lower the frame rate or the seconds a step, "
                    + "or export a range of steps");
        }
        this.count = (int) Math.min(planned, MAX_FRAMES);
    }

    /** Frames {@code o} plans on {@code timeline}, counted in longs, however many (nothing is refused). */
    public static long framesPlanned(StepSchedule timeline, ExportOptions o) {
        return new FramePlan(null, timeline, o, false).planned;
    }

    public int count() {
        return count;
    }

    public int framesPerStep() {
        return framesPerStep;
    }

    /** Playback position of frame {@code i} (0-based). */
    public double position(int i) {
        if (presentation != null) {
            return presentation.position(i);
        }
        int s = 0;
        while (i >= firstFrame[s + 1]) {
            s++;
        }
        long k = i - firstFrame[s];
        return i == firstFrame[s + 1] - 1 ? ends[s] : starts[s] + (double) k / framesPerStep;
    }

    public boolean backward(int i) {
        return timeline.inBackward(position(i));
    }

    /** The global step frame {@code i} shows (being computed, or whose gradient is); 0 before the first. */
    public int step(int i) {
        double p = position(i);
        return timeline.inBackward(p) ? timeline.backwardCurrent(p) : Math.max(0, StepSchedule.current(p));
    }

    /**
     * What frame {@code i} of the presentation layout shows (the beat's caption, the question asked or
     * revealed, what is ringed); null in the network layout, whose frames are their position alone.
     */
    public Stills.Still still(int i) {
        return presentation == null ? null : presentation.still(i);
    }

    /**
     * Whether frame {@code i} shows exactly what frame {@code i - 1} shows: the same still (a lesson beat
     * held on screen) or, without one, the same position. Such a frame is neither drawn nor encoded again.
     */
    public boolean repeatsPrevious(int i) {
        if (i <= 0 || i >= count()) {
            return false;
        }
        Stills.Still s = still(i);
        return s != null ? s.equals(still(i - 1)) : still(i - 1) == null && position(i) == position(i - 1);
    }

    public StepSchedule timeline() {
        return timeline;
    }

    /** A trace without its document: no title, no words, no lesson. */
    private static DocumentTrace bare(org.unrolled.engine.Trace trace) {
        return new DocumentTrace(org.unrolled.document.ScenarioDocument.of(trace.scenario(), ""), trace);
    }
}
