package org.unrolled.app;

import javafx.animation.AnimationTimer;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleIntegerProperty;

/**
 * The playback position over the forward pass, {@code 0..length}: whole numbers are computed steps,
 * fractions are a step being animated. Playing advances it at {@link #speedProperty()} steps per
 * second at the display's frame rate; scrubbing sets it directly. {@link #advance} is the whole of the
 * animation's arithmetic, so tests drive it with any time step (including zero) without a clock.
 */
public final class Playback {
    private final IntegerProperty length = new SimpleIntegerProperty(this, "length", 0);
    private final DoubleProperty position = new SimpleDoubleProperty(this, "position", 0);
    private final BooleanProperty playing = new SimpleBooleanProperty(this, "playing", false);
    private final DoubleProperty speed = new SimpleDoubleProperty(this, "speed", 1.5);
    private final AnimationTimer timer = new AnimationTimer() {
        private long last = -1;

        @Override
        public void handle(long now) {
            if (last >= 0) {
                advance((now - last) / 1e9);
            }
            last = now;
        }

        @Override
        public void stop() {
            super.stop();
            last = -1;
        }
    };

    public Playback() {
        playing.addListener((obs, was, is) -> {
            if (is) {
                timer.start();
            } else {
                timer.stop();
            }
        });
        position.addListener((obs, was, is) -> {
            double clamped = clamp(is.doubleValue());
            if (clamped != is.doubleValue()) {
                position.set(clamped);
            }
        });
    }

    private double clamp(double p) {
        return Double.isNaN(p) ? 0 : Math.max(0, Math.min(length.get(), p));
    }

    /** Moves the animation on by {@code seconds}; stops at the end. */
    public void advance(double seconds) {
        double next = position.get() + speed.get() * seconds;
        if (next >= length.get()) {
            position.set(length.get());
            playing.set(false);
        } else {
            position.set(next);
        }
    }

    /** A new sequence: back to the start, paused. */
    public void reset(int newLength) {
        playing.set(false);
        length.set(newLength);
        position.set(0);
    }

    public void togglePlay() {
        if (!playing.get() && position.get() >= length.get()) {
            position.set(0); // play again from the start
        }
        playing.set(!playing.get());
    }

    public void stepForward() {
        playing.set(false);
        position.set(Math.floor(position.get() + 1e-9) + 1);
    }

    public void stepBack() {
        playing.set(false);
        position.set(Math.ceil(position.get() - 1e-9) - 1);
    }

    public void home() {
        playing.set(false);
        position.set(0);
    }

    public void end() {
        playing.set(false);
        position.set(length.get());
    }

    public ReadOnlyIntegerProperty lengthProperty() {
        return length;
    }

    public DoubleProperty positionProperty() {
        return position;
    }

    public BooleanProperty playingProperty() {
        return playing;
    }

    public DoubleProperty speedProperty() {
        return speed;
    }
}
