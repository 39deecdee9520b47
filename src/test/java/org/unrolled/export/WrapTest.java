package org.unrolled.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.unrolled.view.Fonts;
import org.unrolled.view.draw.AwtFonts;

/** Captions broken into lines that fit: at spaces, and between characters where a word alone does not fit. */
class WrapTest {
    private static final java.awt.Font FONT = AwtFonts.of(Fonts.regular(30));

    private static void fits(List<String> lines, double room) {
        for (String line : lines) {
            assertTrue(AwtFonts.width(FONT, line) <= room || line.codePointCount(0, line.length()) == 1,
                    "\"" + line + "\" is " + AwtFonts.width(FONT, line) + " px wide, the room " + room);
        }
    }

    @Test
    void wordsGoToTheNextLineWhole() {
        List<String> lines = VectorFrames.PdfBook.wrap("the gradient fades step by step on its way back", FONT, 300);
        fits(lines, 300);
        assertTrue(lines.size() > 1, lines.toString());
        assertEquals("the gradient fades step by step on its way back", String.join(" ", lines));
    }

    @Test
    void aLanguageWithoutSpacesIsBrokenBetweenItsCharacters() {
        // 60 characters of Chinese, no space: one "word" far wider than the room
        String chinese = "梯度在时间上反向传播时逐步消失".repeat(4);
        List<String> lines = VectorFrames.PdfBook.wrap(chinese, FONT, 400);
        fits(lines, 400);
        assertTrue(lines.size() >= 3, lines.toString());
        assertEquals(chinese, String.join("", lines), "every character kept, in order");
        String name = "x".repeat(500) + " end";
        List<String> broken = VectorFrames.PdfBook.wrap(name, FONT, 400);
        fits(broken, 400);
        assertEquals(name.replace(" ", ""), String.join("", broken).replace(" ", ""));
    }
}
