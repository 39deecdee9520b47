package org.unrolled.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
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
import org.unrolled.engine.Engine;
import org.unrolled.engine.Trace;
import org.unrolled.export.ExportOptions;
import org.unrolled.export.Exporter;
import org.unrolled.export.FormatExport;
import org.unrolled.export.FramePlan;
import org.unrolled.export.AwtFrameSource;
import org.unrolled.export.HeadlessFx;
import org.unrolled.export.VectorFrames;
import org.unrolled.io.Samples;
import org.unrolled.view.Phase;
import org.unrolled.view.StepSchedule;
import org.unrolled.view.ViewSettings;

/**
 * The export formats beside the PNG sequence, per frame, in one run: the same 61 frames as
 * {@link ExportBenchmark} (an LSTM with H = 16, T = 30, one frame per step of both passes) as PNG frames
 * and MP4 at 1920×1080 and as a GIF at 1280×720, with the drawing alone at 1280×720 for the GIF's
 * comparison; one SVG frame of an LSTM with all 50 steps on screen; the whole vanishing-gradient lesson
 * (4 beats, 6 pages: two questions asked, then revealed) as one PDF. Run it together with {@link ExportBenchmark} ({@code tools/bench/export.sh}).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 1, time = 5)
@Measurement(iterations = 3, time = 5)
@Fork(1)
public class ExportFormatsBenchmark {
    private static final int FRAMES = 61;
    private DocumentTrace trace;
    private Trace fifty;
    private DocumentTrace lesson;
    private ExportOptions hd;
    private ExportOptions hd720;
    private Path root;
    private int run;
    private AwtFrameSource source720;
    private double[] positions;

    @Setup(Level.Trial)
    public void setUp() throws Exception {
        HeadlessFx.start();
        trace = DocumentTrace.run(ScenarioDocument.of(Scenarios.manyToMany(CellType.LSTM, 4, 16, 4, 30, 7),
                "benchmark"));
        fifty = Engine.run(Scenarios.manyToMany(CellType.LSTM, 4, 16, 4, 50, 7));
        lesson = DocumentTrace.run(Samples.load("rnn-vanishing.json"));
        hd = new ExportOptions(1920, 1080, 1, 1.0, Phase.BOTH, 0, 0, "light", "f_%04d.png");
        hd720 = new ExportOptions(1280, 720, 1, 1.0, Phase.BOTH, 0, 0, "light", "f_%04d.png");
        if (FormatExport.count(FormatExport.Format.MP4, trace, hd) != FRAMES) {
            throw new IllegalStateException("expected " + FRAMES + " frames");
        }
        root = Files.createTempDirectory("unrolled-formats-bench");
        source720 = new AwtFrameSource(trace, hd720);
        FramePlan plan = new FramePlan(trace, hd720);
        positions = new double[FRAMES];
        for (int i = 0; i < FRAMES; i++) {
            positions[i] = plan.position(i);
        }
    }

    @TearDown(Level.Trial)
    public void tearDown() throws Exception {
        try (Stream<Path> files = Files.walk(root)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    private Exporter.Result export(FormatExport.Format f, DocumentTrace t, ExportOptions o, String ext) throws Exception {
        Path out = root.resolve("run" + run++ + ext);
        FormatExport.prepare(f, out, o);
        return FormatExport.run(f, t, o, out, new AwtFrameSource(t, o), (d, n) -> { }, new AtomicBoolean());
    }

    /** PNG frames at 1920×1080, per frame; warmed up as long as {@link ExportBenchmark}'s export, to compare with it. */
    @Benchmark
    @Warmup(iterations = 10, time = 3)
    @Measurement(iterations = 10, time = 3)
    @OperationsPerInvocation(FRAMES)
    public Object png1080() throws Exception {
        return export(FormatExport.Format.PNG, trace, hd, "");
    }

    /** The same frames as an H.264 MP4, per frame. */
    @Benchmark
    @OperationsPerInvocation(FRAMES)
    public Object mp4At1080() throws Exception {
        return export(FormatExport.Format.MP4, trace, hd, ".mp4");
    }

    /** The same frames drawn and read back at 1280×720, not encoded: the GIF's drawing alone. */
    @Benchmark
    @OperationsPerInvocation(FRAMES)
    public int[] render720() throws Exception {
        int[] pixels = new int[1280 * 720];
        for (double p : positions) {
            source720.render(p, pixels);
        }
        return pixels;
    }

    /** The same frames at 1280×720 as a looping GIF, per frame. */
    @Benchmark
    @OperationsPerInvocation(FRAMES)
    public Object gifAt720() throws Exception {
        return export(FormatExport.Format.GIF, trace, hd720, ".gif");
    }

    /** One 1920×1080 frame of an LSTM with all 50 steps on screen, as SVG text. */
    @Benchmark
    public String svgFrameFiftySteps() {
        return VectorFrames.svg(fifty, ViewSettings.defaults(), 25.5, 1920, 1080);
    }

    /** The vanishing-gradient lesson, four beats (six pages: two questions asked, then revealed), as one PDF with captions (written to disk). */
    @Benchmark
    public Object lessonPdf() throws Exception {
        ExportOptions o = new ExportOptions(1920, 1080, 30, 1.0, Phase.BOTH, 0, 0, "light", "f_%04d.png");
        return export(FormatExport.Format.PDF, lesson, o, ".pdf");
    }
}
