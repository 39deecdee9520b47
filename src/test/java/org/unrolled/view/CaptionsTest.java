package org.unrolled.view;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.unrolled.engine.Engine;
import org.unrolled.engine.Scenario;
import org.unrolled.engine.ScenarioEdits;
import org.unrolled.engine.Trace;
import org.unrolled.io.Samples;
import org.unrolled.io.ScenarioReader;

/** The generated captions say true things, on scenarios built to trigger each kind. */
class CaptionsTest {

    private static boolean any(List<String> captions, String text) {
        return captions.stream().anyMatch(c -> c.contains(text));
    }

    @Test
    void anOpenForgetGateKeepsTheCellState() {
        Trace t = Engine.run(ScenarioEdits.withForgetBias(Samples.load("default.json"), 5));
        List<String> c = Captions.at(t, 4);
        assertTrue(any(c, "t = 4: the forget gate is 0.99 on average — the cell state keeps almost all of c_3"), c.toString());
    }

    @Test
    void aClosedForgetGateForgets() {
        Scenario s = Samples.load("default.json");
        Trace t = Engine.run(ScenarioEdits.withForgetBias(s, -6));
        assertTrue(any(Captions.at(t, 4), "the cell forgets almost all of c_3"), Captions.at(t, 4).toString());
    }

    @Test
    void vanishingIsCalledVanishingAndOnlyWhenTrue() {
        Trace t = Engine.run(Samples.load("rnn-vanishing.json"));
        int n = 30;
        // backward position that has just computed dL/dh_10
        List<String> c = Captions.at(t, n + (n - 10 + 1));
        assertTrue(any(c, "t = 10: ‖∂L/∂h‖"), c.toString());
        assertTrue(any(c, "— vanishing"), c.toString());
        double ratio = t.steps().dLdhNorm(13) / t.steps().dLdhNorm(10);
        assertTrue(ratio >= 3, "the caption's claim holds: " + ratio);
        // with rho = 1 the caption appears exactly when the gradient did fall threefold
        Trace flat = Engine.run(ScenarioEdits.withSpectralRadius(Samples.load("rnn-vanishing.json"), 1.0));
        boolean fell = flat.steps().dLdhNorm(13) / flat.steps().dLdhNorm(10) >= 3;
        assertTrue(fell == any(Captions.at(flat, n + (n - 10 + 1)), "vanishing"));
    }

    @Test
    void explodingAndOverflowAreNamed() throws Exception {
        Trace t = Engine.run(ScenarioReader.read(Path.of("samples/rnn-exploding.json")));
        List<String> c = Captions.at(t, 30 + (30 - 10 + 1));
        // the ring scaled by 2 multiplies the gradient by exactly 2 per step back: 2³ = 8 over three steps
        assertTrue(any(c, "grew by 8.00× over the last 3 steps back — exploding"), c.toString());
        Trace boom = Engine.run(ScenarioReader.read(Path.of("src/test/resources/golden/exploding-relu.scenario.json")));
        assertTrue(any(Captions.at(boom, 12), "overflowed to NaN"), Captions.at(boom, 12).toString());
    }

    @Test
    void memoryTipsAppearAtTheFirstStepOfAGatedCell() {
        assertTrue(any(Captions.at(Engine.run(Samples.load("default.json")), 1), "Memory tip: gates create smart memory"));
        assertTrue(any(Captions.at(Engine.run(Samples.load("gru-seq2seq.json")), 1), "GRU = fewer gates"));
        assertTrue(!any(Captions.at(Engine.run(Samples.load("default.json")), 2), "Memory tip"));
        assertTrue(!any(Captions.at(Engine.run(Samples.load("rnn-vanishing.json")), 1), "Memory tip"));
    }

    @Test
    void theContextIsAnnounced() {
        Trace t = Engine.run(Samples.load("gru-seq2seq.json"));
        assertTrue(any(Captions.at(t, 5), "becomes the context C"));
        assertTrue(any(Captions.at(t, 0), "Before the first step"));
    }
}
