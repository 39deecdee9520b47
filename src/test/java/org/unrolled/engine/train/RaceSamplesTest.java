package org.unrolled.engine.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.unrolled.engine.train.RaceLessons.count;
import static org.unrolled.engine.train.RaceLessons.f3;
import static org.unrolled.engine.train.RaceLessons.f4;
import static org.unrolled.engine.train.RaceLessons.percent;
import static org.unrolled.engine.train.RaceLessons.sci;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.unrolled.cli.Main;
import org.unrolled.document.Beat;
import org.unrolled.document.ScenarioDocument;
import org.unrolled.document.TrainingRecord;
import org.unrolled.engine.CellType;
import org.unrolled.engine.Engine;
import org.unrolled.engine.Matrix;
import org.unrolled.engine.Scenario;
import org.unrolled.engine.SequenceTrace;
import org.unrolled.io.ScenarioReader;

/**
 * The race samples: their shipped weights do on fresh sequences what their descriptions say, their
 * commands make the same curve again, and every number their lessons state is the trace's.
 */
class RaceSamplesTest {
    private static final Pattern NUMBER = Pattern.compile("\\d[\\d,]*(?:\\.\\d+)?(?:e-?\\d+)?%?");

    private static ScenarioDocument load(String name) throws Exception {
        return ScenarioReader.read(Path.of("samples", name));
    }

    private static Task task(String name) {
        return name.startsWith("adding") ? Task.ADDING : Task.ORDER;
    }

    /** Held-out score of the shipped weights on sequences drawn here, never seen in training. */
    private static double freshScore(Scenario s, Task task, int n) {
        Random r = new Random(20261126);
        int len = s.inputCount();
        double sum = 0;
        for (int k = 0; k < n; k++) {
            double[] x = new double[len * task.inputSize()];
            double target = task.draw(r, len, x, 0);
            Scenario.Builder b = s.toBuilder();
            b.inputs = Matrix.of(len, task.inputSize(), x);
            if (task.isRegression()) {
                b.targetVectors = Matrix.of(1, 1, new double[] {target});
            } else {
                b.targetClasses = new int[] {(int) target};
            }
            double[] y = Engine.run(b.build()).steps().y(len);
            if (task.isRegression()) {
                sum += (y[0] - target) * (y[0] - target);
            } else {
                sum += RaceLessons.argmax(y) == (int) target ? 1 : 0;
            }
        }
        return task.isRegression() ? Math.sqrt(sum / n) : sum / n;
    }

    @ParameterizedTest
    @ValueSource(strings = {"adding-rnn.json", "adding-lstm.json", "adding-gru.json", "order-rnn.json", "order-lstm.json",
        "order-gru.json"})
    void theShippedWeightsDoWhatTheDescriptionSaysOnFreshSequences(String name) throws Exception {
        ScenarioDocument s = load(name);
        Task task = task(name);
        double score = freshScore(s.scenario(), task, 300);
        boolean gated = s.scenario().cell() != CellType.RNN;
        if (task == Task.ADDING) {
            assertTrue(gated ? score <= 0.05 : score >= 0.3, name + ": fresh RMSE " + score);
        } else {
            assertTrue(gated ? score >= 0.97 : score <= 0.35, name + ": fresh accuracy " + score);
        }
        // the description's figures are the last point of the history, and the parameter count the layout's
        History.Point last = s.training().history().get(s.training().history().size() - 1);
        int g = s.scenario().cell().gateCount() * s.scenario().hiddenSize();
        int parameters = g * (s.scenario().inputSize() + s.scenario().hiddenSize() + 2) + s.scenario().outputSize() * (s.scenario().hiddenSize() + 1);
        String d = s.description();
        assertTrue(d.contains(count(parameters) + " parameters"), d);
        assertTrue(d.contains(count(last.sequences()) + " training sequences"), d);
        assertTrue(d.contains(String.format(java.util.Locale.ROOT, "%.1f s of training", last.seconds())), d);
        assertTrue(d.contains(task.isRegression() ? "RMSE " + f4(last.score()) : "accuracy " + percent(last.score())), d);
        assertTrue(d.contains(count(s.training().heldOut()) + " sequences not trained on"), d);
    }

    /** The recorded command, cut short, retraces the start of the recorded curve bit for bit. */
    @ParameterizedTest
    @ValueSource(strings = {"adding", "order"})
    void theCommandRetracesTheCurve(String task, @TempDir Path tmp) throws Exception {
        ScenarioDocument lstm = load(task + "-lstm.json");
        String command = lstm.training().command();
        List<String> args = new ArrayList<>(List.of(command.split(" ")));
        assertEquals("unrolled", args.remove(0));
        int max = args.indexOf("--max-sequences");
        args.set(max + 1, "1600");
        args.add("--out");
        args.add(tmp.resolve("again").toString());
        assertEquals(0, Main.run(args.toArray(String[]::new)));
        for (String cell : new String[] {"rnn", "lstm", "gru"}) {
            ScenarioDocument shipped = load(task + "-" + cell + ".json");
            assertEquals(command, shipped.training().command(), "one race made all three");
            ScenarioDocument again = ScenarioReader.read(tmp.resolve("again").resolve(cell + ".json"));
            List<History.Point> a = again.training().history();
            List<History.Point> b = shipped.training().history();
            assertEquals(2, a.size());
            for (int k = 0; k < 2; k++) {
                assertEquals(b.get(k).sequences(), a.get(k).sequences());
                assertEquals(b.get(k).score(), a.get(k).score(), 0.0, cell + " point " + k);
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"adding-rnn.json", "adding-lstm.json", "adding-gru.json", "order-rnn.json", "order-lstm.json",
        "order-gru.json"})
    void everyNumberABeatStatesIsTheTracesOrTheHistorys(String name) throws Exception {
        ScenarioDocument s = load(name);
        Task task = task(name);
        Scenario rnn = load(name.replaceAll("-(lstm|gru)", "-rnn")).scenario();
        int len = s.scenario().inputCount();
        SequenceTrace tr = Engine.run(s.scenario()).steps();
        Set<String> ok = new HashSet<>();
        ok.add(Integer.toString(len));
        int first;
        if (task == Task.ADDING) {
            RaceLessons.Markers m = RaceLessons.markers(s.scenario());
            first = m.first();
            ok.addAll(List.of(Integer.toString(m.first()), Integer.toString(m.second()), "1", f3(m.u1()), f3(m.u2()),
                    f3(s.scenario().targetVectors().get(0, 0)), f3(tr.y(len)[0]), f3(Task.ADDING.baseline())));
            assertEquals(m.u1() + m.u2(), s.scenario().targetVectors().get(0, 0), 0.0, "the target is the marked sum");
        } else {
            RaceLessons.Symbols sy = RaceLessons.symbols(s.scenario());
            first = sy.first();
            double[] p = RaceLessons.softmax(tr.y(len));
            ok.addAll(List.of(Integer.toString(sy.first()), Integer.toString(sy.second()), f3(p[RaceLessons.argmax(p)]),
                    "25%", "50%"));
        }
        ok.add(Integer.toString(len - first));
        TrainingRecord rec = s.training();
        History.Point last = rec.history().get(rec.history().size() - 1);
        ok.addAll(List.of(count(last.sequences()), f4(last.score()), percent(last.score()), count(rec.heldOut())));
        double atFirst = norm(s.scenario().cell() == CellType.LSTM ? tr.dLdc(first) : tr.dLdh(first));
        double atEnd = norm(s.scenario().cell() == CellType.LSTM ? tr.dLdc(len) : tr.dLdh(len));
        ok.addAll(List.of(sci(atFirst), sci(atEnd), sci(atEnd / atFirst), sci(atFirst / atEnd)));
        ok.add(sci(norm(Engine.run(rnn).steps().dLdh(first))));
        for (int k = 1; k < rec.history().size(); k++) {
            History.Point p = rec.history().get(k);
            ok.addAll(List.of(count(p.sequences()), f3(p.score()), percent(p.score())));
        }
        for (Beat b : s.lesson()) {
            Matcher m = NUMBER.matcher(b.caption());
            while (m.find()) {
                String n = m.group().replaceAll(",$", "");
                assertTrue(ok.contains(n), name + ": \"" + n + "\" in \"" + b.caption() + "\" is not a checked number");
            }
        }
        assertTrue(s.lesson().size() >= 4, "a lesson of at least four beats");
        // the backward beat names the gradient at the first marker or symbol, by the trace
        Beat back = s.lesson().stream().filter(Beat::backward).findFirst().orElseThrow();
        assertEquals(first, back.step());
        assertTrue(back.caption().contains(sci(atFirst)) && back.caption().contains(sci(atEnd)), back.caption());
        if (s.scenario().cell() != CellType.RNN) {
            // the breakthrough: the curve leaves the learned-nothing level between two named points
            Beat curve = s.lesson().get(s.lesson().size() - 1);
            assertTrue(curve.caption().startsWith("The training curve"), curve.caption());
        }
    }

    private static double norm(double[] v) {
        double sum = 0;
        for (double x : v) {
            sum += x * x;
        }
        return Math.sqrt(sum);
    }
}
