package org.unrolled.export;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * An animated GIF that loops for ever (animated-gif-lib). GIF counts time in hundredths of a second, so at
 * most fps a frame cannot last exactly 1/fps: frame {@code i} ends at {@code round(100 (i + 1) / fps)}
 * hundredths, so the frames last 3, 3 and 4 hundredths at 30 fps, and the whole GIF lasts as long as the
 * animation, within half a hundredth ({@link #delayMillis}). Browsers slow frames shorter than 2 hundredths
 * to 10, so a GIF plays at most {@link #MAX_FPS} frames a second.
 * Every frame has its own palette and stands alone, so frames are encoded on several lanes at once
 * ({@link DiagramGifEncoder#frame}) and written in order: the same bytes as one encoder adding them one by one.
 */
final class GifWriter implements MovieWriter<byte[]> {
    private final OutputStream out;
    private final DiagramGifEncoder gif;
    private final int width;
    private final int height;
    private final int fps;

    GifWriter(Path file, int width, int height, int fps) throws IOException {
        this.width = width;
        this.height = height;
        this.fps = fps;
        this.out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 16);
        gif = encoder();
        if (!gif.start(out)) { // the file's header
            throw new IOException("the GIF could not be started");
        }
    }

    private DiagramGifEncoder encoder() {
        DiagramGifEncoder e = new DiagramGifEncoder();
        e.setRepeat(0); // loop for ever
        e.setDelay(delayMillis(0, fps));
        e.setSize(width, height);
        return e;
    }

    /** The most frames a second a GIF plays at: browsers slow a frame shorter than 2 hundredths to 10. */
    static final int MAX_FPS = 50;

    /**
     * How long frame {@code i} lasts, as animated-gif-lib takes it (milliseconds, stored in hundredths): from
     * {@code round(100 i / fps)} to {@code round(100 (i + 1) / fps)} hundredths, so that rounding never adds up.
     */
    static int delayMillis(long i, int fps) {
        return 10 * (int) (Math.round(100.0 * (i + 1) / fps) - Math.round(100.0 * i / fps));
    }

    @Override
    public int run() {
        return 1;
    }

    @Override
    public Lane<byte[]> lane() {
        DiagramGifEncoder e = encoder();
        byte[] bgr = new byte[width * height * 3];
        int[] index = {0};
        return new Lane<>() {
            @Override
            public void load(int i, int[] argb) {
                index[0] = i;
                int n = width * height;
                for (int p = 0, k = 0; p < n; p++, k += 3) {
                    int c = argb[p];
                    bgr[k] = (byte) c;
                    bgr[k + 1] = (byte) (c >> 8);
                    bgr[k + 2] = (byte) (c >> 16);
                }
            }

            @Override
            public byte[] encode() throws IOException {
                e.setDelay(delayMillis(index[0], fps));
                return e.frame(bgr, index[0] == 0);
            }
        };
    }

    @Override
    public void write(int index, byte[] frame) throws IOException {
        out.write(frame);
    }

    @Override
    public void finish() throws IOException {
        if (!gif.finish()) { // the trailer
            throw new IOException("the GIF could not be completed");
        }
        out.close();
    }

    @Override
    public void close() throws IOException {
        out.close();
    }
}
