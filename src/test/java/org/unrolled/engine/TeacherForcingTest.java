package org.unrolled.engine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.unrolled.document.Example;
import org.unrolled.document.ScenarioDocument;
import org.unrolled.io.Samples;
import org.unrolled.io.ScenarioReader;

/**
 * teacher-forcing.json's description quotes two training runs from its source (train-all.sh): with
 * teacher forcing (the shipped weights) and on the free-running loss, the same start and 300 updates.
 * This re-runs both and checks every figure it states.
 */
class TeacherForcingTest {
    private static final Trainer.Settings SETTINGS = new Trainer.Settings(Trainer.Optimizer.ADAM, 0.02, 300, 5);

    private record Run(ScenarioDocument source, Trainer.Result result, List<Double> losses) {
        int updatesToReach(double loss) {
            for (int i = 0; i < losses.size(); i++) {
                if (losses.get(i) < loss) {
                    return i; // losses[i] is the loss after i updates
                }
            }
            return -1;
        }

        int rises() {
            int n = 0;
            for (int i = 1; i < losses.size(); i++) {
                n += losses.get(i) > losses.get(i - 1) ? 1 : 0;
            }
            return n;
        }

        double largestRise() {
            double r = 1;
            for (int i = 1; i < losses.size(); i++) {
                r = Math.max(r, losses.get(i) / losses.get(i - 1));
            }
            return r;
        }

        double freeRunningLoss() {
            return Trainer.meanLoss(source.withScenario(ScenarioEdits.withFeedback(result.scenario(), Feedback.FREE_RUNNING))
                    .trainingSet());
        }
    }

    private static Run run(boolean freeRunningLoss) throws Exception {
        ScenarioDocument source = ScenarioReader.read(Path.of("tools/lessons/sources/teacher-forcing.json"));
        List<Double> losses = new ArrayList<>();
        Trainer.Progress p = (d, t, l) -> losses.add(l);
        Trainer.Result r = freeRunningLoss ? Trainer.trainFreeRunning(source.scenario(), source.trainingSet(), SETTINGS, p)
                : Trainer.train(source.scenario(), source.trainingSet(), SETTINGS, p);
        return new Run(source, r, losses);
    }

    @Test
    void teacherForcingTrainsFasterAndMoreStablyButRunsFreeWorse() throws Exception {
        Run teacher = run(false);
        Run free = run(true);
        assertArrayEquals(Parameters.flatten(Samples.load("teacher-forcing.json").scenario().weights()),
                Parameters.flatten(teacher.result().scenario().weights()), 1e-12, "the shipped weights are this run's");
        assertEquals(60, teacher.updatesToReach(0.05), "\"60\"");
        assertEquals(98, free.updatesToReach(0.05), "\"98\"");
        assertEquals(4, teacher.rises(), "\"against 4\"");
        assertEquals(62, free.rises(), "\"rose in 62 of the 299 updates\"");
        assertEquals(300, free.losses().size());
        assertTrue(teacher.largestRise() < 1.085, "\"at most by 8%\": " + teacher.largestRise());
        assertTrue(free.largestRise() > 1.935 && free.largestRise() < 1.945, "\"once by 94%\": " + free.largestRise());
        assertEquals(0.0016, teacher.result().finalLoss(), 0.00005, "\"0.0016\"");
        assertEquals(0.023, teacher.freeRunningLoss(), 0.0005, "\"to 0.023\"");
        assertEquals(0.0076, free.freeRunningLoss(), 0.00005, "\"0.0076 against 0.023\"");
    }

    @Test
    void theShownWaveLosesMoreRunningFree() {
        ScenarioDocument s = Samples.load("teacher-forcing.json");
        assertEquals(0.0015, Engine.run(s.scenario()).loss(), 0.00005);
        assertEquals(0.017, Engine.run(ScenarioEdits.withFeedback(s.scenario(), Feedback.FREE_RUNNING)).loss(), 0.0005);
    }

    /**
     * Every start is on the rising half of the sine: the start value grows with the phase, so one start
     * value names one wave (the old sample's starts met twice, once rising and once falling).
     */
    @Test
    void theStartIsNotAmbiguous() {
        ScenarioDocument s = Samples.load("teacher-forcing.json");
        List<Example> all = new ArrayList<>(s.examples());
        all.addAll(s.heldOut());
        all.sort(java.util.Comparator.comparingDouble(e -> Double.parseDouble(e.name().substring("phase ".length()))));
        for (int k = 1; k < all.size(); k++) {
            assertTrue(all.get(k).inputs().get(0, 0) > all.get(k - 1).inputs().get(0, 0),
                    all.get(k).name() + " starts higher than " + all.get(k - 1).name());
        }
        for (int a = 0; a < all.size(); a++) {
            for (int b = a + 1; b < all.size(); b++) {
                assertTrue(Math.abs(all.get(a).inputs().get(0, 0) - all.get(b).inputs().get(0, 0)) > 0.01,
                        "two waves, two start values");
            }
        }
    }
}
