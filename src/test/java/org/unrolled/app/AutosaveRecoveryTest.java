package org.unrolled.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.DialogPane;
import javafx.stage.Stage;
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
import org.unrolled.io.ScenarioWriter;

/** An edit, a crash, and the next start offers the work back: the window as a lecturer meets it. */
@ExtendWith(ApplicationExtension.class)
class AutosaveRecoveryTest {
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
        return out.toString(StandardCharsets.UTF_8);
    }

    private static List<String> autosaves(Path dir) throws Exception {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".json")).sorted().toList();
        }
    }

    private static void press(FxRobot robot, String text) {
        Button b = robot.lookup((Node n) -> n instanceof Button button && text.equals(button.getText()) && n.isVisible())
                .queryAs(Button.class);
        robot.interact(b::fire);
    }

    @Test
    void anEditSurvivesACrashAndIsOfferedAtTheNextStart(FxRobot robot, @TempDir Path dir) throws Exception {
        Autosave first = new Autosave(dir, Duration.ofMillis(100));
        robot.interact(() -> CrashRecovery.begin(stage, model, first, () -> { }));
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(List.of(), autosaves(dir), "nothing unsaved yet");

        robot.interact(() -> model.edit("rho", s -> ScenarioEdits.withSpectralRadius(s, 1.7)));
        ScenarioDocument edited = model.document().content();
        assertTrue(stage.getTitle().startsWith("*"), stage.getTitle());
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> Files.exists(first.file()));

        // the crash: no clean exit, nothing asked, the lock released as the operating system would
        first.abandon();

        // the next start: a new window over the same autosave folder
        Stage[] second = new Stage[1];
        AppModel[] secondModel = new AppModel[1];
        Autosave next = new Autosave(dir, Duration.ofMillis(100));
        boolean[] thenRan = new boolean[1];
        robot.interact(() -> {
            second[0] = new Stage();
            secondModel[0] = TestWindow.open(second[0], Samples.DEFAULT).model();
            CrashRecovery.begin(second[0], secondModel[0], next, () -> thenRan[0] = true);
        });
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> robot.lookup("#restore-offer").tryQuery().isPresent());
        DialogPane offer = robot.lookup("#restore-offer").queryAs(DialogPane.class);
        assertEquals("Unrolled did not close properly last time", offer.getHeaderText());
        assertTrue(offer.getContentText().startsWith("Unsaved changes to \"default.json\" were kept at "),
                offer.getContentText());
        assertFalse(json(edited).equals(json(secondModel[0].document().content())), "not restored before asked");
        press(robot, "Restore");
        WaitForAsyncUtils.waitForFxEvents();

        AppModel restored = secondModel[0];
        assertEquals(json(edited), json(restored.document().content()), "the edit is back");
        assertTrue(restored.dirtyProperty().get(), "as unsaved work");
        assertEquals("*default.json (recovered) — Unrolled", second[0].getTitle());
        assertTrue(thenRan[0]);
        // the recovered work is now the new session's autosave; the crashed session's is gone
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS,
                () -> autosaves(dir).equals(List.of(next.file().getFileName().toString())));
        assertEquals(json(edited), json(AutosaveFile.read(next.file()).scenario()));

        // a clean exit after that leaves nothing to offer
        robot.interact(() -> second[0].close());
        next.close();
        assertEquals(List.of(), autosaves(dir));
        Autosave third = new Autosave(dir, Duration.ofMillis(100));
        third.start();
        assertEquals(List.of(), third.orphans());
        third.close();
    }
}
