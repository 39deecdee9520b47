package org.unrolled.view;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import javafx.scene.text.Font;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.unrolled.export.HeadlessFx;

/** Text is measured, not guessed by its length; ticks step by 1, 2, 5 × 10^k. */
class MeasureTest {
    @BeforeAll
    static void startFx() throws Exception {
        HeadlessFx.start();
    }

    @Test
    void widthsFollowTheLettersAndTheSize() {
        double wide = Measure.textWidth("WWWWWWWWWW", 20, false);
        double narrow = Measure.textWidth("iiiiiiiiii", 20, false);
        // DejaVu Sans: W is about 0.99 em, i about 0.28 em; a per-character guess gives both the same width
        assertTrue(wide > 3 * narrow, wide + " against " + narrow);
        assertEquals(2 * Measure.textWidth("tanh", 15, true), Measure.textWidth("tanh", 30, true), 1.0);
        assertTrue(Measure.textWidth("LSTM", 20, true) > Measure.textWidth("LSTM", 20, false), "bold is wider");
        assertEquals(0, Measure.textWidth("", 20, false), 1e-9);
    }

    @Test
    void aShortenedWordFitsItsRoom() {
        Font f = Fonts.regular(18);
        String word = "beaucoup";
        assertEquals(word, Measure.shortened(word, f, Measure.textWidth(word, f) + 1));
        double room = Measure.textWidth(word, f) * 0.7;
        String cut = Measure.shortened(word, f, room);
        assertTrue(cut.endsWith("…") && cut.length() < word.length() + 1, cut);
        assertTrue(Measure.textWidth(cut, f) <= room, cut);
        assertTrue(Measure.textWidth(word.substring(0, cut.length()) + "…", f) > room, "the longest start that fits");
        assertEquals("", Measure.shortened(word, f, 5), "not even two letters fit");
    }

    @Test
    void tickStepsAreOneTwoFiveTimesAPowerOfTen() {
        assertEquals(1, Measure.niceStep(0));
        assertEquals(1, Measure.niceStep(1));
        assertEquals(2, Measure.niceStep(2));
        assertEquals(5, Measure.niceStep(3));
        assertEquals(10, Measure.niceStep(6));
        assertEquals(20, Measure.niceStep(11));
        assertEquals(500, Measure.niceStep(201));
        assertEquals(Integer.MAX_VALUE, Measure.niceStep(Integer.MAX_VALUE));
    }

    /**
     * The window places lesson rings against strings' boxes measured by JavaFX ({@link Measure#METRICS});
     * the text audit checks them with boxes measured through java.awt. The two must agree.
     */
    @Test
    void javaFxAndAwtGiveTheSameBoxes() {
        for (String text : new String[] {"h = tanh(Σ)", "dog ✓  ℓ = 4.9e−4", "t = 30", "‖∂L/∂h‖ 1.3e−4", "W"}) {
            for (double size : new double[] {11, 14, 17.3, 26.5}) {
                for (boolean bold : new boolean[] {false, true}) {
                    for (javafx.geometry.VPos baseline : javafx.geometry.VPos.values()) {
                        var fx = new org.unrolled.view.draw.RecordingPen(null, Measure.METRICS);
                        var awt = new org.unrolled.view.draw.RecordingPen(null);
                        for (var pen : java.util.List.of(fx, awt)) {
                            pen.setFont(bold ? Fonts.bold(size) : Fonts.regular(size));
                            pen.setTextBaseline(baseline);
                            pen.fillText(text, 100, 200);
                        }
                        var a = fx.texts().get(0);
                        var b = awt.texts().get(0);
                        // and where AwtPen draws it: the box's top is the baseline's place less the ascent
                        var f = org.unrolled.view.draw.AwtFonts.of(bold ? Fonts.bold(size) : Fonts.regular(size));
                        assertEquals(200 + org.unrolled.view.draw.AwtFonts.baselineOffset(f, baseline)
                                - org.unrolled.view.draw.AwtFonts.ascent(f), b.y(), 1e-9, text + " " + baseline);
                        String what = text + " " + size + (bold ? " bold " : " ") + baseline;
                        // within 0.05 px: AWT takes a font size as a float
                        assertEquals(b.x(), a.x(), 0.05, what);
                        assertEquals(b.y(), a.y(), 0.05, what);
                        assertEquals(b.w(), a.w(), 0.05, what);
                        assertEquals(b.h(), a.h(), 0.05, what);
                    }
                }
            }
        }
    }
}
