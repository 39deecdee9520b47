package org.unrolled.app;

import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.function.Function;
import org.unrolled.engine.train.GradientProfile;
import org.unrolled.engine.train.Net;
import org.unrolled.engine.train.Race;
import org.unrolled.engine.train.TrainSettings;
import org.unrolled.engine.train.Workers;

/**
 * A race running on its own training thread (plus the workers it shares each batch with), driven by
 * the window: start, pause, resume, one step, stop. Everything that reads the networks' weights runs
 * on the training thread between two updates ({@link #ask}), so nothing sees a half-applied update.
 * Knows nothing of JavaFX.
 */
final class RaceSession implements AutoCloseable {
    /** A profile of ‖∂L/∂h_t‖ per network, refreshed on the training thread at most every this many ns. */
    private static final long PROFILE_NANOS = 150_000_000L;

    private final Race race;
    private final Workers workers;
    private final BlockingQueue<Runnable> commands = new LinkedBlockingQueue<>();
    /** The training loop, a Task on the {@link Background} workers; cancelling it interrupts the loop. */
    private final javafx.concurrent.Task<Void> training;
    private final double[][] profiles;
    private volatile boolean running;
    private volatile boolean closed;
    private volatile int steps;
    private long lastProfile;

    RaceSession(TrainSettings settings, List<Net> nets, int threads, double target, long maxSequences) {
        this.workers = new Workers(threads);
        this.race = new Race(settings, nets, workers, target, maxSequences);
        this.profiles = new double[nets.size()][];
        refreshProfiles();
        training = new javafx.concurrent.Task<>() {
            @Override
            protected Void call() {
                try {
                    loop();
                } catch (RuntimeException e) {
                    Thread t = Thread.currentThread(); // reported as a training thread of its own would report it
                    t.getUncaughtExceptionHandler().uncaughtException(t, e);
                }
                return null;
            }
        };
        Background.start(training);
    }

    Race race() {
        return race;
    }

    boolean running() {
        return running;
    }

    /** Updates done by every network together (batches of the race). */
    int steps() {
        return steps;
    }

    /** The latest ‖∂L/∂h_t‖ profile of network {@code i} on held-out sequence 0 (may be a little old). */
    double[] profile(int i) {
        synchronized (profiles) {
            return profiles[i];
        }
    }

    void start() {
        running = true;
        commands.add(() -> { });
    }

    void pause() {
        running = false;
    }

    /** One batch for every network, when paused. */
    void stepOnce() {
        commands.add(() -> {
            if (!race.finished()) {
                race.step();
                steps++;
                refreshProfiles();
            }
        });
    }

    /** Runs {@code f} on the training thread between two updates and hands back its result. */
    <T> CompletableFuture<T> ask(Function<Race, T> f) {
        CompletableFuture<T> result = new CompletableFuture<>();
        commands.add(() -> {
            try {
                result.complete(f.apply(race));
            } catch (RuntimeException e) {
                result.completeExceptionally(e);
            }
        });
        return result;
    }

    private void loop() {
        try {
            while (!closed) {
                Runnable c = running && !race.finished() ? commands.poll() : commands.take();
                if (c != null) {
                    c.run();
                    continue;
                }
                race.step();
                steps++;
                if (System.nanoTime() - lastProfile > PROFILE_NANOS) {
                    refreshProfiles();
                }
                if (race.finished()) {
                    refreshProfiles();
                    running = false;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            if (!closed) {
                throw e; // a real failure; after close() a batch cut short by the interrupt is expected
            }
        }
    }

    private void refreshProfiles() {
        List<Race.Runner> runners = race.runners();
        for (int i = 0; i < runners.size(); i++) {
            double[] p = GradientProfile.of(runners.get(i).trainer().scenario(0));
            synchronized (profiles) {
                profiles[i] = p;
            }
        }
        lastProfile = System.nanoTime();
    }

    @Override
    public void close() {
        closed = true;
        running = false;
        training.cancel(true);
        workers.close();
    }
}
