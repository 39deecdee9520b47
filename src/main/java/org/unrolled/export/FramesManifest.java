package org.unrolled.export;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.unrolled.document.DocumentTrace;
import org.unrolled.view.StepSchedule;

/**
 * {@code frames.json}, the manifest of a PNG export, as Jackson records (format {@code unrolled-frames/1};
 * fields are only ever added, so a reader of an older export reads a newer one): the options, the plan's
 * size, whether the export is complete, and for every frame written its file, phase, position, the
 * caption lines it shows, its step and, where it shows a lesson question, the question or its reveal.
 */
final class FramesManifest {
    static final String FORMAT = "unrolled-frames/1";
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
            .disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);

    private FramesManifest() {
    }

    /** The whole manifest. {@code error} and {@code layout}'s absence mean what they meant before: none, network. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonPropertyOrder({"format", "scenario", "complete", "status", "error", "frameCount", "framesPlanned", "width",
        "height", "fps", "stepSeconds", "phase", "theme", "pattern", "layout", "frames"})
    record Manifest(String format, String scenario, boolean complete, String status, String error, int frameCount,
            int framesPlanned, int width, int height, int fps, double stepSeconds, String phase, String theme,
            String pattern, String layout, List<Frame> frames) {
    }

    /**
     * One frame written.
     *
     * @param sequence "encoder" or "decoder" (seq2seq only)
     * @param t        the step shown, within its sequence (absent before the first)
     * @param question the question this frame asks (answer hidden on the frame, named here)
     * @param reveals  the beat (from 1) whose question this frame shows answered
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonPropertyOrder({"file", "phase", "position", "captions", "sequence", "t", "question", "reveals"})
    record Frame(String file, String phase, double position, List<String> captions, String sequence, Integer t,
            Question question, Integer reveals) {
    }

    /**
     * A question asked on a frame.
     *
     * @param beat   its lesson beat, from 1
     * @param answer the right choice's letter, absent when no choice holds on these numbers
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonPropertyOrder({"beat", "prompt", "choices", "answer", "explanation"})
    record Question(int beat, String prompt, List<String> choices, String answer, String explanation) {
        static Question of(Stills.Ask a) {
            return new Question(a.beat(), a.prompt(), a.answer().choices(),
                    a.answer().decided() ? org.unrolled.document.Questions.Answer.letter(a.answer().correct()) : null,
                    a.answer().explanation());
        }
    }

    /** Writes the manifest of the first {@code written} frames of {@code plan} to {@code out} (left open). */
    static void write(OutputStream out, DocumentTrace trace, ExportOptions o, FramePlan plan, int written, boolean complete,
            String status, String error) throws IOException {
        StepSchedule timeline = plan.timeline();
        List<Frame> frames = new ArrayList<>(written);
        for (int i = 0; i < written; i++) {
            frames.add(frame(trace, o, plan, timeline, i));
        }
        Manifest m = new Manifest(FORMAT, trace.title(), complete, status, error, written, plan.count(),
                o.width(), o.height(), o.fps(), o.stepSeconds(), o.phase().name().toLowerCase(Locale.ROOT), o.theme(),
                o.pattern(), o.layout().word(), frames);
        JSON.writeValue(out, m);
        out.write('\n');
    }

    private static Frame frame(DocumentTrace trace, ExportOptions o, FramePlan plan, StepSchedule timeline, int i) {
        double p = plan.position(i);
        int step = plan.step(i);
        String sequence = step > 0 && timeline.encoderLength() > 0 ? (timeline.isEncoder(step) ? "encoder" : "decoder")
                : null;
        Integer t = step > 0 ? timeline.localStep(step) : null;
        Stills.Still still = plan.still(i);
        List<String> captions;
        Question question;
        Integer reveals;
        if (still != null) {
            captions = PresentationLayout.shownCaptions(still);
            question = still.ask() != null && !still.ask().revealed() ? Question.of(still.ask()) : null;
            reveals = still.ask() != null && still.ask().revealed() ? still.ask().beat() : null;
        } else {
            captions = timeline.captionLines(trace.lesson(), p);
            question = QuestionFrames.asked(trace, timeline, p);
            reveals = QuestionFrames.revealed(trace, timeline, p);
        }
        return new Frame(o.fileName(i + 1), plan.backward(i) ? "backward" : "forward", p, captions, sequence, t,
                question, reveals);
    }
}
