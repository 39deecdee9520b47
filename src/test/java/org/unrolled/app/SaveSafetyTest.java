package org.unrolled.app;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;
import javafx.stage.Stage;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;
import org.unrolled.document.ScenarioDocument;
import org.unrolled.engine.ScenarioEdits;
import org.unrolled.io.Samples;
import org.unrolled.io.ScenarioReader;
import org.unrolled.io.ScenarioWriter;

/** File ▸ Save when the disk says no: the file on disk stays as it was, and the window says why. */
@ExtendWith(ApplicationExtension.class)
class SaveSafetyTest {
    private Stage stage;
    private AppModel model;

    @Start
    void start(Stage s) {
        stage = s;
        model = TestWindow.open(s, Samples.DEFAULT).model();
    }

    private static String json(ScenarioDocument s) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ScenarioWriter.write(s, out);
        return out.toString(java.nio.charset.StandardCharsets.UTF_8);
    }

    private static List<String> names(Path dir) throws Exception {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void aFailedSaveLeavesThePreviousFileByteIdenticalAndSaysWhy(FxRobot robot, @TempDir Path tmp) throws Exception {
        Path dir = Files.createDirectory(tmp.resolve("lectures"));
        Path file = dir.resolve("lecture.json");
        Files.copy(Path.of("samples/default.json"), file);
        byte[] previous = Files.readAllBytes(file);
        robot.interact(() -> model.open(file));
        WaitForAsyncUtils.waitForFxEvents();
        robot.interact(() -> model.edit("rho", s -> ScenarioEdits.withSpectralRadius(s, 1.7)));
        ScenarioDocument edited = model.document().content();
        assertTrue(model.dirtyProperty().get());

        AtomicBoolean saved = new AtomicBoolean();
        try {
            Assumptions.assumeTrue(Unwritable.lock(dir), "this machine cannot make a folder unwritable");
            robot.interact(() -> model.save(file, () -> saved.set(true)));
            WaitForAsyncUtils.waitForFxEvents();
        } finally {
            Unwritable.unlock(dir);
        }
        assertArrayEquals(previous, Files.readAllBytes(file), "the previous file is byte-identical");
        assertEquals(List.of("lecture.json"), names(dir), "no temporary file left");
        String error = model.errorProperty().get();
        assertTrue(error.startsWith(file + ": could not be saved ("), error);
        assertTrue(error.endsWith("); nothing was overwritten."), error);
        assertFalse(error.contains(".part"), "the message names the file, not the temporary one: " + error);
        System.out.println("failed save: " + error);
        assertFalse(saved.get(), "what was to follow the save did not run");
        assertTrue(model.dirtyProperty().get(), "the changes are still unsaved");
        assertTrue(stage.getTitle().startsWith("*lecture.json"), stage.getTitle());

        // once the folder is writable again, Save works, and the banner goes
        robot.interact(() -> model.save(file, () -> saved.set(true)));
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(saved.get());
        assertFalse(model.dirtyProperty().get());
        assertEquals("", model.errorProperty().get());
        assertEquals(json(edited), json(ScenarioReader.read(file)));
        assertEquals(List.of("lecture.json"), names(dir));
    }
}
