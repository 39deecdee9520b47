package org.unrolled.cli;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** A race ended by SIGTERM (as Ctrl+C would) keeps what it has run: its curves so far, marked interrupted. */
class RaceSignalTest {
    @Test
    @Timeout(120)
    void sigtermDuringARaceWritesTheCurvesSoFarAndSaysSo(@TempDir Path tmp, @TempDir Path childTmp) throws Exception {
        Path out = tmp.resolve("race");
        Path log = tmp.resolve("child.log");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process child = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), "-Xmx512m",
                "-Djava.io.tmpdir=" + childTmp, Main.class.getName(), "race", "--out", out.toString(), "--length", "30",
                "--hidden", "8", "--cells", "rnn,gru", "--threads", "1")
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        // once the first held-out evaluations after training are in (each line of progress is one)
        ChildJvm.sigtermWhen(child, log, () -> Files.readString(log).contains("1,600 seq"), "no progress");
        String text = Files.readString(log);
        assertTrue(text.matches("(?s).*interrupted after [0-9.]+ s: the curves so far are written to .*"), text);
        JsonNode curves = new ObjectMapper().readTree(out.resolve("curves.json").toFile());
        assertTrue(curves.get("interrupted").asBoolean(), curves.toString());
        assertTrue(curves.get("networks").get(0).get("history").size() >= 2, "the evaluations made before the stop: " + curves);
        for (String file : new String[] {"curves.csv", "curves.png", "rnn.json", "gru.json"}) {
            assertTrue(Files.isRegularFile(out.resolve(file)), file + " written");
        }
    }
}
