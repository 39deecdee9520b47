package org.unrolled.app;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.geometry.Dimension2D;
import javafx.geometry.Rectangle2D;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Labeled;
import javafx.scene.layout.Region;
import javafx.scene.text.Text;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;
import org.unrolled.view.RaceAuditScreens;

/**
 * Issue 15 in the Train view: with a race under way, laid out as on screens of 1920×1080, 1280×720 and
 * 1024×768, no label, button or check box shows less than its whole text (JavaFX cuts a text that does not
 * fit with "…": the text node it draws then differs from the control's text), also with each row's widest
 * numbers ("(stopped)" and all); and the charts get the sizes the chart audit (view's RaceChartAuditTest)
 * draws at. If the layout changes, this fails and says the new sizes to put in RaceAuditScreens.SCREENS.
 */
@ExtendWith(ApplicationExtension.class)
class RaceWindowLabelsTest {
    private AppModel model;
    private Stage owner;
    private MainWindow window;

    @Start
    void start(Stage stage) {
        owner = stage;
        TestWindow w = TestWindow.open(stage, "default.json");
        model = w.model();
        window = w.window();
    }

    @Test
    void noLabelIsCutAtTheWindowsSizesAndTheChartsAreTheAuditedSizes(FxRobot robot) throws Exception {
        // the controls' theme is global to JavaFX: another test may have left the dark one, whose controls differ
        robot.interact(() -> {
            window.state().setTheme("dark");
            window.state().setTheme("light");
        });
        RaceWindow[] w = new RaceWindow[1];
        robot.interact(() -> {
            w[0] = RaceWindow.open(owner, model, window.state().paletteProperty().get(), Runnable::run);
            w[0].form().length.getValueFactory().setValue(20);
        });
        robot.clickOn("#race-start");
        // two evaluations of every network: every row has its numbers
        WaitForAsyncUtils.waitFor(90, TimeUnit.SECONDS, () -> w[0].session().race().runners().stream()
                .allMatch(r -> r.history().size() >= 2));
        robot.clickOn("#race-pause");
        WaitForAsyncUtils.waitForFxEvents();
        Region root = (Region) w[0].stage().getScene().getRoot();
        int networks = w[0].session().race().runners().size();
        List<String> cut = new ArrayList<>();
        List<String> expected = new ArrayList<>();
        List<String> actual = new ArrayList<>();
        for (RaceAuditScreens.Screen s : RaceAuditScreens.SCREENS) {
            robot.interact(() -> {
                Dimension2D size = RaceWindow.sceneSize(new Rectangle2D(0, 0, s.w(), s.h()));
                layOut(root, size);
                cut.addAll(cutLabels(root, s.name() + " as the race runs"));
                Node scores = root.lookup("#race-score-chart");
                Node profiles = root.lookup("#race-profile-chart");
                expected.add(s.toString());
                actual.add(new RaceAuditScreens.Screen(s.w(), s.h(), width(scores), height(scores), width(profiles),
                        height(profiles)).toString());
                // each row's widest numbers, set and checked before the next frame's refresh replaces them
                for (int i = 0; i < networks; i++) {
                    ((Labeled) root.lookup("#race-seen-" + i)).setText(RaceRows.seenText(200_512));
                    ((Labeled) root.lookup("#race-score-" + i)).setText(RaceRows.scoreText(true, 12.3456, true));
                    ((Labeled) root.lookup("#race-rate-" + i)).setText(RaceRows.rateText(88_888, 1));
                }
                layOut(root, size);
                cut.addAll(cutLabels(root, s.name() + " with the widest numbers"));
            });
        }
        assertEquals(List.of(), cut);
        assertEquals(String.join("\n", expected), String.join("\n", actual));
        robot.clickOn("#race-reset");
        robot.interact(() -> w[0].stage().close());
    }

    private static void layOut(Region root, Dimension2D size) {
        root.resize(size.getWidth(), size.getHeight());
        for (int k = 0; k < 3; k++) {
            root.applyCss();
            root.layout();
        }
    }

    private static int width(Node n) {
        return (int) Math.round(n.getLayoutBounds().getWidth());
    }

    private static int height(Node n) {
        return (int) Math.round(n.getLayoutBounds().getHeight());
    }

    /** Every visible control whose drawn text is not its whole text ("…" in place of its end). */
    static List<String> cutLabels(Parent root, String where) {
        List<String> out = new ArrayList<>();
        walk(root, n -> {
            if (n instanceof Labeled l && l.getText() != null && !l.getText().isEmpty() && shown(l)) {
                Text drawn = null;
                for (Node c : l.getChildrenUnmodifiable()) {
                    if (c instanceof Text t) {
                        drawn = t;
                    }
                }
                if (drawn == null && !drawnBelow(l)) {
                    out.add(where + ": \"" + l.getText() + "\" is not drawn");
                } else if (drawn != null && !drawn.getText().equals(l.getText())) {
                    out.add(where + ": \"" + l.getText() + "\" shows as \"" + drawn.getText() + "\"");
                }
            }
        });
        return out;
    }

    /** A menu's title is drawn by a label inside it, which this check looks at in its turn. */
    private static boolean drawnBelow(Labeled l) {
        boolean[] found = {false};
        for (Node c : l.getChildrenUnmodifiable()) {
            walk(c, n -> found[0] |= n instanceof Labeled inner && l.getText().equals(inner.getText()));
        }
        return found[0];
    }

    private static boolean shown(Node n) {
        for (Node p = n; p != null; p = p.getParent()) {
            if (!p.isVisible()) {
                return false;
            }
        }
        return true;
    }

    private static void walk(Node n, java.util.function.Consumer<Node> f) {
        f.accept(n);
        if (n instanceof Parent p) {
            for (Node c : p.getChildrenUnmodifiable()) {
                walk(c, f);
            }
        }
    }
}
