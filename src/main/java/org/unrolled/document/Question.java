package org.unrolled.document;

import java.util.List;
import org.unrolled.engine.JsonNamed;

/**
 * A question a lesson beat asks before it shows its numbers (a project field, not in the spec): the
 * room predicts, then the beat reveals. The answer is never typed in: it is computed from the trace by
 * {@link Questions}, so it follows the numbers through a what-if change.
 *
 * <p>Either a generated kind ({@link Kind#VALUE} … {@link Kind#RHO}, {@link Kind#RACE}), whose choices
 * and answer the kind computes, or {@link Kind#CHOICES}: the lecturer's own choices, each tied to a {@link Check}, of
 * which exactly one must hold.
 *
 * @param prompt  what is asked
 * @param kind    how the answer is computed
 * @param of      the quantities read: one for VALUE and RHO, two for RATIO, the output vector for
 *                OUTPUT, the gate's letter for GATE, none for CHOICES
 * @param at      GATE: the step of the gate
 * @param number  RHO: the spectral radius tried
 * @param cuts    VALUE: the increasing boundaries between the choices (1 to 3)
 * @param choices CHOICES: the lecturer's choices
 * @param race    RACE: the task, the length and the networks raced (null for the other kinds)
 */
public record Question(String prompt, Kind kind, List<String> of, int at, double number, List<Double> cuts,
        List<Choice> choices, Race race) {

    /** How a question's answer is computed. */
    public enum Kind implements JsonNamed {
        /** Which interval (between {@code cuts}) a scalar falls in: the sign or rough size of h_t[i]. */
        VALUE("value"),
        /** How the first scalar compares with the second, in decades (more than 100× smaller … larger). */
        RATIO("ratio"),
        /** Whether a gate (its mean over the units) is near 0 (below 0.1), in between, or near 1 (0.9 or more). */
        GATE("gate"),
        /** Which class the output vector's largest entry is (the tagger's word, the decoder's next word). */
        OUTPUT("output"),
        /** What happens to a scalar when the recurrent weights are rescaled to spectral radius {@code number}. */
        RHO("rho"),
        /** The lecturer's choices, each decided by a check. */
        CHOICES("choices"),
        /** Which of 2 to 4 networks wins the race at length T on the race's held-out sequences. */
        RACE("race");

        private final String json;

        Kind(String json) {
            this.json = json;
        }

        @Override
        public String jsonName() {
            return json;
        }
    }

    /** A lecturer's choice: its text and the check that makes it the right one. */
    public record Choice(String text, Check check) {
    }

    /**
     * The race a {@link Kind#RACE} question asks about: each network is scored on the first {@code sequences}
     * held-out sequences that {@code unrolled race --task TASK --length LENGTH --seed SEED} scores on (drawn
     * the same way, never trained on); the winner has the best score (lowest RMSE on the adding problem, most
     * right on temporal order) and, on a tie of the score, the lowest mean loss (squared error, cross-entropy).
     *
     * @param task      "adding" or "order"
     * @param length    T, the length of the sequences
     * @param networks  2 to 4 networks, each {@link #THIS} (the scenario asked about, with its what-if changes)
     *                  or a shipped sample's file name ("adding-rnn.json"); one choice each, in this order
     * @param seed      the race's seed, which names its held-out sequences
     * @param sequences how many of them (1 to {@link #MAX_SEQUENCES})
     */
    public record Race(String task, int length, List<String> networks, long seed, int sequences) {
        /** In {@code networks}: the scenario the question is asked of. */
        public static final String THIS = "this";
        /** At most this many held-out sequences: as many as {@code unrolled race} scores on by default. */
        public static final int MAX_SEQUENCES = 1000;

        public Race {
            networks = networks == null ? List.of() : List.copyOf(networks);
        }
    }

    /** At most this many choices (shown as A–D). */
    public static final int MAX_CHOICES = 4;

    public Question {
        prompt = prompt == null ? "" : prompt;
        of = of == null ? List.of() : List.copyOf(of);
        cuts = cuts == null ? List.of() : List.copyOf(cuts);
        choices = choices == null ? List.of() : List.copyOf(choices);
    }

    public static Question value(String prompt, String of, List<Double> cuts) {
        return new Question(prompt, Kind.VALUE, List.of(of), 0, 0, cuts, null, null);
    }

    public static Question ratio(String prompt, String numerator, String denominator) {
        return new Question(prompt, Kind.RATIO, List.of(numerator, denominator), 0, 0, null, null, null);
    }

    public static Question gate(String prompt, String gate, int at) {
        return new Question(prompt, Kind.GATE, List.of(gate), at, 0, null, null, null);
    }

    public static Question output(String prompt, String of) {
        return new Question(prompt, Kind.OUTPUT, List.of(of), 0, 0, null, null, null);
    }

    public static Question rho(String prompt, double rho, String of) {
        return new Question(prompt, Kind.RHO, List.of(of), 0, rho, null, null, null);
    }

    public static Question written(String prompt, List<Choice> choices) {
        return new Question(prompt, Kind.CHOICES, null, 0, 0, null, choices, null);
    }

    public static Question race(String prompt, Race race) {
        return new Question(prompt, Kind.RACE, null, 0, 0, null, null, race);
    }
}
