package org.unrolled.view;

import java.io.IOException;
import java.io.InputStream;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;

/**
 * The bundled DejaVu Sans (assets/fonts), loaded once, so that text renders the same on every
 * machine, in the window and in exported frames.
 */
public final class Fonts {
    public static final String FAMILY = "DejaVu Sans";
    private static volatile boolean loaded;

    private Fonts() {
    }

    /** Loads the bundled faces; safe to call repeatedly and from any thread. */
    public static void load() {
        if (loaded) {
            return;
        }
        synchronized (Fonts.class) {
            if (loaded) {
                return;
            }
            for (String face : new String[] {"DejaVuSans.ttf", "DejaVuSans-Bold.ttf"}) {
                try (InputStream in = Fonts.class.getResourceAsStream("/assets/fonts/" + face)) {
                    if (in != null) {
                        Font.loadFont(in, 12);
                    }
                } catch (IOException e) {
                    // fall back to the system's font; only the exact look suffers
                }
            }
            loaded = true;
        }
    }

    public static Font regular(double size) {
        load();
        return Font.font(FAMILY, FontWeight.NORMAL, size);
    }

    public static Font bold(double size) {
        load();
        return Font.font(FAMILY, FontWeight.BOLD, size);
    }
}
