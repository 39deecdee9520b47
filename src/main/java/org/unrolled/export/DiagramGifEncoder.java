package org.unrolled.export;

import com.madgag.gif.fmsware.AnimatedGifEncoder;
import com.madgag.gif.fmsware.NeuQuant;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Arrays;

/**
 * animated-gif-lib's encoder with a quicker palette step for diagrams. The library learns each frame's
 * 256 colours with NeuQuant from every tenth pixel and then looks every pixel up in the network; on a
 * picture of flat areas both mostly repeat the background. Here NeuQuant learns from the frame with runs
 * of one colour along a row taken once (so the thin lines and labels weigh more, not less), and each
 * pixel's index is looked up once per colour (to 6 bits a channel) and then reused.
 */
final class DiagramGifEncoder extends AnimatedGifEncoder {
    /** Below this many bytes NeuQuant's learning schedule divides by zero: shorter input is repeated. */
    private static final int MIN_LEARN_BYTES = 3000;
    private final int[] cache = new int[1 << 18];

    /**
     * The bytes {@link #addFrame} would write for a frame of {@code bgr} pixels (width × height, 3 bytes a
     * pixel, as a TYPE_3BYTE_BGR image holds them): the first frame carries the screen descriptor, the
     * global palette and the loop extension, the others their own palette. Keeps no reference to
     * {@code bgr}; one frame at a time per encoder.
     */
    byte[] frame(byte[] bgr, boolean first) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(bgr.length / 8);
        out = bytes;
        firstFrame = first;
        pixels = bgr;
        analyzePixels();
        if (first) {
            writeLSD();
            writePalette();
            if (repeat >= 0) {
                writeNetscapeExt();
            }
        }
        writeGraphicCtrlExt();
        writeImageDesc();
        if (!first) {
            writePalette();
        }
        writePixels();
        out = null;
        return bytes.toByteArray();
    }

    @Override
    protected void analyzePixels() {
        int nPix = pixels.length / 3;
        indexedPixels = new byte[nPix];
        NeuQuant nq = new NeuQuant(learningPixels(pixels), learningLength, sample);
        colorTab = nq.process();
        for (int i = 0; i < colorTab.length; i += 3) { // the network's BGR to the file's RGB
            byte t = colorTab[i];
            colorTab[i] = colorTab[i + 2];
            colorTab[i + 2] = t;
        }
        usedEntry = new boolean[256];
        Arrays.fill(cache, -1);
        for (int i = 0, k = 0; i < nPix; i++, k += 3) {
            int b = pixels[k] & 0xff;
            int g = pixels[k + 1] & 0xff;
            int r = pixels[k + 2] & 0xff;
            int key = (b >> 2) << 12 | (g >> 2) << 6 | (r >> 2);
            int index = cache[key];
            if (index < 0) {
                index = nq.map(b, g, r);
                cache[key] = index;
            }
            usedEntry[index] = true;
            indexedPixels[i] = (byte) index;
        }
        pixels = null;
        colorDepth = 8;
        palSize = 7;
        if (transparent != null) {
            transIndex = findClosest(transparent);
        }
    }

    private int learningLength;

    /** The pixels with each run of one colour kept once, repeated up to NeuQuant's minimum. */
    private byte[] learningPixels(byte[] bgr) {
        byte[] out = new byte[Math.max(bgr.length, MIN_LEARN_BYTES)];
        int n = 0;
        for (int k = 0; k < bgr.length; k += 3) {
            if (n >= 3 && out[n - 3] == bgr[k] && out[n - 2] == bgr[k + 1] && out[n - 1] == bgr[k + 2]) {
                continue;
            }
            out[n++] = bgr[k];
            out[n++] = bgr[k + 1];
            out[n++] = bgr[k + 2];
        }
        int kept = n;
        while (n < MIN_LEARN_BYTES) {
            int copy = Math.min(kept, MIN_LEARN_BYTES - n);
            System.arraycopy(out, 0, out, n, copy);
            n += copy;
        }
        learningLength = n - n % 3;
        return out;
    }
}
