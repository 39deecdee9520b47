package org.unrolled.export;

/** Renders the frame at a playback position into packed ARGB pixels. */
@FunctionalInterface
public interface FrameSource {
    /** Fills {@code pixels} (width × height, row by row) with the frame at {@code position}. */
    void render(double position, int[] pixels) throws Exception;
}
