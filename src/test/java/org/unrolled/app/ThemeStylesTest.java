package org.unrolled.app;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.layout.StackPane;
import javafx.scene.paint.Color;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.unrolled.view.Palette;

/** The panels' colours that the picture also uses come from the Palette, and only from there. */
@ExtendWith(ApplicationExtension.class)
class ThemeStylesTest {
    private final Label text = new Label("h_t");
    private final Label caption = new Label("a beat");
    private StackPane root;

    @Start
    void start(Stage stage) {
        text.getStyleClass().add("details-text");
        StackPane bar = new StackPane(caption);
        bar.getStyleClass().add("caption-bar");
        root = new StackPane(text, bar);
        Scene scene = new Scene(root, 200, 100);
        scene.getStylesheets().addAll(ThemeStyles.stylesheets());
        stage.setScene(scene);
        stage.show();
    }

    @Test
    void theStylesheetRepeatsNoColourOfThePalette() throws Exception {
        String css = Files.readString(Path.of("assets/styles/unrolled.css")).toLowerCase(Locale.ROOT);
        List<String> repeated = new ArrayList<>();
        Matcher hex = Pattern.compile("#[0-9a-f]{6}").matcher(css);
        while (hex.find()) {
            Color c = Color.web(hex.group());
            for (Palette p : new Palette[] {Palette.LIGHT, Palette.DARK, Palette.PROJECTOR}) {
                for (var component : Palette.class.getRecordComponents()) {
                    if (component.getType() == Color.class && component.getAccessor().invoke(p).equals(c)) {
                        repeated.add(hex.group() + " (" + component.getName() + ")");
                    }
                }
            }
        }
        assertEquals(List.of(), repeated, "take these from the Palette (ThemeStyles), not as literals");
    }

    @Test
    void thePanelsTextAndCaptionAreThePalettesInTheLightAndTheDarkTheme(FxRobot robot) {
        robot.interact(() -> root.applyCss());
        assertEquals(Palette.LIGHT.text(), text.getTextFill());
        assertEquals(Palette.LIGHT.currentFill(), ((StackPane) caption.getParent()).getBackground().getFills().get(0).getFill());
        robot.interact(() -> {
            root.getStyleClass().add("dark");
            root.applyCss();
        });
        assertEquals(Palette.DARK.text(), text.getTextFill());
        assertEquals(Palette.DARK.text(), caption.getTextFill());
        assertEquals(Palette.DARK.currentFill(), ((StackPane) caption.getParent()).getBackground().getFills().get(0).getFill());
    }
}
