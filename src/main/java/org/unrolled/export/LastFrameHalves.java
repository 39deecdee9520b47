package org.unrolled.export;

import java.util.function.BooleanSupplier;

/**
 * The export's last frame, compressed as its two halves at once ({@link PngFrames}): the lane that drew it
 * compresses the upper half while a lane with no frame left compresses the lower one. Otherwise the last
 * frame's whole compression runs on one core while the others may have nothing left to do. The bytes
 * are the same whoever compresses which half, and when no other lane helps, the drawing lane does both.
 */
final class LastFrameHalves {
    private final int width;
    private final int height;
    /** The drawn frame, once {@link #offer offered}. */
    private int[] pixels;
    /** No lower half will be offered, or it is already spoken for: helpers stop waiting. */
    private boolean closed;
    /** Someone has begun the lower half. */
    private boolean taken;
    /** A helper has finished the lower half: {@link #lower} holds it, or null if that failed. */
    private boolean helped;
    private PngFrames.Half lower;
    /** The helper began the lower half and has not yet finished it. */
    private boolean helping;
    /** The idle work ({@link #help}'s) has been given to a lane. */
    private boolean idleGiven;

    LastFrameHalves(int width, int height) {
        this.width = width;
        this.height = height;
    }

    /**
     * By the lane that drew the last frame: its PNG, the lower half compressed by a lane with nothing left
     * to do if one comes before this lane has finished the upper half, else here. {@code drawn} is not modified.
     */
    byte[] encode(int[] drawn) {
        offer(drawn);
        PngFrames.Half upper = PngFrames.upper(drawn, width, height);
        return PngFrames.join(width, height, upper, lower());
    }

    /** The last frame is drawn: its lower half may now be compressed by a lane with nothing to do. */
    synchronized void offer(int[] drawn) {
        pixels = drawn;
        notifyAll();
    }

    /** By the drawing lane when it stops without offering (cancelled, failed): nobody waits for the frame any more. */
    synchronized void close() {
        closed = true;
        notifyAll();
    }

    /**
     * By a lane with no frame left: first {@code idle} (given to one lane only, the first to come) if the last
     * frame is not yet drawn, then the lower half if it is offered and nobody has begun it; {@code idle}
     * otherwise after that. Returns when there is nothing more to help with, or {@code stop} says so.
     */
    void help(Runnable idle, BooleanSupplier stop) {
        boolean runIdle;
        synchronized (this) {
            runIdle = !idleGiven;
            idleGiven = true;
        }
        if (runIdle && !offered()) {
            idle.run(); // while the last frame is being drawn: work this lane would otherwise wait through
            runIdle = false;
        }
        int[] drawn = awaitOffer(stop);
        if (drawn != null) {
            PngFrames.Half half = null;
            try {
                half = PngFrames.lower(drawn, width, height);
            } catch (RuntimeException | Error e) {
                // (out of memory, say) not this lane's failure to report: the drawing lane compresses it again
            } finally {
                synchronized (this) {
                    lower = half; // null if it failed: the drawing lane compresses it itself
                    helping = false;
                    helped = true;
                    notifyAll();
                }
            }
        }
        if (runIdle) {
            idle.run();
        }
    }

    /** A helper has begun (or finished) the lower half. */
    synchronized boolean helperBegan() {
        return helping || helped;
    }

    /** A helper compressed the lower half, and {@link #lower} gave its result. */
    synchronized boolean helperCompressed() {
        return helped && lower != null;
    }

    private synchronized boolean offered() {
        return pixels != null;
    }

    /** The offered frame, now this lane's to compress the lower half of, or null if there is none to take. */
    private synchronized int[] awaitOffer(BooleanSupplier stop) {
        while (pixels == null && !closed && !stop.getAsBoolean()) {
            try {
                wait(50); // woken by offer or close; the timeout notices a stop set elsewhere
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return null;
            }
        }
        if (pixels == null || taken) {
            return null;
        }
        taken = true;
        helping = true;
        return pixels;
    }

    /**
     * By the drawing lane, once its upper half is compressed: the lower half, compressed here unless a helper
     * has begun it, in which case its result is waited for (and compressed here after all if that failed).
     */
    PngFrames.Half lower() {
        int[] drawn;
        synchronized (this) {
            drawn = pixels;
            boolean interrupted = false;
            if (!taken) {
                taken = true;
            } else {
                while (helping) {
                    try {
                        wait(); // the helper ends in the time of half a frame's compression
                    } catch (InterruptedException e) {
                        interrupted = true;
                    }
                }
            }
            closed = true;
            notifyAll();
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
            if (helped && lower != null) {
                return lower;
            }
        }
        return PngFrames.lower(drawn, width, height);
    }
}
