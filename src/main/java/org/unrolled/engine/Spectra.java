package org.unrolled.engine;

import java.util.ArrayList;
import java.util.List;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.SingularOps_DDRM;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.EigenDecomposition_F64;

/**
 * The theory beside the gradient plot: the spectral radius {@code ρ} and the largest singular value
 * {@code σ_max} of the recurrent matrix (of each gate's block {@code W_h·} for an LSTM or GRU). For a
 * vanilla RNN the backward pass multiplies by {@code W_hhᵀ} (and by {@code tanh' ≤ 1}) once per step,
 * so {@code ‖dL/dh_t‖} falls roughly like {@code ρ^(T−t)} when {@code ρ < 1} and can grow when it is
 * above one; {@code σ_max < 1} guarantees the decay.
 */
public final class Spectra {
    private Spectra() {
    }

    /** One block's numbers: {@code name} such as "W_hh" or "W_hf". */
    public record Block(String name, double spectralRadius, double largestSingularValue) {
    }

    /**
     * Blocks already computed, by the weights' identity (weights are immutable): the what-if panel, the
     * plot and the background worker ask for the same weights' spectra, and an eigen-decomposition of
     * a 128 × 128 block is worth doing once.
     */
    private static final IdentityCache<CellWeights, List<Block>> CACHE = new IdentityCache<>(16);

    /** The recurrent blocks of {@code w}: one for a vanilla RNN, one per gate otherwise (computed once per weights). */
    public static List<Block> recurrent(CellType cell, CellWeights w, int hidden) {
        List<Block> known = CACHE.get(w);
        if (known != null && known.size() == (cell == CellType.RNN ? 1 : cell.gateNames().length())) {
            return known;
        }
        List<Block> computed = List.copyOf(compute(cell, w, hidden));
        CACHE.put(w, computed);
        return computed;
    }

    /**
     * Records the spectra of {@code scaled}, whose recurrent blocks are {@code from}'s times
     * {@code k > 0}: ρ and σ_max scale by {@code k} too, so a ρ-slider drag never decomposes anew.
     */
    static void rememberScaled(CellType cell, CellWeights from, CellWeights scaled, double k, int hidden) {
        if (!(k > 0)) {
            return;
        }
        List<Block> out = new ArrayList<>();
        for (Block b : recurrent(cell, from, hidden)) {
            out.add(new Block(b.name(), b.spectralRadius() * k, b.largestSingularValue() * k));
        }
        CACHE.put(scaled, List.copyOf(out));
    }

    private static List<Block> compute(CellType cell, CellWeights w, int hidden) {
        List<Block> out = new ArrayList<>();
        double[] data = w.weightHh().data();
        if (cell == CellType.RNN) {
            out.add(block("W_hh", data, 0, hidden));
            return out;
        }
        String names = cell.gateNames();
        for (int k = 0; k < names.length(); k++) {
            out.add(block("W_h" + names.charAt(k), data, k, hidden));
        }
        return out;
    }

    /** The largest spectral radius among the blocks. */
    public static double largestSpectralRadius(CellType cell, CellWeights w, int hidden) {
        double max = 0;
        for (Block b : recurrent(cell, w, hidden)) {
            max = Math.max(max, b.spectralRadius());
        }
        return max;
    }

    private static Block block(String name, double[] stacked, int k, int h) {
        DMatrixRMaj m = new DMatrixRMaj(h, h);
        System.arraycopy(stacked, k * h * h, m.data, 0, h * h);
        return new Block(name, spectralRadius(m), largestSingularValue(m));
    }

    static double spectralRadius(DMatrixRMaj m) {
        EigenDecomposition_F64<DMatrixRMaj> eig = DecompositionFactory_DDRM.eig(m.numRows, false);
        if (!eig.decompose(m.copy())) {
            return Double.NaN;
        }
        double max = 0;
        for (int i = 0; i < eig.getNumberOfEigenvalues(); i++) {
            max = Math.max(max, eig.getEigenvalue(i).getMagnitude());
        }
        return max;
    }

    static double largestSingularValue(DMatrixRMaj m) {
        double max = 0;
        for (double s : SingularOps_DDRM.singularValues(m.copy())) {
            max = Math.max(max, s);
        }
        return max;
    }
}
