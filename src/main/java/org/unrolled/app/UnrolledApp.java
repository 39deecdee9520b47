package org.unrolled.app;

import java.nio.file.Path;
import javafx.application.Application;
import javafx.concurrent.Task;
import javafx.geometry.Insets;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import org.unrolled.engine.Engine;
import org.unrolled.engine.SequenceTrace;
import org.unrolled.engine.Trace;
import org.unrolled.io.Samples;
import org.unrolled.io.ScenarioReader;

/**
 * The window. Until the animated canvas lands this shows the scenario and its per-step numbers, so
 * that the jar, the engine and the file loading can be tried end to end.
 */
public final class UnrolledApp extends Application {
    private static volatile Path initialScenario;

    public static void setInitialScenario(Path scenario) {
        initialScenario = scenario;
    }

    @Override
    public void start(Stage stage) {
        Label title = new Label("Loading…");
        title.setStyle("-fx-font-size: 28px; -fx-font-weight: bold;");
        Label details = new Label();
        details.setWrapText(true);
        details.setStyle("-fx-font-size: 18px;");
        ListView<String> steps = new ListView<>();
        steps.setStyle("-fx-font-size: 18px; -fx-font-family: monospace;");
        VBox header = new VBox(8, title, details);
        header.setPadding(new Insets(16));
        BorderPane root = new BorderPane(steps, header, null, null, null);

        Path file = initialScenario;
        Task<Trace> load = new Task<>() {
            @Override
            protected Trace call() throws Exception {
                return Engine.run(file == null ? Samples.load(Samples.DEFAULT) : ScenarioReader.read(file));
            }
        };
        load.setOnSucceeded(e -> show(load.getValue(), title, details, steps));
        load.setOnFailed(e -> {
            title.setText("This scenario cannot be opened");
            details.setText(load.getException().getMessage());
        });
        Thread worker = new Thread(load, "scenario-loader");
        worker.setDaemon(true);
        worker.start();

        stage.setTitle("Unrolled");
        stage.setScene(new Scene(root, 1280, 800));
        stage.show();
    }

    private static void show(Trace trace, Label title, Label details, ListView<String> steps) {
        var s = trace.scenario();
        title.setText(s.title());
        details.setText(s.description() + "\n" + s.cell().jsonName().toUpperCase() + ", " + s.mapping().jsonName()
                + ", H = " + s.hiddenSize() + ", loss " + s.loss().jsonName() + " = " + String.format("%.6g", trace.loss()));
        if (trace.hasEncoder()) {
            addRows(steps, "encoder", trace.encoder());
        }
        addRows(steps, trace.hasEncoder() ? "decoder" : "step", trace.steps());
    }

    private static void addRows(ListView<String> list, String label, SequenceTrace seq) {
        for (int t = 1; t <= seq.length(); t++) {
            String loss = Double.isNaN(seq.stepLoss(t)) ? "" : String.format("   loss %.4g", seq.stepLoss(t));
            list.getItems().add(String.format("%s t = %-4d ‖dL/dh_t‖ = %-12.4g%s", label, t, seq.dLdhNorm(t), loss));
        }
    }
}
