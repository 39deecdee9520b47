package org.unrolled.app;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import javafx.scene.Parent;
import javafx.scene.control.TabPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * No control in the main window shows its text cut with "…": every tab of the side panel, on an RNN, an
 * LSTM and a GRU sample, at the window sizes of common screens (the side panel folds away under 1400 px).
 */
@ExtendWith(ApplicationExtension.class)
class MainWindowLabelsTest {
    private AppModel model;
    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        model = TestWindow.open(stage, "default.json").model();
    }

    @Test
    void noControlShowsItsTextCut(FxRobot robot) {
        List<String> cut = new ArrayList<>();
        Parent root = stage.getScene().getRoot();
        for (double[] size : new double[][] {{1920, 1080}, {1600, 1000}, {1440, 900}}) {
            for (String sample : List.of("rnn-vanishing.json", "lstm-gates.json", "gru-seq2seq.json")) {
                robot.interact(() -> {
                    model.openSample(sample);
                    stage.setWidth(size[0]);
                    stage.setHeight(size[1]);
                });
                for (int tab = 0; tab < 3; tab++) {
                    int k = tab;
                    robot.interact(() -> {
                        TabPane tabs = (TabPane) root.lookup(".tab-pane");
                        tabs.getSelectionModel().select(k);
                        for (int pass = 0; pass < 3; pass++) {
                            root.applyCss();
                            root.layout();
                        }
                        String where = (int) size[0] + "x" + (int) size[1] + " " + sample + " "
                                + tabs.getTabs().get(k).getText();
                        cut.addAll(RaceWindowLabelsTest.cutLabels(root, where));
                    });
                }
            }
        }
        assertEquals(List.of(), cut);
    }
}
