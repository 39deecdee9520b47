package org.unrolled.app;

import javafx.animation.Interpolator;
import javafx.animation.KeyFrame;
import javafx.animation.KeyValue;
import javafx.animation.Timeline;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.util.Duration;
import org.unrolled.view.NetworkCanvas;

/** The rolled view (R): the network rolled up into one looping cell, or unfolded in time, animated. */
final class RolledView {
    private final NetworkCanvas canvas;
    private final Duration glide;
    private Timeline rolling;
    private double rollingTarget = 1;

    /** {@code glide}: a lesson's glide; rolling takes three times as long (zero in tests: at once). */
    RolledView(NetworkCanvas canvas, Duration glide) {
        this.canvas = canvas;
        this.glide = glide;
    }

    /** Rolls the network up into one looping cell, or unfolds it in time (animated). */
    void toggle() {
        double target = canvas.unfoldProperty().get() >= 1 ? 0 : 1;
        if (rolling != null) {
            rolling.stop();
            target = rollingTarget == 0 ? 1 : 0;
        }
        rollingTarget = target;
        Duration length = glide.multiply(3);
        if (length.lessThanOrEqualTo(Duration.ZERO)) {
            canvas.unfoldProperty().set(target);
            rolling = null;
            return;
        }
        rolling = new Timeline(new KeyFrame(length,
                new KeyValue(canvas.unfoldProperty(), target, Interpolator.LINEAR)));
        rolling.setOnFinished(e -> rolling = null);
        rolling.play();
    }

    /** 1 when the network is shown unrolled, 0 rolled up. */
    ReadOnlyDoubleProperty unfoldProperty() {
        return canvas.unfoldProperty();
    }
}
