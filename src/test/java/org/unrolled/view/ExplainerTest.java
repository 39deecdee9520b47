package org.unrolled.view;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.unrolled.document.ScenarioDocument;
import org.unrolled.engine.Engine;
import org.unrolled.engine.SequenceTrace;
import org.unrolled.engine.Trace;
import org.unrolled.io.Samples;

class ExplainerTest {

    @Test
    void vanillaRnnHiddenStateShowsTheSumAndTheActivation() {
        ScenarioDocument doc = Samples.load("rnn-vanishing.json");
        Trace trace = Engine.run(doc.scenario());
        SequenceTrace s = trace.steps();
        Explainer.Explanation e = Explainer.explain(trace, doc.vocabulary(), VectorRef.of(false, 3, VectorRef.Kind.H), 1);
        assertEquals("h_3[1]", e.name());
        assertEquals(s.h(3, 1), e.value());
        assertEquals("h_3 = tanh(W_ih x_3 + b_ih + W_hh h_2 + b_hh)", e.lines().get(0));
        String numbers = e.lines().get(1);
        assertTrue(numbers.contains("= tanh(" + Numbers.format(s.preActivation(3, ' ')[1]) + ") = " + Numbers.format(s.h(3, 1))),
                numbers);
    }

    @Test
    void lstmCellStateShowsForgetThenAdd() {
        ScenarioDocument doc = Samples.load("default.json");
        Trace trace = Engine.run(doc.scenario());
        SequenceTrace s = trace.steps();
        Explainer.Explanation e = Explainer.explain(trace, doc.vocabulary(), VectorRef.of(false, 4, VectorRef.Kind.C), 2);
        String expected = "[2] = " + Numbers.format(s.gate(4, 'f')[2]) + " · " + Numbers.format(s.c(3)[2]) + " + "
                + Numbers.format(s.gate(4, 'i')[2]) + " · " + Numbers.format(s.gate(4, 'g')[2]) + " = "
                + Numbers.format(s.c(4)[2]);
        assertEquals(expected, e.lines().get(1));
        // and the substituted numbers really give the value (to the printed precision)
        double recomputed = s.gate(4, 'f')[2] * s.c(3)[2] + s.gate(4, 'i')[2] * s.gate(4, 'g')[2];
        assertEquals(s.c(4)[2], recomputed, 1e-12);
    }

    @Test
    void teacherForcedInputsSayWhereTheyCameFrom() {
        ScenarioDocument doc = Samples.load("gru-seq2seq.json");
        Trace trace = Engine.run(doc.scenario());
        Explainer.Explanation e = Explainer.explain(trace, doc.vocabulary(), VectorRef.of(false, 2, VectorRef.Kind.X), 0);
        assertTrue(e.lines().get(0).startsWith("Teacher forcing: the previous step's target goes in"), e.lines().get(0));
        assertTrue(e.name().startsWith("x"), e.name());
    }

    @Test
    void numbersAreShortAndHonestAboutOverflow() {
        assertEquals("0.39", Numbers.format(0.3912));
        assertEquals("−1.25", Numbers.format(-1.2493));
        assertEquals("3.1e−5", Numbers.format(3.1e-5));
        assertEquals("∞", Numbers.format(Double.POSITIVE_INFINITY));
        assertEquals("NaN", Numbers.format(Double.NaN));
        assertEquals(".39", Numbers.compact(0.3912));
        assertEquals("−.05", Numbers.compact(-0.049));
    }
}
