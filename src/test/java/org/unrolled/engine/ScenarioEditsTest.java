package org.unrolled.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.unrolled.document.ScenarioDocument;
import org.unrolled.io.Samples;
import org.unrolled.io.ScenarioReader;
import org.unrolled.io.ScenarioWriter;

class ScenarioEditsTest {
    private static final InitSpec INIT = new InitSpec(4, 0.5);

    @Test
    void spectralRadiusSliderSetsRhoExactly() {
        Scenario s = Samples.load("rnn-vanishing.json").scenario();
        for (double rho : new double[] {0.1, 0.5, 1.0, 2.0, 3.0}) {
            Scenario edited = ScenarioEdits.withSpectralRadius(s, rho);
            assertEquals(rho, Spectra.largestSpectralRadius(CellType.RNN, edited.weights().cell(), 4), 1e-9);
            assertEquals(s.weights().cell().weightIh(), edited.weights().cell().weightIh(), "only W_hh changes");
        }
    }

    @Test
    void spectralRadiusOfADiagonalMatrixIsItsLargestEntry() {
        double[] diag = {0.3, 0, 0, -0.7};
        var m = new org.ejml.data.DMatrixRMaj(2, 2, true, diag);
        assertEquals(0.7, Spectra.spectralRadius(m), 1e-12);
        assertEquals(0.7, Spectra.largestSingularValue(m), 1e-12);
        // a rotation by 90°: eigenvalues ±i, |λ| = 1
        var rot = new org.ejml.data.DMatrixRMaj(2, 2, true, 0, -1, 1, 0);
        assertEquals(1.0, Spectra.spectralRadius(rot), 1e-12);
    }

    @Test
    void largerRhoMakesEarlyGradientsLarger() {
        Scenario s = Samples.load("rnn-vanishing.json").scenario();
        double small = Engine.run(ScenarioEdits.withSpectralRadius(s, 0.5)).steps().dLdhNorm(1);
        double large = Engine.run(ScenarioEdits.withSpectralRadius(s, 2.5)).steps().dLdhNorm(1);
        assertTrue(large > 100 * small, small + " vs " + large);
    }

    @Test
    void forgetBiasOpensTheHighway() {
        Scenario s = Samples.load("default.json").scenario();
        Scenario open = ScenarioEdits.withForgetBias(s, 5);
        assertEquals(5.0, ScenarioEdits.forgetBias(open), 1e-12);
        double[] f = Engine.run(open).steps().gate(5, 'f');
        for (double v : f) {
            assertTrue(v > 0.95, "f ≈ 1 with a bias of 5: " + v);
        }
    }

    @ParameterizedTest
    @EnumSource(Mapping.class)
    void everyMappingChangeGivesAValidScenario(Mapping m) {
        for (String sample : new String[] {"default.json", "rnn-vanishing.json", "gru-seq2seq.json"}) {
            Scenario s = Samples.load(sample).scenario();
            for (Feedback f : Feedback.values()) {
                Scenario edited = ScenarioEdits.withMapping(s, m, f, INIT);
                assertEquals(m, edited.mapping());
                Engine.run(edited); // valid and computable
            }
        }
    }

    @Test
    void lengthHiddenSizeAndCellEdits() {
        Scenario s = Samples.load("default.json").scenario();
        Scenario longer = ScenarioEdits.withLength(s, 25);
        assertEquals(25, longer.inputCount());
        assertEquals(25, longer.targetCount());
        assertEquals(s.inputs().row(3)[1], longer.inputs().row(13)[1], 0.0, "new steps repeat the old ones");
        Scenario wide = ScenarioEdits.withHiddenSize(s, 9, INIT);
        assertEquals(36, wide.weights().cell().weightHh().rows());
        Scenario gru = ScenarioEdits.withCell(s, CellType.GRU, INIT);
        assertEquals(12, gru.weights().cell().weightHh().rows());
        Scenario edited = ScenarioEdits.withInput(s, 2, 1, 0.25);
        assertEquals(0.25, Engine.run(edited).steps().x(2)[1], 0.0);
    }

    @Test
    void savedScenariosReopenToTheSameTrace() throws Exception {
        for (String sample : new String[] {"default.json", "rnn-vanishing.json", "gru-seq2seq.json"}) {
            ScenarioDocument d = Samples.load(sample);
            Scenario s = ScenarioEdits.withSpectralRadius(d.scenario(), 1.3);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ScenarioWriter.write(d.withScenario(s), out);
            Scenario back = ScenarioReader.parse(out.toString(StandardCharsets.UTF_8), "saved").scenario();
            Trace a = Engine.run(s);
            Trace b = Engine.run(back);
            assertEquals(a.loss(), b.loss(), 0.0);
            assertEquals(WeightsVector.flatten(a.gradients()).length, WeightsVector.flatten(b.gradients()).length);
            double[] ga = WeightsVector.flatten(a.gradients());
            double[] gb = WeightsVector.flatten(b.gradients());
            for (int i = 0; i < ga.length; i++) {
                assertEquals(ga[i], gb[i], 0.0);
            }
        }
    }

    /** An RNN with I = O = 2 (so outputs can be fed back), H = 3, seeded, many-to-many over 3 steps. */
    private static Scenario aligned() {
        Scenario.Builder b = TestScenarios.shaped(CellType.RNN, 2, 3, 2,
                Mapping.MANY_TO_MANY, LossKind.MSE);
        b.inputs = Matrix.of(3, 2, new double[] {1, 0, 0, 1, 1, 1});
        b.targetVectors = Matrix.of(3, 2, new double[] {0, 1, 1, 0, 0, 0});
        b.init = new InitSpec(7, 0.5);
        b.weights = SeededInit.weights(b.init, b.cell, b.mapping, 2, 3, 2);
        return b.build();
    }

    @Test
    void aMappingThatKeepsTheShapesKeepsTheWeights() {
        Scenario s = aligned();
        for (Mapping m : new Mapping[] {Mapping.MANY_TO_ONE, Mapping.ONE_TO_MANY, Mapping.ONE_TO_ONE}) {
            Scenario e = ScenarioEdits.withMapping(s, m, Feedback.TEACHER_FORCING, INIT);
            assertEquals(m, e.mapping());
            org.junit.jupiter.api.Assertions.assertArrayEquals(Parameters.flatten(s.weights()),
                    Parameters.flatten(e.weights()), 0.0, m + " keeps every weight");
            assertTrue(!ScenarioEdits.reseeds(s, e));
        }
        Scenario seq2seq = ScenarioEdits.withMapping(s, Mapping.SEQ2SEQ, Feedback.ZEROS, INIT);
        assertTrue(ScenarioEdits.reseeds(s, seq2seq), "an encoder-decoder has two cells: new weights");
        assertTrue(ScenarioEdits.whyNewWeights(s, seq2seq).contains("two cells"));
    }

    @Test
    void feedbackKeepsTheWeightsWhenTheOutputsFitAndSaysWhyWhenNot() {
        Scenario s = ScenarioEdits.withMapping(aligned(), Mapping.ONE_TO_MANY, Feedback.TEACHER_FORCING, INIT);
        Scenario free = ScenarioEdits.withFeedback(s, Feedback.FREE_RUNNING, INIT);
        assertEquals(Feedback.FREE_RUNNING, free.feedback());
        assertTrue(free.weights() == s.weights(), "the same weights object");
        // O = 3 ≠ I = 2: zeros is fine, teacher forcing needs a new output layer
        Scenario.Builder b = ScenarioEdits.withMapping(aligned(), Mapping.ONE_TO_MANY, Feedback.ZEROS, INIT).toBuilder();
        Scenario three = ScenarioEdits.withHiddenSize(b.build(), 3, INIT);
        Scenario wide = ScenarioEdits.withMapping(three, Mapping.MANY_TO_MANY, null, INIT);
        Scenario.Builder w = wide.toBuilder();
        w.outputSize = 3;
        w.targetVectors = Matrix.of(3, 3, new double[9]);
        w.init = INIT;
        w.weights = SeededInit.weights(INIT, w.cell, w.mapping, 2, 3, 3);
        Scenario zeros = ScenarioEdits.withMapping(w.build(), Mapping.ONE_TO_MANY, Feedback.ZEROS, INIT);
        assertEquals(3, zeros.outputSize());
        Scenario forced = ScenarioEdits.withFeedback(zeros, Feedback.TEACHER_FORCING, INIT);
        assertEquals(2, forced.outputSize(), "fed-back outputs need O = I");
        assertTrue(ScenarioEdits.whyNewWeights(zeros, forced).contains("needs 2 outputs, not 3"),
                ScenarioEdits.whyNewWeights(zeros, forced));
    }

    @Test
    void theSpectralRadiusAndForgetBiasAreNotReseeds() {
        Scenario s = aligned();
        assertTrue(!ScenarioEdits.reseeds(s, ScenarioEdits.withSpectralRadius(s, 2)));
        assertTrue(ScenarioEdits.reseeds(s, ScenarioEdits.reinitialised(s, new InitSpec(8, 0.5))));
        assertTrue(ScenarioEdits.whyNewWeights(s, ScenarioEdits.withCell(s, CellType.LSTM, INIT)).contains("4 weight blocks"));
    }

    @Test
    void theSpectraRememberedForAScaledMatrixAreTheOnesAnEigenDecompositionGives() {
        Scenario s = ScenarioEdits.withCell(aligned(), CellType.LSTM, new InitSpec(5, 0.4));
        Scenario scaled = ScenarioEdits.withSpectralRadius(s, 1.7);
        java.util.List<Spectra.Block> remembered = Spectra.recurrent(CellType.LSTM, scaled.weights().cell(), 3);
        // a copy of the same numbers is a new key: decomposed afresh
        CellWeights w = scaled.weights().cell();
        CellWeights copy = new CellWeights(Matrix.wrap(w.weightIh().rows(), w.weightIh().cols(), w.weightIh().toRowMajor()),
                Matrix.wrap(w.weightHh().rows(), w.weightHh().cols(), w.weightHh().toRowMajor()), w.biasIh(), w.biasHh());
        java.util.List<Spectra.Block> fresh = Spectra.recurrent(CellType.LSTM, copy, 3);
        for (int k = 0; k < 4; k++) {
            assertEquals(fresh.get(k).spectralRadius(), remembered.get(k).spectralRadius(), 1e-9);
            assertEquals(fresh.get(k).largestSingularValue(), remembered.get(k).largestSingularValue(), 1e-9);
        }
    }
}
