package org.unrolled.export;

/**
 * Renders the frame at a playback position into packed ARGB pixels. A frame is a function of what the
 * plan says it shows (its still, or its position): a frame the plan marks as repeating the one before
 * ({@link FramePlan#repeatsPrevious}) need not be asked for again.
 */
@FunctionalInterface
public interface FrameSource {
    /**
     * Whether several threads may draw frames at once, each into its own buffer; if not, frames are
     * drawn one at a time, in the plan's order.
     */
    default boolean concurrent() {
        return false;
    }

    /** Fills {@code pixels} (width × height, row by row) with the frame at {@code position}. */
    void render(double position, int[] pixels) throws Exception;

    /**
     * Fills {@code pixels} with frame {@code i} of {@code plan}: by default the frame at its position; a
     * source that draws the presentation layout also asks the plan what the frame shows.
     */
    default void render(FramePlan plan, int i, int[] pixels) throws Exception {
        render(plan.position(i), pixels);
    }
}
