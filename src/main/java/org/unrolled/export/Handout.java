package org.unrolled.export;

import java.util.ArrayList;
import java.util.List;
import org.unrolled.document.Beat;
import org.unrolled.document.DocumentTrace;
import org.unrolled.document.LessonVerdicts;
import org.unrolled.document.Questions;
import org.unrolled.document.ScenarioDocument;
import org.unrolled.view.StepSchedule;

/**
 * A lesson as a handout for students, in Markdown: the sample's title and description, one section
 * per beat with its caption, or its question (choices A–D, a line to write on) with the caption, which
 * would give the answer away, kept for the answers at the end, computed from the trace with the numbers that decide them. Nothing is typed in: a
 * scenario changed in the What if panel gives the answers of its own numbers.
 */
public final class Handout {
    private Handout() {
    }

    /** The handout of {@code trace}'s scenario; a question that races or checks a shipped sample reads the built-in one. */
    public static String markdown(DocumentTrace trace) {
        return markdown(trace, org.unrolled.io.SampleTraces.BUILT_IN);
    }

    /** The handout of {@code trace}'s scenario, finding the samples its questions name through {@code samples}. */
    public static String markdown(DocumentTrace trace, org.unrolled.document.Checks.Samples samples) {
        return markdown(trace, LessonVerdicts.of(trace, samples));
    }

    /** The handout of {@code trace}'s scenario, with its lesson's answers and checks already worked out ({@code v}). */
    public static String markdown(DocumentTrace trace, LessonVerdicts v) {
        ScenarioDocument s = trace.document();
        StringBuilder md = new StringBuilder();
        md.append("# ").append(text(s.title())).append("\n\n");
        if (!s.description().isBlank()) {
            md.append(text(s.description().strip())).append("\n\n");
        }
        if (s.lesson().isEmpty()) {
            md.append("_This scenario has no lesson._\n");
            return md.toString();
        }
        StepSchedule steps = new StepSchedule(trace.trace());
        List<String> answers = new ArrayList<>();
        int asked = 0;
        for (int k = 0; k < s.lesson().size(); k++) {
            Beat b = s.lesson().get(k);
            md.append("## Beat ").append(k + 1).append(": ").append(where(steps, b)).append("\n\n");
            if (b.question() != null) {
                asked++;
                Questions.Answer a = v.answers().get(b);
                // the question comes before the caption, as in class: predict first, then read
                md.append("**Question ").append(asked).append(".** ").append(text(b.question().prompt())).append("\n\n");
                for (int c = 0; c < a.choices().size(); c++) {
                    md.append("- ").append(Questions.Answer.letter(c)).append(". ").append(text(a.choices().get(c))).append('\n');
                }
                md.append("\nYour prediction: ______ (this beat's caption, which gives the answer, is with the answers)\n\n");
                answers.add(asked + ". " + (a.decided() ? "**" + Questions.Answer.letter(a.correct()) + "**, "
                        + text(a.choices().get(a.correct())) + ". " : "") + text(a.explanation()) + "\n   Beat " + (k + 1) + ": "
                        + text(checked(b, v)));
            } else {
                md.append(text(checked(b, v))).append("\n\n");
            }
        }
        if (!answers.isEmpty()) {
            md.append("## Answers\n\n");
            for (String a : answers) {
                md.append(a).append("\n\n");
            }
        }
        return md.toString();
    }

    /**
     * The beat's caption, marked as the window marks it when its checks fail on these numbers (a scenario edited
     * or retrained since the caption was written): printed for students, it would otherwise go unquestioned.
     */
    private static String checked(Beat b, LessonVerdicts v) {
        org.unrolled.document.Checks.Outcome o = v.outcomes().get(b);
        return o != null && !o.holds() ? "(No longer true for these numbers: " + o.detail() + ".) " + b.caption().strip()
                : b.caption().strip();
    }

    /** Where the beat is, named as the slides and the window name it ("decoder t = 1, forward"). */
    private static String where(StepSchedule steps, Beat b) {
        if (b.step() == 0) {
            return "the start (h₀)";
        }
        return Stills.titleOf(steps, b);
    }

    /**
     * Text as Markdown shows it, word for word: a {@code <} that would open an HTML tag ({@code <end>}, a
     * sequence's end token, or a planted {@code <script>}) escaped, so that a renderer prints it instead of
     * swallowing (or running) it; line breaks made spaces, so that a field cannot start a heading or a list of
     * its own; a mark that would make its start a heading, quote or list escaped; and link syntax broken, so
     * that a shared scenario cannot turn a caption into a link.
     */
    static String text(String plain) {
        String one = plain.replaceAll("\\s*[\\r\\n]+\\s*", " ");
        // every [ escaped: no inline link, reference link or link definition can be made of a field
        one = one.replaceAll("<(?=[A-Za-z/!?])", "\\\\<").replace("[", "\\[");
        // what would open a block at the field's start: a heading (# to ######), a quote, a list item, a rule or a
        // code fence (three or more of ` ~ - * _)
        return one.replaceFirst("^(\\s*)(#{1,6}(?=\\s|$)|>|[+*-](?=\\s|$)|\\d{1,9}[.)](?=\\s|$)|([`~*_-])\\3{2,})", "$1\\\\$2");
    }
}
