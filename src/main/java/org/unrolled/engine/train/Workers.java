package org.unrolled.engine.train;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * A fixed number of threads that share out the sequences of a batch: thread {@code k} of {@code n}
 * takes a contiguous range. Each sequence's result goes to its own slot, and the caller sums the slots
 * in sequence order, so the numbers do not depend on the number of threads. With one thread the work
 * runs on the caller's thread.
 */
public final class Workers implements AutoCloseable {
    /** The work on sequences {@code [from, to)}, done by worker {@code thread}. */
    @FunctionalInterface
    interface Range {
        void run(int thread, int from, int to);
    }

    private final int threads;
    private final ExecutorService pool;

    public Workers(int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException("at least one thread, got " + threads);
        }
        this.threads = threads;
        this.pool = threads == 1 ? null : Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "unrolled-race-worker");
            t.setDaemon(true);
            return t;
        });
    }

    public int threads() {
        return threads;
    }

    /** Runs {@code work} over {@code [0, count)} split into one range per thread, and waits. */
    void run(int count, Range work) {
        if (pool == null) {
            work.run(0, 0, count);
            return;
        }
        List<Future<?>> running = new ArrayList<>(threads);
        for (int k = 0; k < threads; k++) {
            int thread = k;
            int from = (int) ((long) count * k / threads);
            int to = (int) ((long) count * (k + 1) / threads);
            running.add(pool.submit(() -> work.run(thread, from, to)));
        }
        try {
            for (Future<?> f : running) {
                f.get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running.forEach(f -> f.cancel(true));
            throw new IllegalStateException("interrupted", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException re) {
                throw re;
            }
            throw new IllegalStateException(e.getCause());
        }
    }

    @Override
    public void close() {
        if (pool != null) {
            pool.shutdownNow();
        }
    }
}
