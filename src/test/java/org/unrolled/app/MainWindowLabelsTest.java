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
 * No control in the main window shows its text cut with "…": every tab of the side panel, in the light and
 * projector themes, on an RNN, an LSTM and a GRU sample, in windows of 1920×1080 and 1440×900 (under
 * 1400 px the side panel folds away; the projector theme at 1440×900 only).
 */
@ExtendWith(ApplicationExtension.class)
class MainWindowLabelsTest {
    private AppModel model;
    private MainWindow window;
    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        TestWindow w = TestWindow.open(stage, "default.json");
        model = w.model();
        window = w.window();
    }

    @Test
    void noControlShowsItsTextCut(FxRobot robot) {
        List<String> cut = new ArrayList<>();
        Parent root = stage.getScene().getRoot();
        for (String theme : List.of("light", "projector")) {
        // the projector theme's larger type at the narrowest size only: the worst case, and the test stays short
        for (double[] size : theme.equals("light") ? new double[][] {{1920, 1080}, {1440, 900}} : new double[][] {{1440, 900}}) {
            for (String sample : List.of("rnn-vanishing.json", "lstm-gates.json", "gru-seq2seq.json")) {
                robot.interact(() -> {
                    window.state().setTheme(theme);
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
                        String where = theme + " " + (int) size[0] + "x" + (int) size[1] + " " + sample + " "
                                + tabs.getTabs().get(k).getText();
                        cut.addAll(RaceWindowLabelsTest.cutLabels(root, where));
                    });
                }
            }
        }
        }
        robot.interact(() -> window.state().setTheme("light"));
        assertEquals(List.of(), cut);
    }
}
