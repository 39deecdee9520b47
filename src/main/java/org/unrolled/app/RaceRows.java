package org.unrolled.app;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import java.util.function.Function;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import org.unrolled.engine.train.History;
import org.unrolled.engine.train.Net;
import org.unrolled.engine.train.Race;

/**
 * The Train view's rows under the charts, one per network: its name, sequences seen, held-out score,
 * speed and its two buttons. A row wraps onto more lines where it needs the room, so no word is ever cut
 * with "…"; each number keeps the width of its widest text, so the rows wrap the same way all through the
 * race, and the names share the widest name's width, so the numbers line up under each other.
 */
final class RaceRows extends VBox {
    /** The largest batch the form allows: a network may pass the last count by less than one batch. */
    private static final int BATCH_MAX = 512;

    /** Per row: name, sequences seen, score, speed. */
    private final List<Label[]> labels = new ArrayList<>();

    RaceRows() {
        super(8);
        setPadding(new Insets(10, 12, 12, 12));
        setId("race-rows");
    }

    /** A row for each of {@code runners}, with their swatches and what their buttons do. */
    void build(List<Race.Runner> runners, boolean regression, Function<Net, Node> swatch, Consumer<Race.Runner> open,
            Consumer<Race.Runner> save) {
        clear();
        for (int i = 0; i < runners.size(); i++) {
            Race.Runner r = runners.get(i);
            Net net = r.trainer().net();
            Label name = new Label(String.format(Locale.ROOT, "%s  (H = %d, %,d parameters)", net.label(),
                    net.hiddenSize(), net.size()));
            name.setGraphic(swatch.apply(net));
            Label seen = new Label(seenText(RaceForm.MAX_SEQUENCES + BATCH_MAX));
            Label score = new Label(scoreText(regression, regression ? 8.8888 : 1.0, true));
            Label rate = new Label(rateText(8_888, 1));
            seen.setId("race-seen-" + i);
            score.setId("race-score-" + i);
            rate.setId("race-rate-" + i);
            Button openButton = new Button("Open this network");
            openButton.setId("race-open-" + i);
            openButton.setOnAction(e -> open.accept(r));
            Button saveButton = new Button("Save as sample…");
            saveButton.setId("race-save-" + i);
            saveButton.setOnAction(e -> save.accept(r));
            HBox actions = new HBox(8, openButton, saveButton);
            actions.setAlignment(Pos.CENTER_LEFT);
            FlowPane row = new FlowPane(12, 4, name, seen, score, rate, actions);
            row.setAlignment(Pos.CENTER_LEFT);
            getChildren().add(row);
            labels.add(new Label[] {name, seen, score, rate});
        }
        // the widths measured with the widest texts set (a larger number later widens its label, never cuts it)
        applyCss();
        double names = 0;
        for (Label[] l : labels) {
            names = Math.max(names, l[0].prefWidth(-1));
            for (int k = 1; k < l.length; k++) {
                l[k].setMinWidth(Math.ceil(l[k].prefWidth(-1)));
                l[k].setText("");
            }
        }
        for (Label[] l : labels) {
            l[0].setMinWidth(Math.ceil(names));
        }
    }

    void clear() {
        getChildren().clear();
        labels.clear();
    }

    /** The runners' numbers now. */
    void refresh(List<Race.Runner> runners, boolean regression) {
        for (int i = 0; i < runners.size() && i < labels.size(); i++) {
            Race.Runner r = runners.get(i);
            History.Point p = r.history().last();
            Label[] l = labels.get(i);
            l[1].setText(seenText(r.trainer().sequences()));
            l[2].setText(p == null ? "" : scoreText(regression, p.score(), r.finished()));
            l[3].setText(rateText(r.trainer().sequences(), r.trainer().trainSeconds()));
        }
    }

    static String seenText(long sequences) {
        return String.format(Locale.ROOT, "%,d sequences", sequences);
    }

    static String scoreText(boolean regression, double score, boolean stopped) {
        return String.format(Locale.ROOT, regression ? "held-out RMSE %.4f%s" : "held-out %.1f%% right%s",
                regression ? score : 100 * score, stopped ? " (stopped)" : "");
    }

    static String rateText(long sequences, double seconds) {
        return seconds > 0 ? String.format(Locale.ROOT, "%,.0f seq/s", sequences / seconds) : "";
    }
}
