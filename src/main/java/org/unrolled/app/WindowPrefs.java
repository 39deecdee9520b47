package org.unrolled.app;

import java.util.prefs.BackingStoreException;
import java.util.prefs.Preferences;
import java.util.function.Consumer;
import javafx.beans.value.ObservableValue;
import javafx.geometry.Rectangle2D;
import javafx.stage.Screen;
import javafx.stage.Stage;

/**
 * Remembers the window's size, position and theme between runs in the user's preferences. Anything
 * missing, unreadable or off every screen falls back to the defaults, silently: a corrupt preferences
 * store must never stop the program from starting.
 */
final class WindowPrefs {
    private final Preferences prefs;

    WindowPrefs(Preferences prefs) {
        this.prefs = prefs;
    }

    /**
     * Applies the stored geometry and theme (through {@code setTheme}), then keeps them up to date as
     * {@code theme} changes.
     */
    void restoreAndTrack(Stage stage, ObservableValue<String> theme, Consumer<String> setTheme) {
        if (prefs == null) {
            return;
        }
        try {
            double x = prefs.getDouble("x", Double.NaN);
            double y = prefs.getDouble("y", Double.NaN);
            double w = prefs.getDouble("width", Double.NaN);
            double h = prefs.getDouble("height", Double.NaN);
            if (w >= 400 && h >= 300 && onSomeScreen(x, y, w, h)) {
                stage.setX(x);
                stage.setY(y);
                stage.setWidth(w);
                stage.setHeight(h);
            }
            String stored = prefs.get("theme", "light");
            if (java.util.List.of("light", "dark", "projector").contains(stored)) {
                setTheme.accept(stored);
            }
        } catch (RuntimeException e) {
            // unreadable preferences: keep the defaults
        }
        // store the geometry as it is now too: a value that never changes must still be remembered
        put("x", stage.getX());
        put("y", stage.getY());
        put("width", stage.getWidth());
        put("height", stage.getHeight());
        // full screen is not a size to come back to
        stage.xProperty().addListener(o -> putUnlessFullScreen(stage, "x", stage.getX()));
        stage.yProperty().addListener(o -> putUnlessFullScreen(stage, "y", stage.getY()));
        stage.widthProperty().addListener(o -> putUnlessFullScreen(stage, "width", stage.getWidth()));
        stage.heightProperty().addListener(o -> putUnlessFullScreen(stage, "height", stage.getHeight()));
        theme.addListener((o, was, is) -> {
            try {
                prefs.put("theme", is);
            } catch (RuntimeException e) {
                // not stored: the program goes on
            }
        });
        stage.setOnHidden(e -> {
            try {
                prefs.flush();
            } catch (BackingStoreException | RuntimeException ex) {
                // not stored: the program goes on
            }
        });
    }

    private void putUnlessFullScreen(Stage stage, String key, double value) {
        if (!stage.isFullScreen()) {
            put(key, value);
        }
    }

    private void put(String key, double value) {
        try {
            if (Double.isFinite(value)) {
                prefs.putDouble(key, value);
            }
        } catch (RuntimeException e) {
            // not stored: the program goes on
        }
    }

    private static boolean onSomeScreen(double x, double y, double w, double h) {
        if (Double.isNaN(x) || Double.isNaN(y)) {
            return false;
        }
        for (Screen s : Screen.getScreens()) {
            Rectangle2D b = s.getVisualBounds();
            if (b.intersects(x + 40, y + 10, Math.min(w, 200) - 80, 40)) {
                return true;
            }
        }
        return false;
    }
}
