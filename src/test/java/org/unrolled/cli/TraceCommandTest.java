package org.unrolled.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command line as a user meets it: exit status, standard output and error, files left behind. */
class TraceCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path DEFAULT_SAMPLE = Path.of("samples", "default.json");

    private record Result(int status, String out, String err) {
    }

    private static Result run(String... args) {
        PrintStream oldOut = System.out;
        PrintStream oldErr = System.err;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        try {
            System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
            int status = Main.run(args);
            return new Result(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(oldOut);
            System.setErr(oldErr);
        }
    }

    @Test
    void helpListsTheSubcommands() {
        Result r = run("--help");
        assertEquals(0, r.status);
        assertTrue(r.out.contains("trace"), r.out);
    }

    @Test
    void traceToStandardOutput() throws Exception {
        Result r = run("trace", DEFAULT_SAMPLE.toString());
        assertEquals(0, r.status, r.err);
        JsonNode doc = JSON.readTree(r.out);
        assertEquals("rnn-trace/1", doc.get("format").asText());
        assertEquals(10, doc.get("steps").size());
        assertTrue(doc.at("/steps/0/gates/f").isArray());
    }

    @Test
    void traceToAFileNeverOverwritesSilently(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("trace.json");
        assertEquals(0, run("trace", DEFAULT_SAMPLE.toString(), "-o", out.toString()).status);
        assertEquals("rnn-trace/1", JSON.readTree(out.toFile()).get("format").asText());

        Files.writeString(out, "mine");
        Result again = run("trace", DEFAULT_SAMPLE.toString(), "-o", out.toString());
        assertEquals(2, again.status);
        assertTrue(again.err.contains("already exists; pass --force"), again.err);
        assertEquals("mine", Files.readString(out));

        assertEquals(0, run("trace", DEFAULT_SAMPLE.toString(), "-o", out.toString(), "--force").status);
        assertTrue(Files.readString(out).startsWith("{\"format\":\"rnn-trace/1\""));
        try (var files = Files.list(dir)) {
            assertEquals(1, files.count(), "no temporary files left");
        }
    }

    @Test
    void invalidScenarioExitsWithTwoAndAPlainMessage(@TempDir Path dir) throws Exception {
        Path bad = dir.resolve("bad.json");
        String text = Files.readString(Path.of("src/test/resources/golden/lstm_many-to-one_mse.scenario.json"))
                .replace("\"hiddenSize\": 4", "\"hiddenSize\": 5");
        Files.writeString(bad, text);
        Result r = run("trace", bad.toString());
        assertEquals(2, r.status);
        assertEquals("", r.out);
        assertTrue(r.err.startsWith("unrolled trace: " + bad + ": $.h0: expected 5 numbers (hiddenSize), found 4"), r.err);
        assertFalse(r.err.contains("\tat "), "no stack trace");
        assertEquals(1, r.err.strip().lines().count(), r.err);
    }

    @Test
    void missingFileAndMissingFolder(@TempDir Path dir) {
        Result r = run("trace", dir.resolve("none.json").toString());
        assertEquals(2, r.status);
        assertTrue(r.err.contains("none.json: no such file"), r.err);
        Result w = run("trace", DEFAULT_SAMPLE.toString(), "-o", dir.resolve("no/such/dir/t.json").toString());
        assertEquals(1, w.status);
        assertTrue(w.err.contains("does not exist"), w.err);
    }

    @Test
    void unknownOptionIsAUsageError() {
        Result r = run("trace", "--frobnicate", DEFAULT_SAMPLE.toString());
        assertEquals(2, r.status);
        assertTrue(r.err.contains("Unknown option: '--frobnicate'"), r.err);
    }
}
