package org.unrolled.export;

/**
 * Renders the frame at a playback position into packed ARGB pixels. A frame the plan marks as repeating
 * the one before ({@link FramePlan#repeatsPrevious}: the same still, or the same position) must show
 * exactly what that one shows, so it need not be asked for again. (The presentation layout's picture
 * also depends on the still before it, for the network's scale: a held still is drawn once, not again.)
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
