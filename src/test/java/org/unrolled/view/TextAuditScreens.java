package org.unrolled.view;

import java.util.List;

/** The screens the text audit paints on, and what the window gives the picture and the plot there. */
public final class TextAuditScreens {
    private TextAuditScreens() {
    }

    /**
     * What the window gives the canvas and the gradient plot on a screen of {@code w × h}, in the window
     * or presenting; measured on the real window with the light theme's controls ({@code CanvasSizesTest} in the
     * app package keeps this true; the dark theme's controls leave the picture a few pixels less).
     */
    public record Screen(int w, int h, boolean presenting, int canvasW, int canvasH, int plotW, int plotH) {
        String name() {
            return w + "x" + h + (presenting ? " presenting" : " window");
        }
    }

    public static final List<Screen> SCREENS = List.of(
            new Screen(1920, 1080, false, 1490, 646, 1490, 162),
            new Screen(1280, 720, false, 1280, 319, 1280, 140),
            new Screen(1024, 768, false, 1024, 367, 1024, 140),
            new Screen(1920, 1080, true, 1920, 664, 1920, 180),
            new Screen(1280, 720, true, 1280, 466, 1280, 140),
            new Screen(1024, 768, true, 1024, 509, 1024, 140));

}
