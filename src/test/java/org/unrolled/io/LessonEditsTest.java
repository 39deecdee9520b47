package org.unrolled.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.unrolled.engine.Beat;
import org.unrolled.engine.Highlight;
import org.unrolled.engine.Scenario;
import org.unrolled.engine.ScenarioEdits;

/** Edits of a scenario with a lesson give a scenario that saves and reads back. */
class LessonEditsTest {

    private static Scenario roundTrip(Scenario s) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ScenarioWriter.write(s, out);
        return ScenarioReader.parse(out.toString(StandardCharsets.UTF_8), "saved.json");
    }

    @Test
    void shorteningDropsTheBeatsPastTheNewEnd() throws Exception {
        Scenario s = Samples.load("rnn-vanishing.json"); // beats at 30, back 30, back 27, back 1
        Scenario shorter = ScenarioEdits.withLength(s, 2);
        assertEquals(List.of(1), shorter.lesson().stream().map(Beat::step).toList());
        assertEquals(shorter.lesson(), roundTrip(shorter).lesson(), "saved and read back");
    }

    @Test
    void theDecoderBeatsMoveWithTheEndOfTheEncoder() throws Exception {
        Scenario s = Samples.load("translation.json"); // encoder 4 steps; beats at 4, 5 (decoder 1), 7 (decoder 3)
        Scenario longer = ScenarioEdits.withLength(s, 6);
        assertEquals(List.of(4, 7, 9), longer.lesson().stream().map(Beat::step).toList());
        Scenario shorter = ScenarioEdits.withLength(s, 2);
        assertEquals(List.of(3, 5), shorter.lesson().stream().map(Beat::step).toList(),
                "the encoder beat at 4 is gone; the decoder's follow the encoder's new end");
        assertEquals(shorter.lesson(), roundTrip(shorter).lesson());
    }

    @Test
    void aBeatOffTheTimelineIsRefused() {
        Scenario s = Samples.load("rnn-step.json");
        assertThrows(IllegalArgumentException.class, () -> ScenarioEdits.withBeat(s, 0, new Beat(5, false, "x", List.of())));
        assertThrows(IllegalArgumentException.class, () -> ScenarioEdits.withBeat(s, 0, new Beat(0, true, "x", List.of())));
        assertThrows(IllegalArgumentException.class, () -> ScenarioEdits.withoutBeat(s, 4));
        Scenario added = ScenarioEdits.withBeat(s, 1, new Beat(4, true, "back", List.of(Highlight.GRADIENT)));
        assertEquals("back", added.lesson().get(1).caption());
        assertTrue(ScenarioEdits.withoutBeat(added, 1).lesson().equals(s.lesson()));
    }
}
