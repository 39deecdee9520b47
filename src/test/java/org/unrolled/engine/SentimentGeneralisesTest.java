package org.unrolled.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.unrolled.document.Example;
import org.unrolled.document.ScenarioDocument;
import org.unrolled.io.Samples;

/**
 * The sentiment sample has learnt the task, not its examples: it is right on at least 90% of the
 * grammatical sentences it was never trained on. The grammar is written out here again (independently
 * of tools/lessons/make_sources.py):
 * S → P | P N | N P | N is P;  P → [not] [very [very]] A;  N: movie, plot;  A: good, bad;
 * positive when A is good without "not" or bad with it; 1 to 5 words.
 */
class SentimentGeneralisesTest {
    private static Map<String, Integer> grammar() {
        Map<String, Integer> all = new LinkedHashMap<>();
        for (boolean not : new boolean[] {false, true}) {
            for (int very = 0; very <= 2; very++) {
                for (String adj : new String[] {"good", "bad"}) {
                    String p = (not ? "not " : "") + "very ".repeat(very) + adj;
                    int label = adj.equals("good") != not ? 1 : 0;
                    List<String> forms = new ArrayList<>(List.of(p));
                    for (String n : new String[] {"movie", "plot"}) {
                        forms.add(p + " " + n);
                        forms.add(n + " " + p);
                        forms.add(n + " is " + p);
                    }
                    for (String f : forms) {
                        if (f.split(" ").length <= 5) {
                            all.put(f, label);
                        }
                    }
                }
            }
        }
        return all;
    }

    private static int classify(ScenarioDocument s, String sentence) {
        List<String> vocab = s.vocabulary().inputs();
        String[] words = sentence.split(" ");
        double[][] x = new double[words.length][vocab.size()];
        for (int t = 0; t < words.length; t++) {
            int k = vocab.indexOf(words[t]);
            assertTrue(k >= 0, "the vocabulary has \"" + words[t] + "\"");
            x[t][k] = 1;
        }
        Example e = new Example(sentence, Matrix.ofRows(x), null, new int[] {0});
        SequenceTrace q = Engine.run(s.withExample(e)).steps();
        return Evaluation.argmax(q.y(q.length()));
    }

    @Test
    void atLeastNinetyPercentOfTheUnseenSentencesAreRight() {
        ScenarioDocument s = Samples.load("sentiment.json");
        Set<String> trained = new HashSet<>();
        s.examples().forEach(e -> trained.add(e.name()));
        Map<String, Integer> all = grammar();
        assertEquals(80, all.size(), "the grammar's sentences");
        int unseen = 0;
        int right = 0;
        List<String> wrong = new ArrayList<>();
        for (Map.Entry<String, Integer> e : all.entrySet()) {
            if (trained.contains(e.getKey())) {
                continue;
            }
            unseen++;
            if (classify(s, e.getKey()) == e.getValue()) {
                right++;
            } else {
                wrong.add(e.getKey());
            }
        }
        assertEquals(all.size() - trained.size(), unseen, "every training example is a sentence of the grammar");
        assertTrue(unseen >= 30, "a real held-out set: " + unseen);
        assertTrue(right >= 0.9 * unseen, right + " of " + unseen + " right; wrong: " + wrong);
        assertEquals(unseen, s.heldOut().size(), "the file's heldOut is exactly the unseen rest of the grammar");
    }

    @Test
    void theSentencesThatCaughtTheOldSampleOutAreRight() {
        ScenarioDocument s = Samples.load("sentiment.json");
        assertEquals(1, classify(s, "movie good"));
        assertEquals(0, classify(s, "bad"));
        assertEquals(0, classify(s, "plot not good"));
    }
}
