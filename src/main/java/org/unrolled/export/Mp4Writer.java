package org.unrolled.export;

import java.io.IOException;
import java.nio.file.Path;
import org.jcodec.api.SequenceEncoder;
import org.jcodec.common.Codec;
import org.jcodec.common.Format;
import org.jcodec.common.io.NIOUtils;
import org.jcodec.common.io.SeekableByteChannel;
import org.jcodec.common.model.ColorSpace;
import org.jcodec.common.model.Picture;
import org.jcodec.common.model.Rational;

/** An H.264 MP4 (JCodec, pure Java) at a whole number of frames per second. */
final class Mp4Writer implements MovieWriter {
    private final SeekableByteChannel channel;
    private final SequenceEncoder encoder;
    private final Picture rgb;
    private final int width;
    private final int height;
    private final Path file;

    Mp4Writer(Path file, int width, int height, int fps) throws IOException {
        if (width % 2 != 0 || height % 2 != 0) {
            // H.264 in 4:2:0 needs even sides; say so rather than write a file players reject
            throw new IOException("an MP4 needs an even width and height, got " + width + "x" + height);
        }
        this.width = width;
        this.height = height;
        this.file = file;
        channel = NIOUtils.writableChannel(file.toFile());
        encoder = new SequenceEncoder(channel, Rational.R(fps, 1), Format.MOV, Codec.H264, null);
        rgb = Picture.create(width, height, ColorSpace.RGB);
    }

    @Override
    public void add(int[] argb) throws IOException {
        // JCodec's RGB planes hold each sample minus 128
        byte[] dst = rgb.getPlaneData(0);
        int n = width * height;
        for (int i = 0, k = 0; i < n; i++, k += 3) {
            int p = argb[i];
            dst[k] = (byte) (((p >> 16) & 255) - 128);
            dst[k + 1] = (byte) (((p >> 8) & 255) - 128);
            dst[k + 2] = (byte) ((p & 255) - 128);
        }
        encoder.encodeNativeFrame(rgb);
    }

    @Override
    public void finish() throws IOException {
        encoder.finish();
        channel.close();
        Mp4Times.clear(file);
    }

    @Override
    public void close() throws IOException {
        channel.close();
    }
}
