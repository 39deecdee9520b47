package org.unrolled.view;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.unrolled.engine.CellType;
import org.unrolled.engine.InitSpec;
import org.unrolled.engine.Mapping;
import org.unrolled.engine.Parameters;
import org.unrolled.engine.Scenario;
import org.unrolled.engine.ScenarioEdits;
import org.unrolled.io.Samples;

/** The Notation card's parameter counts, worked by hand and against the weights' own size. */
class NotationTest {
    @Test
    void anLstmOfOneInputAndFourUnitsHas112ParametersWithTwoBiasesAnd96WithOne() {
        Scenario s = Samples.load("default.json").scenario();
        Scenario lstm = ScenarioEdits.withHiddenSize(ScenarioEdits.withCell(s, CellType.LSTM, new InitSpec(1, 0.5)), 4,
                new InitSpec(1, 0.5));
        org.junit.jupiter.api.Assumptions.assumeTrue(lstm.inputSize() == 1 && lstm.mapping() != Mapping.SEQ2SEQ);
        // 4 blocks · (H·I + H·H) = 4 · (4 + 16) = 80 weights; biases 2 · 4H = 32, or 4H = 16 with one bias
        assertEquals(new Notation.Counts(112, 96), Notation.recurrentParameters(lstm));
        // the same count as the weights the engine holds, less the output layer O·H + O
        int output = lstm.outputSize() * 4 + lstm.outputSize();
        assertEquals(112, Parameters.flatten(lstm.weights()).length - output);
    }

    @Test
    void theCardNamesTheNotesSlipsForEachCell() {
        Scenario lstm = Samples.load("default.json").scenario();
        String text = Notation.entries(lstm).toString();
        assertTrue(text.contains("peephole"), "an LSTM scenario mentions the peephole output gate");
        assertTrue(text.contains("typo for W_xh"));
        assertTrue(text.contains("Exposure bias"));
        String gru = Notation.entries(Samples.load("gru-seq2seq.json").scenario()).toString();
        assertTrue(gru.contains("update gate z") && !gru.contains("peephole"));
    }
}
