package org.unrolled.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
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
import org.unrolled.io.HostileFilesTest;
import org.unrolled.io.Samples;

/**
 * The autosave folder as someone else may have left it: pipes where autosaves and locks should be,
 * and an autosave planted to make Save overwrite a file of the attacker's choosing.
 */
@ExtendWith(ApplicationExtension.class)
class AutosaveHostileTest {
    private static final ScenarioDocument EDITED = AutosaveTest.withRho(Samples.load(Samples.DEFAULT), 1.7);

    private Stage stage;
    private AppModel model;

    @Start
    void start(Stage s) {
        stage = s;
        model = TestWindow.open(s, Samples.DEFAULT).model();
    }

    /** An autosave as a crashed session leaves it, naming {@code file} as where the work came from. */
    private static Path crashedSession(Path dir, Path file, String name) {
        Autosave a = new Autosave(dir, Duration.ofMillis(50));
        assertTrue(a.start());
        a.update(new Autosave.Snapshot(EDITED, file, name));
        a.flush();
        a.abandon();
        return a.file();
    }

    @Test
    void pipesInTheFolderAreSkippedAndTheRealOrphanIsStillOffered(@TempDir Path dir) throws Exception {
        assumeTrue(HostileFilesTest.mkfifo(dir.resolve("autosave-1-pipe.json")), "mkfifo is not available here");
        Path real = crashedSession(dir, null, "default.json");
        // a pipe where the real orphan's lock should be would block its liveness check, too
        String base = real.getFileName().toString().replace(".json", "");
        Files.deleteIfExists(dir.resolve(base + ".lock"));
        assertTrue(HostileFilesTest.mkfifo(dir.resolve(base + ".lock")));
        Files.createSymbolicLink(dir.resolve("autosave-2-zero.json"), Path.of("/dev/zero"));
        Autosave next = new Autosave(dir, Duration.ofMillis(50));
        List<Autosave.Recovered> found = assertTimeoutPreemptively(Duration.ofSeconds(20),
                () -> next.startAndFindOrphans().get(20, TimeUnit.SECONDS));
        assertEquals(1, found.size(), found.toString());
        assertEquals(real, found.get(0).path());
        next.close();
    }

    @Test
    void autosavingGoesOnWhileTheFolderIsBeingSearched(@TempDir Path dir) throws Exception {
        assumeTrue(HostileFilesTest.mkfifo(dir.resolve("autosave-1-pipe.json")), "mkfifo is not available here");
        Autosave a = new Autosave(dir, Duration.ofMillis(50));
        a.startAndFindOrphans();
        a.update(new Autosave.Snapshot(EDITED, null, "default.json"));
        // the session's lock is taken on the search thread, so the first flush may come before it: the
        // autosave must be written within a few seconds whatever the folder holds (a pipe is never opened)
        assertTimeoutPreemptively(Duration.ofSeconds(4), () -> {
            while (!Files.isRegularFile(a.file())) {
                a.flush();
                Thread.sleep(20);
            }
        });
        assertTrue(Files.isRegularFile(a.file()), "the autosave is written");
        a.close();
    }

    @Test
    void aPlantedAutosaveCannotPointSaveAtAnyFile(FxRobot robot, @TempDir Path dir) throws Exception {
        Path victim = dir.resolve("victim.json");
        Files.writeString(victim, "precious");
        Path autosaves = Files.createDirectories(dir.resolve("autosave"));
        crashedSession(autosaves, victim, "victim\u001b]0;PWNED\u0007.json");
        Autosave next = new Autosave(autosaves, Duration.ofMillis(50));
        robot.interact(() -> CrashRecovery.begin(stage, model, next, () -> { }));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#restore-offer").tryQuery().isPresent());
        DialogPane offer = robot.lookup("#restore-offer").queryAs(DialogPane.class);
        assertFalse(offer.getContentText().contains("\u001b"), offer.getContentText());
        Button restore = robot.lookup((Node n) -> n instanceof Button b && "Restore".equals(b.getText()) && n.isVisible())
                .queryAs(Button.class);
        robot.interact(restore::fire);
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(model.dirtyProperty().get(), "restored as unsaved work");
        assertNull(model.document().file(), "no file until the user picks one: Save asks where");
        assertFalse(model.document().name().contains("\u001b"), model.document().name());
        assertEquals("precious", Files.readString(victim));
        next.close();
    }
}
