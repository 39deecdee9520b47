package org.unrolled.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.TimeUnit;
import javafx.concurrent.Task;
import javafx.scene.control.DialogPane;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** One-off work runs as Tasks on named daemon workers; a failed write is an error dialog owned by the window. */
@ExtendWith(ApplicationExtension.class)
class BackgroundTest {
    private Stage stage;

    @Start
    void start(Stage s) {
        stage = s;
        s.setScene(new javafx.scene.Scene(new javafx.scene.layout.StackPane(), 300, 200));
        s.show();
    }

    @Test
    void tasksRunOnNamedDaemonWorkers() throws Exception {
        Task<String> task = new Task<>() {
            @Override
            protected String call() {
                Thread t = Thread.currentThread();
                return t.getName() + (t.isDaemon() ? " daemon" : " not a daemon");
            }
        };
        Background.start(task);
        String where = task.get(10, TimeUnit.SECONDS);
        assertTrue(where.matches("unrolled-worker-\\d+ daemon"), where);
    }

    @Test
    void aFailedWriteSaysSoInFrontOfItsWindow(FxRobot robot) throws Exception {
        robot.interact(() -> Background.write(stage, "notes.md", () -> {
            throw new java.nio.file.AccessDeniedException("notes.md");
        }));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup(".dialog-pane").tryQuery().isPresent());
        DialogPane pane = robot.lookup(".dialog-pane").queryAs(DialogPane.class);
        assertEquals("notes.md could not be saved: permission denied", pane.getContentText());
        Window dialog = pane.getScene().getWindow();
        assertEquals(stage, ((Stage) dialog).getOwner(), "owned by the window, not floating behind it");
        robot.interact(((Stage) dialog)::close);
    }
}
