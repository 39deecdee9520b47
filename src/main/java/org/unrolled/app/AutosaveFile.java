package org.unrolled.app;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import org.unrolled.document.ScenarioDocument;
import org.unrolled.io.AtomicFiles;
import org.unrolled.io.ScenarioReader;
import org.unrolled.io.ScenarioWriter;

/**
 * One autosave on disk: the {@link Envelope} (format, when, the file the work belongs to, its name)
 * around the scenario as a scenario file has it. Written atomically and durably; read strictly (a
 * file that is not an autosave of this format is not offered, and the reason is said on stderr).
 */
final class AutosaveFile {
    static final String FORMAT = "unrolled-autosave/1";
    /** Largest autosave read: a scenario of the largest size, and its few fields around it. */
    private static final long MAX_BYTES = org.unrolled.io.Limits.MAX_FILE_BYTES + (1 << 20);
    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    /**
     * The autosave's JSON, field by field (the format autosaves have had since version 1).
     *
     * @param file     the absolute path of the file the work belongs to, or null for a sample or new work
     * @param savedAt  when it was written (ISO-8601)
     * @param scenario the scenario, exactly as a scenario file holds it
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    @JsonPropertyOrder({"format", "savedAt", "file", "name", "scenario"})
    record Envelope(String format, String savedAt, String file, String name, JsonNode scenario) {
    }

    private AutosaveFile() {
    }

    /** Writes {@code s} to {@code target}, replacing it only once the whole file is on disk. */
    static void write(Path target, Autosave.Snapshot s) throws IOException {
        ByteArrayOutputStream scenario = new ByteArrayOutputStream();
        ScenarioWriter.write(s.scenario(), scenario);
        Envelope e = new Envelope(FORMAT, Instant.now().toString(),
                s.file() == null ? null : s.file().toAbsolutePath().toString(), s.name(),
                JSON.readTree(scenario.toByteArray()));
        byte[] bytes = JSON.writeValueAsBytes(e);
        AtomicFiles.writeDurably(target, out -> {
            out.write(bytes);
            out.write('\n');
        });
    }

    /** The autosave in {@code p}, or null if it cannot be read as one. */
    static Autosave.Recovered read(Path p) {
        try {
            Envelope e = JSON.readValue(org.unrolled.io.SafeFiles.readRegular(p, MAX_BYTES), Envelope.class);
            if (e == null || !FORMAT.equals(e.format()) || e.scenario() == null || !e.scenario().isObject()) {
                return null;
            }
            ScenarioDocument s = ScenarioReader.parse(JSON.writeValueAsString(e.scenario()), p.toString());
            Instant at = Instant.parse(String.valueOf(e.savedAt()));
            String name = e.name() != null ? e.name()
                    : e.file() == null ? s.title() : Path.of(e.file()).getFileName().toString();
            return new Autosave.Recovered(p, s, e.file() == null ? null : Path.of(e.file()), name, at);
        } catch (IOException | RuntimeException | OutOfMemoryError | org.unrolled.io.ScenarioException e) {
            // not offered, but said: work that cannot be restored should not vanish without a word
            String why = e instanceof com.fasterxml.jackson.core.JsonProcessingException j && j.getLocation() != null
                    ? "not valid JSON at line " + j.getLocation().getLineNr() + ", column " + j.getLocation().getColumnNr()
                    : e instanceof OutOfMemoryError ? "out of memory" : String.valueOf(e.getMessage());
            System.err.println("unrolled: an autosave cannot be read and is not offered: " + org.unrolled.io.Text.path(p)
                    + ": " + org.unrolled.io.Text.quote(why, 500));
            return null;
        }
    }

    /** Why writing failed, in a few words. */
    static String describe(Exception e) {
        return e instanceof IOException io ? AtomicFiles.describe(io) : String.valueOf(e);
    }
}
