package org.unrolled.engine.train;

import java.util.ArrayList;
import java.util.List;

/**
 * One network's training curve: its held-out score after every evaluation. Written by the training
 * thread, read by any other (the window draws it while it grows): every method is synchronized and
 * {@link #points()} returns a copy.
 */
public final class History {
    /**
     * One evaluation on the held-out set.
     *
     * @param sequences training sequences seen before it
     * @param score     held-out RMSE or accuracy
     * @param seconds   training time spent until then (evaluations not counted)
     */
    public record Point(long sequences, double score, double seconds) {
    }

    private final List<Point> points = new ArrayList<>();

    public synchronized void add(Point p) {
        points.add(p);
    }

    public synchronized List<Point> points() {
        return List.copyOf(points);
    }

    public synchronized int size() {
        return points.size();
    }

    public synchronized Point last() {
        return points.isEmpty() ? null : points.get(points.size() - 1);
    }

    /** The first point whose score reaches {@code target} on {@code task}, or null. */
    public synchronized Point firstReaching(Task task, double target) {
        for (Point p : points) {
            if (task.reached(p.score(), target)) {
                return p;
            }
        }
        return null;
    }
}
