package org.unrolled.app;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;
import org.unrolled.document.Beat;
import org.unrolled.document.Example;
import org.unrolled.document.ScenarioDocument;
import org.unrolled.engine.ScenarioEdits;
import org.unrolled.io.ScenarioReader;

/**
 * Nothing the user made is dropped on save: every sample, opened in the model, edited (an input value
 * and a new lesson beat, neither of which touches the weights) and saved, reads back with its title,
 * description, vocabulary, examples, held-out examples, lesson (with the new beat) and training record.
 * A change of the weights drops the training record, and only that.
 */
class SaveKeepsTheDocumentTest {
    private final ExecutorService worker = Executors.newSingleThreadExecutor();

    @BeforeAll
    static void fx() throws Exception {
        FxToolkit.registerPrimaryStage();
    }

    @AfterEach
    void stop() {
        worker.shutdownNow();
    }

    static Stream<String> samples() throws IOException {
        try (Stream<Path> files = Files.list(Path.of("samples"))) {
            return files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".json")).sorted().toList().stream();
        }
    }

    private static <T> T onFx(java.util.concurrent.Callable<T> c) throws Exception {
        return WaitForAsyncUtils.asyncFx(c).get(20, TimeUnit.SECONDS);
    }

    /** Opens {@code sample}, applies {@code edits} on the JavaFX thread, saves to {@code file} and waits for the save. */
    private ScenarioDocument editAndSave(String sample, java.util.function.Consumer<AppModel> edits, Path file)
            throws Exception {
        AppModel model = new AppModel(new RecentFiles(null), worker);
        CountDownLatch saved = new CountDownLatch(1);
        ScenarioDocument opened = onFx(() -> {
            model.openSample(sample);
            ScenarioDocument d = model.document().content();
            edits.accept(model);
            model.save(file, saved::countDown);
            return d;
        });
        assertTrue(saved.await(20, TimeUnit.SECONDS), "saved");
        assertTrue(onFx(() -> !model.dirtyProperty().get()), "nothing left unsaved");
        return opened;
    }

    private static void assertSameExamples(List<Example> expected, List<Example> actual, String what) {
        assertEquals(expected.size(), actual.size(), what);
        for (int k = 0; k < expected.size(); k++) {
            Example e = expected.get(k);
            Example a = actual.get(k);
            assertEquals(e.name(), a.name(), what + " " + k);
            assertArrayEquals(e.inputs().toRowMajor(), a.inputs().toRowMajor(), what + " " + k);
            assertArrayEquals(e.targetClasses(), a.targetClasses(), what + " " + k);
            if (e.targetVectors() != null) {
                assertArrayEquals(e.targetVectors().toRowMajor(), a.targetVectors().toRowMajor(), what + " " + k);
            }
        }
    }

    @ParameterizedTest
    @MethodSource("samples")
    void anInputEditAndANewBeatKeepEverythingElse(String sample, @TempDir Path dir) throws Exception {
        Path file = dir.resolve(sample);
        Beat added = new Beat(0, false, "A beat written in the window.", List.of());
        ScenarioDocument opened = editAndSave(sample, model -> {
            model.edit("input", s -> ScenarioEdits.withInput(s, 1, 0, 0.25));
            model.editDocument("beat", d -> d.withBeat(0, added));
        }, file);
        ScenarioDocument back = ScenarioReader.read(file);
        assertEquals(opened.title(), back.title());
        assertEquals(opened.description(), back.description());
        assertEquals(opened.vocabulary(), back.vocabulary());
        assertSameExamples(opened.examples(), back.examples(), "examples");
        assertSameExamples(opened.heldOut(), back.heldOut(), "held out");
        assertEquals(opened.lesson().size() + 1, back.lesson().size());
        assertEquals(added, back.lesson().get(0));
        assertEquals(opened.lesson(), back.lesson().subList(1, back.lesson().size()));
        assertEquals(opened.training(), back.training(), "the weights are the trained ones still");
        assertEquals(0.25, back.scenario().inputs().get(0, 0), 0.0, "and the edit itself was saved");
    }

    @ParameterizedTest
    @MethodSource("samples")
    void aWeightEditDropsTheTrainingRecordAndNothingElse(String sample, @TempDir Path dir) throws Exception {
        Path file = dir.resolve(sample);
        ScenarioDocument opened = editAndSave(sample,
                model -> model.edit("rho", s -> ScenarioEdits.withSpectralRadius(s, 0.5)), file);
        ScenarioDocument back = ScenarioReader.read(file);
        assertNull(back.training(), "the record described the weights before the change");
        assertEquals(opened.title(), back.title());
        assertEquals(opened.vocabulary(), back.vocabulary());
        assertSameExamples(opened.examples(), back.examples(), "examples");
        assertSameExamples(opened.heldOut(), back.heldOut(), "held out");
        assertEquals(opened.lesson(), back.lesson());
        assertNotNull(back.scenario().weights());
    }
}
