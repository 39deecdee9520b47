package org.unrolled.export;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import org.jcodec.api.transcode.PixelStore;
import org.jcodec.api.transcode.SinkImpl;
import org.jcodec.api.transcode.VideoFrameWithPacket;
import org.jcodec.codecs.h264.H264Encoder;
import org.jcodec.common.Codec;
import org.jcodec.common.Format;
import org.jcodec.common.VideoEncoder;
import org.jcodec.common.model.ColorSpace;
import org.jcodec.common.model.Packet;
import org.jcodec.common.model.Picture;
import org.jcodec.scale.ColorUtil;
import org.jcodec.scale.Transform;

/**
 * An H.264 MP4 (JCodec, pure Java) at a whole number of frames per second. As JCodec's SequenceEncoder,
 * but with the encoder's motion search narrowed: consecutive frames of an animation differ by a pulse and
 * some colours, and JCodec's default full search (±16 pixels around every macroblock) was most of the time
 * spent per frame.
 */
final class Mp4Writer implements MovieWriter {
    /** Motion search, in pixels either way; the picture hardly moves between frames. */
    static final int MOTION_SEARCH = 2;
    /** A key frame every this many frames, so that a player can seek. */
    static final int KEY_INTERVAL = 60;
    private final Path file;
    private final Sink sink;
    private final Picture rgb;
    private final Picture yuv;
    private final Transform toYuv = ColorUtil.getTransform(ColorSpace.RGB, ColorSpace.YUV420J);
    private final int width;
    private final int height;
    private final int fps;
    private int frameNo;
    private boolean finished;

    /** JCodec's MP4 sink with our encoder in place of its default one. */
    private static final class Sink extends SinkImpl {
        private final H264Encoder encoder = H264Encoder.createH264Encoder();

        Sink(Path file) {
            super(file.toString(), Format.MOV, Codec.H264, null);
            encoder.setMotionSearchRange(MOTION_SEARCH);
            encoder.setKeyInterval(KEY_INTERVAL);
        }

        @Override
        protected VideoEncoder.EncodedFrame encodeVideo(Picture frame, ByteBuffer buffer) {
            return encoder.encodeFrame(frame, buffer);
        }
    }

    Mp4Writer(Path file, int width, int height, int fps) throws IOException {
        if (width % 2 != 0 || height % 2 != 0) {
            // H.264 in 4:2:0 needs even sides; say so rather than write a file players reject
            throw new IOException("an MP4 needs an even width and height, got " + width + "x" + height);
        }
        this.file = file;
        this.width = width;
        this.height = height;
        this.fps = fps;
        sink = new Sink(file);
        sink.init();
        rgb = Picture.create(width, height, ColorSpace.RGB);
        yuv = Picture.create(width, height, ColorSpace.YUV420J);
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
        toYuv.transform(rgb, yuv);
        Packet packet = Packet.createPacket(null, frameNo, fps, 1, frameNo, Packet.FrameType.KEY, null);
        sink.outputVideoFrame(new VideoFrameWithPacket(packet, new PixelStore.LoanerPicture(yuv, 1)));
        frameNo++;
    }

    @Override
    public void finish() throws IOException {
        finished = true;
        sink.finish();
        Mp4Times.clear(file);
    }

    @Override
    public void close() throws IOException {
        if (!finished) {
            // the sink lets go of its file only in finish(); the unfinished file is then removed by the caller
            sink.finish();
        }
    }
}
