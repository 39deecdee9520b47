package org.unrolled.view;

/**
 * A vector drawn as a grid of squares fitted into a box: as large as the box allows (up to a
 * maximum), row by row, centred.
 */
public record VectorGrid(double x, double y, double size, int columns, int rows, int count) {

    /** The squares' grid for {@code n} values in {@code box}, squares at most {@code maxSize} wide. */
    public static VectorGrid fit(Rect box, int n, double maxSize) {
        double best = 0;
        int bestCols = Math.max(1, n);
        for (int cols = 1; cols <= n; cols++) {
            int rows = (n + cols - 1) / cols;
            double s = Math.min(box.w() / cols, box.h() / rows);
            if (s > best + 1e-9) {
                best = s;
                bestCols = cols;
            }
        }
        double size = Math.min(best, maxSize);
        int rows = (n + bestCols - 1) / bestCols;
        double w = size * bestCols;
        double h = size * rows;
        return new VectorGrid(box.x() + (box.w() - w) / 2, box.y() + (box.h() - h) / 2, size, bestCols, rows, n);
    }

    /**
     * The grid for {@code n} values in {@code box} with {@code columns} columns (0: whichever fits best), so
     * that vectors of one kind keep one shape in boxes of different sizes.
     */
    public static VectorGrid fit(Rect box, int n, double maxSize, int columns) {
        if (columns < 1 || n < 1) {
            return fit(box, n, maxSize);
        }
        int cols = Math.min(columns, n);
        int rows = (n + cols - 1) / cols;
        double size = Math.min(maxSize, Math.min(box.w() / cols, box.h() / rows));
        double w = size * cols;
        double h = size * rows;
        return new VectorGrid(box.x() + (box.w() - w) / 2, box.y() + (box.h() - h) / 2, size, cols, rows, n);
    }

    /** The square of entry {@code i}. */
    public Rect square(int i) {
        int r = i / columns;
        int c = i % columns;
        return new Rect(x + c * size, y + r * size, size, size);
    }

    public Rect bounds() {
        return new Rect(x, y, size * columns, size * rows);
    }

    /** The entry under a point, or −1. */
    public int indexAt(double px, double py) {
        if (px < x || py < y) {
            return -1;
        }
        int c = (int) ((px - x) / size);
        int r = (int) ((py - y) / size);
        int i = r * columns + c;
        return c < columns && r < rows && i < count ? i : -1;
    }
}
