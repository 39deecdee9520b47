package org.unrolled.app;

import java.util.List;
import javafx.beans.property.BooleanProperty;
import javafx.scene.control.Label;
import javafx.scene.layout.Region;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;
import javafx.scene.text.Text;
import org.unrolled.view.Fonts;
import org.unrolled.view.ViewSettings;

/**
 * Keeps the caption bar's texts whole: the bar has a fixed height (a caption must not push the picture
 * about), so where the beat's caption and the generated ones would not fit at the bar's text size, both
 * are made smaller together, one pixel at a time, down to the smallest legible text (14 px presenting,
 * 11 px in the window). Only past that is a text cut with "…". The bar's own size comes from
 * {@link #nominal()}, the stylesheet's size, so fitting never changes the bar's height.
 */
final class CaptionFit {
    private final Region area;
    private final Label beat;
    private final Label captions;
    private final BooleanProperty presenting;
    /** Never shown: it takes the bar's text size from the stylesheet, which the fitted labels no longer show. */
    private final Label probe = new Label();
    private final double spacing;

    /**
     * @param area the box the two labels share (its width and height are the room)
     * @param spacing the box's gap between them
     */
    CaptionFit(Region area, double spacing, Label beat, Label captions, BooleanProperty presenting) {
        this.area = area;
        this.spacing = spacing;
        this.beat = beat;
        this.captions = captions;
        this.presenting = presenting;
        probe.getStyleClass().add("caption-text");
        probe.setManaged(false);
        probe.setVisible(false);
        // change listeners, not invalidation listeners: those fall silent on a bound value nobody read
        // since it last changed (a text changed while the bar had no size yet)
        javafx.beans.value.ChangeListener<Object> refit = (o, was, is) -> fit();
        for (javafx.beans.value.ObservableValue<?> o : List.of(beat.textProperty(), captions.textProperty(),
                beat.visibleProperty(), captions.visibleProperty(), area.widthProperty(), area.heightProperty(),
                probe.fontProperty(), presenting)) {
            o.addListener(refit);
        }
    }

    /** The node that must be in the bar for {@link #nominal()} to follow the stylesheet. */
    Label probe() {
        return probe;
    }

    /** The bar's text size as the stylesheet sets it (the window's or presentation's). */
    double nominal() {
        return probe.getFont().getSize();
    }

    javafx.beans.property.ReadOnlyObjectProperty<Font> nominalFont() {
        return probe.fontProperty();
    }

    private void fit() {
        double w = area.getWidth() - area.snappedLeftInset() - area.snappedRightInset();
        double h = area.getHeight() - area.snappedTopInset() - area.snappedBottomInset();
        double size = nominal();
        if (w > 0 && h > 0) {
            double min = presenting.get() ? ViewSettings.PRESENTATION_MIN_TEXT : ViewSettings.WINDOW_MIN_TEXT;
            // a little slack: the labels' own layout rounds each line, and the question's place keeps a gap
            while (size > min && height(size, w) > h - 2 * spacing) {
                size = Math.max(min, size - 1);
            }
        }
        String style = size >= nominal() ? "" : String.format(java.util.Locale.ROOT, "-fx-font-size: %.0fpx;", size);
        beat.setStyle(style);
        captions.setStyle(style);
    }

    /** The height the two texts take at {@code size}, wrapped at {@code width}. */
    private double height(double size, double width) {
        double total = 0;
        int shown = 0;
        for (Label l : new Label[] {beat, captions}) {
            if (!l.isVisible() || l.getText() == null || l.getText().isEmpty()) {
                continue;
            }
            Text t = new Text(l.getText());
            t.setFont(l == beat ? Font.font(Fonts.FAMILY, FontWeight.BOLD, size) : Font.font(Fonts.FAMILY, size));
            t.setWrappingWidth(width);
            total += t.getLayoutBounds().getHeight();
            shown++;
        }
        return total + Math.max(0, shown - 1) * spacing;
    }
}
