package org.unrolled.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.unrolled.document.Question;
import org.unrolled.document.ScenarioDocument;

/** A race question ("which network wins the race at T"): read strictly, with JSON paths, and written back the same. */
class RaceQuestionFieldTest {
    /** A many-to-one network that fits the adding problem: two inputs, one output, squared error. */
    private static String scenario(String question) {
        return """
            {"format": "rnn-scenario/1", "title": "t", "cell": "lstm",
             "inputSize": 2, "hiddenSize": 3, "outputSize": 1, "mapping": "many-to-one", "loss": "mse",
             "inputs": [[0.5, 1], [0.2, 0], [0.7, 1]], "targets": [[1.2]], "init": {"seed": 1},
             "lesson": [{"step": 3, "caption": "c", "question": %s}]}
            """.formatted(question);
    }

    private static Question read(String question) throws Exception {
        ScenarioDocument s = ScenarioReader.parse(scenario(question), "s.json");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ScenarioWriter.write(s, out);
        ScenarioDocument again = ScenarioReader.parse(out.toString(StandardCharsets.UTF_8), "again.json");
        assertEquals(s.lesson(), again.lesson(), "written back the same");
        return s.lesson().get(0).question();
    }

    @Test
    void aRaceQuestionReadsAndWritesBackUnchangedWithItsDefaults() throws Exception {
        assertEquals(Question.race("p", new Question.Race("adding", 100, List.of("adding-rnn.json", "this"), 1, 1000)),
                read("{\"prompt\": \"p\", \"ask\": \"race\", \"task\": \"adding\", \"length\": 100,"
                        + " \"networks\": [\"adding-rnn.json\", \"this\"]}"));
        assertEquals(Question.race("p", new Question.Race("adding", 40, List.of("this", "a.json", "b.json", "c.json"), 7,
                        20)),
                read("{\"prompt\": \"p\", \"ask\": \"race\", \"task\": \"adding\", \"length\": 40,"
                        + " \"networks\": [\"this\", \"a.json\", \"b.json\", \"c.json\"], \"seed\": 7, \"sequences\": 20}"));
    }

    private static void assertError(String question, String path, String fragment) {
        ScenarioException e = assertThrows(ScenarioException.class,
                () -> ScenarioReader.parse(scenario(question), "s.json"));
        assertEquals(path, e.location(), e.getMessage());
        assertTrue(e.getMessage().contains(fragment), e.getMessage());
        assertTrue(e.getMessage().contains("s.json"), e.getMessage());
    }

    private static String race(String fields) {
        return "{\"prompt\": \"p\", \"ask\": \"race\", " + fields + "}";
    }

    @Test
    void badRaceQuestionsAreNamedByTheirJsonPath() {
        String q = "$.lesson[0].question";
        String two = "\"networks\": [\"this\", \"adding-rnn.json\"]";
        assertError(race("\"task\": \"copy\", \"length\": 100, " + two), q + ".task", "\"adding\" or \"order\"");
        assertError(race("\"length\": 100, " + two), q, "missing field \"task\"");
        assertError(race("\"task\": \"adding\", " + two), q, "missing field \"length\"");
        assertError(race("\"task\": \"adding\", \"length\": 1, " + two), q + ".length", "from 2 to 1000");
        assertError(race("\"task\": \"adding\", \"length\": 100000, " + two), q + ".length", "from 2 to 1000");
        assertError(race("\"task\": \"order\", \"length\": 9, " + two), q + ".length", "at least 10 steps");
        assertError(race("\"task\": \"adding\", \"length\": 100"), q, "missing field \"networks\"");
        assertError(race("\"task\": \"adding\", \"length\": 100, \"networks\": \"this\""), q + ".networks",
                "2 to 4 networks");
        assertError(race("\"task\": \"adding\", \"length\": 100, \"networks\": [\"this\"]"), q + ".networks",
                "expected 2 to 4 networks, found 1");
        assertError(race("\"task\": \"adding\", \"length\": 100, \"networks\": [\"this\", \"a.json\", \"b.json\", \"c.json\","
                + " \"d.json\"]"), q + ".networks", "above the limit of 4");
        assertError(race("\"task\": \"adding\", \"length\": 100, \"networks\": [\"this\", 3]"), q + ".networks[1]",
                "file name");
        assertError(race("\"task\": \"adding\", \"length\": 100, \"networks\": [\"this\", \"../secret.json\"]"),
                q + ".networks[1]", "shipped sample's file name");
        assertError(race("\"task\": \"adding\", \"length\": 100, \"networks\": [\"this\", \"this\"]"), q + ".networks[1]",
                "named twice");
        assertError(race("\"task\": \"adding\", \"length\": 100, " + two + ", \"sequences\": 0"), q + ".sequences",
                "from 1 to 1000");
        assertError(race("\"task\": \"adding\", \"length\": 100, " + two + ", \"seed\": 1.5"), q + ".seed", "whole number");
        assertError(race("\"task\": \"adding\", \"length\": 100, " + two + ", \"winner\": \"this\""), q + ".winner", "");
        // this network reads two inputs and answers one number: it cannot race on temporal order's six symbols
        assertError(race("\"task\": \"order\", \"length\": 50, \"networks\": [\"this\", \"order-rnn.json\"]"), q,
                "this network does not fit the order task");
    }
}
