package org.unrolled.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.unrolled.document.ScenarioDocument;
import org.unrolled.io.Samples;
import org.unrolled.io.ScenarioWriter;

/**
 * The autosave's format does not change with the code that writes it: the two files in
 * src/test/resources/autosave were written by the hand-written JSON writer this format had before it
 * became a Jackson record; they must still be restored, and a file written now must have their shape.
 */
class AutosaveFormatTest {
    private static final Path OLD_WITH_FILE = Path.of("src/test/resources/autosave/with-file.json");
    private static final Path OLD_SAMPLE = Path.of("src/test/resources/autosave/sample.json");
    private static final ObjectMapper JSON = new ObjectMapper();

    private static String json(ScenarioDocument s) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ScenarioWriter.write(s, out);
        return out.toString(StandardCharsets.UTF_8);
    }

    @Test
    void autosavesWrittenBeforeTheRecordsAreStillRestored() throws Exception {
        Autosave.Recovered r = AutosaveFile.read(OLD_WITH_FILE);
        assertNotNull(r);
        assertEquals(Path.of("/home/teacher/lectures/rnn step (edited).json"), r.file());
        assertEquals("rnn step (edited).json", r.name());
        assertEquals(Instant.parse("2026-11-26T04:00:14.725802416Z"), r.savedAt());
        assertEquals(json(AutosaveTest.withRho(Samples.load("rnn-step.json"), 1.7)), json(r.scenario()));

        Autosave.Recovered sample = AutosaveFile.read(OLD_SAMPLE);
        assertNotNull(sample);
        assertNull(sample.file(), "a sample's work belongs to no file");
        assertEquals("rnn-step.json", sample.name());
        assertEquals(json(AutosaveTest.withRho(Samples.load("rnn-step.json"), 0.4)), json(sample.scenario()));
    }

    @Test
    void anAutosaveWrittenNowHasTheOldShape(@TempDir Path tmp) throws Exception {
        ScenarioDocument edited = AutosaveTest.withRho(Samples.load("rnn-step.json"), 1.7);
        Path now = tmp.resolve("autosave-now.json");
        AutosaveFile.write(now, new Autosave.Snapshot(edited, Path.of("/home/teacher/lectures/rnn step (edited).json"),
                "rnn step (edited).json"));
        JsonNode old = JSON.readTree(OLD_WITH_FILE.toFile());
        JsonNode fresh = JSON.readTree(now.toFile());
        assertEquals(fields(old), fields(fresh), "the same fields in the same order");
        assertEquals(old.get("format"), fresh.get("format"));
        assertEquals(old.get("file"), fresh.get("file"));
        assertEquals(old.get("name"), fresh.get("name"));
        assertEquals(old.get("scenario"), fresh.get("scenario"), "the same scenario, number for number");
        assertEquals(json(edited), json(AutosaveFile.read(now).scenario()));
        assertEquals('\n', Files.readString(now).charAt(Files.readString(now).length() - 1), "ends with a newline");
    }

    @Test
    void anotherFormatIsNotOffered(@TempDir Path tmp) throws Exception {
        Path other = tmp.resolve("autosave-x.json");
        Files.writeString(other, Files.readString(OLD_SAMPLE).replace("unrolled-autosave/1", "unrolled-autosave/2"));
        assertNull(AutosaveFile.read(other));
        Path noScenario = tmp.resolve("autosave-y.json");
        Files.writeString(noScenario, "{\"format\": \"unrolled-autosave/1\", \"savedAt\": \"2026-01-01T00:00:00Z\"}");
        assertNull(AutosaveFile.read(noScenario));
    }

    private static List<String> fields(JsonNode n) {
        List<String> names = new ArrayList<>();
        n.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
