package org.unrolled.engine.train;

import static org.unrolled.engine.train.RaceLessons.beat;
import static org.unrolled.engine.train.RaceLessons.count;
import static org.unrolled.engine.train.RaceLessons.f3;
import static org.unrolled.engine.train.RaceLessons.f4;
import static org.unrolled.engine.train.RaceLessons.sci;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.unrolled.engine.Beat;
import org.unrolled.engine.CellType;
import org.unrolled.engine.Scenario;
import org.unrolled.engine.SequenceTrace;
import org.unrolled.engine.TrainingRecord;
import org.unrolled.io.ScenarioReader;
import org.unrolled.io.ScenarioWriter;

/**
 * Not a test: turns the networks of an {@code unrolled race} output folder into the shipped samples,
 * adding lesson beats whose every number is read from the trace or the training history.
 * {@code RaceSamplesTest} checks them. Run with the test class path:
 * {@code java ... org.unrolled.engine.train.RaceSampleMaker adding RACE_DIR samples}.
 */
public final class RaceSampleMaker {
    private RaceSampleMaker() {
    }

    public static void main(String[] args) throws Exception {
        String task = args[0];
        Path dir = Path.of(args[1]);
        Path samples = Path.of(args[2]);
        Scenario rnn = ScenarioReader.read(dir.resolve("rnn.json"));
        for (String cell : new String[] {"rnn", "lstm", "gru"}) {
            Scenario s = ScenarioReader.read(dir.resolve(cell + ".json"));
            Scenario.Builder b = s.toBuilder();
            b.lesson = task.equals("adding") ? adding(s, rnn) : order(s, rnn);
            ScenarioWriter.save(b.build(), samples.resolve(task + "-" + cell + ".json"));
        }
    }

    private static String name(CellType c) {
        return c == CellType.RNN ? "RNN" : c.name();
    }

    static List<Beat> adding(Scenario s, Scenario rnn) {
        RaceLessons.Markers m = RaceLessons.markers(s);
        int len = s.inputCount();
        SequenceTrace tr = RaceLessons.trace(s);
        double y = tr.y(len)[0];
        double target = s.targetVectors().get(0, 0);
        TrainingRecord rec = s.training();
        TrainingRecord.Point last = rec.history().get(rec.history().size() - 1);
        List<Beat> beats = new ArrayList<>();
        beats.add(beat(m.first(), false, "The first marker: x_" + m.first() + " = (" + f3(m.u1()) + ", 1). The answer at step "
                + len + " needs this value " + (len - m.first()) + " steps later.", "x"));
        beats.add(beat(m.second(), false, "The second marker: x_" + m.second() + " = (" + f3(m.u2()) + ", 1). The target is "
                + "their sum, " + f3(m.u1()) + " + " + f3(m.u2()) + " = " + f3(target) + ".", "x"));
        String who = name(s.cell());
        beats.add(beat(len, false, "The " + who + " answers y = " + f3(y) + " for " + f3(target) + ". After "
                + count(last.sequences()) + " training sequences its held-out RMSE is " + f4(last.score()) + " on "
                + count(rec.heldOut()) + " sequences it was not trained on; always answering the mean, 1, scores "
                + f3(Task.ADDING.baseline()) + ".", "y", "target"));
        double atMarker = RaceLessons.carried(tr, s.cell(), m.first());
        double atEnd = RaceLessons.carried(tr, s.cell(), len);
        String sym = s.cell() == CellType.LSTM ? "c" : "h";
        String ratio = atEnd >= atMarker ? sci(atEnd / atMarker) + " times smaller" : sci(atMarker / atEnd) + " times larger";
        String text = "Backward at the first marker: ‖∂L/∂" + sym + "_" + m.first() + "‖ = " + sci(atMarker) + ", against ‖∂L/∂"
                + sym + "_" + len + "‖ = " + sci(atEnd) + " at the output: " + ratio + " after " + (len - m.first()) + " steps back.";
        if (s.cell() != CellType.RNN) {
            SequenceTrace rt = RaceLessons.trace(rnn);
            text += " The vanilla RNN of adding-rnn.json, on this same sequence, is left with ‖∂L/∂h_" + m.first() + "‖ = "
                    + sci(RaceLessons.carried(rt, CellType.RNN, m.first())) + ".";
        } else {
            text += " This is the signal that should teach the RNN to keep x_" + m.first() + "'s value.";
        }
        beats.add(beat(m.first(), true, text, s.cell() == CellType.LSTM ? new String[] {"highway", "c"} : new String[] {"gradient"}));
        RaceLessons.Breakthrough br = RaceLessons.breakthrough(rec, 0.35);
        if (br != null) {
            double[] range = RaceLessons.range(rec, br.before().sequences());
            TrainingRecord.Point reached = null;
            for (TrainingRecord.Point p : rec.history()) {
                if (p.score() <= 0.05) {
                    reached = p;
                    break;
                }
            }
            String before = range[0] == range[1] ? "was " + f3(range[0]) + " at "
                    : "stayed between " + f3(range[0]) + " and " + f3(range[1]) + " for ";
            beats.add(beat(len, false, "The training curve: the held-out RMSE " + before + count(br.before().sequences())
                    + " training sequences, then fell to "
                    + f3(br.after().score()) + " at " + count(br.after().sequences())
                    + (reached == null ? "." : " and to " + f3(reached.score()) + " at " + count(reached.sequences()) + "."),
                    "loss"));
        }
        return beats;
    }

    static List<Beat> order(Scenario s, Scenario rnn) {
        RaceLessons.Symbols sy = RaceLessons.symbols(s);
        int len = s.inputCount();
        SequenceTrace tr = RaceLessons.trace(s);
        TrainingRecord rec = s.training();
        TrainingRecord.Point last = rec.history().get(rec.history().size() - 1);
        String first = Task.ORDER_SYMBOLS[sy.a()];
        String second = Task.ORDER_SYMBOLS[sy.b()];
        String pair = Task.ORDER_CLASSES[s.targetClass(0)];
        double[] prob = RaceLessons.softmax(tr.y(len));
        int answer = RaceLessons.argmax(prob);
        List<Beat> beats = new ArrayList<>();
        beats.add(beat(sy.first(), false, "The first symbol that counts: " + first + " at step " + sy.first() + ", "
                + (len - sy.first()) + " steps before the answer. Every other step is a distractor (c, d, e or f).", "x"));
        beats.add(beat(sy.second(), false, "The second: " + second + " at step " + sy.second() + ". The class is the pair in "
                + "order, " + pair + ".", "x"));
        String who = name(s.cell());
        beats.add(beat(len, false, "The " + who + " answers " + Task.ORDER_CLASSES[answer] + " with probability "
                + f3(prob[answer]) + " (target " + pair + "). Held-out accuracy " + RaceLessons.percent(last.score())
                + " on " + count(rec.heldOut()) + " sequences it was not trained on, after " + count(last.sequences())
                + " training sequences; answering at random gets 25%, and knowing only the second symbol 50%.",
                "y", "target"));
        double atSymbol = RaceLessons.carried(tr, s.cell(), sy.first());
        double atEnd = RaceLessons.carried(tr, s.cell(), len);
        String sym = s.cell() == CellType.LSTM ? "c" : "h";
        String ratio = atEnd >= atSymbol ? sci(atEnd / atSymbol) + " times smaller" : sci(atSymbol / atEnd) + " times larger";
        String text = "Backward at the first symbol: ‖∂L/∂" + sym + "_" + sy.first() + "‖ = " + sci(atSymbol) + ", against ‖∂L/∂"
                + sym + "_" + len + "‖ = " + sci(atEnd) + " at the output: " + ratio + ".";
        if (s.cell() != CellType.RNN) {
            SequenceTrace rt = RaceLessons.trace(rnn);
            text += " The vanilla RNN of order-rnn.json, on this same sequence, is left with ‖∂L/∂h_" + sy.first() + "‖ = "
                    + sci(RaceLessons.carried(rt, CellType.RNN, sy.first())) + ".";
        }
        beats.add(beat(sy.first(), true, text, s.cell() == CellType.LSTM ? new String[] {"highway", "c"} : new String[] {"gradient"}));
        RaceLessons.Breakthrough br = RaceLessons.breakthrough(rec, 0.6);
        if (br != null) {
            double[] range = RaceLessons.range(rec, br.before().sequences());
            String before = range[0] == range[1] ? "was " + RaceLessons.percent(range[0]) + " at "
                    : "stayed between " + RaceLessons.percent(range[0]) + " and " + RaceLessons.percent(range[1]) + " for ";
            beats.add(beat(len, false, "The training curve: held-out accuracy " + before + count(br.before().sequences())
                    + " training sequences, then jumped to " + RaceLessons.percent(br.after().score()) + " at "
                    + count(br.after().sequences()) + ".", "loss"));
        }
        return beats;
    }
}
