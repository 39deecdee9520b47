package org.unrolled.export;

import org.unrolled.view.Timeline;

/**
 * Which playback position each frame shows: the chosen phase(s) and steps at {@code fps × stepSeconds}
 * frames per step. Both phases of a step range are two segments: the forward pass over the range,
 * then the backward pass over it (one continuous stretch when the range reaches the last step). A
 * pure function of the timeline and the options, so a frame can always be traced back to what it shows.
 */
public final class FramePlan {
    private final Timeline timeline;
    private final double[] starts;
    private final double[] ends;
    private final int[] firstFrame;
    private final int framesPerStep;
    private final int count;

    public FramePlan(Timeline timeline, ExportOptions o) {
        this.timeline = timeline;
        int n = timeline.length();
        int from = o.fromStep() == 0 ? 1 : Math.min(o.fromStep(), n);
        int to = o.toStep() == 0 ? n : Math.min(o.toStep(), n);
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
        firstFrame = new int[starts.length + 1];
        for (int s = 0; s < starts.length; s++) {
            firstFrame[s + 1] = firstFrame[s] + (int) Math.round((ends[s] - starts[s]) * framesPerStep) + 1;
        }
        this.count = firstFrame[starts.length];
    }

    public int count() {
        return count;
    }

    public int framesPerStep() {
        return framesPerStep;
    }

    /** Playback position of frame {@code i} (0-based). */
    public double position(int i) {
        int s = 0;
        while (i >= firstFrame[s + 1]) {
            s++;
        }
        int k = i - firstFrame[s];
        return i == firstFrame[s + 1] - 1 ? ends[s] : starts[s] + (double) k / framesPerStep;
    }

    public boolean backward(int i) {
        return timeline.inBackward(position(i));
    }

    /** The global step frame {@code i} shows (being computed, or whose gradient is); 0 before the first. */
    public int step(int i) {
        double p = position(i);
        return timeline.inBackward(p) ? timeline.backwardCurrent(p) : Math.max(0, Timeline.current(p));
    }

    public Timeline timeline() {
        return timeline;
    }
}
