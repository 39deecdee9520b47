package org.unrolled.app;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javafx.geometry.Insets;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.Spinner;
import javafx.scene.layout.GridPane;
import org.unrolled.engine.Activation;
import org.unrolled.engine.CellType;
import org.unrolled.engine.train.Net;
import org.unrolled.engine.train.Optimizer;
import org.unrolled.engine.train.Task;
import org.unrolled.engine.train.TrainSettings;

/** The race's settings: task, length, cells, hidden size, seed, batch, learning rate, clipping, gate bias. */
final class RaceForm extends GridPane {
    /** Held-out sequences and evaluation interval of a race in the window: smaller than the command line's, for a lively curve. */
    static final int HELD_OUT = 500;
    static final int EVAL_EVERY = 640;
    static final long MAX_SEQUENCES = 200_000;

    final ChoiceBox<String> task = new ChoiceBox<>();
    final Spinner<Integer> length = new Spinner<>(10, 200, 100, 10);
    final CheckBox rnnTanh = new CheckBox("RNN tanh");
    final CheckBox rnnRelu = new CheckBox("RNN relu");
    final CheckBox lstm = new CheckBox("LSTM");
    final CheckBox gru = new CheckBox("GRU");
    final Spinner<Integer> hidden = new Spinner<>(1, 128, 32);
    final CheckBox matchParameters = new CheckBox("match parameters (each cell sized to the\nparameter count of an LSTM with H units)");
    final Spinner<Integer> seed = new Spinner<>(0, 1_000_000, 1);
    final Spinner<Integer> batch = new Spinner<>(1, 512, 32);
    final Spinner<Double> learningRate = new Spinner<>(0.0001, 1.0, 0.01, 0.001);
    final Spinner<Double> clip = new Spinner<>(0.0, 100.0, 1.0, 0.5);
    final Spinner<Double> gateBias = new Spinner<>(-5.0, 10.0, 1.0, 0.5);

    RaceForm() {
        setHgap(8);
        setVgap(8);
        setPadding(new Insets(12));
        task.getItems().addAll("Adding problem", "Temporal order (which came first)");
        task.getSelectionModel().select(0);
        task.setId("race-task");
        rnnTanh.setSelected(true);
        lstm.setSelected(true);
        gru.setSelected(true);
        for (Spinner<?> s : List.of(length, hidden, seed, batch, learningRate, clip, gateBias)) {
            s.setEditable(true);
            s.setPrefWidth(110);
        }
        length.setId("race-length");
        javafx.scene.layout.ColumnConstraints labels = new javafx.scene.layout.ColumnConstraints();
        labels.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        getColumnConstraints().add(labels);
        int row = 0;
        addRow(row++, new Label("Task"), task);
        addRow(row++, new Label("Length T"), length);
        add(new Label("Cells"), 0, row);
        GridPane cells = new GridPane();
        cells.setHgap(10);
        cells.setVgap(4);
        cells.addRow(0, rnnTanh, rnnRelu);
        cells.addRow(1, lstm, gru);
        add(cells, 1, row++);
        addRow(row++, new Label("Hidden size H"), hidden);
        add(matchParameters, 0, row++, 2, 1);
        addRow(row++, new Label("Seed"), seed);
        addRow(row++, new Label("Batch"), batch);
        addRow(row++, new Label("Learning rate (Adam)"), learningRate);
        addRow(row++, new Label("Clip gradient norm at"), clip);
        addRow(row++, new Label("Forget / update gate bias"), gateBias);
    }

    Task selectedTask() {
        return task.getSelectionModel().getSelectedIndex() == 1 ? Task.ORDER : Task.ADDING;
    }

    /** The target a network stops at: RMSE 0.05 for adding, 99% right for order. */
    double target() {
        return selectedTask() == Task.ADDING ? 0.05 : 0.99;
    }

    TrainSettings settings() {
        return new TrainSettings(selectedTask(), length.getValue(), batch.getValue(), Optimizer.Kind.ADAM,
                learningRate.getValue(), clip.getValue(), gateBias.getValue(), seed.getValue(), HELD_OUT, EVAL_EVERY);
    }

    /** The ticked cells as networks (at least one, or an exception saying so). */
    List<Net> nets() {
        Task t = selectedTask();
        List<Net> nets = new ArrayList<>();
        int target = Net.size(CellType.LSTM, t.inputSize(), hidden.getValue(), t.outputSize());
        Object[][] cells = {{rnnTanh, CellType.RNN, Activation.TANH}, {rnnRelu, CellType.RNN, Activation.RELU},
            {lstm, CellType.LSTM, Activation.TANH}, {gru, CellType.GRU, Activation.TANH}};
        for (Object[] c : cells) {
            if (((CheckBox) c[0]).isSelected()) {
                CellType cell = (CellType) c[1];
                int h = matchParameters.isSelected() ? Net.hiddenMatching(cell, t.inputSize(), t.outputSize(), target)
                        : hidden.getValue();
                nets.add(new Net(cell, (Activation) c[2], t.inputSize(), h, t.outputSize()));
            }
        }
        if (nets.isEmpty()) {
            throw new IllegalArgumentException("tick at least one cell to race");
        }
        return nets;
    }

    /**
     * The {@code unrolled race} command that trains {@code net} to exactly the weights it has after
     * {@code sequences} sequences in this race.
     */
    String command(Net net, long sequences) {
        TrainSettings s = settings();
        String cell = net.cell() == CellType.LSTM ? "lstm" : net.cell() == CellType.GRU ? "gru"
                : net.activation() == Activation.RELU ? "rnn-relu" : "rnn";
        return String.format(Locale.ROOT, "unrolled race --task %s --length %d --cells %s --hidden %d --seed %d --batch %d "
                + "--optimizer adam --lr %s --clip %s --gate-bias %s --held-out %d --eval-every %d --until %s "
                + "--max-sequences %d", s.task().jsonName(), s.length(), cell, net.hiddenSize(), s.seed(), s.batch(),
                plain(s.learningRate()), plain(s.clip()), plain(s.gateBias()), s.heldOut(), s.evalEvery(),
                plain(target()), sequences);
    }

    private static String plain(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v);
    }
}
