package org.unrolled.engine.train;

import java.util.ArrayList;
import java.util.List;

/**
 * Several networks trained side by side on the same task, the same training sequences (each has its
 * own generator with the same seed) and the same held-out set, one batch each in turn. A network
 * stops when its held-out score reaches the target or it has seen the maximum number of sequences.
 */
public final class Race {
    /** One runner: its trainer and curve. */
    public static final class Runner {
        private final BatchTrainer trainer;
        private final History history = new History();
        private volatile boolean finished;

        Runner(BatchTrainer trainer) {
            this.trainer = trainer;
        }

        public BatchTrainer trainer() {
            return trainer;
        }

        public History history() {
            return history;
        }

        public boolean finished() {
            return finished;
        }
    }

    private final TrainSettings settings;
    private final List<Runner> runners = new ArrayList<>();
    private final double target;
    private final long maxSequences;

    /**
     * @param target       stop a network at this held-out score (NaN: never)
     * @param maxSequences stop a network after this many training sequences
     */
    public Race(TrainSettings settings, List<Net> nets, Workers workers, double target, long maxSequences) {
        if (nets.isEmpty()) {
            throw new IllegalArgumentException("at least one network must race");
        }
        this.settings = settings;
        this.target = target;
        this.maxSequences = maxSequences;
        for (Net net : nets) {
            Runner r = new Runner(new BatchTrainer(net, settings, workers));
            runners.add(r);
        }
        for (Runner r : runners) {
            record(r);
        }
    }

    public TrainSettings settings() {
        return settings;
    }

    public List<Runner> runners() {
        return List.copyOf(runners);
    }

    public double target() {
        return target;
    }

    public long maxSequences() {
        return maxSequences;
    }

    /** Whether every network has stopped. */
    public boolean finished() {
        return runners.stream().allMatch(Runner::finished);
    }

    /** One batch for every network still running, and an evaluation where one is due. */
    public void step() {
        for (Runner r : runners) {
            if (r.finished) {
                continue;
            }
            r.trainer.step();
            if (r.trainer.sequences() % settings.evalEvery() == 0 || r.trainer.sequences() >= maxSequences) {
                record(r);
            }
        }
    }

    /**
     * Scores a network now if its last point is older than its weights (so that a network saved between
     * two evaluations carries its current score, as the command line's last point at --max-sequences).
     */
    public void evaluateNow(Runner r) {
        if (r.history.last().sequences() != r.trainer.sequences()) {
            record(r);
        }
    }

    private void record(Runner r) {
        BatchTrainer t = r.trainer;
        double score = t.evaluate();
        r.history.add(new org.unrolled.engine.train.History.Point(t.sequences(), score, t.trainSeconds()));
        boolean reached = !Double.isNaN(target) && settings.task().reached(score, target);
        if (reached || t.sequences() >= maxSequences || !Double.isFinite(score)) {
            r.finished = true;
        }
    }
}
