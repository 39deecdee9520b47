package org.unrolled.app;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.unrolled.io.ScenarioReader;

/** A caption typed or pasted into the beat dialog is one the scenario reader takes back. */
class BeatCaptionTest {
    @Test
    void pastedControlCharactersAndOverridesAreDroppedLinesAndTabsKept(@TempDir Path dir) throws Exception {
        String typed = "  the gate\u000c is near 1\u0007\u0085\u202e:\n\tc keeps\u001b[2J its value ";
        String kept = TypedText.readable(typed, true);
        assertEquals("the gate is near 1:\n\tc keeps[2J its value", kept);
        // the reader takes the caption back: written into a scenario, it opens again
        String json = Files.readString(Path.of("samples/rnn-step.json"));
        Path f = dir.resolve("s.json");
        String escaped = new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsString(kept);
        Files.writeString(f, json.replaceFirst("\"caption\": *\"[^\"]*\"", java.util.regex.Matcher.quoteReplacement("\"caption\": " + escaped)));
        assertEquals(kept, ScenarioReader.read(f).lesson().get(0).caption());
    }

    @Test
    void aChoiceIsOneLineAndAPromptMayHaveLines() {
        assertEquals("A: the gate stays near 1", TypedText.readable(" A:\u0085 the gate\nstays\u202e near 1 ", false));
        assertEquals("Why?\nThink of c.", TypedText.readable("Why?\nThink\u0007 of c.", true));
    }
}
