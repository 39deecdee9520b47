package org.unrolled.app;

import javafx.animation.AnimationTimer;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleIntegerProperty;
import org.unrolled.view.Phase;

/**
 * The playback position: {@code 0..N} the forward pass, {@code N..2N} the backward pass (see
 * {@link org.unrolled.view.StepSchedule}); whole numbers are finished steps, fractions a step being
 * animated. {@link #phaseProperty()} limits playback to one phase or both. Playing advances it at {@link #speedProperty()} steps per
 * second at the display's frame rate; scrubbing sets it directly. {@link #advance} is the whole of the
 * animation's arithmetic, so tests drive it with any time step (including zero) without a clock.
 */
public final class Playback {
    private final IntegerProperty length = new SimpleIntegerProperty(this, "length", 0);
    private final javafx.beans.property.ObjectProperty<Phase> phase =
            new javafx.beans.property.SimpleObjectProperty<>(this, "phase", Phase.BOTH);
    private final DoubleProperty min = new SimpleDoubleProperty(this, "min", 0);
    private final DoubleProperty max = new SimpleDoubleProperty(this, "max", 0);
    /** Clamped as it is set, so that no listener ever sees a position off the timeline. */
    private final DoubleProperty position = new SimpleDoubleProperty(this, "position", 0) {
        @Override
        public void set(double p) {
            super.set(clamp(p));
        }
    };
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

    private final javafx.beans.property.ReadOnlyIntegerWrapper commands =
            new javafx.beans.property.ReadOnlyIntegerWrapper(this, "commands", 0);

    public Playback() {
        phase.addListener(o -> updateRange());
        length.addListener(o -> updateRange());
        playing.addListener((obs, was, is) -> {
            if (is) {
                timer.start();
            } else {
                timer.stop();
            }
        });
    }

    private void updateRange() {
        int n = length.get();
        min.set(phase.get() == Phase.BACKWARD ? n : 0);
        max.set(phase.get() == Phase.FORWARD ? n : 2 * n);
        position.set(clamp(position.get()));
    }

    private double clamp(double p) {
        return Double.isNaN(p) ? min.get() : Math.max(min.get(), Math.min(max.get(), p));
    }

    /** Moves the animation on by {@code seconds}; stops at the end. */
    public void advance(double seconds) {
        double next = position.get() + speed.get() * seconds;
        if (next >= max.get()) {
            position.set(max.get());
            playing.set(false);
        } else {
            position.set(next);
        }
    }

    /** A new sequence: back to the start, paused. */
    public void reset(int newLength) {
        playing.set(false);
        length.set(newLength);
        position.set(min.get());
    }

    /** Same sequence, new numbers (a what-if edit): keep the position if it still exists. */
    public void resize(int newLength) {
        if (newLength != length.get()) {
            double p = position.get();
            int old = length.get();
            length.set(newLength);
            // keep the phase: a backward position stays the same distance from the end of the forward pass
            position.set(clamp(p > old ? newLength + (p - old) : Math.min(p, newLength)));
        }
    }

    /** The user moved the position by hand (the slider): counts as a command. */
    public void userMoved() {
        commands.set(commands.get() + 1);
    }

    /** Counts the user's commands (step, play, home, end, a hand on the slider): animations yield to them. */
    public ReadOnlyIntegerProperty commandsProperty() {
        return commands.getReadOnlyProperty();
    }

    public void togglePlay() {
        commands.set(commands.get() + 1);
        if (!playing.get() && position.get() >= max.get()) {
            position.set(min.get()); // play again from the start
        }
        playing.set(!playing.get());
    }

    public void stepForward() {
        commands.set(commands.get() + 1);
        playing.set(false);
        position.set(clamp(Math.floor(position.get() + 1e-9) + 1));
    }

    public void stepBack() {
        commands.set(commands.get() + 1);
        playing.set(false);
        position.set(clamp(Math.ceil(position.get() - 1e-9) - 1)); // never seen outside the timeline
    }

    public void home() {
        commands.set(commands.get() + 1);
        playing.set(false);
        position.set(min.get());
    }

    public void end() {
        commands.set(commands.get() + 1);
        playing.set(false);
        position.set(max.get());
    }

    public javafx.beans.property.ObjectProperty<Phase> phaseProperty() {
        return phase;
    }

    public javafx.beans.property.ReadOnlyDoubleProperty minProperty() {
        return min;
    }

    public javafx.beans.property.ReadOnlyDoubleProperty maxProperty() {
        return max;
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
