package org.unrolled.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import javafx.application.Platform;
import javafx.scene.control.Label;
import javafx.util.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;
import org.unrolled.document.Beat;
import org.unrolled.document.Checks;
import org.unrolled.document.DocumentTrace;
import org.unrolled.document.Questions;
import org.unrolled.engine.ScenarioEdits;
import org.unrolled.io.SampleTraces;

/**
 * A lesson's answers and checks that run the engine (ρ dragged, a race, another sample's numbers) are
 * worked out on the model's worker, never on the JavaFX thread: with a deliberately slow worker the
 * JavaFX thread stays free, the question waits with its choices, and after several quick what-if edits
 * what is shown is the answer for the last numbers.
 */
class LessonAnswersWorkerTest {
    private final ExecutorService worker = Executors.newSingleThreadExecutor();
    /** Opened by a test to let the slow work finish. */
    private final CountDownLatch release = new CountDownLatch(1);
    /** The threads the facts were worked out on. */
    private final Set<String> threads = ConcurrentHashMap.newKeySet();

    @BeforeAll
    static void fx() throws Exception {
        FxToolkit.registerPrimaryStage();
    }

    @AfterEach
    void stop() {
        release.countDown();
        worker.shutdownNow();
    }

    /** The lesson's facts, but each waits for {@link #release} first (as a race on a slow machine would). */
    private Function<DocumentTrace, LessonFacts> slow() {
        return t -> {
            threads.add(Thread.currentThread().getName());
            try {
                release.await(60, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return LessonFacts.of(t, SampleTraces.BUILT_IN);
        };
    }

    private static <T> T onFx(java.util.concurrent.Callable<T> c) throws Exception {
        return WaitForAsyncUtils.asyncFx(c).get(20, TimeUnit.SECONDS);
    }

    private static void fx(Runnable r) throws Exception {
        onFx(() -> {
            r.run();
            return null;
        });
    }

    /** A round trip to the JavaFX thread, in milliseconds: it answers at once unless something blocks it. */
    private static long ping() throws Exception {
        long start = System.nanoTime();
        CountDownLatch done = new CountDownLatch(1);
        Platform.runLater(done::countDown);
        assertTrue(done.await(20, TimeUnit.SECONDS), "the JavaFX thread is blocked");
        return (System.nanoTime() - start) / 1_000_000;
    }

    private void waitUntil(java.util.concurrent.Callable<Boolean> c) throws Exception {
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> {
            try {
                return onFx(c);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
    }

    @Test
    void theRhoAnswerIsWorkedOutOnTheWorkerAndIsTheLastEditsAfterQuickEdits() throws Exception {
        AppModel model = new AppModel(new RecentFiles(null), worker);
        Lesson lesson = onFx(() -> new Lesson(model, new WindowState(), Duration.ZERO, slow()));
        QuestionPanel panel = onFx(() -> new QuestionPanel(model, lesson));
        fx(() -> {
            model.openSample("rnn-vanishing.json");
            lesson.goTo(2); // "If ρ(W_hh) were dragged from 0.5 to 1.5, what would happen to ‖∂L/∂h_1‖?"
        });
        assertEquals(org.unrolled.document.Question.Kind.RHO, onFx(() -> lesson.askingProperty().get().question().kind()));
        // quick what-if edits while the first answer is still being worked out
        for (double rho : new double[] {0.7, 0.9, 1.2}) {
            fx(() -> model.edit("rho-" + rho, s -> ScenarioEdits.withSpectralRadius(s, rho)));
        }
        assertTrue(ping() < 5_000, "the JavaFX thread is free while the answer is worked out");
        assertFalse(onFx(lesson::answerReady), "not known yet: the worker is held");
        Questions.Answer waiting = onFx(lesson::answer);
        assertEquals(-1, waiting.correct(), "no choice marked before the answer is known");
        assertEquals(4, waiting.choices().size(), "but the choices are there to ask");
        assertEquals(LessonAnswers.WORKING, waiting.explanation());

        release.countDown();
        waitUntil(lesson::answerReady);
        Document last = onFx(() -> model.document());
        Beat beat = onFx(() -> lesson.askingProperty().get());
        Questions.Answer expected = Questions.answer(beat.question(), last.shown(), SampleTraces.BUILT_IN);
        assertEquals(expected, onFx(lesson::answer), "the answer of the numbers on screen, the last edit's");
        assertTrue(expected.explanation().contains("instead of 1.20"), expected.explanation());
        assertTrue(onFx(() -> lesson.captions().factsProperty().get().isFor(last)));
        fx(lesson::reveal);
        String shown = onFx(() -> ((Label) panel.lookup("#question-explanation")).getText());
        assertEquals("Answer " + Questions.Answer.letter(expected.correct()) + ": " + expected.explanation(), shown);
        assertFalse(threads.isEmpty());
        assertTrue(threads.stream().noneMatch(n -> n.contains("JavaFX")), "worked out on the worker: " + threads);
    }

    @Test
    void aCheckThatReadsAnotherSampleIsCheckedOnTheWorkerAfterAnEdit() throws Exception {
        AppModel model = new AppModel(new RecentFiles(null), worker);
        Lesson lesson = onFx(() -> new Lesson(model, new WindowState(), Duration.ZERO, slow()));
        fx(() -> model.openSample("order-lstm.json"));
        // beat 4 compares with order-rnn.json: a check that runs another sample
        Beat beat = onFx(() -> lesson.beats().get(3));
        assertTrue(beat.checks().stream().anyMatch(Checks::runsEngine), "the beat reads another sample");
        for (double bias : new double[] {1, 2, 0.5}) {
            fx(() -> model.edit("forget-" + bias, s -> ScenarioEdits.withForgetBias(s, bias)));
        }
        assertTrue(ping() < 5_000, "the JavaFX thread is free while the checks run");
        String pending = onFx(() -> lesson.captions().captionOf(beat));
        assertTrue(pending.startsWith("(Checking these numbers…) "), pending);

        release.countDown();
        Document last = onFx(() -> model.document());
        waitUntil(() -> lesson.captions().factsProperty().get() != null && lesson.captions().factsProperty().get().isFor(last));
        Checks.Outcome o = Checks.evaluateAll(beat.checks(), last.shown(), SampleTraces.BUILT_IN);
        String caption = onFx(() -> lesson.captions().captionOf(beat));
        assertNotEquals(pending, caption);
        assertEquals(o.holds() ? beat.caption() + " (Checked: still true for these numbers.)"
                : "(No longer true for these numbers: " + o.detail() + ".) " + beat.caption(), caption);
    }

    /** The race question after a what-if edit of the network on screen: the answer becomes the new numbers' winner. */
    @Test
    void theRaceAnswerFollowsAWhatIfEdit() throws Exception {
        AppModel model = new AppModel(new RecentFiles(null), worker);
        Lesson lesson = onFx(() -> new Lesson(model, new WindowState(), Duration.ZERO, t -> LessonFacts.of(t, SampleTraces.BUILT_IN)));
        fx(() -> {
            model.openSample("order-gru.json");
            lesson.goTo(2); // the race at T = 50
        });
        waitUntil(lesson::answerReady);
        Questions.Answer before = onFx(lesson::answer);
        assertEquals(List.of("RNN tanh (order-rnn.json)", "LSTM (order-lstm.json)", "GRU (this network)"), before.choices());
        assertEquals(2, before.correct(), before.explanation());
        fx(() -> model.edit("update", s -> ScenarioEdits.withUpdateGateBias(s, 3)));
        waitUntil(lesson::answerReady);
        Questions.Answer after = onFx(lesson::answer);
        Document last = onFx(() -> model.document());
        assertEquals(Questions.answer(lesson.beats().get(2).question(), last.shown(), SampleTraces.BUILT_IN), after);
        // update gates held open forget less well: the GRU's mean cross-entropy rises past the LSTM's (RaceQuestionTest)
        assertEquals(1, after.correct(), after.explanation());
    }
}
