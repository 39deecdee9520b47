package org.unrolled.engine.train;

import static org.unrolled.engine.train.RaceLessons.count;
import static org.unrolled.engine.train.RaceLessons.f3;
import static org.unrolled.engine.train.RaceLessons.f4;
import static org.unrolled.engine.train.RaceLessons.sci;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.unrolled.document.Beat;
import org.unrolled.document.Check;
import org.unrolled.document.Highlight;
import org.unrolled.document.ScenarioDocument;
import org.unrolled.document.TrainingRecord;
import org.unrolled.engine.CellType;
import org.unrolled.engine.JsonNamed;
import org.unrolled.engine.Scenario;
import org.unrolled.engine.SequenceTrace;
import org.unrolled.io.ScenarioReader;
import org.unrolled.io.ScenarioWriter;

/**
 * Not a test: turns the networks of an {@code unrolled race} output folder into the shipped samples,
 * adding lesson beats whose every number is read from the trace or the training history, each beat with
 * checks that back every sentence of its caption ({@code LessonChecksTest} evaluates them).
 * {@code RaceSamplesTest} checks the numbers. Run with the test class path:
 * {@code java ... org.unrolled.engine.train.RaceSampleMaker adding RACE_DIR samples}.
 */
public final class RaceSampleMaker {
    private RaceSampleMaker() {
    }

    public static void main(String[] args) throws Exception {
        String task = args[0];
        Path dir = Path.of(args[1]);
        Path samples = Path.of(args[2]);
        Scenario rnn = ScenarioReader.read(dir.resolve("rnn.json")).scenario();
        for (String cell : new String[] {"rnn", "lstm", "gru"}) {
            ScenarioDocument s = ScenarioReader.read(dir.resolve(cell + ".json"));
            ScenarioWriter.save(s.withLesson(task.equals("adding") ? adding(s, rnn) : order(s, rnn)),
                    samples.resolve(task + "-" + cell + ".json"));
        }
    }

    private static String name(CellType c) {
        return c == CellType.RNN ? "RNN" : c.name();
    }

    static List<Beat> adding(ScenarioDocument d, Scenario rnn) {
        Scenario s = d.scenario();
        RaceLessons.Markers m = RaceLessons.markers(s);
        int len = s.inputCount();
        SequenceTrace tr = RaceLessons.trace(s);
        double y = tr.y(len)[0];
        double target = s.targetVectors().get(0, 0);
        TrainingRecord rec = d.training();
        History.Point last = rec.history().get(rec.history().size() - 1);
        List<Beat> beats = new ArrayList<>();
        String first = "The first marker: x_" + m.first() + " = (" + f3(m.u1()) + ", 1)";
        String answerAt = "The answer at step " + len;
        beats.add(beat(m.first(), false, first + ". " + answerAt + " needs this value " + (len - m.first()) + " steps later.",
                List.of(marker(first, m.first(), m.u1(), 1), onlyOutputAt(answerAt, len)), "x"));
        String second = "The second marker: x_" + m.second() + " = (" + f3(m.u2()) + ", 1)";
        String sum = "The target is their sum, " + f3(m.u1()) + " + " + f3(m.u2()) + " = " + f3(target);
        beats.add(beat(m.second(), false, second + ". " + sum + ".",
                List.of(marker(second, m.second(), m.u2(), m.first() + 1),
                        all(sum, value("", "x[" + m.first() + "][0]", f3(m.u1())),
                                value("", "x[" + m.second() + "][0]", f3(m.u2())), targetIs(len, y, f3(target)))),
                "x"));
        String who = name(s.cell());
        String answers = "The " + who + " answers y = " + f3(y) + " for " + f3(target);
        String heldOut = "After " + count(last.sequences()) + " training sequences its held-out RMSE is " + f4(last.score())
                + " on " + count(rec.heldOut()) + " sequences it was not trained on";
        List<Check> checks = new ArrayList<>(List.of(
                all(answers, value("", "y[" + len + "][0]", f3(y)), targetIs(len, y, f3(target))),
                history(heldOut, last.sequences(), last.sequences(), printed(f4(last.score())))));
        String text = answers + ". " + heldOut + ".";
        if (s.cell() == CellType.RNN) {
            text += " " + stayed(rec, last.sequences(), checks, false);
        }
        beats.add(beat(len, false, text, checks, "y", "target"));
        beats.add(backward(d, tr, rnn, m.first(), "marker", m.first() + "][0]", m.u1(), m.second() + "][0]", m.u2(),
                " after " + (len - m.first()) + " steps back",
                "There is no output before step " + len, ": this is the only signal that could teach the RNN to keep x_"
                        + m.first() + "'s value."));
        RaceLessons.Breakthrough br = RaceLessons.breakthrough(rec, 0.35);
        if (br != null) {
            History.Point reached = null;
            for (History.Point p : rec.history()) {
                if (p.score() <= 0.05) {
                    reached = p;
                    break;
                }
            }
            List<Check> curve = new ArrayList<>();
            String range = range(rec, br.before().sequences(), false, curve);
            String fell = "then fell to " + f3(br.after().score()) + " at " + count(br.after().sequences());
            curve.add(history(fell, br.after().sequences(), br.after().sequences(), printed(f3(br.after().score()))));
            String tail = "";
            if (reached != null) {
                tail = "and to " + f3(reached.score()) + " at " + count(reached.sequences());
                curve.add(history(tail, reached.sequences(), reached.sequences(), printed(f3(reached.score()))));
                tail = " " + tail;
            }
            beats.add(beat(len, false, "The training curve: the held-out RMSE " + range + " training sequences, " + fell + tail
                    + ".", curve, "loss"));
        }
        return beats;
    }

    static List<Beat> order(ScenarioDocument d, Scenario rnn) {
        Scenario s = d.scenario();
        RaceLessons.Symbols sy = RaceLessons.symbols(s);
        int len = s.inputCount();
        SequenceTrace tr = RaceLessons.trace(s);
        TrainingRecord rec = d.training();
        History.Point last = rec.history().get(rec.history().size() - 1);
        String firstSymbol = Task.ORDER_SYMBOLS[sy.a()];
        String secondSymbol = Task.ORDER_SYMBOLS[sy.b()];
        int targetClass = s.targetClass(0);
        String pair = Task.ORDER_CLASSES[targetClass];
        double[] prob = RaceLessons.softmax(tr.y(len));
        int answer = RaceLessons.argmax(prob);
        List<Beat> beats = new ArrayList<>();
        String first = "The first symbol that counts: " + firstSymbol + " at step " + sy.first();
        String before = (len - sy.first()) + " steps before the answer";
        String others = "Every other step is a distractor (c, d, e or f)";
        List<Check> distractors = new ArrayList<>();
        distractors.addAll(distractors(1, sy.first() - 1));
        distractors.addAll(distractors(sy.first() + 1, sy.second() - 1));
        distractors.addAll(distractors(sy.second() + 1, len));
        List<Check> firstChecks = new ArrayList<>(List.of(symbolAt(sy.first(), sy.a())));
        firstChecks.addAll(distractors(1, sy.first() - 1));
        beats.add(beat(sy.first(), false, first + ", " + before + ". " + others + ".",
                List.of(all(first, firstChecks), onlyOutputAt(before, len), all(others, distractors)), "x"));
        String second = "The second: " + secondSymbol + " at step " + sy.second();
        String klass = "The class is the pair in order, " + pair;
        List<Check> secondChecks = new ArrayList<>(List.of(symbolAt(sy.second(), sy.b())));
        secondChecks.addAll(distractors(sy.first() + 1, sy.second() - 1));
        beats.add(beat(sy.second(), false, second + ". " + klass + ".",
                List.of(all(second, secondChecks), targetClassIs(klass, len, answer, targetClass, prob)), "x"));
        String who = name(s.cell());
        String answers = "The " + who + " answers " + Task.ORDER_CLASSES[answer] + " with probability " + f3(prob[answer]);
        String targetText = "(target " + pair + ")";
        String heldOut = "Held-out accuracy " + RaceLessons.percent(last.score()) + " on " + count(rec.heldOut())
                + " sequences it was not trained on, after " + count(last.sequences()) + " training sequences";
        List<Check> checks = new ArrayList<>(List.of(
                all(answers, new Check.Argmax("", "y[" + len + "]", Task.ORDER_CLASSES[answer], false),
                        value("", "p[" + len + "][" + answer + "]", f3(prob[answer]))),
                targetClassIs(targetText, len, answer, targetClass, prob),
                history(heldOut, last.sequences(), last.sequences(), printed(RaceLessons.percent(last.score())))));
        String text = answers + " " + targetText + ". " + heldOut + ".";
        if (s.cell() == CellType.RNN) {
            text += " " + stayed(rec, last.sequences(), checks, true);
        }
        beats.add(beat(len, false, text, checks, "y", "target"));
        beats.add(backward(d, tr, rnn, sy.first(), "symbol", sy.first() + "][" + sy.a() + "]", 1,
                sy.second() + "][" + sy.b() + "]", 1, "", null, null));
        RaceLessons.Breakthrough br = RaceLessons.breakthrough(rec, 0.6);
        if (br != null) {
            List<Check> curve = new ArrayList<>();
            String range = range(rec, br.before().sequences(), true, curve);
            String jumped = "then jumped to " + RaceLessons.percent(br.after().score()) + " at " + count(br.after().sequences());
            curve.add(history(jumped, br.after().sequences(), br.after().sequences(),
                    printed(RaceLessons.percent(br.after().score()))));
            beats.add(beat(len, false, "The training curve: held-out accuracy " + range + " training sequences, " + jumped + ".",
                    curve, "loss"));
        }
        return beats;
    }

    /**
     * The backward beat at the first marker or symbol: the carried gradient there and at the output, their
     * ratio, and for a gated cell the vanilla RNN's on the same sequence (found by its two marked inputs).
     */
    private static Beat backward(ScenarioDocument d, SequenceTrace tr, Scenario rnn, int at, String what, String mark1, double v1,
            String mark2, double v2, String after, String noOutputClaim, String noOutputRest) {
        Scenario s = d.scenario();
        int len = s.inputCount();
        String sym = s.cell() == CellType.LSTM ? "c" : "h";
        String of = "norm(dL_d" + sym + "[";
        double atFirst = RaceLessons.carried(tr, s.cell(), at);
        double atEnd = RaceLessons.carried(tr, s.cell(), len);
        String firstText = "‖∂L/∂" + sym + "_" + at + "‖ = " + sci(atFirst);
        String endText = "‖∂L/∂" + sym + "_" + len + "‖ = " + sci(atEnd);
        boolean smaller = atEnd >= atFirst;
        String ratio = smaller ? sci(atEnd / atFirst) + " times smaller" : sci(atFirst / atEnd) + " times larger";
        List<Check> checks = new ArrayList<>(List.of(value(firstText, of + at + "])", sci(atFirst)),
                value(endText, of + len + "])", sci(atEnd)),
                new Check.Ratio(ratio, smaller ? of + len + "])" : of + at + "])", smaller ? of + at + "])" : of + len + "])",
                        printed(ratio.substring(0, ratio.indexOf(' '))))));
        String text = "Backward at the first " + what + ": " + firstText + ", against " + endText + " at the output: " + ratio
                + after + ".";
        String prefix = d.training().command().contains("--task adding") ? "adding" : "order";
        if (s.cell() != CellType.RNN) {
            double theirs = RaceLessons.carried(RaceLessons.trace(rnn), CellType.RNN, at);
            String compare = "The vanilla RNN of " + prefix + "-rnn.json, on this same sequence, is left with ‖∂L/∂h_" + at
                    + "‖ = " + sci(theirs);
            checks.add(new Check.Sample(compare, prefix + "-rnn.json", all("", value("", "norm(dL_dh[" + at + "])", sci(theirs)),
                    exact("x[" + mark1, v1), exact("x[" + mark2, v2))));
            text += " " + compare + ".";
        } else if (noOutputClaim != null) {
            checks.add(onlyOutputAt(noOutputClaim, len));
            text += " " + noOutputClaim + noOutputRest;
        }
        return new Beat(at, true, text, s.cell() == CellType.LSTM ? List.of(Highlight.HIGHWAY, Highlight.C)
                : List.of(Highlight.GRADIENT), checks);
    }

    /** "was 0.401 at 1,600" or "stayed between 0.396 and 0.410 from 1,600 to 41,600", with its history check. */
    private static String range(TrainingRecord rec, long until, boolean percent, List<Check> checks) {
        long from = firstAfterStart(rec);
        double[] r = RaceLessons.range(rec, until);
        String lo = percent ? RaceLessons.percent(r[0]) : f3(r[0]);
        String hi = percent ? RaceLessons.percent(r[1]) : f3(r[1]);
        String text = r[0] == r[1] ? "was " + lo + " at " + count(until)
                : "stayed between " + lo + " and " + hi + " from " + count(from) + " to " + count(until);
        checks.add(history(text, from, until, r[0] == r[1] ? printed(lo) : between(lo, hi)));
        return text;
    }

    /** The vanilla RNN's curve after the start: it never leaves the learned-nothing band. */
    private static String stayed(TrainingRecord rec, long until, List<Check> checks, boolean percent) {
        long from = firstAfterStart(rec);
        double[] r = RaceLessons.range(rec, until);
        String lo = percent ? RaceLessons.percent(r[0]) : f3(r[0]);
        String hi = percent ? RaceLessons.percent(r[1]) : f3(r[1]);
        String text = "From " + count(from) + " training sequences on it stayed between " + lo + " and " + hi;
        checks.add(history(text, from, until, between(lo, hi)));
        return text + ".";
    }

    private static long firstAfterStart(TrainingRecord rec) {
        for (History.Point p : rec.history()) {
            if (p.sequences() > 0) {
                return p.sequences();
            }
        }
        throw new IllegalStateException("a history with no evaluation after the start");
    }

    /** x_t = (u, 1) marks step t, and no step from {@code unmarkedFrom} to t − 1 is marked. */
    private static Check marker(String claim, int t, double u, int unmarkedFrom) {
        List<Check> of = new ArrayList<>(List.of(value("", "x[" + t + "][0]", f3(u)), exact("x[" + t + "][1]", 1)));
        if (unmarkedFrom <= t - 1) {
            of.add(new Check.Steps("", Integer.toString(unmarkedFrom), Integer.toString(t - 1), exact("x[t][1]", 0)));
        }
        return all(claim, of);
    }

    /** Only the last step has an output. */
    private static Check onlyOutputAt(String claim, int len) {
        return all(claim, new Check.Exists("", "y[" + len + "]", true),
                new Check.Steps("", "1", Integer.toString(len - 1), new Check.Exists("", "y[t]", false)));
    }

    /** x_t is the one-hot symbol {@code j} (0 = A, 1 = B). */
    private static Check symbolAt(int t, int j) {
        return all("", exact("x[" + t + "][" + j + "]", 1), exact("x[" + t + "][" + (1 - j) + "]", 0),
                value6("mean(x[" + t + "])"));
    }

    /** Steps from..to are one-hot c, d, e or f: neither A nor B, largest component 1, components summing to 1. */
    private static List<Check> distractors(int from, int to) {
        if (from > to) {
            return List.of();
        }
        return List.of(new Check.Steps("", Integer.toString(from), Integer.toString(to),
                all("", exact("x[t][0]", 0), exact("x[t][1]", 0), exact("max(x[t])", 1), value6("mean(x[t])"))));
    }

    private static Check value6(String of) {
        return new Check.Value("", of, new Check.Bound(1.0 / 6, 1e-12, null, null));
    }

    /**
     * The target class: when the answer is right, the most likely class is both the named class and the
     * target; otherwise the step's loss is −log of the target class's probability.
     */
    private static Check targetClassIs(String claim, int len, int answer, int target, double[] prob) {
        if (answer == target) {
            return all(claim, new Check.Argmax("", "y[" + len + "]", Task.ORDER_CLASSES[target], false),
                    new Check.Argmax("", "y[" + len + "]", "target", false));
        }
        double loss = -Math.log(prob[target]);
        return all(claim, new Check.Value("", "p[" + len + "][" + target + "]", new Check.Bound(prob[target], 1e-9, null, null)),
                new Check.Value("", "loss[" + len + "]", new Check.Bound(loss, 1e-9 * Math.max(1, loss), null, null)));
    }

    /**
     * The target rounds to {@code printed}: with y pinned, the step's loss ½(y − target)² lies between its
     * values at the two ends of the rounding interval.
     */
    private static Check targetIs(int len, double y, String printed) {
        double t = parse(printed);
        double h = halfUnit(printed);
        double a = 0.5 * (y - (t - h)) * (y - (t - h));
        double b = 0.5 * (y - (t + h)) * (y - (t + h));
        double lo = y > t - h && y < t + h ? 0 : Math.min(a, b);
        double hi = Math.max(a, b);
        return all("", new Check.Value("", "y[" + len + "][0]", new Check.Bound(y, 1e-12, null, null)),
                new Check.Value("", "loss[" + len + "]", new Check.Bound(null, null, lo - 1e-15, hi + 1e-15)));
    }

    private static Beat beat(int step, boolean backward, String caption, List<Check> checks, String... highlight) {
        return new Beat(step, backward, caption, java.util.Arrays.stream(highlight)
                .map(n -> JsonNamed.parse(Highlight.class, n).orElseThrow()).toList(), checks);
    }

    private static Check all(String claim, Check... of) {
        return new Check.All(claim, List.of(of));
    }

    private static Check all(String claim, List<Check> of) {
        return new Check.All(claim, of);
    }

    private static Check exact(String of, double v) {
        return new Check.Value("", of, new Check.Bound(v, 0.0, null, null));
    }

    private static Check value(String claim, String of, String printed) {
        return new Check.Value(claim, of, printed(printed));
    }

    private static Check history(String claim, long from, long to, Check.Bound bound) {
        return new Check.History(claim, from, to, false, bound);
    }

    /** Any value that rounds to the number as written: within half a unit of its last digit. */
    static Check.Bound printed(String printed) {
        return new Check.Bound(parse(printed), halfUnit(printed), null, null);
    }

    /** Any value that rounds to {@code lo} or above and to {@code hi} or below. */
    static Check.Bound between(String lo, String hi) {
        return new Check.Bound(null, null, parse(lo) - halfUnit(lo), parse(hi) + halfUnit(hi));
    }

    /** "0.836", "1.4e-40", "24.1%" (as the fraction 0.241), "1,000". */
    static double parse(String printed) {
        String s = printed.replace(",", "");
        return s.endsWith("%") ? Double.parseDouble(s.substring(0, s.length() - 1)) / 100 : Double.parseDouble(s);
    }

    /** Half a unit of the last digit written ("0.836": 0.0005; "1.4e-40": 0.05e-40; "24.1%": 0.0005). */
    static double halfUnit(String printed) {
        String s = printed.replace(",", "").replace("%", "").toLowerCase(Locale.ROOT);
        int e = s.indexOf('e');
        int exponent = e < 0 ? 0 : Integer.parseInt(s.substring(e + 1));
        String mantissa = e < 0 ? s : s.substring(0, e);
        int dot = mantissa.indexOf('.');
        int decimals = dot < 0 ? 0 : mantissa.length() - dot - 1;
        return 0.5 * Math.pow(10, exponent - decimals) * (printed.endsWith("%") ? 0.01 : 1);
    }
}
