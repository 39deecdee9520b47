package org.unrolled.view;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;
import javafx.scene.Scene;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.StackPane;
import javafx.scene.paint.Color;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.unrolled.document.DocumentTrace;
import org.unrolled.document.ScenarioDocument;
import org.unrolled.engine.Activation;
import org.unrolled.engine.CellType;
import org.unrolled.engine.CellWeights;
import org.unrolled.engine.Engine;
import org.unrolled.engine.LossKind;
import org.unrolled.engine.Mapping;
import org.unrolled.engine.Matrix;
import org.unrolled.engine.NetworkWeights;
import org.unrolled.engine.Scenario;
import org.unrolled.engine.ScenarioEdits;
import org.unrolled.engine.SequenceTrace;
import org.unrolled.engine.Trace;
import org.unrolled.export.ExportOptions;
import org.unrolled.export.Exporter;
import org.unrolled.export.AwtFrameSource;
import org.unrolled.export.FxThread;
import org.unrolled.export.HeadlessFx;
import org.unrolled.io.ScenarioReader;
import org.unrolled.io.TraceWriter;

/**
 * Networks that overflow: ρ(W_hh) = 10 over 1000 steps (vanilla RNN relu and tanh, LSTM), inputs of
 * 1e300, a relu network whose state passes the largest double. The engine, the painter, the gradient
 * plot, the trace writer and the export must each finish in bounded time, never throw, and show an
 * infinity or NaN as what it is. The expected values come from the equations worked by hand.
 */
class NumericExtremesTest {
    private static final Duration LIMIT = Duration.ofSeconds(20);
    private static final int T = 1000;
    /** The title of {@code tenfoldRelu(T, 1, RELU)}, whose state is ∞ at step 310 and NaN after. */
    private static final String RELU_OVERFLOW = "tenfold relu x=1.0";

    @BeforeAll
    static void startFx() throws Exception {
        HeadlessFx.start();
    }

    /**
     * A relu RNN, I = 1, H = 2, W_ih = [1; 1], W_hh = 10·I (ρ = 10), no biases, every input {@code x},
     * W_out = [1 1], many-to-many with targets 0. From h_0 = 0: h_t = 10 h_{t−1} + x, so with x = 1
     * h_t = (10^t − 1)/9 in both units: 1, 11, 111, …; h_309 ≈ 1.1e308 is the last finite one, h_310 = ∞,
     * and after that 0·∞ in W_hh h makes NaN.
     */
    static ScenarioDocument tenfoldRelu(int steps, double x, Activation activation) {
        Scenario.Builder b = new Scenario.Builder();
        b.cell = CellType.RNN;
        b.activation = activation;
        b.inputSize = 1;
        b.hiddenSize = 2;
        b.outputSize = 1;
        b.mapping = Mapping.MANY_TO_MANY;
        b.loss = LossKind.MSE;
        double[][] in = new double[steps][];
        double[][] targets = new double[steps][];
        for (int t = 0; t < steps; t++) {
            in[t] = new double[] {x};
            targets[t] = new double[] {0};
        }
        b.inputs = Matrix.ofRows(in);
        b.targetVectors = Matrix.ofRows(targets);
        b.weights = new NetworkWeights(null, new CellWeights(Matrix.ofRows(new double[][] {{1}, {1}}),
                Matrix.ofRows(new double[][] {{10, 0}, {0, 10}}), new double[2], new double[2]),
                Matrix.ofRows(new double[][] {{1, 1}}), new double[1]);
        return ScenarioDocument.of(b.build(), "tenfold " + activation.jsonName() + " x=" + x);
    }

    /**
     * An LSTM, I = 1, H = 1, every input weight 1, W_hh = 0, no biases, inputs 1e300: every gate's
     * pre-activation is 1e300, so i = f = o = σ(1e300) = 1 and g = tanh(1e300) = 1, and
     * c_t = c_{t−1} + 1 = t, h_t = tanh(t).
     */
    static ScenarioDocument saturatedLstm(int steps) {
        Scenario.Builder b = org.unrolled.engine.TestScenarios.shaped(CellType.LSTM, 1, 1, 1,
                Mapping.MANY_TO_ONE, LossKind.MSE);
        double[][] in = new double[steps][];
        Arrays.setAll(in, t -> new double[] {1e300});
        b.inputs = Matrix.ofRows(in);
        b.targetVectors = Matrix.ofRows(new double[][] {{0}});
        b.weights = new NetworkWeights(null, new CellWeights(Matrix.ofRows(new double[][] {{1}, {1}, {1}, {1}}),
                Matrix.ofRows(new double[][] {{0}, {0}, {0}, {0}}), new double[4], new double[4]),
                Matrix.ofRows(new double[][] {{1}}), new double[1]);
        return ScenarioDocument.of(b.build(), "saturated LSTM");
    }

    /** A sample stretched to T = 1000 steps with W_hh rescaled to ρ = 10. */
    static ScenarioDocument stretched(String sample, Activation activation) throws Exception {
        ScenarioDocument d = ScenarioReader.read(Path.of("samples", sample));
        Scenario s = d.scenario();
        if (activation != null) {
            s = ScenarioEdits.withActivation(s, activation);
        }
        return d.withScenario(ScenarioEdits.withSpectralRadius(ScenarioEdits.withLength(s, T), 10));
    }

    static Stream<ScenarioDocument> extremes() throws Exception {
        return Stream.of(tenfoldRelu(T, 1, Activation.RELU), tenfoldRelu(T, 1e300, Activation.RELU),
                tenfoldRelu(T, 1e300, Activation.TANH), saturatedLstm(T),
                stretched("rnn-vanishing.json", Activation.RELU), stretched("rnn-vanishing.json", Activation.TANH),
                stretched("default.json", null), stretched("gru-seq2seq.json", null));
    }

    private static Trace run(ScenarioDocument s) {
        return assertTimeoutPreemptively(LIMIT, () -> Engine.run(s.scenario()), s.title());
    }

    private static boolean finite(double[] v) {
        return Arrays.stream(v).allMatch(Double::isFinite);
    }

    @Test
    void reluStateGrowsTenfoldUntilItPassesTheLargestDouble() {
        Trace trace = run(tenfoldRelu(T, 1, Activation.RELU));
        SequenceTrace s = trace.steps();
        assertEquals(1.0, s.h(1, 0));
        assertEquals(11.0, s.h(2, 1));
        assertEquals(111.0, s.h(3, 0));
        assertEquals(1111111111.0, s.h(10, 0));
        assertTrue(Double.isFinite(s.h(309, 0)) && s.h(309, 0) > 1e308, "h_309 = (10^309 − 1)/9 ≈ 1.1e308");
        assertEquals(Double.POSITIVE_INFINITY, s.h(310, 0), "10 · 1.1e308 overflows");
        assertEquals(Double.POSITIVE_INFINITY, s.h(310, 1));
        // from then on W_hh h_{t−1} = [10·∞ + 0·∞, …] and 0·∞ is NaN in IEEE arithmetic (as in PyTorch)
        for (int t = 311; t <= T; t++) {
            assertTrue(Double.isNaN(s.h(t, 0)) && Double.isNaN(s.h(t, 1)), "h_" + t + " = " + s.h(t, 0));
        }
        assertTrue(Double.isNaN(trace.loss()), "½ y² summed over steps whose y is NaN");
        // the last step's gradient comes from its output alone: dL/dy = y − 0 = NaN, dL/dh = W_outᵀ NaN
        assertTrue(Double.isNaN(s.dLdh(T)[0]) && Double.isNaN(s.dLdh(T)[1]));
        for (int t = 1; t < T; t++) {
            assertFalse(finite(s.dLdh(t)), "dL/dh_" + t + " carries the overflow back");
        }
    }

    @Test
    void tanhSaturatesInsteadOfOverflowingEvenOnInputsOf1e300() {
        Trace trace = run(tenfoldRelu(T, 1e300, Activation.TANH));
        SequenceTrace s = trace.steps();
        for (int t = 1; t <= T; t++) {
            assertEquals(1.0, s.h(t, 0), "tanh(1e300 + 10 h) = 1 at step " + t);
            assertTrue(finite(s.dLdh(t)), "dL/dh_" + t);
        }
        // y_t = 2, so ½ (2 − 0)² = 2 per step
        assertEquals(2.0 * T, trace.loss(), 1e-9);
    }

    @Test
    void reluOnInputsOf1e300OverflowsWithinTenSteps() {
        SequenceTrace s = run(tenfoldRelu(T, 1e300, Activation.RELU)).steps();
        assertEquals(1e300, s.h(1, 0));
        // h_t = 1e300 (10^t − 1)/9: h_9 ≈ 1.1e308, h_10 passes the largest double (1.8e308)
        assertEquals(1.11111111e308, s.h(9, 0), 1e294);
        assertEquals(Double.POSITIVE_INFINITY, s.h(10, 0));
    }

    @Test
    void anLstmSaturatedByInputsOf1e300CountsAlongItsCellState() {
        SequenceTrace s = run(saturatedLstm(T)).steps();
        for (int t = 1; t <= T; t++) {
            assertEquals(1.0, s.gate(t, 'i')[0], "i_" + t);
            assertEquals(1.0, s.gate(t, 'f')[0], "f_" + t);
            assertEquals(1.0, s.gate(t, 'g')[0], "g_" + t);
            assertEquals(t, s.c(t)[0], "c_" + t + " = c_" + (t - 1) + " + 1");
            assertEquals(Math.tanh(t), s.h(t)[0], 1e-15, "h_" + t);
            assertTrue(finite(s.dLdh(t)) && finite(s.dLdc(t)), "gradients at " + t);
        }
    }

    @Test
    void anLstmAtRho10StaysBoundedForwardOver1000Steps() throws Exception {
        SequenceTrace s = run(stretched("default.json", null)).steps();
        double previous = 0;
        for (int t = 1; t <= T; t++) {
            for (int j = 0; j < s.hiddenSize(); j++) {
                assertTrue(Math.abs(s.h(t, j)) <= 1, "|h| ≤ 1: h = o ⊙ tanh(c)");
            }
            double c = Arrays.stream(s.c(t)).map(Math::abs).max().orElseThrow();
            assertTrue(c <= previous + 1 + 1e-12, "|c_t| ≤ |c_{t−1}| + |i ⊙ g| ≤ |c_{t−1}| + 1 at " + t);
            previous = c;
        }
    }

    /** Every number of the trace is written, an overflow as "Infinity", "-Infinity" or "NaN". */
    @ParameterizedTest
    @MethodSource("extremes")
    void traceWriterWritesOverflowAsStrings(ScenarioDocument scenario) throws Exception {
        Trace trace = run(scenario);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        assertTimeoutPreemptively(LIMIT, () -> new TraceWriter(true, false).write(new DocumentTrace(scenario, trace), out));
        JsonNode json = new ObjectMapper().readTree(out.toByteArray());
        JsonNode steps = trace.hasEncoder() ? json.at("/decoder/steps") : json.get("steps");
        SequenceTrace s = trace.steps();
        assertEquals(s.length(), steps.size());
        int nonFinite = 0;
        for (int t = 1; t <= s.length(); t++) {
            JsonNode step = steps.get(t - 1);
            nonFinite += compare(s.h(t), step.get("h"), "h_" + t);
            nonFinite += compare(s.dLdh(t), step.get("dL_dh"), "dL_dh_" + t);
        }
        assertWritten(trace.loss(), json.get("loss"), "loss");
        if (scenario.title().equals(RELU_OVERFLOW)) {
            assertTrue(nonFinite > 2 * 2 * 690, "this network overflows from step 310 on: " + nonFinite);
            assertEquals("NaN", json.get("loss").asText());
            assertEquals("NaN", steps.get(310).get("h").get(0).asText());
            assertEquals("Infinity", steps.get(309).get("h").get(0).asText());
            assertTrue(steps.get(308).get("h").get(0).isNumber());
        }
    }

    private static int compare(double[] values, JsonNode written, String what) {
        assertEquals(values.length, written.size(), what);
        int nonFinite = 0;
        for (int k = 0; k < values.length; k++) {
            assertWritten(values[k], written.get(k), what + "[" + k + "]");
            nonFinite += Double.isFinite(values[k]) ? 0 : 1;
        }
        return nonFinite;
    }

    private static void assertWritten(double v, JsonNode n, String what) {
        if (Double.isNaN(v)) {
            assertEquals("NaN", n.textValue(), what);
        } else if (v == Double.POSITIVE_INFINITY) {
            assertEquals("Infinity", n.textValue(), what);
        } else if (v == Double.NEGATIVE_INFINITY) {
            assertEquals("-Infinity", n.textValue(), what);
        } else {
            assertTrue(n.isNumber(), what + " = " + n);
            assertEquals(v, n.doubleValue(), what);
        }
    }

    /** Frames of both passes at three sizes: bounded time, no exception, something to hover. */
    @ParameterizedTest
    @MethodSource("extremes")
    void painterDrawsEveryPhaseOfAnOverflowingNetwork(ScenarioDocument scenario) throws Exception {
        Trace trace = run(scenario);
        int n = new StepSchedule(trace).total();
        double[] positions = {0, 1, 0.3 * n, 0.5 * n, 0.5 * n + 1, 0.66 * n, 0.9 * n, n - 1, n};
        // FxThread.call passes on exceptions but not errors, so failures are collected and asserted here
        List<String> nothingToHover = assertTimeoutPreemptively(LIMIT, () -> FxThread.call(() -> {
            List<String> empty = new java.util.ArrayList<>();
            for (int[] size : new int[][] {{1280, 720}, {640, 360}, {300, 900}}) {
                FrameRenderer r = new FrameRenderer(size[0], size[1]);
                for (ViewSettings view : List.of(ViewSettings.defaults(), ViewSettings.defaults().fitted())) {
                    for (double p : positions) {
                        if (r.paint(trace, view, p).isEmpty()) {
                            empty.add(size[0] + "x" + size[1] + " at " + p);
                        }
                    }
                }
            }
            return empty;
        }), scenario.title());
        assertEquals(List.of(), nothingToHover, "frames with nothing to hover");
    }

    /** The gradient plot over the whole backward pass, at every kind of position, in bounded time. */
    @ParameterizedTest
    @MethodSource("extremes")
    void gradientPlotDrawsOverflowAtTheTopEdge(ScenarioDocument scenario) throws Exception {
        Trace trace = run(scenario);
        int n = new StepSchedule(trace).total();
        WritableImage image = assertTimeoutPreemptively(LIMIT, () -> FxThread.call(() -> {
            GradientPlot plot = new GradientPlot();
            StackPane root = new StackPane(plot);
            new Scene(root, 1200, 260);
            root.resize(1200, 260);
            root.layout();
            plot.traceProperty().set(trace);
            for (double p : new double[] {0, 0.5 * n, 0.5 * n + 3, 0.75 * n, n}) {
                plot.positionProperty().set(p);
                plot.redraw();
            }
            return plot.snapshot(null, null);
        }), scenario.title());
        if (scenario.title().equals(RELU_OVERFLOW)) {
            // the norms from step 310 on are ∞: drawn in the overflow colour at the top edge
            assertTrue(countNear(image, Palette.LIGHT.overflow()) > 200, "overflow markers in the plot");
            // the row through the "NaN" labels (26 px under the plot's top, 58 px from the image's top) is
            // text on the background, not 1000 labels printed over each other into one bar
            int row = 58 + 26;
            int overflowColoured = 0;
            for (int x = 86; x < 1200 - 24; x++) {
                overflowColoured += near(image.getPixelReader().getColor(x, row), Palette.LIGHT.overflow()) ? 1 : 0;
            }
            assertTrue(overflowColoured < 0.5 * (1200 - 24 - 86), "the label row is " + overflowColoured
                    + " of " + (1200 - 24 - 86) + " pixels in the overflow colour");
        }
    }

    private static boolean near(Color p, Color c) {
        return Math.abs(p.getRed() - c.getRed()) < 0.06 && Math.abs(p.getGreen() - c.getGreen()) < 0.06
                && Math.abs(p.getBlue() - c.getBlue()) < 0.06;
    }

    private static int countNear(WritableImage image, Color c) {
        int count = 0;
        for (int y = 0; y < (int) image.getHeight(); y++) {
            for (int x = 0; x < (int) image.getWidth(); x++) {
                count += near(image.getPixelReader().getColor(x, y), c) ? 1 : 0;
            }
        }
        return count;
    }

    /** Exporting frames around the overflow: every frame written, and the overflow colour in the backward ones. */
    @Test
    void exportShowsTheOverflow(@TempDir Path dir) throws Exception {
        ScenarioDocument relu = tenfoldRelu(T, 1, Activation.RELU);
        DocumentTrace trace = new DocumentTrace(relu, run(relu));
        ExportOptions o = new ExportOptions(960, 540, 2, 0.5, Phase.BOTH, 306, 312, "light",
                "frame_%04d.png");
        Path out = dir.resolve("frames");
        Exporter.Result r = assertTimeoutPreemptively(LIMIT, () -> {
            Exporter.prepareFolder(out, o);
            return Exporter.run(trace, o, out, new AwtFrameSource(trace, o), (done, total) -> { }, new AtomicBoolean());
        });
        assertTrue(r.complete());
        List<Path> frames;
        try (Stream<Path> files = Files.list(out)) {
            frames = files.filter(f -> f.toString().endsWith(".png")).sorted().toList();
        }
        assertEquals(r.framesWritten(), frames.size());
        BufferedImage last = ImageIO.read(frames.get(frames.size() - 1).toFile());
        int rgb = 0xe7298a; // Palette.LIGHT.overflow()
        int near = 0;
        for (int y = 0; y < last.getHeight(); y++) {
            for (int x = 0; x < last.getWidth(); x++) {
                int p = last.getRGB(x, y);
                if (Math.abs(((p >> 16) & 255) - (rgb >> 16)) < 16 && Math.abs(((p >> 8) & 255) - ((rgb >> 8) & 255)) < 16
                        && Math.abs((p & 255) - (rgb & 255)) < 16) {
                    near++;
                }
            }
        }
        assertTrue(near > 100, "the backward frame over the overflowed steps shows the overflow colour: " + near);
    }
}
