package org.unrolled.view;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import javafx.application.Platform;
import javafx.scene.Group;
import javafx.scene.Scene;
import javafx.scene.SnapshotParameters;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.unrolled.engine.Engine;
import org.unrolled.engine.Trace;
import org.unrolled.export.HeadlessFx;
import org.unrolled.io.ScenarioReader;

/**
 * The canvases draw again only where a frame changed (see {@link org.unrolled.view.draw.CanvasFrames}):
 * after every frame of a playback, a scrub, a theme change and a zoom, every pixel must be what drawing the
 * whole frame afresh gives, and most frames must really have been drawn in part. Headless JavaFX draws in
 * software, so the canvases are strips side by side here (see {@link CanvasRegion}); the picture they make
 * together is compared with the export's one canvas too.
 */
class IncrementalFrameTest {
    private static final int W = 1490;
    private static final int H = 808;
    /**
     * At most this many pixels may differ between the strips and one canvas: a glyph or two a pixel apart (one
     * "0" was 107 pixels). A seam, a strip out of place or a column missing at an edge is 808 pixels or more.
     */
    private static final int GLYPH_PIXELS = 300;
    /** The gradient plot is compared with a plot made afresh (a second object) every this many frames. */
    private static final int FRESH_PLOT_EVERY = 5;
    /** The network is compared with one canvas every this many moves (every move: the test took 5 s longer). */
    private static final int ONE_CANVAS_EVERY = 2;

    @BeforeAll
    static void startFx() throws Exception {
        HeadlessFx.start();
    }

    private static <T> T onFx(Supplier<T> work) throws Exception {
        CompletableFuture<T> f = new CompletableFuture<>();
        Platform.runLater(() -> {
            try {
                f.complete(work.get());
            } catch (Throwable t) {
                f.completeExceptionally(t);
            }
        });
        return f.get(120, TimeUnit.SECONDS);
    }

    private static int differing(int[] a, int[] b) {
        int n = 0;
        for (int i = 0; i < a.length; i++) {
            if (a[i] != b[i]) {
                n++;
            }
        }
        return n;
    }

    private static NetworkCanvas newCanvas(Trace trace) {
        NetworkCanvas c = new NetworkCanvas();
        new Scene(fixed(c));
        c.resize(W, H);
        c.layout();
        c.traceProperty().set(trace);
        return c;
    }

    /**
     * Snapshots into an image and pixels kept from one to the next: a 1490×808 frame is 4.8 MB twice, and
     * new ones for every snapshot of hundreds made the test spend much of its time collecting them.
     */
    private static final class Grab {
        private WritableImage image;
        private int[] pixels;

        int[] of(javafx.scene.Node n) {
            SnapshotParameters p = new SnapshotParameters();
            p.setFill(javafx.scene.paint.Color.TRANSPARENT);
            image = n.snapshot(p, image);
            return read(image);
        }

        int[] read(WritableImage img) {
            int w = (int) img.getWidth();
            int h = (int) img.getHeight();
            if (pixels == null || pixels.length != w * h) {
                pixels = new int[w * h];
            }
            img.getPixelReader().getPixels(0, 0, w, h, PixelFormat.getIntArgbInstance(), pixels, 0, w);
            return pixels;
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"samples/default.json", "samples/translation.json", "samples/rnn-exploding.json",
        "samples/teacher-forcing.json"})
    void networkCanvasMatchesAFullRedrawAfterEveryFrame(String file) throws Exception {
        Trace trace = Engine.run(ScenarioReader.read(Path.of(file)).scenario());
        int n = new StepSchedule(trace).length();
        // a playback's uneven frames, steps, a jump back, the dark theme, a zoom that scrolls, the rolled view
        List<Runnable> moves = new ArrayList<>();
        NetworkCanvas canvas = onFx(() -> newCanvas(trace));
        for (double p = 0; p <= 2 * n; p += 0.45) {
            double at = p;
            moves.add(() -> canvas.positionProperty().set(at));
        }
        // playing: 1.5 steps a second at 60 frames a second, forward and backward
        int playFrom = moves.size();
        for (double start : new double[] {1.8, n + 1.8}) {
            for (int k = 0; k <= 40; k++) {
                double at = start + k * 0.025;
                moves.add(() -> canvas.positionProperty().set(at));
            }
        }
        int playTo = moves.size();
        moves.add(() -> canvas.positionProperty().set(3));
        moves.add(() -> canvas.positionProperty().set(4));
        moves.add(() -> canvas.viewProperty().set(canvas.viewProperty().get().withPalette(Palette.DARK)));
        moves.add(() -> canvas.positionProperty().set(4.5));
        moves.add(() -> canvas.viewProperty().set(canvas.viewProperty().get().withZoom(ViewSettings.MAX_UNIT, 300)));
        moves.add(() -> canvas.positionProperty().set(5.25));
        moves.add(() -> canvas.unfoldProperty().set(0.5));
        moves.add(() -> canvas.unfoldProperty().set(1));
        int partial = 0;
        // one renderer for the whole run: each render paints the whole frame afresh (background first), and a
        // new 1490×808 canvas and image per move made the test spend much of its time collecting them
        FrameRenderer oneCanvas = onFx(() -> new FrameRenderer(W, H));
        Grab shownGrab = new Grab();
        Grab afreshGrab = new Grab();
        Grab oneGrab = new Grab();
        assertTrue(onFx(() -> canvas.getChildrenUnmodifiable().size()) > 1, "the software pipeline draws in strips");
        for (int i = 0; i < moves.size(); i++) {
            Runnable move = moves.get(i);
            boolean againstOneCanvas = i % ONE_CANVAS_EVERY == 0;
            Object[] result = onFx(() -> {
                move.run();
                double share = 0;
                for (double[] r : canvas.lastRedrawn()) {
                    share += (r[2] - r[0]) * (r[3] - r[1]) / (W * H);
                }
                int[] shown = shownGrab.of(canvas);
                // the same frame drawn afresh on the same strips (what the next move starts from is unchanged:
                // where the two differ, the test has already failed)
                canvas.redrawInFull();
                int[] afresh = afreshGrab.of(canvas);
                int apart = 0;
                if (againstOneCanvas) {
                    // and what one canvas (the export's) draws of the same frame
                    WritableImage one = canvas.unfoldProperty().get() < 1
                            ? oneCanvas.renderRolled(trace, canvas.viewProperty().get(), canvas.unfoldProperty().get())
                            : oneCanvas.render(trace, canvas.viewProperty().get(), canvas.positionProperty().get());
                    apart = differing(shown, oneGrab.read(one));
                }
                return new Object[] {differing(shown, afresh), share, apart};
            });
            assertEquals(0, (int) result[0], file + ": pixels differing from a full redraw after move " + i
                    + " (position " + canvas.positionProperty().get() + ")");
            if (againstOneCanvas) {
                assertTrue((int) result[2] <= GLYPH_PIXELS, file + ": " + result[2] + " pixels differ from one canvas"
                        + " after move " + i + " (position " + canvas.positionProperty().get() + ")");
            }
            if ((double) result[1] < 0.5 && i >= playFrom && i < playTo) {
                partial++;
            }
        }
        assertTrue(partial > 0.75 * (playTo - playFrom), file + ": only " + partial + " of " + (playTo - playFrom)
                + " frames of playing drawn in part (under half the canvas)");
    }

    @org.junit.jupiter.api.Test
    void stripsFollowTheWidthAndTogetherDrawWhatOneCanvasDraws() throws Exception {
        Trace trace = Engine.run(ScenarioReader.read(Path.of("samples/default.json")).scenario());
        NetworkCanvas canvas = onFx(() -> newCanvas(trace));
        onFx(() -> {
            canvas.positionProperty().set(3);
            return null;
        });
        // strips about 320 pixels wide: one at 400, five at 1490, three at 1000; and back
        int[][] sizes = {{400, 1}, {W, 5}, {1000, 3}, {W, 5}, {5, 1}};
        for (int[] size : sizes) {
            int w = size[0];
            Object[] result = onFx(() -> {
                canvas.resize(w, H);
                canvas.layout();
                int strips = canvas.getChildrenUnmodifiable().size();
                if (w < 10) {
                    return new Object[] {strips, 0};
                }
                FrameRenderer one = new FrameRenderer(w, H);
                return new Object[] {strips, differing(new Grab().of(canvas),
                        new Grab().read(one.render(trace, canvas.viewProperty().get(), 3)))};
            });
            assertEquals(size[1], (int) result[0], "strips at a width of " + w);
            assertTrue((int) result[1] <= GLYPH_PIXELS, result[1] + " pixels differ from one canvas at a width of " + w);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"samples/default.json", "samples/rnn-vanishing.json"})
    void gradientPlotMatchesAFullRedrawAfterEveryFrame(String file) throws Exception {
        Trace trace = Engine.run(ScenarioReader.read(Path.of(file)).scenario());
        int n = new StepSchedule(trace).length();
        GradientPlot plot = onFx(() -> newPlot(trace));
        Grab shownGrab = new Grab();
        Grab afreshGrab = new Grab();
        int partial = 0;
        int frames = 0;
        Grab freshGrab = new Grab();
        for (double p = 0; p <= 2 * n; p += 0.37) {
            double at = p;
            int index = frames;
            Object[] result = onFx(() -> {
                plot.positionProperty().set(at);
                double share = 0;
                for (double[] r : plot.lastRedrawn()) {
                    share += (r[2] - r[0]) * (r[3] - r[1]) / (W * 250.0);
                }
                int[] shown = shownGrab.of(plot);
                plot.redrawInFull();
                int againstFresh = 0;
                if (index % FRESH_PLOT_EVERY == 0) {
                    GradientPlot fresh = newPlot(trace);
                    fresh.positionProperty().set(at);
                    againstFresh = differing(shown, freshGrab.of(fresh));
                }
                return new Object[] {differing(shown, afreshGrab.of(plot)), share, againstFresh};
            });
            assertEquals(0, (int) result[0], file + ": pixels differing from a full redraw at " + at);
            assertEquals(0, (int) result[2], file + ": pixels differing from a plot made afresh at " + at);
            frames++;
            if ((double) result[1] < 0.6) {
                partial++;
            }
        }
        assertTrue(partial > frames / 2, file + ": only " + partial + " of " + frames + " frames drawn in part");
    }

    /** A parent that leaves the region at the size the test gives it. */
    private static Group fixed(javafx.scene.Node n) {
        Group g = new Group(n);
        g.setAutoSizeChildren(false);
        return g;
    }

    private static GradientPlot newPlot(Trace trace) {
        GradientPlot p = new GradientPlot();
        new Scene(fixed(p));
        p.resize(W, 250);
        p.layout();
        p.traceProperty().set(trace);
        return p;
    }
}
