package org.unrolled.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.jcodec.common.model.ColorSpace;
import org.jcodec.common.model.Picture;
import org.junit.jupiter.api.Test;

/** The MP4's colour conversion against the BT.601 definition in the video range, computed here in doubles. */
class Yuv420Test {
    private static double luma(int p) {
        return 16 + 219 / 255.0 * (0.299 * (p >> 16 & 255) + 0.587 * (p >> 8 & 255) + 0.114 * (p & 255));
    }

    private static double cb(int p) {
        return 224 / 255.0 * (-0.168736 * (p >> 16 & 255) - 0.331264 * (p >> 8 & 255) + 0.5 * (p & 255));
    }

    private static double cr(int p) {
        return 224 / 255.0 * (0.5 * (p >> 16 & 255) - 0.418688 * (p >> 8 & 255) - 0.081312 * (p & 255));
    }

    @Test
    void whiteAndBlackAreTheEndsOfTheVideoRange() {
        Picture yuv = Picture.create(2, 2, ColorSpace.YUV420J);
        Yuv420.fromArgb(new int[] {0xffffffff, 0xffffffff, 0xff000000, 0xff000000}, 2, 2, yuv);
        // stored minus 128: white is luma 235 -> 107, black 16 -> -112; grey has no colour: both chroma 128 -> 0
        assertEquals(107, yuv.getPlaneData(0)[0]);
        assertEquals(107, yuv.getPlaneData(0)[1]);
        assertEquals(-112, yuv.getPlaneData(0)[2]);
        assertEquals(0, yuv.getPlaneData(1)[0]);
        assertEquals(0, yuv.getPlaneData(2)[0]);
    }

    @Test
    void everySampleIsWithinOneOfTheDefinition() {
        Random rnd = new Random(5);
        int w = 64;
        int h = 32;
        int[] argb = new int[w * h];
        for (int i = 0; i < argb.length; i++) {
            argb[i] = 0xff000000 | rnd.nextInt(1 << 24);
        }
        Picture yuv = Picture.create(w, h, ColorSpace.YUV420J);
        Yuv420.fromArgb(argb, w, h, yuv);
        for (int i = 0; i < argb.length; i++) {
            double want = luma(argb[i]) - 128;
            assertTrue(Math.abs(yuv.getPlaneData(0)[i] - want) <= 1, "luma at " + i);
        }
        for (int y = 0; y < h / 2; y++) {
            for (int x = 0; x < w / 2; x++) {
                int[] block = {argb[2 * y * w + 2 * x], argb[2 * y * w + 2 * x + 1], argb[(2 * y + 1) * w + 2 * x],
                    argb[(2 * y + 1) * w + 2 * x + 1]};
                double u = 0;
                double v = 0;
                for (int p : block) {
                    u += cb(p) / 4;
                    v += cr(p) / 4;
                }
                int c = y * (w / 2) + x;
                assertTrue(Math.abs(yuv.getPlaneData(1)[c] - u) <= 1, "blue difference at " + c);
                assertTrue(Math.abs(yuv.getPlaneData(2)[c] - v) <= 1, "red difference at " + c);
            }
        }
    }
}
