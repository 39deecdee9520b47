package org.unrolled.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.unrolled.document.ScenarioDocument;
import org.unrolled.engine.Feedback;
import org.unrolled.engine.Parameters;
import org.unrolled.io.ScenarioReader;

/** `unrolled train`: the held-out report and the options for a demonstration, on networks small enough to check by hand. */
class TrainOptionsTest {

    private record Result(int status, String err) {
    }

    private static Result run(String... args) {
        PrintStream oldErr = System.err;
        PrintStream oldOut = System.out;
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        try {
            System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
            System.setOut(new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
            return new Result(Main.run(args), err.toString(StandardCharsets.UTF_8));
        } finally {
            System.setErr(oldErr);
            System.setOut(oldOut);
        }
    }

    /**
     * A one-to-one RNN whose state is always 0 (all cell weights 0) and whose output bias (0, 1) makes
     * class 1 the answer to every input: the held-out targets 1, 0, 1, 1 are right 3 times of 4.
     */
    private static final String ALWAYS_ONE = """
        {"format": "rnn-scenario/1", "title": "always one", "cell": "rnn", "inputSize": 1, "hiddenSize": 1,
         "outputSize": 2, "mapping": "one-to-one", "loss": "cross-entropy", "inputs": [[1]], "targets": [1],
         "weights": {"weight_ih": [[0]], "weight_hh": [[0]], "bias_ih": [0], "bias_hh": [0],
                     "weight_out": [[0], [0]], "bias_out": [0, 1]},
         "heldOut": [{"inputs": [[1]], "targets": [1]}, {"inputs": [[2]], "targets": [0]},
                     {"inputs": [[3]], "targets": [1]}, {"inputs": [[4]], "targets": [1]}]}
        """;

    @Test
    void theHeldOutAccuracyIsReportedAndWrittenIntoTheDescription(@TempDir Path dir) throws Exception {
        Path in = Files.writeString(dir.resolve("s.json"), ALWAYS_ONE);
        Path out = dir.resolve("t.json");
        // SGD with a tiny rate: the answers cannot change in one update
        Result r = run("train", in.toString(), "-o", out.toString(), "--optimizer", "sgd", "--lr", "1e-9",
                "--iterations", "1");
        assertEquals(0, r.status, r.err);
        assertTrue(r.err.contains("training: 1 of 1 outputs right (100.0%)"), r.err);
        assertTrue(r.err.contains("held out: 3 of 4 outputs right (75.0%) on 4 held-out examples never trained on"), r.err);
        ScenarioDocument trained = ScenarioReader.read(out);
        assertTrue(trained.description().contains("3 of 4 outputs right (75.0%) on 4 held-out examples"),
                trained.description());
        assertEquals(4, trained.heldOut().size(), "the held-out examples are kept");
    }

    @Test
    void withoutHeldOutExamplesItSaysSo(@TempDir Path dir) throws Exception {
        Path in = Files.writeString(dir.resolve("s.json"), ALWAYS_ONE.replaceAll("(?s),\\s*\"heldOut\".*\\]\\}", "}"));
        Result r = run("train", in.toString(), "-o", dir.resolve("t.json").toString(), "--iterations", "1");
        assertEquals(0, r.status, r.err);
        assertTrue(r.err.contains("held out: none"), r.err);
    }

    /** mse: y = b_out = 0.5 for every input; held-out targets 1.5 and 0.5 give ½·1² and 0: mean 0.25. */
    @Test
    void anMseHeldOutSetReportsItsMeanLoss(@TempDir Path dir) throws Exception {
        Path in = Files.writeString(dir.resolve("s.json"), """
            {"format": "rnn-scenario/1", "title": "half", "cell": "rnn", "inputSize": 1, "hiddenSize": 1,
             "outputSize": 1, "mapping": "one-to-one", "loss": "mse", "inputs": [[1]], "targets": [[0.5]],
             "weights": {"weight_ih": [[0]], "weight_hh": [[0]], "bias_ih": [0], "bias_hh": [0],
                         "weight_out": [[0]], "bias_out": [0.5]},
             "heldOut": [{"inputs": [[1]], "targets": [[1.5]]}, {"inputs": [[2]], "targets": [[0.5]]}]}
            """);
        Result r = run("train", in.toString(), "-o", dir.resolve("t.json").toString(), "--optimizer", "sgd",
                "--lr", "1e-12", "--iterations", "1");
        assertEquals(0, r.status, r.err);
        assertTrue(r.err.contains("held out: mean loss 0.2500 on 2 held-out examples"), r.err);
    }

    private static final String LSTM = """
        {"format": "rnn-scenario/1", "title": "lstm", "cell": "lstm", "inputSize": 1, "hiddenSize": 2,
         "outputSize": 1, "mapping": "many-to-one", "loss": "mse", "inputs": [[1], [0]], "targets": [[0.5]],
         "init": {"seed": 1}}
        """;

    @Test
    void theForgetBiasIsSetBeforeTraining(@TempDir Path dir) throws Exception {
        Path in = Files.writeString(dir.resolve("s.json"), LSTM);
        Path out = dir.resolve("t.json");
        Result r = run("train", in.toString(), "-o", out.toString(), "--optimizer", "sgd", "--lr", "1e-12",
                "--iterations", "1", "--forget-bias", "3");
        assertEquals(0, r.status, r.err);
        ScenarioDocument s = ScenarioReader.read(out);
        double[] bih = s.scenario().weights().cell().biasIh();
        double[] bhh = s.scenario().weights().cell().biasHh();
        // rows i, f, g, o of H = 2: the forget gate's are 2 and 3
        assertEquals(3, bih[2], 1e-9);
        assertEquals(3, bih[3], 1e-9);
        assertEquals(0, bhh[2], 1e-9);
        assertEquals(0, bhh[3], 1e-9);
        assertTrue(s.description().contains("forget-gate bias 3.0 at the start"), s.description());
    }

    @Test
    void anUpdateBiasNeedsAGru(@TempDir Path dir) throws Exception {
        Path in = Files.writeString(dir.resolve("s.json"), LSTM);
        Result r = run("train", in.toString(), "-o", dir.resolve("t.json").toString(), "--update-bias", "2");
        assertEquals(Main.EXIT_BAD_INPUT, r.status);
        assertTrue(r.err.contains("only a GRU has an update gate"), r.err);
        assertTrue(Files.notExists(dir.resolve("t.json")), "nothing written");
    }

    /** GRU rows r, z, n: the update gate's are the second block. */
    @Test
    void theUpdateBiasIsSetOnTheUpdateGate(@TempDir Path dir) throws Exception {
        Path in = Files.writeString(dir.resolve("s.json"), LSTM.replace("\"lstm\"", "\"gru\""));
        Path out = dir.resolve("t.json");
        Result r = run("train", in.toString(), "-o", out.toString(), "--optimizer", "sgd", "--lr", "1e-12",
                "--iterations", "1", "--update-bias", "2.5");
        assertEquals(0, r.status, r.err);
        double[] bih = ScenarioReader.read(out).scenario().weights().cell().biasIh();
        assertEquals(2.5, bih[2], 1e-9);
        assertEquals(2.5, bih[3], 1e-9);
        assertNotEquals(2.5, bih[0], 1e-3);
        assertNotEquals(2.5, bih[4], 1e-3);
    }

    @Test
    void theSameSeedGivesTheSameStartWhateverTheWeightsWere(@TempDir Path dir) throws Exception {
        Path a = Files.writeString(dir.resolve("a.json"), LSTM);
        Path b = Files.writeString(dir.resolve("b.json"), LSTM.replace("\"seed\": 1", "\"seed\": 2"));
        String[] common = {"--optimizer", "sgd", "--lr", "1e-12", "--iterations", "1"};
        assertEquals(0, run(concat(new String[] {"train", a.toString(), "-o", dir.resolve("a7.json").toString(),
            "--seed", "7"}, common)).status);
        assertEquals(0, run(concat(new String[] {"train", b.toString(), "-o", dir.resolve("b7.json").toString(),
            "--seed", "7"}, common)).status);
        assertEquals(0, run(concat(new String[] {"train", a.toString(), "-o", dir.resolve("a8.json").toString(),
            "--seed", "8"}, common)).status);
        double[] a7 = Parameters.flatten(ScenarioReader.read(dir.resolve("a7.json")).scenario().weights());
        double[] b7 = Parameters.flatten(ScenarioReader.read(dir.resolve("b7.json")).scenario().weights());
        double[] a8 = Parameters.flatten(ScenarioReader.read(dir.resolve("a8.json")).scenario().weights());
        double[] a1 = Parameters.flatten(ScenarioReader.read(a).scenario().weights());
        for (int i = 0; i < a7.length; i++) {
            assertEquals(a7[i], b7[i], 1e-9);
        }
        assertTrue(distance(a7, a8) > 0.1 && distance(a7, a1) > 0.1, "another seed, other weights");
    }

    @Test
    void theFreeRunningLossNeedsAnMseDecoder(@TempDir Path dir) throws Exception {
        Path in = Files.writeString(dir.resolve("s.json"), LSTM);
        Result r = run("train", in.toString(), "-o", dir.resolve("t.json").toString(), "--free-running-loss");
        assertEquals(Main.EXIT_BAD_INPUT, r.status);
        assertTrue(r.err.contains("free-running loss needs"), r.err);
    }

    @Test
    void theFreeRunningLossKeepsTheFilesFeedback(@TempDir Path dir) throws Exception {
        Path in = Files.writeString(dir.resolve("s.json"), """
            {"format": "rnn-scenario/1", "title": "wave", "cell": "gru", "inputSize": 1, "hiddenSize": 3,
             "outputSize": 1, "mapping": "one-to-many", "loss": "mse", "feedback": "teacher-forcing",
             "inputs": [[0.5]], "targets": [[0.8], [0.3], [-0.4]], "init": {"seed": 3}}
            """);
        Path out = dir.resolve("t.json");
        Result r = run("train", in.toString(), "-o", out.toString(), "--free-running-loss", "--iterations", "50");
        assertEquals(0, r.status, r.err);
        ScenarioDocument s = ScenarioReader.read(out);
        assertEquals(Feedback.TEACHER_FORCING, s.scenario().feedback());
        assertTrue(s.description().contains("on the free-running loss"), s.description());
        assertTrue(r.err.contains("with teacher forcing") && r.err.contains("free running"), r.err);
    }

    private static String[] concat(String[] a, String[] b) {
        String[] c = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, c, a.length, b.length);
        return c;
    }

    private static double distance(double[] a, double[] b) {
        double d = 0;
        for (int i = 0; i < a.length; i++) {
            d += (a[i] - b[i]) * (a[i] - b[i]);
        }
        return Math.sqrt(d);
    }
}
