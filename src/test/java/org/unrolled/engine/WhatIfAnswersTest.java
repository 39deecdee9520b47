package org.unrolled.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.unrolled.document.Beat;
import org.unrolled.document.DocumentTrace;
import org.unrolled.document.Question;
import org.unrolled.document.Questions;
import org.unrolled.document.ScenarioDocument;
import org.unrolled.document.Vocabulary;
import org.unrolled.io.ScenarioReader;

/**
 * The questions generated from the trace follow the numbers: on every shipped sample and on its what-if
 * versions (ρ dragged, the forget or update bias moved), the choice marked right is the one the numbers
 * of that version make, decided here without {@link Questions}: the interval a value falls in, the
 * decades between two numbers, a gate's mean read from the trace, the most likely class from a softmax
 * worked out here, the sequence re-run at the new ρ. And the answers do change with the numbers. (The
 * race's answer after an edit: RaceQuestionTest and QuestionsTest.)
 */
class WhatIfAnswersTest {
    @Test
    void everyGeneratedAnswerIsTheOneTheEditedNumbersMake() throws Exception {
        Map<Question.Kind, Integer> changed = new EnumMap<>(Question.Kind.class);
        Map<Question.Kind, Integer> asked = new EnumMap<>(Question.Kind.class);
        for (Path file : QuestionsTest.samples().toList()) {
            ScenarioDocument d = ScenarioReader.read(file);
            Scenario s = d.scenario();
            Map<Beat, Integer> original = new java.util.HashMap<>();
            for (Scenario v : QuestionsTest.variants(s)) {
                DocumentTrace trace = DocumentTrace.run(d.withScenario(v));
                for (Beat b : trace.lesson()) {
                    Question q = b.question();
                    if (q == null || q.kind() == Question.Kind.CHOICES || q.kind() == Question.Kind.RACE) {
                        continue;
                    }
                    Questions.Answer a = Questions.answer(q, trace);
                    int expected = expected(q, trace, a.choices());
                    assertEquals(expected, a.correct(), file + " beat at step " + b.step() + ": " + a.explanation());
                    asked.merge(q.kind(), 1, Integer::sum);
                    Integer before = original.putIfAbsent(b, a.correct());
                    if (before != null && before != a.correct()) {
                        changed.merge(q.kind(), 1, Integer::sum);
                    }
                }
            }
        }
        System.out.println("answers checked per kind " + asked + "; changed by an edit " + changed);
        for (Question.Kind k : List.of(Question.Kind.VALUE, Question.Kind.RATIO, Question.Kind.RHO)) {
            assertTrue(changed.getOrDefault(k, 0) > 0, k + ": some edit changes the answer " + changed);
        }
    }

    /** The right choice worked out here from the trace (−1 when the numbers decide none). */
    private static int expected(Question q, DocumentTrace shown, List<String> choices) {
        Trace trace = shown.trace();
        switch (q.kind()) {
            case VALUE -> {
                double v = Quantity.parse(q.of().get(0)).value(trace, null);
                int k = 0;
                for (double cut : q.cuts()) {
                    k += v >= cut ? 1 : 0;
                }
                return Double.isNaN(v) ? -1 : k;
            }
            case RATIO -> {
                double a = Quantity.parse(q.of().get(0)).value(trace, null);
                double b = Quantity.parse(q.of().get(1)).value(trace, null);
                return decades(Math.abs(a / b));
            }
            case GATE -> {
                double[] g = trace.steps().gate(q.at(), q.of().get(0).charAt(0));
                double mean = java.util.Arrays.stream(g).average().orElseThrow();
                return mean < 0.1 ? 0 : mean < 0.9 ? 1 : 2;
            }
            case OUTPUT -> {
                Quantity y = Quantity.parse(q.of().get(0));
                double[] out = y.vector(trace, null);
                int best = 0;
                for (int i = 1; i < out.length; i++) {
                    best = out[i] > out[best] ? i : best; // softmax keeps the order: the largest y is the likeliest
                }
                Vocabulary words = shown.vocabulary();
                String name = words.outputWord(best) != null ? words.outputWord(best) : "class " + best;
                return choices.indexOf(name);
            }
            case RHO -> {
                double before = Quantity.parse(q.of().get(0)).value(trace, null);
                Trace changed = Engine.run(ScenarioEdits.withSpectralRadius(trace.scenario(), q.number()));
                double after = Quantity.parse(q.of().get(0)).value(changed, null);
                return decades(Math.abs(after / before));
            }
            default -> throw new IllegalArgumentException(q.kind().toString());
        }
    }

    /** More than 100× smaller, less, up to 100× larger, more: the four decade choices. */
    private static int decades(double r) {
        if (Double.isNaN(r)) {
            return -1;
        }
        return r < 0.01 ? 0 : r < 1 ? 1 : r < 100 ? 2 : 3;
    }
}
