package org.unrolled.export;

import org.jcodec.common.model.Picture;

/**
 * Packed ARGB pixels to the 4:2:0 picture JCodec's H.264 encoder takes, in one pass, without first copying
 * the frame into an RGB picture as JCodec's own transform needs. The values are BT.601 in the video
 * range (luma 16–235, chroma 16–240 around 128), which is what a player assumes of an H.264 stream that
 * does not say otherwise, as JCodec's do not: so the theme's colours come out as drawn (JCodec 0.2.5's
 * own transform fills the full range 0–255 with blue weighed 15 in place of 29, which a player shows
 * brighter, the light theme's background as pure white). JCodec stores each sample minus 128 in a signed
 * byte; a chroma sample is the rounded mean of its 2 × 2 pixels' values.
 */
final class Yuv420 {
    private Yuv420() {
    }

    /** Fills {@code yuv} (even {@code width} and {@code height}) from {@code argb}. */
    static void fromArgb(int[] argb, int width, int height, Picture yuv) {
        byte[] y = yuv.getPlaneData(0);
        byte[] u = yuv.getPlaneData(1);
        byte[] v = yuv.getPlaneData(2);
        int c = 0;
        for (int row = 0; row < height; row += 2) {
            int top = row * width;
            int bottom = top + width;
            for (int col = 0; col < width; col += 2, c++) {
                int p0 = argb[top + col];
                int p1 = argb[top + col + 1];
                int p2 = argb[bottom + col];
                int p3 = argb[bottom + col + 1];
                y[top + col] = luma(p0);
                y[top + col + 1] = luma(p1);
                y[bottom + col] = luma(p2);
                y[bottom + col + 1] = luma(p3);
                u[c] = (byte) ((cb(p0) + cb(p1) + cb(p2) + cb(p3) + 2) >> 2);
                v[c] = (byte) ((cr(p0) + cr(p1) + cr(p2) + cr(p3) + 2) >> 2);
            }
        }
    }

    private static byte luma(int p) {
        int r = (p >> 16) & 255;
        int g = (p >> 8) & 255;
        int b = p & 255;
        return (byte) (((66 * r + 129 * g + 25 * b + 128) >> 8) + 16 - 128);
    }

    private static int cb(int p) {
        int r = (p >> 16) & 255;
        int g = (p >> 8) & 255;
        int b = p & 255;
        return (-38 * r - 74 * g + 112 * b + 128) >> 8;
    }

    private static int cr(int p) {
        int r = (p >> 16) & 255;
        int g = (p >> 8) & 255;
        int b = p & 255;
        return (112 * r - 94 * g - 18 * b + 128) >> 8;
    }
}
