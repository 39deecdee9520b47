package org.unrolled.export;

import java.io.IOException;

/** Appends frames to one animation file, in order. */
interface MovieWriter extends AutoCloseable {
    /** Adds a frame of packed ARGB pixels (width × height, row by row); may keep no reference to them. */
    void add(int[] argb) throws IOException;

    /** Completes the file; after this nothing more may be added. */
    void finish() throws IOException;

    /** Releases the file without completing it (after a cancel or a failure). */
    @Override
    void close() throws IOException;
}
