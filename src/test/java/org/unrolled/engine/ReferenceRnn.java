package org.unrolled.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.function.DoubleUnaryOperator;
import org.ejml.simple.SimpleMatrix;

/**
 * A plain, readable implementation of the spec with SimpleMatrix, written from the equations and
 * sharing no code with the engine, against which the engine's fast path is checked. Speed is no aim.
 *
 * <p>The forward pass can add a small perturbation to one {@code h_t} or {@code c_t} just after it is
 * computed, so that a central difference of the loss gives the total derivative {@code dL/dh_t}
 * (or {@code dL/dc_t}) through every later path.
 */
final class ReferenceRnn {

    /** Adds {@code delta} to unit {@code unit} of {@code h_t} (or {@code c_t}) of one sequence. */
    record Perturbation(boolean inEncoder, boolean cellState, int t, int unit, double delta) {
    }

    /** One step's values, as column vectors. */
    static final class Step {
        SimpleMatrix x;
        SimpleMatrix hPrev;
        SimpleMatrix cPrev;
        SimpleMatrix h;
        SimpleMatrix c;
        SimpleMatrix[] gates;   // i,f,g,o or r,z,n; a vanilla RNN: {pre-activation}
        SimpleMatrix hn;        // GRU: the term the reset gate multiplies (PyTorch) or W_hn(r ⊙ h) + b_hn (Cho)
        SimpleMatrix y;         // null when no output
        double loss = Double.NaN;
        int target = -1;        // index into the targets, or -1
    }

    static final class Result {
        double loss;
        List<Step> encoder = new ArrayList<>();
        List<Step> steps = new ArrayList<>();
    }

    static final class Gradients {
        List<SimpleMatrix> dh = new ArrayList<>();        // per step, t = 1..S
        List<SimpleMatrix> dc = new ArrayList<>();
        List<SimpleMatrix> encoderDh = new ArrayList<>();
        List<SimpleMatrix> encoderDc = new ArrayList<>();
        CellGrads cell;
        CellGrads encoder;
        SimpleMatrix weightOut;
        SimpleMatrix biasOut;
    }

    static final class CellGrads {
        SimpleMatrix wih;
        SimpleMatrix whh;
        SimpleMatrix bih;
        SimpleMatrix bhh;
    }

    private final Scenario s;
    private final int hidden;

    ReferenceRnn(Scenario scenario) {
        this.s = scenario;
        this.hidden = scenario.hiddenSize();
    }

    // ---------------------------------------------------------------- forward

    Result forward(Perturbation p) {
        Result r = new Result();
        SimpleMatrix h = col(s.h0());
        SimpleMatrix c = col(s.c0());
        if (s.mapping() == Mapping.SEQ2SEQ) {
            CellWeights enc = s.weights().encoder();
            for (int t = 1; t <= s.inputCount(); t++) {
                Step st = step(enc, col(s.inputs().row(t - 1)), h, c);
                applyPerturbation(st, p, true, t);
                r.encoder.add(st);
                h = st.h;
                c = st.c;
            }
        }
        CellWeights w = s.weights().cell();
        int length = s.outputSequenceLength();
        for (int t = 1; t <= length; t++) {
            SimpleMatrix x = input(t, r.steps);
            Step st = step(w, x, h, c);
            applyPerturbation(st, p, false, t);
            int target = s.mapping() == Mapping.MANY_TO_ONE ? (t == length ? 0 : -1) : t - 1;
            if (target >= 0) {
                st.target = target;
                st.y = col(s.weights().weightOut().toRows()).mult(st.h).plus(col(s.weights().biasOut()));
                st.loss = loss(st.y, target);
                r.loss += st.loss;
            }
            r.steps.add(st);
            h = st.h;
            c = st.c;
        }
        return r;
    }

    private SimpleMatrix input(int t, List<Step> previous) {
        Mapping m = s.mapping();
        if (m != Mapping.ONE_TO_MANY && m != Mapping.SEQ2SEQ) {
            return col(s.inputs().row(t - 1));
        }
        if (t == 1) {
            return m == Mapping.SEQ2SEQ ? col(s.startInput()) : col(s.inputs().row(0));
        }
        boolean mse = s.loss() == LossKind.MSE;
        switch (s.feedback()) {
            case ZEROS:
                return new SimpleMatrix(s.inputSize(), 1);
            case TEACHER_FORCING:
                return mse ? col(s.targetVectors().row(t - 2)) : oneHot(s.targetClasses()[t - 2]);
            case FREE_RUNNING:
                SimpleMatrix y = previous.get(t - 2).y;
                if (mse) {
                    return y.copy();
                }
                int best = 0;
                for (int i = 1; i < y.getNumElements(); i++) {
                    if (y.get(i) > y.get(best)) {
                        best = i;
                    }
                }
                return oneHot(best);
            default:
                throw new IllegalStateException();
        }
    }

    private SimpleMatrix oneHot(int k) {
        SimpleMatrix v = new SimpleMatrix(s.inputSize(), 1);
        v.set(k, 0, 1.0);
        return v;
    }

    private void applyPerturbation(Step st, Perturbation p, boolean encoder, int t) {
        if (p == null || p.inEncoder() != encoder || p.t() != t) {
            return;
        }
        if (p.cellState()) {
            // c_t changed before h_t = o ⊙ tanh(c_t) is formed, so the path through h_t counts too
            st.c.set(p.unit(), 0, st.c.get(p.unit()) + p.delta());
            SimpleMatrix o = st.gates[3];
            st.h = o.elementMult(map(st.c, Math::tanh));
        } else {
            st.h.set(p.unit(), 0, st.h.get(p.unit()) + p.delta());
        }
    }

    private Step step(CellWeights w, SimpleMatrix x, SimpleMatrix hPrev, SimpleMatrix cPrev) {
        Step st = new Step();
        st.x = x;
        st.hPrev = hPrev;
        st.cPrev = cPrev;
        SimpleMatrix wih = col(w.weightIh().toRows());
        SimpleMatrix whh = col(w.weightHh().toRows());
        SimpleMatrix bih = col(w.biasIh());
        SimpleMatrix bhh = col(w.biasHh());
        int n = hidden;
        switch (s.cell()) {
            case RNN -> {
                SimpleMatrix pre = wih.mult(x).plus(bih).plus(whh.mult(hPrev)).plus(bhh);
                st.gates = new SimpleMatrix[] {pre};
                st.h = s.activation() == Activation.RELU ? map(pre, v -> Math.max(v, 0)) : map(pre, Math::tanh);
                st.c = cPrev;
            }
            case LSTM -> {
                SimpleMatrix pre = wih.mult(x).plus(bih).plus(whh.mult(hPrev)).plus(bhh);
                SimpleMatrix i = map(block(pre, 0), ReferenceRnn::sigmoid);
                SimpleMatrix f = map(block(pre, 1), ReferenceRnn::sigmoid);
                SimpleMatrix g = map(block(pre, 2), Math::tanh);
                SimpleMatrix o = map(block(pre, 3), ReferenceRnn::sigmoid);
                st.gates = new SimpleMatrix[] {i, f, g, o};
                st.c = f.elementMult(cPrev).plus(i.elementMult(g));
                st.h = o.elementMult(map(st.c, Math::tanh));
            }
            case GRU -> {
                SimpleMatrix gi = wih.mult(x).plus(bih);
                SimpleMatrix r = map(block(gi, 0).plus(block(whh, 0).mult(hPrev)).plus(block(bhh, 0)), ReferenceRnn::sigmoid);
                SimpleMatrix z = map(block(gi, 1).plus(block(whh, 1).mult(hPrev)).plus(block(bhh, 1)), ReferenceRnn::sigmoid);
                SimpleMatrix nPre;
                if (s.gruVariant() == GruVariant.CHO) {
                    st.hn = block(whh, 2).mult(r.elementMult(hPrev)).plus(block(bhh, 2));
                    nPre = block(gi, 2).plus(st.hn);
                } else {
                    st.hn = block(whh, 2).mult(hPrev).plus(block(bhh, 2));
                    nPre = block(gi, 2).plus(r.elementMult(st.hn));
                }
                SimpleMatrix nn = map(nPre, Math::tanh);
                st.gates = new SimpleMatrix[] {r, z, nn};
                SimpleMatrix ones = ones(n);
                st.h = ones.minus(z).elementMult(nn).plus(z.elementMult(hPrev));
                st.c = cPrev;
            }
        }
        return st;
    }

    private double loss(SimpleMatrix y, int target) {
        if (s.loss() == LossKind.MSE) {
            SimpleMatrix d = y.minus(col(s.targetVectors().row(target)));
            return 0.5 * d.dot(d);
        }
        // −log softmax(y)[k], written the obvious way (fine for the moderate logits of the tests)
        double sum = 0;
        for (int i = 0; i < y.getNumElements(); i++) {
            sum += Math.exp(y.get(i));
        }
        return Math.log(sum) - y.get(s.targetClasses()[target]);
    }

    // ---------------------------------------------------------------- backward (textbook BPTT)

    Gradients backward(Result r) {
        Gradients g = new Gradients();
        SimpleMatrix wout = col(s.weights().weightOut().toRows());
        g.weightOut = new SimpleMatrix(wout.getNumRows(), wout.getNumCols());
        g.biasOut = new SimpleMatrix(s.outputSize(), 1);
        g.cell = zeroGrads(s.weights().cell());
        CellWeights w = s.weights().cell();
        int length = r.steps.size();
        SimpleMatrix dhNext = new SimpleMatrix(hidden, 1);
        SimpleMatrix dcNext = new SimpleMatrix(hidden, 1);
        SimpleMatrix dxNext = null;
        SimpleMatrix[] dh = new SimpleMatrix[length];
        SimpleMatrix[] dc = new SimpleMatrix[length];
        boolean feedbackGradient = s.feedback() == Feedback.FREE_RUNNING && s.loss() == LossKind.MSE;
        for (int t = length; t >= 1; t--) {
            Step st = r.steps.get(t - 1);
            SimpleMatrix dHere = dhNext.copy();
            if (st.y != null) {
                SimpleMatrix dy = lossGradient(st.y, st.target);
                if (feedbackGradient && dxNext != null) {
                    dy = dy.plus(dxNext);
                }
                g.weightOut = g.weightOut.plus(dy.mult(st.h.transpose()));
                g.biasOut = g.biasOut.plus(dy);
                dHere = dHere.plus(wout.transpose().mult(dy));
            }
            dh[t - 1] = dHere;
            StepGrads sg = stepBackward(w, st, dHere, dcNext, g.cell);
            dc[t - 1] = sg.dc;
            dhNext = sg.dhPrev;
            dcNext = sg.dcPrev;
            dxNext = sg.dx;
        }
        for (int t = 0; t < length; t++) {
            g.dh.add(dh[t]);
            g.dc.add(dc[t]);
        }
        if (s.mapping() == Mapping.SEQ2SEQ) {
            CellWeights enc = s.weights().encoder();
            g.encoder = zeroGrads(enc);
            int te = r.encoder.size();
            SimpleMatrix[] edh = new SimpleMatrix[te];
            SimpleMatrix[] edc = new SimpleMatrix[te];
            for (int t = te; t >= 1; t--) {
                Step st = r.encoder.get(t - 1);
                edh[t - 1] = dhNext;
                StepGrads sg = stepBackward(enc, st, dhNext, dcNext, g.encoder);
                edc[t - 1] = sg.dc;
                dhNext = sg.dhPrev;
                dcNext = sg.dcPrev;
            }
            for (int t = 0; t < te; t++) {
                g.encoderDh.add(edh[t]);
                g.encoderDc.add(edc[t]);
            }
        }
        return g;
    }

    private record StepGrads(SimpleMatrix dhPrev, SimpleMatrix dcPrev, SimpleMatrix dc, SimpleMatrix dx) {
    }

    private StepGrads stepBackward(CellWeights w, Step st, SimpleMatrix dh, SimpleMatrix dcNext, CellGrads acc) {
        SimpleMatrix wih = col(w.weightIh().toRows());
        SimpleMatrix whh = col(w.weightHh().toRows());
        SimpleMatrix ones = ones(hidden);
        switch (s.cell()) {
            case RNN -> {
                SimpleMatrix pre = st.gates[0];
                // relu masks the gradient where the unit is off (PyTorch's threshold_backward): 0 there, whatever dh is
                SimpleMatrix dpre = s.activation() == Activation.RELU
                        ? masked(dh, pre)
                        : dh.elementMult(ones.minus(st.h.elementMult(st.h)));
                accumulate(acc, dpre, dpre, st.x, st.hPrev, st.hPrev);
                return new StepGrads(whh.transpose().mult(dpre), null, null, wih.transpose().mult(dpre));
            }
            case LSTM -> {
                SimpleMatrix i = st.gates[0];
                SimpleMatrix f = st.gates[1];
                SimpleMatrix g = st.gates[2];
                SimpleMatrix o = st.gates[3];
                SimpleMatrix tc = map(st.c, Math::tanh);
                SimpleMatrix dc = dcNext.plus(dh.elementMult(o).elementMult(ones.minus(tc.elementMult(tc))));
                SimpleMatrix di = dc.elementMult(g).elementMult(i).elementMult(ones.minus(i));
                SimpleMatrix df = dc.elementMult(st.cPrev).elementMult(f).elementMult(ones.minus(f));
                SimpleMatrix dg = dc.elementMult(i).elementMult(ones.minus(g.elementMult(g)));
                SimpleMatrix dO = dh.elementMult(tc).elementMult(o).elementMult(ones.minus(o));
                SimpleMatrix dpre = stack(di, df, dg, dO);
                accumulate(acc, dpre, dpre, st.x, st.hPrev, st.hPrev);
                return new StepGrads(whh.transpose().mult(dpre), dc.elementMult(f), dc, wih.transpose().mult(dpre));
            }
            default -> {
                SimpleMatrix r = st.gates[0];
                SimpleMatrix z = st.gates[1];
                SimpleMatrix nn = st.gates[2];
                SimpleMatrix dn = dh.elementMult(ones.minus(z));
                SimpleMatrix dz = dh.elementMult(st.hPrev.minus(nn));
                SimpleMatrix dnPre = dn.elementMult(ones.minus(nn.elementMult(nn)));
                SimpleMatrix dzPre = dz.elementMult(z).elementMult(ones.minus(z));
                SimpleMatrix dhPrev = dh.elementMult(z);
                SimpleMatrix dr;
                SimpleMatrix dHiddenN;
                SimpleMatrix nRight;
                if (s.gruVariant() == GruVariant.CHO) {
                    SimpleMatrix dResetH = block(whh, 2).transpose().mult(dnPre);
                    dr = dResetH.elementMult(st.hPrev);
                    dhPrev = dhPrev.plus(dResetH.elementMult(r));
                    dHiddenN = dnPre;
                    nRight = r.elementMult(st.hPrev);
                } else {
                    dr = dnPre.elementMult(st.hn);
                    dHiddenN = dnPre.elementMult(r);
                    nRight = st.hPrev;
                    dhPrev = dhPrev.plus(block(whh, 2).transpose().mult(dHiddenN));
                }
                SimpleMatrix drPre = dr.elementMult(r).elementMult(ones.minus(r));
                dhPrev = dhPrev.plus(block(whh, 0).transpose().mult(drPre)).plus(block(whh, 1).transpose().mult(dzPre));
                SimpleMatrix dInput = stack(drPre, dzPre, dnPre);
                SimpleMatrix dHidden = stack(drPre, dzPre, dHiddenN);
                accumulate(acc, dInput, dHidden, st.x, st.hPrev, nRight);
                return new StepGrads(dhPrev, null, null, wih.transpose().mult(dInput));
            }
        }
    }

    /** dW_ih += dInput xᵀ; dW_hh += dHidden h_{t-1}ᵀ, except a GRU's n rows, which read {@code nRight}. */
    private void accumulate(CellGrads acc, SimpleMatrix dInput, SimpleMatrix dHidden, SimpleMatrix x,
            SimpleMatrix hPrev, SimpleMatrix nRight) {
        acc.wih = acc.wih.plus(dInput.mult(x.transpose()));
        acc.bih = acc.bih.plus(dInput);
        acc.bhh = acc.bhh.plus(dHidden);
        SimpleMatrix dW = dHidden.mult(hPrev.transpose());
        if (s.cell() == CellType.GRU) {
            SimpleMatrix nRows = block(dHidden, 2).mult(nRight.transpose());
            dW.insertIntoThis(2 * hidden, 0, nRows);
        }
        acc.whh = acc.whh.plus(dW);
    }

    private SimpleMatrix lossGradient(SimpleMatrix y, int target) {
        if (s.loss() == LossKind.MSE) {
            return y.minus(col(s.targetVectors().row(target)));
        }
        SimpleMatrix e = map(y, Math::exp);
        SimpleMatrix p = e.divide(e.elementSum());
        p.set(s.targetClasses()[target], 0, p.get(s.targetClasses()[target]) - 1);
        return p;
    }

    private static CellGrads zeroGrads(CellWeights w) {
        CellGrads g = new CellGrads();
        g.wih = new SimpleMatrix(w.weightIh().rows(), w.weightIh().cols());
        g.whh = new SimpleMatrix(w.weightHh().rows(), w.weightHh().cols());
        g.bih = new SimpleMatrix(w.biasIh().length, 1);
        g.bhh = new SimpleMatrix(w.biasHh().length, 1);
        return g;
    }

    // ---------------------------------------------------------------- helpers

    private SimpleMatrix block(SimpleMatrix stacked, int k) {
        return stacked.extractMatrix(k * hidden, (k + 1) * hidden, 0, stacked.getNumCols());
    }

    private static SimpleMatrix stack(SimpleMatrix... blocks) {
        int rows = 0;
        for (SimpleMatrix b : blocks) {
            rows += b.getNumRows();
        }
        SimpleMatrix out = new SimpleMatrix(rows, 1);
        int r = 0;
        for (SimpleMatrix b : blocks) {
            out.insertIntoThis(r, 0, b);
            r += b.getNumRows();
        }
        return out;
    }

    static SimpleMatrix col(double[] v) {
        SimpleMatrix m = new SimpleMatrix(v.length, 1);
        for (int i = 0; i < v.length; i++) {
            m.set(i, 0, v[i]);
        }
        return m;
    }

    static SimpleMatrix col(double[][] rows) {
        return new SimpleMatrix(rows);
    }

    private static SimpleMatrix ones(int n) {
        SimpleMatrix m = new SimpleMatrix(n, 1);
        m.fill(1.0);
        return m;
    }

    private static SimpleMatrix map(SimpleMatrix m, DoubleUnaryOperator f) {
        SimpleMatrix out = new SimpleMatrix(m.getNumRows(), m.getNumCols());
        for (int i = 0; i < m.getNumElements(); i++) {
            out.set(i, f.applyAsDouble(m.get(i)));
        }
        return out;
    }

    private static double sigmoid(double v) {
        return 1.0 / (1.0 + Math.exp(-v));
    }

    /** {@code g} where {@code pre > 0} (or NaN), 0 elsewhere. */
    private static SimpleMatrix masked(SimpleMatrix g, SimpleMatrix pre) {
        SimpleMatrix out = new SimpleMatrix(g.getNumRows(), g.getNumCols());
        for (int i = 0; i < g.getNumElements(); i++) {
            double p = pre.get(i);
            out.set(i, p > 0 || Double.isNaN(p) ? g.get(i) : 0);
        }
        return out;
    }
}
