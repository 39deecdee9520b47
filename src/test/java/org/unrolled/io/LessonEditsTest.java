package org.unrolled.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.unrolled.document.Beat;
import org.unrolled.document.Highlight;
import org.unrolled.document.ScenarioDocument;
import org.unrolled.engine.ScenarioEdits;

/** Edits of a scenario with a lesson give a scenario that saves and reads back. */
class LessonEditsTest {

    private static ScenarioDocument roundTrip(ScenarioDocument s) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ScenarioWriter.write(s, out);
        return ScenarioReader.parse(out.toString(StandardCharsets.UTF_8), "saved.json");
    }

    @Test
    void shorteningDropsTheBeatsPastTheNewEnd() throws Exception {
        ScenarioDocument s = Samples.load("rnn-vanishing.json"); // beats at 30, back 30, back 27, back 1
        ScenarioDocument shorter = s.withScenario(ScenarioEdits.withLength(s.scenario(), 2));
        assertEquals(List.of(1), shorter.lesson().stream().map(Beat::step).toList());
        assertEquals(shorter.lesson(), roundTrip(shorter).lesson(), "saved and read back");
    }

    @Test
    void theDecoderBeatsMoveWithTheEndOfTheEncoder() throws Exception {
        ScenarioDocument s = Samples.load("translation.json"); // encoder 4 steps; beats at 4, 5 (decoder 1), 7 (decoder 3)
        ScenarioDocument longer = s.withScenario(ScenarioEdits.withLength(s.scenario(), 6));
        assertEquals(List.of(4, 7, 9), longer.lesson().stream().map(Beat::step).toList());
        ScenarioDocument shorter = s.withScenario(ScenarioEdits.withLength(s.scenario(), 2));
        assertEquals(List.of(3, 5), shorter.lesson().stream().map(Beat::step).toList(),
                "the encoder beat at 4 is gone; the decoder's follow the encoder's new end");
        assertEquals(shorter.lesson(), roundTrip(shorter).lesson());
    }

    @Test
    void aBeatOffTheTimelineIsRefused() {
        ScenarioDocument s = Samples.load("rnn-step.json");
        assertThrows(IllegalArgumentException.class, () -> s.withBeat(0, new Beat(5, false, "x", List.of())));
        assertThrows(IllegalArgumentException.class, () -> s.withBeat(0, new Beat(0, true, "x", List.of())));
        assertThrows(IllegalArgumentException.class, () -> s.withoutBeat(4));
        ScenarioDocument added = s.withBeat(1, new Beat(4, true, "back", List.of(Highlight.GRADIENT)));
        assertEquals("back", added.lesson().get(1).caption());
        assertTrue(added.withoutBeat(1).lesson().equals(s.lesson()));
    }
}
