package org.unrolled.export;

import java.lang.ref.SoftReference;
import java.util.ArrayDeque;
import java.util.Collection;
import java.util.Deque;

/**
 * Pixel buffers kept from one PNG export to the next, so that an export does not begin by allocating and
 * zeroing four new ones (8 MB each at 1920×1080): the benchmark's exports and a window's repeated exports
 * reuse them. Held softly: the garbage collector takes them back before memory runs short. A buffer taken
 * from here still holds an earlier frame's pixels; a {@link FrameSource} fills every pixel of the buffer it
 * is given (as it already does for the buffers an export reuses from frame to frame).
 */
final class PixelBuffers {
    /** At most this many kept: the buffers of one export on a machine of up to four encoders. */
    private static final int KEPT = 6;
    private static final Deque<SoftReference<int[]>> SPARE = new ArrayDeque<>();

    private PixelBuffers() {
    }

    /** A buffer of {@code length} pixels: a kept one if there is one of that length, else a new one. */
    static int[] take(int length) {
        synchronized (SPARE) {
            while (!SPARE.isEmpty()) {
                int[] kept = SPARE.pop().get();
                if (kept != null && kept.length == length) {
                    return kept;
                }
                // collected, or a size no longer used: dropped
            }
        }
        return new int[length];
    }

    /** Keeps {@code buffers} for a later export; no longer used by the caller. */
    static void giveBack(Collection<int[]> buffers) {
        synchronized (SPARE) {
            for (int[] b : buffers) {
                if (SPARE.size() < KEPT) {
                    SPARE.push(new SoftReference<>(b));
                }
            }
        }
    }
}
