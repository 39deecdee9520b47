package org.unrolled.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.unrolled.document.ScenarioDocument;
import org.unrolled.engine.Scenario;
import org.unrolled.io.ScenarioReader;

/** {@code unrolled race} as a user meets it. */
class RaceCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private record Result(int status, String err) {
    }

    private static Result run(String... args) {
        PrintStream oldErr = System.err;
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        try {
            System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
            int status = Main.run(args);
            return new Result(status, err.toString(StandardCharsets.UTF_8));
        } finally {
            System.setErr(oldErr);
        }
    }

    @Test
    void writesCurvesAndReadableNetworks(@TempDir Path tmp) throws Exception {
        Path out = tmp.resolve("race");
        Result r = run("race", "--task", "adding", "--length", "12", "--cells", "rnn,lstm", "--hidden", "4",
                "--seed", "3", "--held-out", "20", "--eval-every", "64", "--max-sequences", "128", "--out", out.toString());
        assertEquals(0, r.status, r.err);
        assertTrue(r.err.lines().anyMatch(l -> l.contains("LSTM 64 seq")), "plain progress lines: " + r.err);
        for (String f : List.of("curves.csv", "curves.json", "curves.png", "rnn.json", "lstm.json")) {
            assertTrue(Files.size(out.resolve(f)) > 0, f);
        }
        List<String> csv = Files.readAllLines(out.resolve("curves.csv"));
        assertEquals("network,cell,activation,hidden,parameters,sequences,rmse,train_seconds", csv.get(0));
        assertEquals(1 + 2 * 3, csv.size(), "0, 64 and 128 sequences for each of two networks");
        JsonNode curves = JSON.readTree(out.resolve("curves.json").toFile());
        assertEquals(2, curves.get("networks").size());
        assertEquals(4 * 4 * (2 + 4 + 2) + 4 + 1, curves.get("networks").get(1).get("parameters").asInt());
        ScenarioDocument lstm = ScenarioReader.read(out.resolve("lstm.json"));
        assertEquals(12, lstm.scenario().inputCount());
        assertEquals(3, lstm.training().history().size());
        assertTrue(lstm.training().command().startsWith("unrolled race --task adding --length 12 --cells rnn,lstm"));
        byte[] png = Files.readAllBytes(out.resolve("curves.png"));
        assertEquals((byte) 0x89, png[0]);
        assertEquals('P', png[1]);
    }

    @Test
    void theSameOptionsWriteTheSameNetworkWhateverTheThreads(@TempDir Path tmp) throws Exception {
        String[] common = {"race", "--length", "12", "--cells", "gru", "--hidden", "3", "--held-out", "10",
            "--eval-every", "32", "--max-sequences", "96"};
        assertEquals(0, run(concat(common, "--threads", "1", "--out", tmp.resolve("a").toString())).status);
        assertEquals(0, run(concat(common, "--threads", "2", "--out", tmp.resolve("b").toString())).status);
        Scenario a = ScenarioReader.read(tmp.resolve("a/gru.json")).scenario();
        Scenario b = ScenarioReader.read(tmp.resolve("b/gru.json")).scenario();
        assertEquals(a.weights().cell().weightHh(), b.weights().cell().weightHh());
    }

    private static String[] concat(String[] a, String... b) {
        String[] out = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    @Test
    void badOptionsGetOneLineAndStatusTwo(@TempDir Path tmp) {
        String out = tmp.resolve("x").toString();
        for (String[] args : List.of(
                new String[] {"race", "--task", "copy", "--out", out},
                new String[] {"race", "--length", "5", "--out", out},
                new String[] {"race", "--cells", "lstm,transformer", "--out", out},
                new String[] {"race", "--optimizer", "rmsprop", "--out", out},
                new String[] {"race", "--eval-every", "100", "--out", out},
                new String[] {"race", "--lr", "-1", "--out", out})) {
            Result r = run(args);
            assertEquals(2, r.status, String.join(" ", args) + ": " + r.err);
            assertEquals(1, r.err.lines().count(), r.err);
            assertTrue(r.err.startsWith("unrolled race: "), r.err);
        }
        assertTrue(!Files.exists(tmp.resolve("x")), "nothing written on bad options");
    }

    @Test
    void aFolderWithFilesIsNotWrittenInto(@TempDir Path tmp) throws Exception {
        Path mine = tmp.resolve("curves.csv");
        Files.writeString(mine, "my own notes");
        Result r = run("race", "--length", "12", "--max-sequences", "32", "--out", tmp.toString());
        assertEquals(2, r.status);
        assertTrue(r.err.contains("not empty"), r.err);
        assertEquals("my own notes", Files.readString(mine));
    }
}
