package org.unrolled.bench;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import javafx.geometry.VPos;
import javafx.scene.SnapshotParameters;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.image.WritableImage;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.unrolled.engine.CellType;
import org.unrolled.engine.Engine;
import org.unrolled.engine.Trace;
import org.unrolled.view.FrameRenderer;
import org.unrolled.view.NetworkLayout;
import org.unrolled.view.ViewSettings;

/**
 * One 1920×1080 frame of an LSTM (H = 16) with all 50 steps on screen, drawn and snapshotted in the
 * software pipeline with no display (Monocle), beside a plain reference scene in the same run: 50
 * filled boxes, 800 small squares and 50 labels.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Dglass.platform=Monocle", "-Dmonocle.platform=Headless", "-Dprism.order=sw",
    "-Djava.awt.headless=true", "-Dheadless.geometry=1920x1200-32"})
public class FrameBenchmark {
    private Trace trace;
    private ViewSettings view;
    private FrameRenderer renderer;
    private Canvas reference;
    private final SnapshotParameters params = new SnapshotParameters();
    private WritableImage referenceImage;
    private double position = 25;
    private org.unrolled.engine.Scenario classroom;
    private double rho = 0.9;
    /** The vanishing-gradient lesson's stills in the presentation layout (text band, network, gradient plot). */
    private java.util.List<org.unrolled.export.Stills.Still> presentationStills;
    private org.unrolled.export.PresentationLayout presentation;
    private Canvas presentationCanvas;
    private WritableImage presentationImage;
    private int still;

    @Setup(Level.Trial)
    public void setUp() throws Exception {
        org.unrolled.export.HeadlessFx.start(); // headless software rendering, whatever the command line says
        trace = Engine.run(Scenarios.manyToMany(CellType.LSTM, 4, 16, 4, 50, 3));
        classroom = Scenarios.manyToMany(CellType.LSTM, 4, 32, 4, 100, 5);
        onFx(() -> {
            renderer = new FrameRenderer(1920, 1080);
            reference = new Canvas(1920, 1080);
            return null;
        });
        org.unrolled.document.DocumentTrace lesson = org.unrolled.document.DocumentTrace.run(
                org.unrolled.io.Samples.load("rnn-vanishing.json"));
        presentationStills = org.unrolled.export.Stills.of(lesson, org.unrolled.export.ExportOptions.defaults()
                .withLayout(org.unrolled.export.ExportOptions.Layout.PRESENTATION));
        onFx(() -> {
            presentation = new org.unrolled.export.PresentationLayout(lesson, org.unrolled.view.Palette.LIGHT, 1920, 1080);
            presentationCanvas = new Canvas(1920, 1080);
            return null;
        });
        view = ViewSettings.defaults();
        int visible = onFx(() -> {
            NetworkLayout l = NetworkLayout.compute(trace, view, position, 1920, 1080);
            return (int) l.columns().stream().filter(c -> c.kind() == NetworkLayout.ColumnKind.STEP)
                    .filter(c -> c.x() >= 0 && c.right() <= 1920).count();
        });
        if (visible != 50) {
            throw new IllegalStateException("expected all 50 steps on screen, got " + visible);
        }
    }

    private static <T> T onFx(java.util.concurrent.Callable<T> work) throws Exception {
        return org.unrolled.export.FxThread.call(work);
    }

    /** The network at a position between two steps (the focused cell half open), drawn and snapshotted. */
    @Benchmark
    public Object networkFrame() throws Exception {
        position = position == 25 ? 25.5 : 25; // alternate, so no frame is a repeat of the last
        return onFx(() -> renderer.render(trace, view, position));
    }

    /**
     * A slider drag over a classroom scenario (LSTM, I = 4, H = 32, T = 100): rescale W_hh to a new
     * spectral radius, recompute forward + BPTT, draw the backward phase and snapshot it.
     */
    @Benchmark
    public Object classroomSliderFrame() throws Exception {
        rho = rho == 0.9 ? 1.1 : 0.9;
        return onFx(() -> {
            Trace t = Engine.run(org.unrolled.engine.ScenarioEdits.withSpectralRadius(classroom, rho));
            return renderer.render(t, view, 150);
        });
    }

    /**
     * A 1920×1080 frame of the presentation layout (a lesson beat's caption or question in large type, the
     * network and the gradient plot), the lesson's stills in turn, drawn and snapshotted.
     */
    @Benchmark
    public Object presentationFrame() throws Exception {
        still = (still + 1) % presentationStills.size();
        return onFx(() -> {
            GraphicsContext gc = presentationCanvas.getGraphicsContext2D();
            presentation.paint(new org.unrolled.view.draw.FxPen(gc), presentationStills.get(still));
            presentationImage = presentationCanvas.snapshot(params, presentationImage);
            return presentationImage;
        });
    }

    /** The reference scene: 50 boxes, 800 squares of 14 px, 50 labels, drawn and snapshotted. */
    @Benchmark
    public Object referenceScene() throws Exception {
        return onFx(() -> {
            GraphicsContext gc = reference.getGraphicsContext2D();
            gc.setFill(Color.WHITE);
            gc.fillRect(0, 0, 1920, 1080);
            gc.setFont(Font.font(20));
            gc.setTextBaseline(VPos.CENTER);
            for (int i = 0; i < 50; i++) {
                double x = 20 + i * 37.6;
                gc.setFill(Color.LIGHTSTEELBLUE);
                gc.fillRoundRect(x, 300, 30, 400, 12, 12);
                for (int k = 0; k < 16; k++) {
                    gc.setFill(Color.hsb(k * 20, 0.6, 0.9));
                    gc.fillRect(x + (k % 2) * 15, 720 + (k / 2) * 15, 14, 14);
                }
                gc.setFill(Color.BLACK);
                gc.fillText(String.valueOf(i + 1), x + 8, 280);
            }
            referenceImage = reference.snapshot(params, referenceImage);
            return referenceImage;
        });
    }
}
