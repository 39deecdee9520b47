package org.unrolled.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Set;
import org.unrolled.document.Highlight;
import org.junit.jupiter.api.Test;
import org.unrolled.document.Highlight;
import org.unrolled.view.Palette;
import org.unrolled.view.ViewSettings;

/** Each part of the window state has its own owner: changing one never undoes another's change. */
class WindowStateTest {

    @Test
    void theLessonTheThemeAndTheUserChangeTheirOwnPartOnly() {
        WindowState s = new WindowState();
        s.setZoom(new WindowState.Zoom(90, false, false, 40)); // the user zooms
        s.setHighlight(Set.of(Highlight.HIGHWAY), false); // the lesson points at the highway
        s.setTheme("dark"); // the View menu
        ViewSettings v = s.viewProperty().get();
        assertEquals(90, v.unit());
        assertFalse(v.fit());
        assertEquals(40, v.pan());
        assertEquals(Set.of(Highlight.HIGHWAY), v.highlight());
        assertEquals(Palette.DARK, v.palette());

        s.setZoom(new WindowState.Zoom(120, false, false, 0)); // zooming again keeps the lesson's highlight
        assertEquals(Set.of(Highlight.HIGHWAY), s.viewProperty().get().highlight());
        s.setHighlight(Set.of(), false); // and the lesson moving on keeps the zoom and the theme
        assertEquals(120, s.viewProperty().get().unit());
        assertEquals(Palette.DARK, s.viewProperty().get().palette());
        s.fit();
        assertTrue(s.viewProperty().get().fit());
        assertEquals(0, s.viewProperty().get().pan());
    }

    @Test
    void theTextScaleMultipliesTheThemesAndStaysWithinItsLimits() {
        WindowState s = new WindowState();
        s.setTheme("projector");
        s.setTextScale(1.1);
        assertEquals(1.35 * 1.1, s.paletteProperty().get().scale(), 1e-12);
        // the picture grows to 1.15³ = 1.52 at most: the projector's 1.35 leaves a factor of 1.127
        s.setTextScale(9);
        assertEquals(1.520875 / 1.35, s.textScaleProperty().get(), 1e-12);
        assertEquals(1.520875, s.paletteProperty().get().scale(), 1e-12);
        s.setTextScale(0.1);
        assertEquals(0.7, s.textScaleProperty().get());
        s.setTheme("light");
        s.setTextScale(9);
        assertEquals(1.520875, s.textScaleProperty().get(), 1e-12, "the light theme's 1.0 leaves the whole factor");
        s.setTheme("projector");
        assertEquals(1.520875 / 1.35, s.textScaleProperty().get(), 1e-12, "changing to a larger theme takes back what no longer fits");
        assertEquals(1.520875, s.paletteProperty().get().scale(), 1e-12);
        s.setTheme("light");
        s.setTextScale(1);
        assertEquals(Palette.LIGHT, s.paletteProperty().get());
    }

    @Test
    void anUnchangedValueIsNoChange() {
        WindowState s = new WindowState();
        int[] changes = {0};
        s.viewProperty().addListener(o -> changes[0]++);
        s.setHighlight(Set.of(), false);
        s.fit(); // already fitted
        s.setZoom(WindowState.Zoom.of(s.viewProperty().get()));
        assertEquals(0, changes[0], "the canvas is not redrawn for nothing");
        s.setHighlight(Set.of(Highlight.I), false);
        assertEquals(1, changes[0]);
    }
}
