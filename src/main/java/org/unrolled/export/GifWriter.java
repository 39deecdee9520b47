package org.unrolled.export;

import com.madgag.gif.fmsware.AnimatedGifEncoder;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * An animated GIF that loops for ever (animated-gif-lib). GIF counts time in hundredths of a second, so
 * each frame lasts {@code round(100 / fps)} of them: exact at 10, 20, 25 and 50 fps, close otherwise.
 */
final class GifWriter implements MovieWriter {
    private final OutputStream out;
    private final AnimatedGifEncoder gif = new DiagramGifEncoder();
    private final BufferedImage frame;
    private final byte[] bgr;
    private final int width;
    private final int height;

    GifWriter(Path file, int width, int height, int fps) throws IOException {
        this.width = width;
        this.height = height;
        this.out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 16);
        frame = new BufferedImage(width, height, BufferedImage.TYPE_3BYTE_BGR);
        bgr = ((DataBufferByte) frame.getRaster().getDataBuffer()).getData();
        gif.setRepeat(0); // loop for ever
        gif.setDelay(delayMillis(fps));
        gif.setSize(width, height);
        if (!gif.start(out)) {
            throw new IOException("the GIF could not be started");
        }
    }

    /** Frame duration as animated-gif-lib takes it (milliseconds, stored in hundredths). */
    static int delayMillis(int fps) {
        return 10 * Math.max(1, (int) Math.round(100.0 / fps));
    }

    @Override
    public void add(int[] argb) throws IOException {
        int n = width * height;
        for (int i = 0, k = 0; i < n; i++, k += 3) {
            int p = argb[i];
            bgr[k] = (byte) p;
            bgr[k + 1] = (byte) (p >> 8);
            bgr[k + 2] = (byte) (p >> 16);
        }
        if (!gif.addFrame(frame)) {
            throw new IOException("a frame could not be added to the GIF");
        }
    }

    @Override
    public void finish() throws IOException {
        if (!gif.finish()) {
            throw new IOException("the GIF could not be completed");
        }
        out.close();
    }

    @Override
    public void close() throws IOException {
        out.close();
    }
}
