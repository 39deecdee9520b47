package org.unrolled.export;

import java.io.IOException;

/**
 * Appends frames to one animation file, in order. Encoding is split from writing, so that frames can be
 * encoded on several threads ({@link MovieExporter}) while the file comes out the same as from one: a
 * {@link Lane} encodes a run of {@link #run()} consecutive frames, which depend only on each other, and
 * {@link #write} takes the encoded frames in frame order.
 *
 * @param <E> an encoded frame
 */
interface MovieWriter<E> extends AutoCloseable {
    /** How many consecutive frames one lane must encode in order (1: every frame stands alone). */
    int run();

    /** A new encoder, used by one thread at a time. */
    Lane<E> lane();

    /** Appends the encoded frame {@code index}; called with 0, 1, 2, … in order. */
    void write(int index, E frame) throws IOException;

    /** Completes the file; after this nothing more may be written. */
    void finish() throws IOException;

    /** Releases the file without completing it (after a cancel or a failure). */
    @Override
    void close() throws IOException;

    /** Encodes frames: a lane is given the frames of a run in order, the first of each run first. */
    interface Lane<E> {
        /** Takes in frame {@code index}'s packed ARGB pixels; keeps no reference to them. */
        void load(int index, int[] argb);

        /** Encodes the frame last loaded. */
        E encode() throws IOException;
    }
}
