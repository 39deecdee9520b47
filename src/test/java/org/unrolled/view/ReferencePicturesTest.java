package org.unrolled.view;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;
import javafx.application.Platform;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.unrolled.engine.Trace;
import org.unrolled.export.HeadlessFx;

/**
 * Issue 15's reference pictures: twenty frames (sample, place, theme, what is ringed, the picture's size in
 * the window or presenting) drawn headless as the window draws them, against the PNGs committed in
 * {@code src/test/resources/reference/}. A pixel may differ by anti-aliasing: the test fails when more than
 * {@link #ALLOWED_SHARE} of the pixels differ by more than {@link #TOLERANCE} levels in a channel, and then
 * writes the fresh render and a difference image (differing pixels in magenta over a faded copy) to
 * {@code target/reference-diff/}.
 *
 * <p>After a deliberate change to the picture, redraw them all and look at every one before committing:
 * {@code mvn -B test -Dtest=ReferencePicturesTest -Dreference.update=true}.
 */
class ReferencePicturesTest {
    static final Path DIR = Path.of("src/test/resources/reference");
    static final int TOLERANCE = 48;
    static final double ALLOWED_SHARE = 0.001;

    /** One reference frame; {@code position} past the end is clamped to the last place of the timeline. */
    record Frame(String name, String sample, double position, String theme, int w, int h, boolean presenting,
            Set<String> highlight) {
    }

    static final List<Frame> FRAMES = List.of(
            new Frame("default-step3-light-window1920", "default.json", 3, "light", 1490, 646, false, Set.of()),
            new Frame("default-backward-dark-window1920", "default.json", 16, "dark", 1490, 646, false, Set.of()),
            new Frame("default-end-projector-present1920", "default.json", 20, "projector", 1920, 664, true, Set.of()),
            new Frame("vanishing-end-projector-present1920", "rnn-vanishing.json", 60, "projector", 1920, 664, true, Set.of()),
            new Frame("vanishing-backward-light-window1024", "rnn-vanishing.json", 45, "light", 1024, 313, false, Set.of()),
            new Frame("exploding-backward-dark-present1920", "rnn-exploding.json", 45, "dark", 1920, 664, true, Set.of()),
            new Frame("highway-backward-light-window1920", "lstm-highway.json", 35, "light", 1490, 646, false, Set.of()),
            new Frame("gates-step4-projector-present1280", "lstm-gates.json", 4, "projector", 1280, 412, true, Set.of()),
            new Frame("gru-seq2seq-step6-light-window1920", "gru-seq2seq.json", 6, "light", 1490, 646, false, Set.of()),
            new Frame("translation-context-projector-present1920", "translation.json", 5, "projector", 1920, 664, true,
                    Set.of("context", "y")),
            new Frame("translation-end-light-window1280", "translation.json", 7, "light", 1280, 265, false,
                    Set.of("y", "target")),
            new Frame("tagging-step3-light-window1920", "tagging.json", 3, "light", 1490, 646, false, Set.of()),
            new Frame("tagging-step3-dark-present1024", "tagging.json", 3, "dark", 1024, 453, true, Set.of()),
            new Frame("sentiment-forward-end-light-present1920", "sentiment.json", 3, "light", 1920, 664, true, Set.of("y")),
            new Frame("captioning-step6-dark-present1280", "captioning.json", 6, "dark", 1280, 412, true, Set.of()),
            new Frame("teacher-forcing-backward-light-window1920", "teacher-forcing.json", 16, "light", 1490, 646, false,
                    Set.of("gradient")),
            new Frame("rnn-step-weights-light-present1920", "rnn-step.json", 2, "light", 1920, 664, true, Set.of("W")),
            new Frame("one-to-one-projector-present1024", "one-to-one.json", 1, "projector", 1024, 453, true, Set.of()),
            new Frame("adding-lstm-backward-light-present1920", "adding-lstm.json", 150, "light", 1920, 664, true, Set.of()),
            new Frame("order-gru-end-dark-window1280", "order-gru.json", 100, "dark", 1280, 265, false, Set.of()));

    @BeforeAll
    static void startFx() throws Exception {
        HeadlessFx.start();
    }

    static BufferedImage render(Frame f) throws Exception {
        org.unrolled.document.DocumentTrace shown = TextAudit.trace(Path.of("samples", f.sample()));
        Trace trace = shown.trace();
        double p = Math.min(f.position(), new StepSchedule(trace).total());
        ViewSettings view = TextAudit.view(shown, f.theme(), f.presenting(), TextAudit.named(f.highlight()), false);
        AtomicReference<BufferedImage> out = new AtomicReference<>();
        AtomicReference<Throwable> error = new AtomicReference<>();
        CountDownLatch done = new CountDownLatch(1);
        Platform.runLater(() -> {
            try {
                out.set(FrameRenderer.toBufferedImage(new FrameRenderer(f.w(), f.h()).render(trace, view, p), null));
            } catch (Throwable t) {
                error.set(t);
            } finally {
                done.countDown();
            }
        });
        done.await();
        if (error.get() != null) {
            throw new AssertionError(f.name() + ": " + error.get(), error.get());
        }
        return out.get();
    }

    @Test
    void everyFrameLooksAsItsReference() throws Exception {
        boolean update = Boolean.getBoolean("reference.update");
        List<String> differ = new ArrayList<>();
        Path diffDir = Path.of("target/reference-diff");
        for (Frame f : FRAMES) {
            BufferedImage fresh = render(f);
            Path ref = DIR.resolve(f.name() + ".png");
            if (update) {
                Files.createDirectories(DIR);
                ImageIO.write(fresh, "png", ref.toFile());
                continue;
            }
            if (!Files.exists(ref)) {
                differ.add(f.name() + ": no reference picture " + ref + " (make them with -Dreference.update=true)");
                continue;
            }
            BufferedImage expected = ImageIO.read(ref.toFile());
            String problem = compare(expected, fresh);
            if (problem != null) {
                Files.createDirectories(diffDir);
                ImageIO.write(fresh, "png", diffDir.resolve(f.name() + "-actual.png").toFile());
                if (expected.getWidth() == fresh.getWidth() && expected.getHeight() == fresh.getHeight()) {
                    ImageIO.write(difference(expected, fresh), "png", diffDir.resolve(f.name() + "-diff.png").toFile());
                }
                differ.add(f.name() + ": " + problem);
            }
        }
        assertTrue(differ.isEmpty(), String.join("\n", differ) + "\n(fresh renders and differences in " + diffDir + ")");
    }

    /** Null when alike within the tolerance, else what differs. */
    static String compare(BufferedImage expected, BufferedImage actual) {
        if (expected.getWidth() != actual.getWidth() || expected.getHeight() != actual.getHeight()) {
            return "size " + actual.getWidth() + "x" + actual.getHeight() + ", expected " + expected.getWidth() + "x"
                    + expected.getHeight();
        }
        long off = 0;
        for (int y = 0; y < expected.getHeight(); y++) {
            for (int x = 0; x < expected.getWidth(); x++) {
                if (channelDifference(expected.getRGB(x, y), actual.getRGB(x, y)) > TOLERANCE) {
                    off++;
                }
            }
        }
        long pixels = (long) expected.getWidth() * expected.getHeight();
        return off > ALLOWED_SHARE * pixels ? off + " of " + pixels + " pixels differ by more than " + TOLERANCE + " levels"
                : null;
    }

    static int channelDifference(int a, int b) {
        int d = 0;
        for (int shift = 0; shift <= 24; shift += 8) {
            d = Math.max(d, Math.abs(((a >>> shift) & 0xff) - ((b >>> shift) & 0xff)));
        }
        return d;
    }

    /** The expected picture faded, with every pixel that differs beyond the tolerance in magenta. */
    static BufferedImage difference(BufferedImage expected, BufferedImage actual) {
        BufferedImage out = new BufferedImage(expected.getWidth(), expected.getHeight(), BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < expected.getHeight(); y++) {
            for (int x = 0; x < expected.getWidth(); x++) {
                int e = expected.getRGB(x, y);
                if (channelDifference(e, actual.getRGB(x, y)) > TOLERANCE) {
                    out.setRGB(x, y, 0xff00ff);
                } else {
                    int grey = (((e >> 16) & 0xff) + ((e >> 8) & 0xff) + (e & 0xff)) / 3;
                    int faded = 255 - (255 - grey) / 4;
                    out.setRGB(x, y, faded << 16 | faded << 8 | faded);
                }
            }
        }
        return out;
    }
}
