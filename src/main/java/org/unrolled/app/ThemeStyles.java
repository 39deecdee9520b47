package org.unrolled.app;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import javafx.scene.Parent;
import javafx.scene.paint.Color;
import org.unrolled.view.Palette;

/**
 * The controls around the picture follow the window's theme: AtlantaFX's Primer Light or Primer Dark
 * for the controls, and the style class "dark" for the stylesheet's own panels. The colours the panels
 * share with the picture (text, muted text, the current step's yellow, the forward and backward
 * blue and purple) are not written in the stylesheet: they are the {@link Palette}'s, given to it as
 * looked-up colours by a second stylesheet made here, so that the picture and the panels cannot drift
 * apart.
 */
final class ThemeStyles {
    private static final String SHEET = "/assets/styles/unrolled.css";
    private static final String PALETTE_SHEET = "data:text/css;base64," + Base64.getEncoder().encodeToString(
            paletteCss().getBytes(StandardCharsets.UTF_8));

    private ThemeStyles() {
    }

    /** What a window's scene uses: the stylesheet and the palette's colours for it. */
    static List<String> stylesheets() {
        return List.of(ThemeStyles.class.getResource(SHEET).toExternalForm(), PALETTE_SHEET);
    }

    /**
     * The looked-up colours of the light and the dark panels (the projector theme's panels are the light
     * ones); the help overlay and the phase strip are light in every theme.
     */
    static String paletteCss() {
        return ".root {\n" + colours(Palette.LIGHT) + "}\n.root.dark, .dark {\n" + colours(Palette.DARK) + "}\n";
    }

    private static String colours(Palette p) {
        Palette light = Palette.LIGHT;
        return colour("-u-text", p.text()) + colour("-u-muted", p.mutedText()) + colour("-u-caption-bg", p.currentFill())
                + colour("-u-overlay-text", light.text()) + colour("-u-forward", light.negative())
                + colour("-u-backward", light.gradientHigh());
    }

    private static String colour(String name, Color c) {
        return String.format("    %s: #%02x%02x%02x;\n", name, Math.round(c.getRed() * 255),
                Math.round(c.getGreen() * 255), Math.round(c.getBlue() * 255));
    }

    /** Styles {@code root} for {@code state}'s theme now and whenever it changes. */
    static void follow(WindowState state, Parent root) {
        state.themeProperty().addListener((o, was, is) -> apply(is, root));
    }

    private static void apply(String theme, Parent root) {
        boolean isDark = "dark".equals(theme);
        javafx.application.Application.setUserAgentStylesheet(isDark
                ? new atlantafx.base.theme.PrimerDark().getUserAgentStylesheetBSS()
                : new atlantafx.base.theme.PrimerLight().getUserAgentStylesheetBSS());
        root.getStyleClass().remove("dark");
        if (isDark) {
            root.getStyleClass().add("dark");
        }
    }
}
