package org.unrolled.export;

import java.util.Arrays;
import java.util.zip.Adler32;
import java.util.zip.CRC32;
import java.util.zip.Deflater;

/**
 * PNG bytes of an opaque frame (packed RGB ints, the top byte ignored), compressed with the JDK's zlib at
 * level 1, unfiltered rows. The image data is one zlib stream made of two deflate segments: the rows above
 * the middle, ended by a sync flush, and the rows below it, compressed with the last 32 KB of the upper
 * rows as their dictionary (as pigz does). So the two halves of one frame can be compressed at once on two
 * threads ({@link #upper}, {@link #lower}, {@link #join}), and the bytes are the same whichever thread
 * compresses which half, and however many cores the machine has (for a given Java runtime's zlib). (pngencoder, used before, splits its
 * multi-threaded stream into pieces sized by the number of cores, so its bytes depended on the machine.)
 */
final class PngFrames {
    /** Deflate level: fast, and the frames are flat colour that compresses well anyway. */
    static final int LEVEL = 1;
    /** Deflate's window: the most of the upper half the lower half's matches can reach back into. */
    private static final int WINDOW = 32 * 1024;
    /** About this many raw bytes are handed to zlib at a time (whole rows): fewer calls into native code. */
    private static final int INPUT_BYTES = 64 * 1024;
    private static final byte[] SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};
    /** The zlib header: deflate with a 32 KB window, "fastest" level, no preset dictionary (78 01). */
    private static final byte[] ZLIB_HEADER = {0x78, 0x01};
    private static final int CHUNK_OVERHEAD = 12; // length, type, CRC

    /** Each thread's deflater, reset for each half, so that zlib's state (about 270 KB) is not made anew per frame. */
    private static final ThreadLocal<Deflater> DEFLATER = ThreadLocal.withInitial(() -> new Deflater(LEVEL, true));

    /**
     * One half of a frame's image data, compressed.
     *
     * @param deflated  the raw deflate segment (no zlib header or checksum)
     * @param adler     the Adler-32 of the half's raw (unfiltered, filter-byte-prefixed) rows
     * @param rawLength how many raw bytes the half holds
     */
    record Half(byte[] deflated, long adler, long rawLength) {
    }

    private PngFrames() {
    }

    /** The whole frame's PNG, both halves compressed on the calling thread. {@code argb} is not modified. */
    static byte[] encode(int[] argb, int width, int height) {
        return join(width, height, upper(argb, width, height), lower(argb, width, height));
    }

    /** The first row of the lower half. */
    static int middle(int height) {
        return height / 2;
    }

    /** The rows above the middle, compressed and ended by a sync flush. */
    static Half upper(int[] argb, int width, int height) {
        check(argb, width, height);
        return segment(argb, width, 0, middle(height), false);
    }

    /** The rows from the middle down, compressed with the upper rows' last 32 KB as dictionary, and finished. */
    static Half lower(int[] argb, int width, int height) {
        check(argb, width, height);
        return segment(argb, width, middle(height), height, true);
    }

    /** The PNG file: signature, header, the two halves as one zlib stream in one IDAT chunk, and the end chunk. */
    static byte[] join(int width, int height, Half upper, Half lower) {
        int data = ZLIB_HEADER.length + upper.deflated().length + lower.deflated().length + 4;
        byte[] png = new byte[SIGNATURE.length + CHUNK_OVERHEAD + 13 + CHUNK_OVERHEAD + data + CHUNK_OVERHEAD];
        int at = 0;
        System.arraycopy(SIGNATURE, 0, png, at, SIGNATURE.length);
        at += SIGNATURE.length;
        // IHDR: width, height, 8 bits a sample, colour type 2 (RGB), deflate, adaptive filtering, no interlace
        int ihdr = at + 8;
        putInt(png, ihdr, width);
        putInt(png, ihdr + 4, height);
        png[ihdr + 8] = 8;
        png[ihdr + 9] = 2;
        at = chunk(png, at, "IHDR", 13);
        int idat = at + 8;
        System.arraycopy(ZLIB_HEADER, 0, png, idat, ZLIB_HEADER.length);
        System.arraycopy(upper.deflated(), 0, png, idat + 2, upper.deflated().length);
        System.arraycopy(lower.deflated(), 0, png, idat + 2 + upper.deflated().length, lower.deflated().length);
        putInt(png, idat + data - 4, (int) combine(upper.adler(), lower.adler(), lower.rawLength()));
        at = chunk(png, at, "IDAT", data);
        at = chunk(png, at, "IEND", 0);
        if (at != png.length) {
            throw new IllegalStateException("PNG assembled to " + at + " of " + png.length + " bytes");
        }
        return png;
    }

    /**
     * The Adler-32 of two byte runs one after the other, from each run's own checksum and the second's
     * length (zlib's adler32_combine): so that the halves' checksums, computed apart, give the stream's.
     */
    static long combine(long first, long second, long secondLength) {
        final long base = 65521;
        long rem = secondLength % base;
        // sum1 = a1 + a2 - 1, sum2 = b1 + b2 + n2 * a1 - n2 (mod 65521)
        long sum1 = first & 0xffff;
        long sum2 = rem * sum1 % base;
        sum1 += (second & 0xffff) + base - 1;
        sum2 += ((first >>> 16) & 0xffff) + ((second >>> 16) & 0xffff) + base - rem;
        sum1 %= base;
        sum2 %= base;
        return sum1 | (sum2 << 16);
    }

    private static void check(int[] argb, int width, int height) {
        if (width <= 0 || height <= 0 || (long) width * height > argb.length) {
            throw new IllegalArgumentException(width + "×" + height + " does not fit " + argb.length + " pixels");
        }
    }

    /** Rows {@code from} to {@code to} (exclusive) deflated; the lower half also gets the dictionary and the end. */
    private static Half segment(int[] argb, int width, int from, int to, boolean last) {
        int rowBytes = 3 * width + 1;
        Deflater deflater = DEFLATER.get();
        deflater.reset();
        if (last && from > 0) {
            deflater.setDictionary(dictionary(argb, width, from));
        }
        Adler32 adler = new Adler32();
        int rowsAtATime = Math.max(1, INPUT_BYTES / rowBytes);
        byte[] raw = new byte[rowsAtATime * rowBytes];
        // deflated, a first guess grown as needed: flat frames shrink about thirtyfold
        byte[] out = new byte[Math.max(1024, (int) Math.min(Integer.MAX_VALUE - 16, (long) (to - from) * rowBytes / 16))];
        int length = 0;
        for (int y = from; y < to; y += rowsAtATime) {
            int rows = Math.min(rowsAtATime, to - y);
            rows(argb, width, y, rows, raw);
            adler.update(raw, 0, rows * rowBytes);
            deflater.setInput(raw, 0, rows * rowBytes);
            while (!deflater.needsInput()) {
                out = roomIn(out, length);
                length += deflater.deflate(out, length, out.length - length, Deflater.NO_FLUSH);
            }
        }
        if (last) {
            deflater.finish();
            while (!deflater.finished()) {
                out = roomIn(out, length);
                length += deflater.deflate(out, length, out.length - length, Deflater.NO_FLUSH);
            }
        } else {
            // a sync flush ends on a byte boundary, so the lower segment can follow it directly; it is complete
            // once a call leaves room in the output
            int written;
            do {
                out = roomIn(out, length);
                written = deflater.deflate(out, length, out.length - length, Deflater.SYNC_FLUSH);
                length += written;
            } while (length == out.length);
        }
        return new Half(Arrays.copyOf(out, length), adler.getValue(), (long) (to - from) * rowBytes);
    }

    /** The last 32 KB (or fewer, if the upper half is smaller) of the raw rows above {@code middle}. */
    private static byte[] dictionary(int[] argb, int width, int middle) {
        int rowBytes = 3 * width + 1;
        int rows = (int) Math.min(middle, (WINDOW + rowBytes - 1) / rowBytes);
        byte[] raw = new byte[rows * rowBytes];
        rows(argb, width, middle - rows, rows, raw);
        return raw.length <= WINDOW ? raw : Arrays.copyOfRange(raw, raw.length - WINDOW, raw.length);
    }

    /** Writes {@code count} raw rows from row {@code y} into {@code raw}: filter byte 0 (none), then R, G, B. */
    private static void rows(int[] argb, int width, int y, int count, byte[] raw) {
        int k = 0;
        for (int r = 0; r < count; r++) {
            raw[k++] = 0;
            int p = (y + r) * width;
            for (int end = p + width; p < end; p++) {
                int c = argb[p];
                raw[k++] = (byte) (c >> 16);
                raw[k++] = (byte) (c >> 8);
                raw[k++] = (byte) c;
            }
        }
    }

    /** {@code out}, or a copy twice as long when it is full. */
    private static byte[] roomIn(byte[] out, int length) {
        return length < out.length ? out : Arrays.copyOf(out, (int) Math.min(Integer.MAX_VALUE - 16, 2L * out.length));
    }

    /** Writes the chunk whose {@code length} data bytes are already in place after its 8-byte head at {@code at}. */
    private static int chunk(byte[] png, int at, String type, int length) {
        putInt(png, at, length);
        for (int i = 0; i < 4; i++) {
            png[at + 4 + i] = (byte) type.charAt(i);
        }
        CRC32 crc = new CRC32();
        crc.update(png, at + 4, 4 + length);
        putInt(png, at + 8 + length, (int) crc.getValue());
        return at + CHUNK_OVERHEAD + length;
    }

    private static void putInt(byte[] b, int at, int v) {
        b[at] = (byte) (v >>> 24);
        b[at + 1] = (byte) (v >>> 16);
        b[at + 2] = (byte) (v >>> 8);
        b[at + 3] = (byte) v;
    }
}
