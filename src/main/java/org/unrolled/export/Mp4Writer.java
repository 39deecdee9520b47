package org.unrolled.export;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import org.jcodec.api.transcode.SinkImpl;
import org.jcodec.codecs.h264.H264Encoder;
import org.jcodec.common.Codec;
import org.jcodec.common.Format;
import org.jcodec.common.VideoCodecMeta;
import org.jcodec.common.VideoEncoder;
import org.jcodec.common.io.NIOUtils;
import org.jcodec.common.model.ColorSpace;
import org.jcodec.common.model.Packet;
import org.jcodec.common.model.Picture;
import org.jcodec.common.model.Size;

/**
 * An H.264 MP4 (JCodec, pure Java) at a whole number of frames per second. As JCodec's SequenceEncoder,
 * with three differences for speed. The motion search is narrow ({@link #MOTION_SEARCH}). The frames are
 * converted to YUV in one pass ({@link Yuv420}). And the frames between two key frames are a run
 * ({@link #run()}) that one lane encodes with an encoder of its own, so that two runs are encoded at once
 * on two cores. Runs are written in order, so the file does not depend on how many lanes there are.
 */
final class Mp4Writer implements MovieWriter<Mp4Writer.Frame> {
    /**
     * Motion search, in pixels either way: narrow, as the picture hardly moves between frames (JCodec's
     * default ±16 was most of the time spent a frame). None at all saved a sixth of the encoding time
     * but left ghosts of the previous frame's labels where the view shifts, so ±2 stays.
     */
    static final int MOTION_SEARCH = 2;
    /**
     * A key frame every this many frames (a second at the default 30 fps), so that a player can seek; also
     * the run one lane encodes, so an export of more than this many frames keeps two cores encoding.
     */
    static final int KEY_INTERVAL = 30;
    private final Path file;
    private final SinkImpl sink;
    private final VideoCodecMeta meta;
    private final int width;
    private final int height;
    private final int fps;
    /** The H.264 level written in the stream: the one this size and rate need (JCodec would write 4.0). */
    private final int level;
    private boolean finished;

    /** One encoded frame: the H.264 access unit and whether it is a key frame. */
    record Frame(ByteBuffer data, boolean key) {
    }

    Mp4Writer(Path file, int width, int height, int fps) throws IOException {
        if (width % 2 != 0 || height % 2 != 0) {
            // H.264 in 4:2:0 needs even sides; say so rather than write a file players reject
            throw new IOException("an MP4 needs an even width and height, got " + width + "x" + height);
        }
        level = H264Level.of(width, height, fps);
        if (level < 0) {
            throw new IOException("an MP4 of " + width + "x" + height + " at " + fps + " frames a second is larger than any "
                    + "H.264 player must play (at most " + H264Level.largest() + "): choose a smaller --size or --fps");
        }
        this.file = file;
        this.width = width;
        this.height = height;
        this.fps = fps;
        sink = new SinkImpl(file.toString(), Format.MOV, Codec.H264, null);
        sink.init();
        meta = VideoCodecMeta.createSimpleVideoCodecMeta(new Size(width, height), ColorSpace.YUV420J);
    }

    @Override
    public int run() {
        return KEY_INTERVAL;
    }

    @Override
    public Lane<Frame> lane() {
        return new Lane<>() {
            private final Picture yuv = Picture.create(width, height, ColorSpace.YUV420J);
            private H264Encoder encoder;
            private ByteBuffer buffer;

            @Override
            public void load(int index, int[] argb) {
                if (index % KEY_INTERVAL == 0) { // a run starts: a new encoder, whose first frame is a key frame
                    encoder = new LevelledEncoder(level);
                    encoder.setMotionSearchRange(MOTION_SEARCH);
                    encoder.setKeyInterval(KEY_INTERVAL);
                    if (buffer == null) { // the size the encoder asks for, which also bounds its rate control
                        buffer = ByteBuffer.allocate(encoder.estimateBufferSize(yuv));
                    }
                }
                Yuv420.fromArgb(argb, width, height, yuv);
            }

            @Override
            public Frame encode() {
                buffer.clear();
                VideoEncoder.EncodedFrame f = encoder.encodeFrame(yuv, buffer);
                return new Frame(NIOUtils.clone(f.getData()), f.isKeyFrame());
            }
        };
    }

    @Override
    public void write(int index, Frame frame) throws IOException {
        Packet packet = Packet.createPacket(frame.data(), index, fps, 1, index,
                frame.key() ? Packet.FrameType.KEY : Packet.FrameType.INTER, null);
        sink.outputVideoPacket(packet, meta);
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

    /** JCodec's encoder, its sequence parameter set saying the level the movie needs instead of always 4.0. */
    private static final class LevelledEncoder extends H264Encoder {
        private final int level;

        LevelledEncoder(int level) {
            super(new org.jcodec.codecs.h264.encode.DumbRateControl());
            this.level = level;
        }

        @Override
        public org.jcodec.codecs.h264.io.model.SeqParameterSet initSPS(Size size) {
            org.jcodec.codecs.h264.io.model.SeqParameterSet sps = super.initSPS(size);
            sps.levelIdc = level;
            return sps;
        }
    }
}
