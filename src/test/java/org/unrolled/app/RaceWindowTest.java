package org.unrolled.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import javafx.scene.image.Image;
import javafx.scene.image.ImageView;
import javafx.scene.paint.Color;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;
import org.unrolled.document.ScenarioDocument;
import org.unrolled.engine.CellType;
import org.unrolled.engine.Scenario;
import org.unrolled.engine.train.Race;
import org.unrolled.io.ScenarioReader;

/** The Train view: a short race runs on its own threads, its curves appear, and its networks open and save. */
@ExtendWith(ApplicationExtension.class)
class RaceWindowTest {
    private AppModel model;
    private Stage owner;
    private MainWindow window;

    @Start
    void start(Stage stage) {
        owner = stage;
        model = new AppModel(new RecentFiles(null), Runnable::run);
        TestWindow.useProgramLook();
        window = new MainWindow(stage, model);
        model.openSample("default.json");
        stage.show();
    }

    @Test
    void aShortRaceDrawsCurvesAndItsNetworksOpenAndSave(FxRobot robot, @TempDir Path tmp) throws Exception {
        RaceWindow[] w = new RaceWindow[1];
        robot.interact(() -> {
            w[0] = RaceWindow.open(owner, model, window.state().paletteProperty().get(), Runnable::run);
            w[0].form().length.getValueFactory().setValue(20);
            w[0].form().hidden.getValueFactory().setValue(8);
        });
        robot.clickOn("#race-start");
        // two evaluations (0 and 640 sequences) for every network: the curves have something to draw
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> w[0].session() != null
                && w[0].session().race().runners().stream().allMatch(r -> r.history().size() >= 2));
        long framesBefore = w[0].charts().frames();
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> w[0].charts().frames() >= framesBefore + 3);
        robot.clickOn("#race-pause");
        WaitForAsyncUtils.waitForFxEvents();
        Image scores = robot.lookup("#race-scores").queryAs(ImageView.class).getImage();
        assertNotNull(scores);
        var palette = window.state().paletteProperty().get();
        assertTrue(countColour(scores, palette.seriesB()) > 50, "the LSTM's green curve is drawn");
        assertTrue(countColour(scores, palette.seriesC()) > 50, "the GRU's pink curve is drawn");
        Image profiles = robot.lookup("#race-profiles").queryAs(ImageView.class).getImage();
        assertTrue(countColour(profiles, palette.seriesB()) > 50, "the LSTM's gradient profile is drawn");

        // paused, One step trains exactly one batch of every network
        Race race = w[0].session().race();
        waitUntilSettled(race); // the training thread finishes the batch it was in
        long before = race.runners().get(1).trainer().sequences();
        robot.clickOn("#race-step");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> race.runners().get(1).trainer().sequences() == before + 32);
        waitUntilSettled(race);
        assertEquals(before + 32, race.runners().get(1).trainer().sequences(), "one batch, and no more after it");

        // Open this network: the LSTM's current weights on held-out sequence 0, in the main window
        robot.clickOn("#race-open-1");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> model.document().scenario().cell() == CellType.LSTM);
        Scenario opened = model.document().scenario();
        assertEquals(8, opened.hiddenSize());
        assertEquals(20, opened.inputCount());
        assertEquals(race.runners().get(1).trainer().parameters()[0], opened.weights().cell().weightIh().get(0, 0), 0.0);

        // Save as sample: the file reads back with its history and the command that remakes it
        Path file = tmp.resolve("lstm.json");
        w[0].saveTo(race.runners().get(1), file);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> Files.exists(file));
        ScenarioDocument saved = ScenarioReader.read(file);
        assertEquals(before + 32, saved.training().history().get(saved.training().history().size() - 1).sequences());
        assertTrue(saved.training().command().contains("--max-sequences " + (before + 32)), saved.training().command());

        robot.clickOn("#race-reset");
        assertNull(w[0].session());
        robot.interact(() -> w[0].stage().close());
    }

    private static int countColour(Image img, Color c) {
        int n = 0;
        var reader = img.getPixelReader();
        for (int y = 0; y < img.getHeight(); y++) {
            for (int x = 0; x < img.getWidth(); x++) {
                Color p = reader.getColor(x, y);
                if (Math.abs(p.getRed() - c.getRed()) < 0.02 && Math.abs(p.getGreen() - c.getGreen()) < 0.02
                        && Math.abs(p.getBlue() - c.getBlue()) < 0.02) {
                    n++;
                }
            }
        }
        return n;
    }

    /** Waits (up to 10 s) until no network's count of sequences moves for a quarter of a second. */
    private static void waitUntilSettled(Race race) throws Exception {
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> {
            long[] before = race.runners().stream().mapToLong(r -> r.trainer().sequences()).toArray();
            Thread.sleep(250);
            long[] after = race.runners().stream().mapToLong(r -> r.trainer().sequences()).toArray();
            return java.util.Arrays.equals(before, after);
        });
    }
}
