package org.unrolled.view;

import java.util.List;

/** The screens the text audit paints on, and what the window gives the picture and the plot there. */
public final class TextAuditScreens {
    private TextAuditScreens() {
    }

    /**
     * What the window gives the canvas and the gradient plot on a screen of {@code w × h}, in the window
     * or presenting; measured on the real window ({@code CanvasSizesTest} in the app package keeps this true).
     */
    public record Screen(int w, int h, boolean presenting, int canvasW, int canvasH, int plotW, int plotH) {
        String name() {
            return w + "x" + h + (presenting ? " presenting" : " window");
        }
    }

    public static final List<Screen> SCREENS = List.of(
            new Screen(1920, 1080, false, 1490, 650, 1490, 167),
            new Screen(1280, 720, false, 1280, 269, 1280, 140),
            new Screen(1024, 768, false, 1024, 317, 1024, 140),
            new Screen(1920, 1080, true, 1920, 664, 1920, 180),
            new Screen(1280, 720, true, 1280, 412, 1280, 140),
            new Screen(1024, 768, true, 1024, 453, 1024, 140));

}
