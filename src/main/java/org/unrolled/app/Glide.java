package org.unrolled.app;

import javafx.animation.Animation;
import javafx.animation.Interpolator;
import javafx.animation.KeyFrame;
import javafx.animation.KeyValue;
import javafx.animation.Timeline;
import javafx.util.Duration;
import org.unrolled.view.Phase;

/**
 * Moves the playback to a lesson beat smoothly, like a slide transition; the user's own step, play or
 * scrub stops it. Its length is injected so that tests run it at zero (then it jumps).
 */
final class Glide {
    private final Playback playback;
    private final Duration length;
    private final Runnable finished;
    private Timeline running;

    /** {@code finished} runs when a glide arrives (the lesson then names the beat it reached). */
    Glide(Playback playback, Duration length, Runnable finished) {
        this.playback = playback;
        this.length = length;
        this.finished = finished;
    }

    /** Glides to {@code target}, showing both passes if it lies outside the chosen one; stops any glide under way. */
    void to(double target) {
        playback.playingProperty().set(false);
        if (target < playback.minProperty().get() || target > playback.maxProperty().get()) {
            playback.phaseProperty().set(Phase.BOTH);
        }
        stop();
        if (length.lessThanOrEqualTo(Duration.ZERO)) {
            playback.positionProperty().set(target);
        } else {
            running = new Timeline(new KeyFrame(length,
                    new KeyValue(playback.positionProperty(), target, Interpolator.EASE_BOTH)));
            running.setOnFinished(e -> finished.run());
            running.play();
        }
    }

    void stop() {
        if (running != null) {
            running.stop();
            running = null;
        }
    }

    boolean isRunning() {
        return running != null && running.getStatus() == Animation.Status.RUNNING;
    }
}
