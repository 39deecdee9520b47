package org.unrolled.bench;

import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Group;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.unrolled.document.DocumentTrace;
import org.unrolled.document.ScenarioDocument;
import org.unrolled.engine.CellType;
import org.unrolled.export.ExportOptions;
import org.unrolled.export.Exporter;
import org.unrolled.export.FramePlan;
import org.unrolled.export.FxFrameSource;
import org.unrolled.export.AwtFrameSource;
import org.unrolled.export.HeadlessFx;
import org.unrolled.view.Phase;
import org.unrolled.view.StepSchedule;

/**
 * Exporting 1920×1080 frames of an LSTM (H = 16, T = 30), per frame, beside in the same run:
 * (a) drawing a frame as the export draws it (the window's painter through Java2D, into a reused pixel
 * buffer), (b) encoding the same images alone on one thread, as the export encodes each frame (its own
 * writer over the JDK's zlib, {@code PngFrames}), (b') the same with pngencoder, which the export used until
 * session 12, (c) the baseline, javax.imageio on one thread, (d) the JavaFX canvas's snapshot read back, as
 * the export drew until session 10, and (e) drawing and encoding at once on two threads, one each. The
 * export runs one lane a core, each drawing a frame and encoding it, so on two cores its floor is
 * max(a, (a + b) / 2). {@code tools/bench/export.sh} runs this with {@link ExportFormatsBenchmark} and
 * prints the floor and the ratio.
 *
 * <p>Every row warms up for 30 s. The export can keep getting faster for longer than the rows alone: the
 * JIT compiler is still busy on the two cores it uses (in a probe of 15 exports at a time, 6.6 s of compile
 * time in the first 12 s, 1.4 s in the next 10, then mostly a few hundred ms a batch, with one more burst
 * of 1.5 s about a minute in). Measured after 6-9 s, as until session 12, a run could catch the export
 * before it had settled.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 10, time = 3)
@Measurement(iterations = 10, time = 3)
@Fork(1)
public class ExportBenchmark {
    /** One frame per step of both passes: 2 × 30 steps and the last frame. */
    private static final int FRAMES = 61;
    private DocumentTrace trace;
    private ExportOptions options;
    private AwtFrameSource source;
    private FxFrameSource canvas;
    private double[] positions;
    private int[][] rendered;
    private Path root;
    private int run;

    @Setup(Level.Trial)
    public void setUp() throws Exception {
        HeadlessFx.start();
        trace = DocumentTrace.run(ScenarioDocument.of(Scenarios.manyToMany(CellType.LSTM, 4, 16, 4, 30, 7),
                "benchmark"));
        options = new ExportOptions(1920, 1080, 1, 1.0, Phase.BOTH, 0, 0, "light", "f_%04d.png");
        FramePlan plan = new FramePlan(new StepSchedule(trace.trace()), options);
        if (plan.count() != FRAMES) {
            throw new IllegalStateException("expected " + FRAMES + " frames, the plan has " + plan.count());
        }
        positions = new double[FRAMES];
        for (int i = 0; i < FRAMES; i++) {
            positions[i] = plan.position(i);
        }
        source = new AwtFrameSource(trace, options);
        canvas = new FxFrameSource(trace, options);
        rendered = new int[FRAMES][1920 * 1080];
        for (int i = 0; i < FRAMES; i++) {
            source.render(positions[i], rendered[i]);
        }
        root = Files.createTempDirectory("unrolled-export-bench");
    }

    @TearDown(Level.Trial)
    public void tearDown() throws Exception {
        try (Stream<Path> files = Files.walk(root)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    /** (a) draw and snapshot, pixels read back: no encoding. */
    @Benchmark
    @OperationsPerInvocation(FRAMES)
    public int[] renderOnly() throws Exception {
        int[] pixels = new int[1920 * 1080];
        for (double p : positions) {
            source.render(p, pixels);
        }
        return pixels;
    }

    /** (b) encode the same frames alone as the export does: level 1, two deflate halves, one thread. */
    @Benchmark
    @OperationsPerInvocation(FRAMES)
    public long encodeOnly() {
        long bytes = 0;
        for (int[] frame : rendered) {
            bytes += Exporter.encode(frame, 1920, 1080).length;
        }
        return bytes;
    }

    /** (b') the encoder the export used until session 12: pngencoder 0.15, level 1, one thread. */
    @Benchmark
    @OperationsPerInvocation(FRAMES)
    public long pngencoderBefore() {
        long bytes = 0;
        java.awt.image.DirectColorModel rgb = new java.awt.image.DirectColorModel(24, 0xff0000, 0x00ff00, 0x0000ff);
        for (int[] frame : rendered) {
            java.awt.image.WritableRaster raster = java.awt.image.Raster.createPackedRaster(
                    new java.awt.image.DataBufferInt(frame, frame.length), 1920, 1080, 1920, rgb.getMasks(), null);
            bytes += new com.pngencoder.PngEncoder().withBufferedImage(new java.awt.image.BufferedImage(rgb, raster, false,
                    null)).withCompressionLevel(1).withMultiThreadedCompressionEnabled(false).toBytes().length;
        }
        return bytes;
    }

    /** (d) the JavaFX canvas: draw, snapshot and read back, on the JavaFX thread. */
    @Benchmark
    @OperationsPerInvocation(FRAMES)
    public int[] renderCanvas() throws Exception {
        int[] pixels = new int[1920 * 1080];
        for (double p : positions) {
            canvas.render(p, pixels);
        }
        return pixels;
    }

    /** (e) drawing as (a), on one thread, while another encodes as (b): what each costs beside the other. */
    @Benchmark
    @Group("drawBesideEncode")
    @OperationsPerInvocation(FRAMES)
    public int[] drawing() throws Exception {
        return renderOnly();
    }

    /** (e) encoding as (b), on one thread, while another draws as (a). */
    @Benchmark
    @Group("drawBesideEncode")
    @OperationsPerInvocation(FRAMES)
    public long encoding() {
        return encodeOnly();
    }

    /** (c) the baseline: javax.imageio on one thread. */
    @Benchmark
    @OperationsPerInvocation(FRAMES)
    public long imageIoBaseline() throws Exception {
        long bytes = 0;
        java.awt.image.BufferedImage img = new java.awt.image.BufferedImage(1920, 1080, java.awt.image.BufferedImage.TYPE_INT_RGB);
        for (int[] frame : rendered) {
            img.setRGB(0, 0, 1920, 1080, frame, 0, 1920);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ImageIO.write(img, "png", out);
            bytes += out.size();
        }
        return bytes;
    }

    /** The export itself: the same 61 frames rendered, encoded and written to disk, with the manifest. */
    @Benchmark
    @OperationsPerInvocation(FRAMES)
    public Object fullExport() throws Exception {
        Path dir = root.resolve("run" + run++);
        Exporter.prepareFolder(dir, options);
        return Exporter.run(trace, options, dir, source, (d, t) -> { }, new AtomicBoolean());
    }
}
