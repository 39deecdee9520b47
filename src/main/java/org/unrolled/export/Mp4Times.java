package org.unrolled.export;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Sets the creation and modification times an MP4 muxer stamps into the movie, track and media headers
 * ({@code mvhd}, {@code tkhd}, {@code mdhd}) to zero, "unknown": JCodec writes the current time there,
 * and the export must be a function of the scenario and the options alone (the same file every run).
 */
final class Mp4Times {
    private Mp4Times() {
    }

    /** Clears the times in {@code file}'s {@code moov} box, in place. */
    static void clear(Path file) throws IOException {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
            long pos = 0;
            long size = ch.size();
            while (pos + 8 <= size) {
                ByteBuffer head = ByteBuffer.allocate(16);
                ch.read(head, pos);
                head.flip();
                long boxSize = head.getInt() & 0xffffffffL;
                String type = type(head.getInt());
                if (boxSize == 1) {
                    boxSize = head.getLong();
                } else if (boxSize == 0) {
                    boxSize = size - pos;
                }
                if (boxSize < 8) {
                    throw new IOException("not an MP4 file: a box of size " + boxSize + " at byte " + pos);
                }
                if (type.equals("moov")) {
                    ByteBuffer moov = ByteBuffer.allocate(Math.toIntExact(boxSize));
                    ch.read(moov, pos);
                    patch(moov, 8, moov.capacity());
                    moov.rewind();
                    ch.write(moov, pos);
                    return;
                }
                pos += boxSize;
            }
            throw new IOException("not an MP4 file: no movie header (moov) found");
        }
    }

    private static String type(int fourcc) {
        return new String(new byte[] {(byte) (fourcc >> 24), (byte) (fourcc >> 16), (byte) (fourcc >> 8), (byte) fourcc},
                java.nio.charset.StandardCharsets.ISO_8859_1);
    }

    /** Walks the boxes in {@code [from, to)}: into the containers, clearing the headers' times. */
    private static void patch(ByteBuffer b, int from, int to) {
        int pos = from;
        while (pos + 8 <= to) {
            int size = b.getInt(pos);
            String type = type(b.getInt(pos + 4));
            if (size < 8 || pos + size > to) {
                return;
            }
            switch (type) {
                case "trak", "mdia" -> patch(b, pos + 8, pos + size);
                case "mvhd", "tkhd", "mdhd" -> {
                    int version = b.get(pos + 8);
                    int times = pos + 12; // after size, type, version and flags
                    if (version == 1) {
                        b.putLong(times, 0);
                        b.putLong(times + 8, 0);
                    } else {
                        b.putInt(times, 0);
                        b.putInt(times + 4, 0);
                    }
                }
                default -> {
                    // nothing stamped with the time
                }
            }
            pos += size;
        }
    }
}
