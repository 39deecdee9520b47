package org.unrolled.export;

/**
 * The H.264 level a movie's size and frame rate need (ITU-T H.264, Table A-1): the smallest whose frame
 * size (macroblocks a frame, and a side at most √(8 · that)) and macroblock rate hold it. A player or a
 * hardware decoder reads the level to decide whether it can play the file: JCodec writes level 4.0
 * always, which is a lie above 1080p.
 */
final class H264Level {
    /** level_idc, the most macroblocks a frame and the most macroblocks a second, for levels 1 to 6.2. */
    private static final long[][] TABLE = {
        {10, 99, 1_485}, {11, 396, 3_000}, {12, 396, 6_000}, {13, 396, 11_880}, {20, 396, 11_880},
        {21, 792, 19_800}, {22, 1_620, 20_250}, {30, 1_620, 40_500}, {31, 3_600, 108_000},
        {32, 5_120, 216_000}, {40, 8_192, 245_760}, {41, 8_192, 245_760}, {42, 8_704, 522_240},
        {50, 22_080, 589_824}, {51, 36_864, 983_040}, {52, 36_864, 2_073_600}, {60, 139_264, 4_177_920},
        {61, 139_264, 8_355_840}, {62, 139_264, 16_711_680},
    };

    private H264Level() {
    }

    /** level_idc (e.g. 40 for level 4.0) for frames {@code width × height} at {@code fps}; -1 when none is enough. */
    static int of(int width, int height, int fps) {
        long across = (width + 15) / 16;
        long down = (height + 15) / 16;
        long frame = across * down;
        for (long[] level : TABLE) {
            long side = (long) Math.floor(Math.sqrt(8.0 * level[1]));
            if (frame <= level[1] && across <= side && down <= side && frame * fps <= level[2]) {
                return (int) level[0];
            }
        }
        return -1;
    }

    /** The largest frame an H.264 movie may have, said for a message. */
    static String largest() {
        return "139,264 macroblocks of 16×16 pixels a frame and 16,711,680 a second, H.264 level 6.2: 7680×4320 at up"
                + " to 128 frames a second";
    }
}
