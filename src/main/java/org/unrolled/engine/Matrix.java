package org.unrolled.engine;

import java.util.Arrays;

/**
 * An immutable dense matrix of doubles, stored row-major. Vectors elsewhere in the engine are
 * plain {@code double[]} columns; a matrix with one column is never used for them.
 */
public final class Matrix {
    private final int rows;
    private final int cols;
    private final double[] data;

    private Matrix(int rows, int cols, double[] data) {
        this.rows = rows;
        this.cols = cols;
        this.data = data;
    }

    /** A matrix holding a copy of {@code rowMajor}, which must have {@code rows * cols} entries. */
    public static Matrix of(int rows, int cols, double[] rowMajor) {
        if (rows < 0 || cols < 0 || rowMajor.length != rows * cols) {
            throw new IllegalArgumentException(
                    "a " + rows + "x" + cols + " matrix needs " + rows * cols + " entries, got " + rowMajor.length);
        }
        return new Matrix(rows, cols, rowMajor.clone());
    }

    /** A matrix from rectangular rows (copied). */
    public static Matrix ofRows(double[][] rowArrays) {
        int r = rowArrays.length;
        int c = r == 0 ? 0 : rowArrays[0].length;
        double[] d = new double[r * c];
        for (int i = 0; i < r; i++) {
            if (rowArrays[i].length != c) {
                throw new IllegalArgumentException("row " + i + " has " + rowArrays[i].length + " entries, expected " + c);
            }
            System.arraycopy(rowArrays[i], 0, d, i * c, c);
        }
        return new Matrix(r, c, d);
    }

    /** Wraps {@code rowMajor} without copying; the caller must not modify it afterwards. */
    static Matrix wrap(int rows, int cols, double[] rowMajor) {
        return new Matrix(rows, cols, rowMajor);
    }

    public static Matrix zeros(int rows, int cols) {
        return new Matrix(rows, cols, new double[rows * cols]);
    }

    public int rows() {
        return rows;
    }

    public int cols() {
        return cols;
    }

    public double get(int row, int col) {
        return data[row * cols + col];
    }

    /** A copy of row {@code i}. */
    public double[] row(int i) {
        return Arrays.copyOfRange(data, i * cols, (i + 1) * cols);
    }

    /** A copy of the entries, row-major. */
    public double[] toRowMajor() {
        return data.clone();
    }

    /** A copy as an array of rows. */
    public double[][] toRows() {
        double[][] out = new double[rows][];
        for (int i = 0; i < rows; i++) {
            out[i] = row(i);
        }
        return out;
    }

    /** The backing array, for the engine's kernels only (never modified through this). */
    double[] data() {
        return data;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Matrix m && m.rows == rows && m.cols == cols && Arrays.equals(m.data, data);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * rows + cols) + Arrays.hashCode(data);
    }

    @Override
    public String toString() {
        return "Matrix[" + rows + "x" + cols + "]";
    }
}
