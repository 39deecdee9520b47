package org.unrolled.view;

import org.unrolled.document.DocumentTrace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;
import javafx.application.Platform;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.unrolled.engine.Trace;
import org.unrolled.export.HeadlessFx;
import org.unrolled.view.TextAudit.Place;
import org.unrolled.view.TextAuditScreens.Screen;
import org.unrolled.view.draw.RecordingPen;
import org.unrolled.view.draw.RecordingPen.DrawnRoundRect;
import org.unrolled.view.draw.RecordingPen.DrawnText;

/**
 * Issue 15's text and collision audit: every shipped sample, at the first, middle and last place of each
 * pass and at every lesson beat (and question), in the three themes, at the smallest, normal and largest
 * text the window allows, in the window and presenting, on
 * screens of 1920×1080, 1280×720 and 1024×768 — the network and the gradient plot at the sizes the window
 * gives them there. No text under the smallest size, no two strings overlapping, none cut at an edge or
 * across a cell's border. The summary (frames, strings, smallest text) is written to
 * {@code target/text-audit.txt}.
 */
class TextAuditTest {
    /**
     * View ▸ Smaller text at its floor, the normal size, and View ▸ Larger text pressed past its ceiling
     * (the window stops the picture at {@link Palette#LARGEST_SCALE}, so this audits that ceiling).
     */
    static final double[] TEXT_SCALES = {0.7, 1.0, 9.0};

    @BeforeAll
    static void startFx() throws Exception {
        HeadlessFx.start();
    }

    @Test
    void everyFrameOfEverySampleHasLegibleTextThatNothingCovers() throws Exception {
        List<String> problems = new ArrayList<>();
        int frames = 0;
        long strings = 0;
        long ringCount = 0;
        long badgeCount = 0;
        double smallestWindow = Double.POSITIVE_INFINITY;
        double smallestPresenting = Double.POSITIVE_INFINITY;
        for (Path sample : TextAudit.samples()) {
            DocumentTrace shown = TextAudit.trace(sample);
            Trace trace = shown.trace();
            String name = sample.getFileName().toString();
            for (Place place : TextAudit.places(shown)) {
                for (String theme : TextAudit.THEMES) {
                    for (Screen screen : TextAuditScreens.SCREENS) {
                      for (double textScale : TEXT_SCALES) {
                        ViewSettings view = TextAudit.view(shown, theme, screen.presenting(), place.highlight(),
                                place.hideUncomputed(), textScale);
                        List<Rect> cells = new ArrayList<>();
                        List<DrawnRoundRect> rings = new ArrayList<>();
                        List<Rect> badges = new ArrayList<>();
                        List<DrawnText> texts = TextAudit.network(trace, view, place.position(), screen.canvasW(),
                                screen.canvasH(), cells, rings, badges);
                        String where = name + " " + place.name() + " " + theme + " " + screen.name()
                                + (textScale == 1 ? "" : " text ×" + view.palette().scale() / Palette.of(theme).scale());
                        problems.addAll(TextAudit.check(where, texts, screen.canvasW(), screen.canvasH(), view.minText(), cells));
                        problems.addAll(TextAudit.checkRings(where, texts, rings));
                        problems.addAll(TextAudit.checkBadges(where, texts, badges));
                        ringCount += rings.size();
                        badgeCount += badges.size();
                        List<DrawnText> plot = plotTexts(trace, view.palette(), place.position(), screen.plotW(), screen.plotH());
                        problems.addAll(TextAudit.check(where + " plot", plot, screen.plotW(), screen.plotH(), view.minText(),
                                List.of()));
                        frames++;
                        strings += texts.size() + plot.size();
                        for (List<DrawnText> l : List.of(texts, plot)) {
                            for (DrawnText t : l) {
                                if (screen.presenting()) {
                                    smallestPresenting = Math.min(smallestPresenting, t.size());
                                } else {
                                    smallestWindow = Math.min(smallestWindow, t.size());
                                }
                            }
                        }
                      }
                    }
                }
            }
        }
        String summary = String.format(java.util.Locale.ROOT,
                "%d frames (network and plot), %d strings, %d lesson rings and %d badges; smallest text %.1f px in the window,"
                        + " %.1f px presenting; %d problems%s",
                frames, strings, ringCount, badgeCount, smallestWindow, smallestPresenting, problems.size(),
                problems.isEmpty() ? "" : " " + TextAudit.kinds(problems));
        Files.createDirectories(Path.of("target"));
        Files.writeString(Path.of("target/text-audit.txt"), summary + "\n" + String.join("\n", problems) + "\n");
        System.out.println("TEXT AUDIT: " + summary);
        assertTrue(frames > 1000, "the matrix was walked: " + frames);
        assertTrue(ringCount > 1000 && badgeCount > 100, "the lessons' rings and badges were seen: " + summary);
        assertEquals(List.of(), problems.subList(0, Math.min(40, problems.size())), summary);
    }

    private static GradientPlot plot;

    /** The plot's strings: painted on the JavaFX thread (the plot is a control) through a recording pen. */
    private static List<DrawnText> plotTexts(Trace trace, Palette palette, double position, double w, double h)
            throws Exception {
        AtomicReference<List<DrawnText>> out = new AtomicReference<>();
        AtomicReference<Throwable> error = new AtomicReference<>();
        CountDownLatch done = new CountDownLatch(1);
        Platform.runLater(() -> {
            try {
                if (plot == null) {
                    plot = new GradientPlot();
                }
                plot.paletteProperty().set(palette);
                plot.traceProperty().set(trace);
                plot.positionProperty().set(position);
                RecordingPen pen = new RecordingPen(null);
                plot.paintOn(pen, w, h);
                out.set(pen.texts());
            } catch (Throwable t) {
                error.set(t);
            } finally {
                done.countDown();
            }
        });
        done.await();
        if (error.get() != null) {
            throw new AssertionError(error.get());
        }
        return out.get();
    }
}
