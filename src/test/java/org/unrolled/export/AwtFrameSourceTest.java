package org.unrolled.export;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.unrolled.document.DocumentTrace;
import org.unrolled.io.Samples;
import org.unrolled.view.Phase;

/**
 * The frames the raster exports write are drawn through Java2D on the export's own threads: they must be
 * the picture the window's JavaFX canvas draws (up to anti-aliasing), fill every pixel, and not depend on
 * which thread drew them or what it drew before.
 */
class AwtFrameSourceTest {
    private static final DocumentTrace LSTM = DocumentTrace.run(Samples.load("lstm-highway.json"));
    private static final DocumentTrace VANISHING = DocumentTrace.run(Samples.load("rnn-vanishing.json"));

    @BeforeAll
    static void startFx() throws Exception {
        HeadlessFx.start();
    }

    private static BufferedImage image(int[] px, int w, int h) {
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_ARGB);
        img.setRGB(0, 0, w, h, px, 0, w);
        return img;
    }

    /** Frame {@code i} of the plan as the export draws it (Java2D) and as the window's canvas draws it. */
    private static BufferedImage[] both(DocumentTrace trace, ExportOptions o, FramePlan plan, int i) throws Exception {
        int[] awt = new int[o.width() * o.height()];
        int[] fx = new int[awt.length];
        new AwtFrameSource(trace, o).render(plan, i, awt);
        new FxFrameSource(trace, o).render(plan, i, fx);
        return new BufferedImage[] {image(awt, o.width(), o.height()), image(fx, o.width(), o.height())};
    }

    @Test
    void networkFramesAreTheCanvasPictureInEveryTheme() throws Exception {
        for (String theme : new String[] {"light", "dark", "projector"}) {
            ExportOptions o = new ExportOptions(1280, 720, 2, 1, Phase.BOTH, 0, 0, theme, "f_%04d.png");
            FramePlan plan = new FramePlan(LSTM, o);
            for (int i : new int[] {0, plan.count() / 3, plan.count() - 1}) {
                BufferedImage[] pair = both(LSTM, o, plan, i);
                VectorFramesTest.dump("source-" + theme + "-" + i + "-awt", pair[0]);
                VectorFramesTest.dump("source-" + theme + "-" + i + "-fx", pair[1]);
                double share = VectorFramesTest.differing(pair[0], pair[1], 48);
                assertTrue(share < 0.001, theme + ", frame " + (i + 1) + ": " + share + " of the pixels differ");
            }
        }
    }

    @Test
    void presentationFramesAreTheCanvasPicture() throws Exception {
        ExportOptions o = new ExportOptions(960, 540, 1, 1, Phase.BOTH, 0, 0, "light", "f_%04d.png",
                ExportOptions.Layout.PRESENTATION);
        FramePlan plan = new FramePlan(VANISHING, o);
        for (int i : new int[] {0, plan.count() / 2, plan.count() - 1}) {
            BufferedImage[] pair = both(VANISHING, o, plan, i);
            double share = VectorFramesTest.differing(pair[0], pair[1], 48);
            assertTrue(share < 0.002, "frame " + (i + 1) + ": " + share + " of the pixels differ");
        }
    }

    @Test
    void theComparisonSeesAFrameOfAnotherStep() throws Exception {
        ExportOptions o = new ExportOptions(1280, 720, 2, 1, Phase.BOTH, 0, 0, "light", "f_%04d.png");
        FramePlan plan = new FramePlan(LSTM, o);
        int[] one = new int[1280 * 720];
        int[] other = new int[one.length];
        new AwtFrameSource(LSTM, o).render(plan, 3, one);
        new FxFrameSource(LSTM, o).render(plan, 4, other);
        assertTrue(VectorFramesTest.differing(image(one, 1280, 720), image(other, 1280, 720), 48) > 0.001);
    }

    @Test
    void everyPixelIsPaintedOpaqueWhateverTheBufferHeld() throws Exception {
        for (ExportOptions.Layout layout : ExportOptions.Layout.values()) {
            ExportOptions o = new ExportOptions(640, 360, 1, 1, Phase.BOTH, 0, 0, "dark", "f_%04d.png", layout);
            FramePlan plan = new FramePlan(VANISHING, o);
            int[] px = new int[640 * 360];
            Arrays.fill(px, 0x12345678); // a buffer reused from an earlier frame, or garbage
            new AwtFrameSource(VANISHING, o).render(plan, 0, px);
            for (int k = 0; k < px.length; k++) {
                assertEquals(0xff, px[k] >>> 24, layout + ": pixel " + k + " is not opaque");
            }
        }
    }

    @Test
    void framesDrawnOnManyThreadsInAnyOrderAreTheFramesDrawnInOrder() throws Exception {
        ExportOptions o = new ExportOptions(480, 270, 4, 1, Phase.BOTH, 0, 0, "light", "f_%04d.png");
        FramePlan plan = new FramePlan(LSTM, o);
        AwtFrameSource source = new AwtFrameSource(LSTM, o);
        assertTrue(source.concurrent());
        int n = plan.count();
        int[][] inOrder = new int[n][480 * 270];
        for (int i = 0; i < n; i++) {
            source.render(plan, i, inOrder[i]);
        }
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            order.add(i);
        }
        Collections.shuffle(order, new Random(7));
        int[][] shuffled = new int[n][480 * 270];
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int i : order) {
                done.add(pool.submit(() -> {
                    source.render(plan, i, shuffled[i]);
                    return null;
                }));
            }
            for (Future<?> f : done) {
                f.get();
            }
        } finally {
            pool.shutdown();
        }
        for (int i = 0; i < n; i++) {
            assertArrayEquals(inOrder[i], shuffled[i], "frame " + (i + 1));
        }
    }

    @Test
    void aPresentationFrameIsTheSamePictureWhateverOrderTheFramesAreDrawnIn() throws Exception {
        // the network's scale follows from the frames before in the plan, and a held frame is its still again.
        // An export starts at a zoom that rarely needs to grow; started from none, in this lesson at 4 frames a
        // second the zoom grows at frame 36, so an order that draws a later frame first would draw the earlier
        // ones larger if the scale followed the drawing
        DocumentTrace step = DocumentTrace.run(Samples.load("rnn-step.json"));
        ExportOptions o = new ExportOptions(320, 180, 4, 1, Phase.BOTH, 0, 0, "light", "f_%04d.png",
                ExportOptions.Layout.PRESENTATION);
        FramePlan plan = new FramePlan(step, o);
        int n = plan.count();
        PresentationLayout sizes = PresentationLayout.startingUnzoomed(step, o);
        double scale = sizes.start();
        java.util.Set<Double> scales = new java.util.HashSet<>();
        int held = 0;
        for (int i = 0; i < n; i++) {
            scale = sizes.scale(plan.still(i), scale);
            scales.add(scale);
            held += plan.repeatsPrevious(i) ? 1 : 0;
        }
        assertTrue(scales.size() > 1, "the zoom grows within these frames: " + scales);
        assertTrue(held >= 3, "a still is held only " + held + " times");
        AwtFrameSource inOrder = new AwtFrameSource(step, o, PresentationLayout.startingUnzoomed(step, o));
        int[][] expected = new int[n][320 * 180];
        for (int i = 0; i < n; i++) {
            Arrays.fill(expected[i], 0x12345678);
            inOrder.render(plan, i, expected[i]);
        }
        // out of order (held frames asked for after other stills, later frames first), as an MP4's lanes ask
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            order.add(i);
        }
        Collections.shuffle(order, new Random(11));
        AwtFrameSource shuffled = new AwtFrameSource(step, o, PresentationLayout.startingUnzoomed(step, o));
        int[] px = new int[320 * 180];
        for (int i : order) {
            Arrays.fill(px, 0x12345678);
            shuffled.render(plan, i, px);
            assertArrayEquals(expected[i], px, "shuffled, frame " + (i + 1));
        }
    }

    @Test
    void theDialogsPresentationPreviewIsTheExportsFirstFrame() throws Exception {
        ExportOptions o = new ExportOptions(640, 360, 10, 1, Phase.BOTH, 0, 0, "light", "f_%04d.png",
                ExportOptions.Layout.PRESENTATION);
        int[] frame = new int[640 * 360];
        new AwtFrameSource(VANISHING, o).render(new FramePlan(VANISHING, o), 0, frame);
        int[] preview = FormatExport.first(FormatExport.Format.PNG, VANISHING, o).pixels(VANISHING, o, 640, 360);
        assertArrayEquals(frame, preview, "at the export's own size the preview is its first frame");
        // smaller, the network keeps the export's zoom in proportion: its picture is the frame's, made smaller
        int[] half = FormatExport.first(FormatExport.Format.PNG, VANISHING, o).pixels(VANISHING, o, 320, 180);
        BufferedImage shrunk = new BufferedImage(320, 180, BufferedImage.TYPE_INT_ARGB);
        java.awt.Graphics2D g = shrunk.createGraphics();
        g.setRenderingHint(java.awt.RenderingHints.KEY_INTERPOLATION, java.awt.RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        g.drawImage(image(frame, 640, 360), 0, 0, 320, 180, null);
        g.dispose();
        double share = VectorFramesTest.differing(image(half, 320, 180), shrunk, 48);
        assertTrue(share < 0.03, share + " of the pixels differ from the frame made smaller");
    }

    /** A word on white, black, 28 px, through {@code pen}. */
    private static void word(org.unrolled.view.draw.Pen pen, String text, boolean bold) {
        pen.setFill(javafx.scene.paint.Color.WHITE);
        pen.fillRect(0, 0, 320, 60);
        pen.setFill(javafx.scene.paint.Color.BLACK);
        pen.setFont(bold ? org.unrolled.view.Fonts.bold(28) : org.unrolled.view.Fonts.regular(28));
        pen.setTextBaseline(javafx.geometry.VPos.TOP);
        pen.fillText(text, 8, 10);
    }

    @Test
    void lettersTheBundledFontLacksAreDrawnFromTheSystemsFontsAsTheWindowDrawsThem() throws Exception {
        String text = "谢谢 merci";
        org.junit.jupiter.api.Assumptions.assumeTrue(java.util.Arrays.stream(java.awt.GraphicsEnvironment
                .getLocalGraphicsEnvironment().getAllFonts()).anyMatch(f -> f.canDisplay('谢')),
                "no font on this machine has Chinese letters");
        for (boolean bold : new boolean[] {false, true}) {
            BufferedImage canvas = FxThread.call(() -> {
                javafx.scene.canvas.Canvas c = new javafx.scene.canvas.Canvas(320, 60);
                word(new org.unrolled.view.draw.FxPen(c.getGraphicsContext2D()), text, bold);
                javafx.scene.image.WritableImage img = c.snapshot(null, null);
                int[] px = new int[320 * 60];
                img.getPixelReader().getPixels(0, 0, 320, 60, javafx.scene.image.PixelFormat.getIntArgbInstance(), px, 0,
                        320);
                return image(px, 320, 60);
            });
            BufferedImage awt = new BufferedImage(320, 60, BufferedImage.TYPE_INT_ARGB);
            java.awt.Graphics2D g = awt.createGraphics();
            word(new org.unrolled.view.draw.AwtPen(g), text, bold);
            g.dispose();
            // the bundled face alone draws a box for each Chinese letter
            BufferedImage boxes = new BufferedImage(320, 60, BufferedImage.TYPE_INT_ARGB);
            java.awt.Graphics2D b = boxes.createGraphics();
            b.setColor(java.awt.Color.WHITE);
            b.fillRect(0, 0, 320, 60);
            b.setColor(java.awt.Color.BLACK);
            b.setRenderingHint(java.awt.RenderingHints.KEY_TEXT_ANTIALIASING, java.awt.RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            java.awt.Font face = bold ? org.unrolled.view.draw.AwtFonts.boldFace() : org.unrolled.view.draw.AwtFonts.regularFace();
            b.setFont(face.deriveFont(28f));
            b.drawString(text, 8f, 10f + (float) org.unrolled.view.draw.AwtFonts.ascent(face.deriveFont(28f)));
            b.dispose();
            VectorFramesTest.dump("word-" + bold + "-fx", canvas);
            VectorFramesTest.dump("word-" + bold + "-awt", awt);
            VectorFramesTest.dump("word-" + bold + "-boxes", boxes);
            double drawn = VectorFramesTest.differing(canvas, awt, 64);
            double boxed = VectorFramesTest.differing(canvas, boxes, 64);
            assertTrue(drawn < 0.01, "bold " + bold + ": " + drawn + " of the pixels differ");
            assertTrue(boxed > 3 * drawn && boxed > 0.01, "bold " + bold + ": the boxes differ by only " + boxed);
            // an SVG keeps the string as text, whole: its viewer finds the letters in its own fonts
            String svg = VectorFrames.svg(pen -> word(pen, text, bold), 320, 60);
            assertTrue(svg.contains(">" + text + "<"), svg);
        }
    }
}
