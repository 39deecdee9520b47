package org.unrolled.app;

import javafx.beans.binding.Bindings;
import javafx.beans.property.BooleanProperty;
import javafx.scene.control.CheckMenuItem;
import javafx.scene.layout.Region;

/**
 * The window on a small screen (a 1280×720 or 1024×768 projector mode): the side panel folds away when
 * the window is narrower than {@link #SIDE_PANEL_WINDOW} (View ▸ Side panel brings it back), the gradient
 * plot and the presentation captions take a share of the height instead of a fixed size, so that the
 * picture keeps room to open its current cell.
 */
final class SmallScreens {
    /** The narrowest window that keeps the side panel beside the picture. */
    static final double SIDE_PANEL_WINDOW = 1400;
    /** The gradient plot's share of the window's height, and its bounds in pixels. */
    static final double PLOT_SHARE = 0.2;
    static final double PLOT_MIN = 140;
    static final double PLOT_MAX = 250;
    /** The presentation captions' text size: a share of the screen's height, at most the stylesheet's 30 px. */
    static final double CAPTION_SHARE = 1 / 36.0;
    static final double CAPTION_MAX = 30;

    /** Under this height the caption bar holds three lines instead of five, leaving the picture room. */
    static final double SHORT_WINDOW = 900;

    /** Under this width the timeline's slider gets a row of its own above the buttons, so nothing is cut. */
    static final double TIMELINE_ONE_ROW = 1400;

    private SmallScreens() {
    }

    /**
     * The timeline at the bottom of {@code root}: in one row in a wide window; in a narrow one the slider and its
     * phase strip move to a row above the buttons, labels and choices, which keep their full width.
     */
    static void timeline(javafx.scene.layout.BorderPane root, TimelineBar bar) {
        javafx.scene.layout.HBox row = new javafx.scene.layout.HBox(10);
        row.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        row.setId("timeline-row");
        row.getStyleClass().add("timeline-row");
        row.setPadding(new javafx.geometry.Insets(8, 16, 0, 16));
        javafx.scene.layout.VBox bottom = new javafx.scene.layout.VBox(row, bar);
        root.setBottom(bottom);
        javafx.scene.layout.VBox track = bar.track();
        javafx.scene.control.Label where = bar.where();
        int at = bar.getChildren().indexOf(track);
        Runnable place = () -> {
            boolean narrow = root.getWidth() > 0 && root.getWidth() < TIMELINE_ONE_ROW;
            if (narrow && track.getParent() != row) {
                bar.getChildren().removeAll(track, where);
                row.getChildren().addAll(track, where);
            } else if (!narrow && track.getParent() != bar) {
                row.getChildren().clear();
                bar.getChildren().add(at, track);
                bar.getChildren().add(at + 1, where);
            }
        };
        row.visibleProperty().bind(bar.visibleProperty().and(Bindings.isNotEmpty(row.getChildren())));
        row.managedProperty().bind(row.visibleProperty());
        root.widthProperty().addListener(o -> place.run());
        place.run();
    }

    /**
     * @param root     the window's root, whose size decides
     * @param side     the side panel, shown while {@code sideItem} is ticked and not presenting
     * @param sideItem View ▸ Side panel: ticked by itself when the window grows past the threshold, unticked
     *                 when it shrinks under it; the user may tick it back at any width
     * @param plot     the gradient plot (shown or hidden by the window state): its height a share of the window's
     * @param captions the caption bar: its text a share of the screen's height while presenting
     */
    static void install(Region root, Region side, CheckMenuItem sideItem, Region plot, Region captions,
            javafx.beans.value.ObservableBooleanValue presenting) {
        sideItem.setSelected(true);
        root.widthProperty().addListener((o, was, is) -> {
            boolean wide = is.doubleValue() >= SIDE_PANEL_WINDOW;
            if (was.doubleValue() == 0 || (was.doubleValue() >= SIDE_PANEL_WINDOW) != wide) {
                sideItem.setSelected(wide);
            }
        });
        side.visibleProperty().bind(Bindings.createBooleanBinding(() -> !presenting.get() && sideItem.isSelected(),
                presenting, sideItem.selectedProperty()));
        side.managedProperty().bind(side.visibleProperty());
        plot.setMinHeight(PLOT_MIN);
        plot.prefHeightProperty().bind(Bindings.createDoubleBinding(
                () -> Math.max(PLOT_MIN, Math.min(PLOT_MAX, root.getHeight() * PLOT_SHARE)), root.heightProperty()));
        plot.setMaxHeight(Region.USE_PREF_SIZE);
        if (captions instanceof CaptionBar bar) {
            bar.compactProperty().bind(root.heightProperty().lessThan(SHORT_WINDOW));
            bar.presentingProperty().bind(presenting);
        }
        captions.styleProperty().bind(Bindings.createStringBinding(() -> presenting.get()
                ? String.format(java.util.Locale.ROOT, "-fx-font-size: %.0fpx;",
                        Math.min(CAPTION_MAX, Math.max(16, root.getHeight() * CAPTION_SHARE)))
                : "", presenting, root.heightProperty()));
    }
}
