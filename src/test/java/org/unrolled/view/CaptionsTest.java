package org.unrolled.view;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.unrolled.engine.Engine;
import org.unrolled.engine.Scenario;
import org.unrolled.engine.ScenarioEdits;
import org.unrolled.engine.SequenceTrace;
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
        Trace t = Engine.run(ScenarioEdits.withForgetBias(Samples.load("default.json").scenario(), 5));
        List<String> c = Captions.at(t, 4);
        assertTrue(any(c, "t = 4: the forget gate is 0.99 on average — the cell state keeps almost all of c_3"), c.toString());
    }

    @Test
    void aClosedForgetGateForgets() {
        Scenario s = Samples.load("default.json").scenario();
        Trace t = Engine.run(ScenarioEdits.withForgetBias(s, -6));
        assertTrue(any(Captions.at(t, 4), "the cell forgets almost all of c_3"), Captions.at(t, 4).toString());
    }

    /** ‖part of ∂L/∂h_t from step t+1‖ / ‖∂L/∂h_{t+1}‖, straight from the trace's vectors. */
    private static double fromNextRatio(SequenceTrace s, int t) {
        return norm(s.dLdhFromNext(t)) / norm(s.dLdh(t + 1));
    }

    private static String percent(double fraction) {
        return Numbers.format(100 * fraction) + "%";
    }

    private static double norm(double[] v) {
        double sum = 0;
        for (double x : v) {
            sum += x * x;
        }
        return Math.sqrt(sum);
    }

    @Test
    void vanishingIsCalledVanishingAndOnlyWhenTrue() {
        Trace t = Engine.run(Samples.load("rnn-vanishing.json").scenario());
        int n = 30;
        // backward position that has just computed dL/dh_10
        List<String> c = Captions.at(t, n + (n - 10 + 1));
        double product = 1;
        for (int k = 10; k < 13; k++) {
            product *= fromNextRatio(t.steps(), k);
        }
        assertTrue(product <= 1 / 3.0, "the caption's claim holds: " + product);
        // the span's total and each step's own share, in the order the gradient went back: not an average
        String expected = "t = 10: each of the 3 steps back from step 13 to 10 passed on "
                + percent(fromNextRatio(t.steps(), 12)) + ", " + percent(fromNextRatio(t.steps(), 11)) + " and "
                + percent(fromNextRatio(t.steps(), 10)) + " of the gradient it received, in turn (a product of "
                + percent(product) + ") — vanishing.";
        assertTrue(c.contains(expected), expected + " in " + c);
        // with rho = 1 the caption appears exactly when the passed-back part fell threefold
        Trace flat = Engine.run(ScenarioEdits.withSpectralRadius(Samples.load("rnn-vanishing.json").scenario(), 1.0));
        double flatProduct = 1;
        for (int k = 10; k < 13; k++) {
            flatProduct *= fromNextRatio(flat.steps(), k);
        }
        assertTrue((flatProduct <= 1 / 3.0) == any(Captions.at(flat, n + (n - 10 + 1)), "vanishing"));
    }

    @Test
    void explodingAndOverflowAreNamed() throws Exception {
        Trace t = Engine.run(ScenarioReader.read(Path.of("samples/rnn-exploding.json")).scenario());
        List<String> c = Captions.at(t, 30 + (30 - 10 + 1));
        // the ring scaled by 2 multiplies the gradient by exactly 2 per step back: 2³ = 8 over three steps
        assertTrue(any(c, "t = 10: each of the 3 steps back from step 13 to 10 passed on 2.00×, 2.00× and 2.00× the gradient it "
                + "received, in turn (a product of 8.00×) — exploding."), c.toString());
        Trace boom = Engine.run(ScenarioReader.read(Path.of("src/test/resources/golden/exploding-relu.scenario.json")).scenario());
        assertTrue(any(Captions.at(boom, 12), "overflowed to NaN"), Captions.at(boom, 12).toString());
    }

    @Test
    void aStepsOwnOutputIsNamedApartWhenItDominatesOrBesideAVerdict() {
        int named = 0;
        for (String sample : new String[] {"default.json", "teacher-forcing.json", "tagging.json"}) {
            Trace t = Engine.run(Samples.load(sample).scenario());
            SequenceTrace s = t.steps();
            int n = s.length();
            for (int step = 1; step < n; step++) {
                List<String> c = Captions.at(t, n + (n - step + 1));
                double own = norm(s.dLdhFromOutput(step));
                double next = norm(s.dLdhFromNext(step));
                String line = "t = " + step + ": ∂L/∂h_" + step + " = " + Numbers.format(own) + " from its own output + "
                        + Numbers.format(next) + " from step " + (step + 1);
                boolean verdict = any(c, "vanishing.") || any(c, "exploding.") || any(c, "fading on this path.");
                assertTrue(any(c, line) == (own > 0 && (own >= 9 * next || verdict)), sample + " " + line + " in " + c);
                named += any(c, line) ? 1 : 0;
            }
        }
        assertTrue(named > 0, "some step's own part was named");
    }

    private static final Pattern STEP = Pattern.compile("^(encoder |decoder )?t = (\\d+):");
    private static final Pattern PERCENT = Pattern.compile("([0-9.]+)%");
    private static final Pattern STEP_BY_STEP = Pattern.compile("passed on (.*?) (?:of )?the gradient it received, in turn");

    /**
     * Over every sample, every position of both phases: "exploding" only where the part passed back
     * grew (ratio above 1), "vanishing" only where it shrank, "the highway" only where the cell state
     * passed back at least half over the span, and never a percentage above 100.
     */
    @Test
    void theGradientWordsAreTrueEverywhereOnEverySample() throws Exception {
        List<Path> samples;
        try (var files = java.nio.file.Files.list(Path.of("samples"))) {
            samples = files.filter(p -> p.toString().endsWith(".json")).sorted().toList();
        }
        int checked = 0;
        for (Path file : samples) {
            Trace trace = Engine.run(ScenarioReader.read(file).scenario());
            StepSchedule timeline = new StepSchedule(trace);
            for (double p = 0; p <= timeline.total(); p += 0.5) {
                for (String line : Captions.at(trace, p)) {
                    String where = file.getFileName() + " at " + p + ": " + line;
                    // a step of a span may pass on more than it received ("115% a step"); a total may not
                    Matcher pm = PERCENT.matcher(STEP_BY_STEP.matcher(line).replaceAll(""));
                    while (pm.find()) {
                        assertTrue(Double.parseDouble(pm.group(1)) <= 100, where);
                    }
                    Matcher m = STEP.matcher(line);
                    if (!m.find() || !timeline.inBackward(p)) {
                        continue;
                    }
                    SequenceTrace seq = "encoder ".equals(m.group(1)) ? trace.encoder() : trace.steps();
                    int t = Integer.parseInt(m.group(2));
                    Matcher listed = STEP_BY_STEP.matcher(line);
                    if (listed.find()) {
                        // each step's own share, from the trace, in the order the gradient went back
                        boolean asPercent = listed.group(1).endsWith("%");
                        String expected = "";
                        for (int k = t + 2; k >= t; k--) {
                            double r = fromNextRatio(seq, k);
                            expected += (asPercent ? percent(r) : Numbers.format(r) + "×") + (k == t + 1 ? " and " : k > t ? ", " : "");
                        }
                        assertTrue(listed.group(1).equals(expected), where + " (each step: " + expected + ")");
                        checked++;
                    }
                    if (line.contains("exploding")) {
                        assertTrue(fromNextRatio(seq, t) > 1, where);
                        checked++;
                    }
                    if (line.contains("vanishing")) {
                        assertTrue(fromNextRatio(seq, t) < 1, where);
                        checked++;
                    }
                    if (line.contains("— the highway")) {
                        double kept = 1;
                        for (int k = t; k < t + 3; k++) {
                            kept *= norm(seq.dLdcFromNext(k)) / norm(seq.dLdc(k + 1));
                        }
                        assertTrue(kept >= 0.5 && kept <= 1, where + " (kept " + kept + ")");
                        checked++;
                    }
                }
            }
        }
        assertTrue(checked > 20, "the property was exercised: " + checked + " gradient captions checked");
    }

    @Test
    void memoryTipsAppearAtTheFirstStepOfAGatedCell() {
        assertTrue(any(Captions.at(Engine.run(Samples.load("default.json").scenario()), 1), "Memory tip: gates create smart memory"));
        assertTrue(!any(Captions.at(Engine.run(Samples.load("default.json").scenario()), 2), "Memory tip"));
        assertTrue(!any(Captions.at(Engine.run(Samples.load("rnn-vanishing.json").scenario()), 1), "Memory tip"));
    }

    @Test
    void theGruNoteCountsParametersForTheScenarioShown() {
        Trace t = Engine.run(Samples.load("gru-seq2seq.json").scenario());
        var s = t.scenario();
        // per cell: a GRU has 3 blocks of (H·I + H·H + 2H), an LSTM 4; seq2seq has two cells
        int block = s.hiddenSize() * s.inputSize() + s.hiddenSize() * s.hiddenSize() + 2 * s.hiddenSize();
        String expected = "3 weight blocks against the LSTM's 4: " + (2 * 3 * block) + " recurrent parameters here, where"
                + " an LSTM of the same size would have " + (2 * 4 * block);
        assertTrue(any(Captions.at(t, 1), expected), Captions.at(t, 1).toString());
    }

    @Test
    void theContextIsAnnounced() {
        Trace t = Engine.run(Samples.load("gru-seq2seq.json").scenario());
        assertTrue(any(Captions.at(t, 5), "becomes the context C"));
        assertTrue(any(Captions.at(t, 0), "Before the first step"));
    }

    /** Every sample, every step of both phases: the caption bar says something (it stood empty at most steps). */
    @Test
    void everyStepHasACaptionOnEverySample() throws Exception {
        List<Path> samples;
        try (var files = java.nio.file.Files.list(Path.of("samples"))) {
            samples = files.filter(p -> p.toString().endsWith(".json")).sorted().toList();
        }
        for (Path file : samples) {
            Trace trace = Engine.run(ScenarioReader.read(file).scenario());
            StepSchedule timeline = new StepSchedule(trace);
            for (int g = 1; g <= timeline.total(); g++) {
                // a whole step's position: past the half of a forward step, or a backward one
                assertTrue(!Captions.shown(trace, g, false).isEmpty(), file.getFileName() + " at " + g);
            }
        }
    }

    /** The plain forward line names what the step reads and writes, and its loss as the trace has it. */
    @Test
    void aQuietForwardStepIsNarrated() {
        Trace t = Engine.run(Samples.load("default.json").scenario());
        SequenceTrace s = t.steps();
        List<String> c = Captions.shown(t, 3, false);
        assertTrue(Captions.at(t, 3).isEmpty() && Captions.shown(t, 3, true).isEmpty(), "only where nothing else speaks");
        assertTrue(c.equals(List.of("t = 3: the LSTM reads x_3 with h_2 and c_2 and writes c_3 and h_3, then y_3: loss ℓ_3 = "
                + Numbers.format(s.stepLoss(3)) + ".")), c.toString());
        Trace rnn = Engine.run(Samples.load("rnn-vanishing.json").scenario());
        assertTrue(Captions.shown(rnn, 2, false).equals(List.of("t = 2: the RNN reads x_2 with h_1 and writes h_2; no output at"
                + " this step.")), "an RNN has no cell state, and this many-to-one step no output: " + Captions.shown(rnn, 2, false));
    }

    /**
     * Going backward the plain line gives ‖∂L/∂h_t‖ and the norms of its two parts, through y_t and from
     * step t+1: the total checked here by adding the two vectors, not read from the engine's own total.
     */
    @Test
    void aQuietBackwardStepSaysWhereItsGradientComesFrom() {
        Trace t = Engine.run(Samples.load("default.json").scenario());
        StepSchedule timeline = new StepSchedule(t);
        SequenceTrace s = t.steps();
        int said = 0;
        for (int step = 1; step < s.length(); step++) {
            for (String line : Captions.shown(t, timeline.backwardPositionOf(step), false)) {
                if (!line.startsWith("t = " + step + ", backward:")) {
                    continue;
                }
                double[] own = s.dLdhFromOutput(step);
                double[] next = s.dLdhFromNext(step);
                double[] sum = new double[own.length];
                for (int j = 0; j < sum.length; j++) {
                    sum[j] = own[j] + next[j];
                }
                assertTrue(line.contains("‖∂L/∂h_" + step + "‖ = " + Numbers.format(norm(sum)) + "; its two parts have norms "
                        + Numbers.format(norm(own)) + " (through y_" + step + ") and " + Numbers.format(norm(next))
                        + " (from step " + (step + 1) + ")."), line);
                said++;
            }
        }
        assertTrue(said > 0, "some backward step was narrated");
        String last = Captions.shown(t, timeline.backwardPositionOf(s.length()), false).toString();
        assertTrue(last.contains("t = " + s.length() + ", backward: ‖∂L/∂h_" + s.length() + "‖ = "
                + Numbers.format(s.dLdhNorm(s.length())) + ", all through y_" + s.length() + ": no step follows it."), last);
    }

    /** In an encoder-decoder the encoder's last step gets its gradient from the decoder, and the decoder starts from C. */
    @Test
    void theEncoderAndDecoderAreNarratedAsSuch() {
        Trace t = Engine.run(Samples.load("gru-seq2seq.json").scenario());
        StepSchedule timeline = new StepSchedule(t);
        int n = timeline.encoderLength();
        int fromDecoder = 0;
        int fromNextStep = 0;
        for (int k = 1; k <= n; k++) {
            for (String line : Captions.shown(t, timeline.backwardPositionOf(k), false)) {
                if (!line.startsWith("encoder t = " + k + ", backward:")) {
                    continue;
                }
                if (k == n) {
                    assertTrue(line.endsWith("all from the decoder, through the context C: this step has no output."), line);
                    fromDecoder++;
                } else {
                    assertTrue(line.endsWith("all from step " + (k + 1) + ": this step has no output."), line);
                    fromNextStep++;
                }
            }
        }
        assertTrue(fromDecoder == 1 && fromNextStep > 0, fromDecoder + " / " + fromNextStep);
        assertTrue(norm(t.encoder().dLdhFromNext(n)) > 0, "the decoder does send the encoder's last step a gradient");
        List<String> decoderFirst = Captions.shown(t, n + 1, false);
        assertTrue(any(decoderFirst, "decoder t = 1: the GRU reads x_1 with h_0 (the context C) and writes h_1"),
                decoderFirst.toString());
    }

    /**
     * Free running with an mse loss feeds y_t back as x_{t+1}, and the gradient follows: the part of ∂L/∂h_t
     * through y_t then holds what step t+1 sends back that way, and the captions say so instead of calling
     * it the step's own loss. Checked against the engine: that part is larger than ℓ_t's own gradient.
     */
    @Test
    void aFedBackOutputIsNotCalledTheStepsOwnLoss() {
        Scenario tf = Samples.load("teacher-forcing.json").scenario();
        Trace t = Engine.run(ScenarioEdits.withFeedback(tf, org.unrolled.engine.Feedback.FREE_RUNNING, null));
        StepSchedule timeline = new StepSchedule(t);
        SequenceTrace s = t.steps();
        int said = 0;
        for (int step = 1; step < s.length(); step++) {
            for (String line : Captions.shown(t, timeline.backwardPositionOf(step), false)) {
                assertTrue(!line.contains("its own loss") && !line.contains("its own output"), line);
                if (line.contains("through y_" + step)) {
                    assertTrue(line.contains("through y_" + step + " (its loss, and y_" + step + " fed back as x_" + (step + 1)
                            + ")"), line);
                    said++;
                }
            }
        }
        assertTrue(said > 0, "some backward step of the free-running network was captioned");
        // the feedback really adds: dL/dy_1 is more than the loss's own gradient y_1 - target_1 (ℓ = ½‖y − target‖²)
        double[] y = s.y(1);
        double[] dy = s.dLdy(1);
        double[] target = t.scenario().targetVectors().row(0);
        double differs = 0;
        for (int i = 0; i < y.length; i++) {
            differs = Math.max(differs, Math.abs(dy[i] - lossGradient(t, y[i], target[i])));
        }
        assertTrue(differs > 1e-9, "the fed-back path adds to dL/dy_1: " + differs);
    }

    /** dℓ/dy of the mse loss for one output, by hand from the spec's ℓ_t = ½ ‖y_t − target_t‖². */
    private static double lossGradient(Trace t, double y, double target) {
        return y - target;
    }
}
