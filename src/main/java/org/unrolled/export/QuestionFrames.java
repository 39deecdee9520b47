package org.unrolled.export;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.util.List;
import org.unrolled.document.Beat;
import org.unrolled.document.DocumentTrace;
import org.unrolled.document.Questions;
import org.unrolled.view.StepSchedule;

/**
 * What {@code frames.json} says about a lesson's questions: a frame at a question's place (one step
 * before its beat, where the window asks it) names the question, its choices and its answer computed
 * from the trace; the frame at the beat itself is its reveal.
 */
final class QuestionFrames {
    private QuestionFrames() {
    }

    /** Writes {@code "question"} and/or {@code "reveals"} for the frame at {@code position}, if any. */
    static void write(JsonGenerator g, DocumentTrace trace, StepSchedule timeline, double position) throws IOException {
        List<Beat> lesson = trace.lesson();
        for (int k = 0; k < lesson.size(); k++) {
            Beat b = lesson.get(k);
            if (b.question() == null) {
                continue;
            }
            double at = timeline.positionOf(b);
            if (Math.abs(Math.max(0, at - 1) - position) < 1e-6) {
                Questions.Answer a = Questions.answer(b.question(), trace, org.unrolled.io.SampleTraces.BUILT_IN);
                g.writeObjectFieldStart("question");
                g.writeNumberField("beat", k + 1);
                g.writeStringField("prompt", b.question().prompt());
                g.writeArrayFieldStart("choices");
                for (String c : a.choices()) {
                    g.writeString(c);
                }
                g.writeEndArray();
                if (a.decided()) {
                    g.writeStringField("answer", Questions.Answer.letter(a.correct()));
                }
                g.writeStringField("explanation", a.explanation());
                g.writeEndObject();
            }
            if (Math.abs(at - position) < 1e-6) {
                g.writeNumberField("reveals", k + 1);
            }
        }
    }
}
