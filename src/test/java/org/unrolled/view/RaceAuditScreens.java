package org.unrolled.view;

import java.util.List;

/**
 * The sizes the Train view gives its two charts on screens of 1920×1080, 1280×720 and 1024×768, with three
 * networks racing (measured on the real window with the light theme's controls; {@code RaceWindowLabelsTest}
 * in the app package keeps this true).
 */
public final class RaceAuditScreens {
    private RaceAuditScreens() {
    }

    public record Screen(int w, int h, int scoreW, int scoreH, int profileW, int profileH) {
        public String name() {
            return w + "x" + h;
        }
    }

    public static final List<Screen> SCREENS = List.of(
            new Screen(1920, 1080, 672, 738, 488, 738),
            new Screen(1280, 720, 487, 508, 353, 508),
            new Screen(1024, 768, 338, 487, 246, 487));
}
