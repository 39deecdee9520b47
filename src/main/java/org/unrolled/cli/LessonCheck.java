package org.unrolled.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import org.unrolled.document.Beat;
import org.unrolled.document.Checks;
import org.unrolled.document.DocumentTrace;
import org.unrolled.document.LessonVerdicts;
import org.unrolled.io.SampleTraces;

/**
 * The lesson's checks, evaluated on the numbers a command is about to publish (a handout, an export, a
 * trained scenario), as the window evaluates them: a beat whose checks fail has a caption the numbers
 * contradict (a scenario edited or retrained since it was written), and a question no choice answers (one
 * about a step beyond the sequence) is a riddle; the command says so on standard error, one line a beat,
 * instead of printing them for students in silence.
 */
final class LessonCheck {
    /** A beat whose checks fail, or whose question no choice answers ({@code question}), and why. */
    record Failure(int beat, Beat what, String detail, boolean question) {
    }

    private LessonCheck() {
    }

    /** The beats whose checks do not hold, or whose question no choice answers, by the verdicts {@code v}. */
    static List<Failure> failures(DocumentTrace trace, LessonVerdicts v) {
        List<Failure> out = new ArrayList<>();
        List<Beat> lesson = trace.lesson();
        for (int k = 0; k < lesson.size(); k++) {
            Beat b = lesson.get(k);
            // a question no choice answers (a step beyond the sequence, say) would be printed as a riddle
            org.unrolled.document.Questions.Answer a = v.answers().get(b);
            Checks.Outcome o = v.outcomes().get(b);
            if (a != null && !a.decided()) {
                out.add(new Failure(k + 1, b, a.explanation(), true));
            } else if (o != null && !o.holds()) {
                out.add(new Failure(k + 1, b, o.detail(), false));
            }
        }
        return out;
    }

    /** Warns of each failing beat, working out the lesson's verdicts; returns how many there are. */
    static int warn(PrintWriter err, String command, DocumentTrace trace) {
        return warn(err, command, trace, LessonVerdicts.of(trace, SampleTraces.BUILT_IN));
    }

    /** Warns of each failing beat by the verdicts {@code v} already worked out; returns how many there are. */
    static int warn(PrintWriter err, String command, DocumentTrace trace, LessonVerdicts v) {
        List<Failure> failing = failures(trace, v);
        org.unrolled.view.StepSchedule steps = new org.unrolled.view.StepSchedule(trace.trace());
        for (Failure f : failing) {
            // named as the slides and the handout name it ("t = 4, forward", "decoder t = 1, forward")
            String beat = "warning: beat " + f.beat() + " (" + (f.what().step() == 0 ? "the start"
                    : org.unrolled.export.Stills.titleOf(steps, f.what())) + ")";
            if (f.question()) {
                Messages.error(err, command, beat + ": its question has no answer for these numbers: "
                        + f.detail().replaceFirst("^No answer for these numbers: ", ""));
                continue;
            }
            String caption = f.what().caption().strip();
            Messages.error(err, command, beat + " is no longer true for these numbers (" + f.detail() + "): \""
                    + (caption.length() > 120 ? caption.substring(0, 117) + "..." : caption) + "\"");
        }
        return failing.size();
    }
}
