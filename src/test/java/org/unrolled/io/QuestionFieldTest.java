package org.unrolled.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.unrolled.document.Check;
import org.unrolled.document.DocumentTrace;
import org.unrolled.document.Question;
import org.unrolled.document.Questions;
import org.unrolled.document.ScenarioDocument;

/** A beat's question: read strictly (file, JSON path, what was expected) and written back the same. */
class QuestionFieldTest {
    private static String scenario(String cell, String question) {
        return """
            {"format": "rnn-scenario/1", "title": "t", "cell": "%s",
             "inputSize": 2, "hiddenSize": 3, "outputSize": 2, "mapping": "many-to-one", "loss": "cross-entropy",
             "inputs": [[1, 0], [0, 1]], "targets": [1], "init": {"seed": 1},
             "vocabulary": {"outputs": ["neg", "pos"]},
             "lesson": [{"step": 2, "caption": "c", "question": %s}]}
            """.formatted(cell, question);
    }

    private static Question read(String cell, String question) throws Exception {
        ScenarioDocument s = ScenarioReader.parse(scenario(cell, question), "s.json");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ScenarioWriter.write(s, out);
        ScenarioDocument again = ScenarioReader.parse(out.toString(StandardCharsets.UTF_8), "again.json");
        assertEquals(s.lesson(), again.lesson(), "written back the same");
        return s.lesson().get(0).question();
    }

    @Test
    void everyKindReadsAndWritesBackUnchanged() throws Exception {
        assertEquals(Question.value("p", "h[2][0]", List.of(-0.5, 0.0, 0.5)),
                read("rnn", "{\"prompt\": \"p\", \"ask\": \"value\", \"of\": \"h[2][0]\"}"));
        assertEquals(Question.ratio("p", "norm(dL_dh[1])", "norm(dL_dh[T])"),
                read("rnn", "{\"prompt\": \"p\", \"ask\": \"ratio\", \"of\": [\"norm(dL_dh[1])\", \"norm(dL_dh[T])\"]}"));
        assertEquals(Question.gate("p", "f", 2),
                read("lstm", "{\"prompt\": \"p\", \"ask\": \"gate\", \"gate\": \"f\", \"at\": 2}"));
        assertEquals(Question.output("p", "y[2]"), read("rnn", "{\"prompt\": \"p\", \"ask\": \"output\", \"of\": \"y[2]\"}"));
        assertEquals(Question.rho("p", 1.5, "norm(dL_dh[1])"),
                read("rnn", "{\"prompt\": \"p\", \"ask\": \"rho\", \"to\": 1.5, \"of\": \"norm(dL_dh[1])\"}"));
        Question written = read("rnn", """
            {"prompt": "p", "ask": "choices", "choices": [
              {"text": "pos", "check": {"check": "argmax", "of": "y[2]", "is": "pos"}},
              {"text": "neg", "check": {"check": "argmax", "of": "y[2]", "is": "neg"}}]}""");
        assertEquals(new Question.Choice("neg", new Check.Argmax("", "y[2]", "neg", false)), written.choices().get(1));
    }

    @Test
    void aLecturersChoicesAreDecidedByTheirChecksExactlyOnce() throws Exception {
        ScenarioDocument s = ScenarioReader.parse(scenario("rnn", """
            {"prompt": "p", "ask": "choices", "choices": [
              {"text": "pos", "check": {"check": "argmax", "of": "y[2]", "is": "pos"}},
              {"text": "neg", "check": {"check": "argmax", "of": "y[2]", "is": "neg"}},
              {"text": "has an output", "check": {"check": "exists", "of": "y[2]", "is": true}}]}"""), "s.json");
        Questions.Answer a = Questions.answer(s.lesson().get(0).question(), DocumentTrace.run(s));
        // "has an output" holds and so does one of pos / neg: two right choices is no answer, and says which
        assertEquals(-1, a.correct());
        assertTrue(a.explanation().contains("all hold"), a.explanation());
    }

    private static void assertError(String cell, String question, String path, String fragment) {
        ScenarioException e = assertThrows(ScenarioException.class,
                () -> ScenarioReader.parse(scenario(cell, question), "s.json"));
        assertEquals(path, e.location(), e.getMessage());
        assertTrue(e.getMessage().contains(fragment), e.getMessage());
        assertTrue(e.getMessage().contains("s.json"), e.getMessage());
    }

    @Test
    void badQuestionsAreNamedByTheirJsonPath() {
        assertError("rnn", "{\"prompt\": \"p\", \"ask\": \"guess\"}", "$.lesson[0].question.ask", "\"value\"");
        assertError("rnn", "{\"prompt\": \"p\", \"ask\": \"gate\", \"gate\": \"f\", \"at\": 2}", "$.lesson[0].question",
                "no gates");
        assertError("lstm", "{\"prompt\": \"p\", \"ask\": \"gate\", \"gate\": \"g\", \"at\": 2}", "$.lesson[0].question",
                "expected one of i, f, o");
        assertError("rnn", "{\"prompt\": \"p\", \"ask\": \"value\", \"of\": \"h[2]\"}", "$.lesson[0].question",
                "is a vector");
        assertError("rnn", "{\"prompt\": \"p\", \"ask\": \"value\", \"of\": \"h[2][0]\", \"cuts\": [1, 0]}",
                "$.lesson[0].question", "increasing");
        assertError("rnn", "{\"prompt\": \"p\", \"ask\": \"ratio\", \"of\": \"h[2][0]\"}", "$.lesson[0].question.of",
                "two quantities");
        assertError("rnn", "{\"prompt\": \"p\", \"ask\": \"output\", \"of\": \"y[2]\", \"answer\": 1}",
                "$.lesson[0].question.answer", "");
        assertError("rnn", "{\"prompt\": \"p\", \"ask\": \"choices\", \"choices\": [{\"text\": \"a\", \"check\": "
                + "{\"check\": \"exists\", \"of\": \"y[2]\", \"is\": true}}]}", "$.lesson[0].question", "expected 2 to 4");
        assertError("rnn", "{\"prompt\": \"\", \"ask\": \"output\", \"of\": \"y[2]\"}", "$.lesson[0].question.prompt",
                "empty");
    }
}
