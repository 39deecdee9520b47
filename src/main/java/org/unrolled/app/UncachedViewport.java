package org.unrolled.app;

import javafx.scene.Node;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.skin.ScrollPaneSkin;

/**
 * A scroll pane whose viewport is drawn directly, not through a cached image. JavaFX's skin caches the
 * viewport, so any change inside it (the side panel's rows, at every step) first redraws the whole
 * viewport into the cache and then the cache onto the window; the pulse logger counted that as a
 * "CacheFilter rebuilding" in every step's pulse.
 */
final class UncachedViewport {
    private UncachedViewport() {
    }

    static void install(ScrollPane pane) {
        pane.skinProperty().addListener((o, was, is) -> uncache(is));
        uncache(pane.getSkin());
    }

    private static void uncache(javafx.scene.control.Skin<?> skin) {
        if (skin instanceof ScrollPaneSkin s) {
            for (Node n : s.getChildren()) {
                if (n.getStyleClass().contains("viewport")) {
                    n.setCache(false);
                }
            }
        }
    }
}
