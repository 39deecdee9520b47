package org.unrolled.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** A training run ended by SIGTERM (as Ctrl+C would) says in one line what was lost, and writes nothing. */
class TrainSignalTest {
    @Test
    @Timeout(90)
    void sigtermDuringTrainingSaysHowFarItGotAndLeavesNoFile(@TempDir Path tmp) throws Exception {
        Path out = tmp.resolve("trained.json");
        Path log = tmp.resolve("child.log");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process child = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), "-Xmx256m", Main.class.getName(),
                "train", "samples/default.json", "-o", out.toString(), "--iterations", "200000000")
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        ChildJvm.sigtermWhen(child, log, () -> Files.readString(log).contains("/200000000"), "no progress");
        String text = Files.readString(log);
        assertTrue(text.matches("(?s).*unrolled train: interrupted after \\d+ of 200000000 updates; nothing was written.*"), text);
        try (Stream<Path> files = Files.list(tmp)) {
            assertEquals(List.of("child.log"), files.map(p -> p.getFileName().toString()).toList(), "no file, no .part");
        }
    }
}
