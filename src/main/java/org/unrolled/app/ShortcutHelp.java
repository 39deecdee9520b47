package org.unrolled.app;

import javafx.beans.binding.Bindings;
import javafx.beans.binding.DoubleBinding;
import javafx.scene.Node;
import javafx.scene.control.Alert;
import javafx.scene.control.Label;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.stage.Window;

/** The shortcuts in words: the help overlay on the picture (?) and Help ▸ Keyboard shortcuts. */
final class ShortcutHelp {
    private ShortcutHelp() {
    }

    /**
     * The overlay on the picture ({@code over}), hidden until ? shows it: the whole table, scaled down
     * when the picture is smaller than it (a small window, a low resolution). Its 140 labels are made
     * the first time it is shown, not with the window: styling them was a third of the window's first
     * CSS pass, for a table most starts never show.
     */
    static final class Overlay {
        private final StackPane over;
        private final Node above;
        private GridPane table;

        /** The table goes into {@code over} just below {@code above} when it is first shown. */
        Overlay(StackPane over, Node above) {
            this.over = over;
            this.above = above;
        }

        void toggle() {
            if (table == null) {
                table = overlay(over);
                over.getChildren().add(over.getChildren().indexOf(above), table);
            }
            table.setVisible(!table.isVisible());
        }

        void hide() {
            if (table != null) {
                table.setVisible(false);
            }
        }
    }

    private static GridPane overlay(Region over) {
        GridPane help = grid(24);
        help.setVisible(false);
        DoubleBinding fit = Bindings.createDoubleBinding(() -> Math.min(1,
                Math.min((over.getWidth() - 24) / Math.max(1, help.prefWidth(-1)),
                        (over.getHeight() - 24) / Math.max(1, help.prefHeight(-1)))),
                over.widthProperty(), over.heightProperty(), help.needsLayoutProperty());
        help.scaleXProperty().bind(fit);
        help.scaleYProperty().bind(fit);
        help.setMouseTransparent(true);
        return help;
    }

    /** Help ▸ Keyboard shortcuts. */
    static void show(Window owner) {
        Alert a = new Alert(Alert.AlertType.INFORMATION);
        a.initOwner(owner);
        a.setTitle("Keyboard shortcuts");
        a.setHeaderText("Keyboard and presenter clicker");
        a.getDialogPane().setContent(grid(15));
        a.show();
    }

    /** The shortcuts as a table of key and what it does, in two columns of pairs; {@code size} in px. */
    static GridPane grid(double size) {
        GridPane grid = new GridPane();
        grid.getStyleClass().add("help-overlay");
        grid.setHgap(size * 0.6);
        grid.setVgap(size * 0.15);
        Shortcut[] all = Shortcut.values();
        int rows = (all.length + 1) / 2;
        for (int k = 0; k < all.length; k++) {
            Label key = new Label(all[k].keyName);
            key.getStyleClass().add("help-key");
            key.setMinWidth(Region.USE_PREF_SIZE); // never "Sp..."
            Label what = new Label(all[k].description);
            what.getStyleClass().add("help-text");
            what.setMinWidth(Region.USE_PREF_SIZE);
            grid.add(key, (k / rows) * 2, k % rows);
            grid.add(what, (k / rows) * 2 + 1, k % rows);
        }
        Label mouse = new Label("Mouse: scroll to zoom, drag to pan, double-click to fit; point at any square to see"
                + " where its number came from.");
        mouse.getStyleClass().add("help-text");
        mouse.setMinWidth(Region.USE_PREF_SIZE);
        grid.add(mouse, 0, rows, 4, 1);
        grid.setMaxSize(Region.USE_PREF_SIZE, Region.USE_PREF_SIZE);
        return grid;
    }
}
