package org.unrolled.view;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.unrolled.document.ScenarioDocument;
import org.unrolled.engine.Scenario;
import org.unrolled.engine.train.GradientProfile;
import org.unrolled.engine.train.History;
import org.unrolled.engine.train.Net;
import org.unrolled.engine.train.Task;
import org.unrolled.io.ScenarioReader;
import org.unrolled.view.draw.RecordingPen;
import org.unrolled.view.draw.RecordingPen.DrawnBox;
import org.unrolled.view.draw.RecordingPen.DrawnPath;
import org.unrolled.view.draw.RecordingPen.DrawnText;

/**
 * The race's charts over recorded runs (the shipped race samples: each network's held-out history, up to
 * 200,000 sequences, and the ‖∂L/∂h_t‖ profile of its final weights over T = 100 or 50), and what is checked of
 * one chart's drawing: the text audit's rules (no text under the smallest size, none overlapping, none cut
 * at the edge) and the chart's own: tick labels and other texts on one line never touch, no text lies on
 * the plotted data, every curve has
 * its legend entry (its label, or its cell's name where the label does not fit), so has each reference line
 * (its words), and the legend lies outside the plot.
 */
final class RaceChartAudit {
    /** The least space between two texts on one line, in pixels: they do not touch. */
    static final double LINE_GAP = 4;

    /** The curves of one recorded race: scores, profiles and the score axes. */
    record Race(String name, Task task, List<RaceChart.Curve> scores, List<RaceChart.Curve> profiles) {
        /** The axes the window gives a race whose last point is at {@code xMax} sequences. */
        RaceChart.ScoreAxes axes(long evalEvery) {
            long xMax = 10 * evalEvery;
            for (RaceChart.Curve c : scores) {
                for (double[] q : c.points()) {
                    xMax = Math.max(xMax, (long) q[0]);
                }
            }
            return RaceChart.axes(task, task == Task.ADDING ? 0.05 : 0.99, evalEvery, xMax);
        }

        /** The race as it was after its first {@code n} evaluations (the window draws it while it runs). */
        Race upTo(int n) {
            List<RaceChart.Curve> cut = new ArrayList<>();
            for (RaceChart.Curve c : scores) {
                cut.add(new RaceChart.Curve(c.style(), c.label(), c.points().subList(0, Math.min(n, c.points().size()))));
            }
            return new Race(name + " first " + n, task, cut, profiles);
        }
    }

    private RaceChartAudit() {
    }

    /**
     * A recorded race of the shipped samples {@code prefix}-rnn, -lstm and -gru; with {@code relu}, a fourth
     * line in the RNN relu's style (the RNN's numbers again) so that four legend entries must find room.
     */
    static Race recorded(String prefix, Task task, boolean relu) throws Exception {
        List<RaceChart.Curve> scores = new ArrayList<>();
        List<RaceChart.Curve> profiles = new ArrayList<>();
        for (String cell : new String[] {"rnn", "lstm", "gru"}) {
            ScenarioDocument doc = ScenarioReader.read(Path.of("samples", prefix + "-" + cell + ".json"));
            Scenario s = doc.scenario();
            List<RaceStyle> styles = new ArrayList<>(List.of(RaceStyle.of(s.cell().jsonName(), s.activation().jsonName())));
            if (relu && cell.equals("rnn")) {
                styles.add(RaceStyle.RNN_RELU);
            }
            List<double[]> pts = new ArrayList<>();
            for (History.Point p : doc.training().history()) {
                pts.add(new double[] {p.sequences(), p.score()});
            }
            double[] norms = GradientProfile.of(s);
            List<double[]> prof = new ArrayList<>();
            for (int t = 1; t <= norms.length; t++) {
                prof.add(new double[] {t, norms[t - 1]});
            }
            for (RaceStyle st : styles) {
                String label = String.format(Locale.ROOT, "%s (H = %d, %,d parameters)", st.label(), s.hiddenSize(),
                        Net.size(s.cell(), s.inputSize(), s.hiddenSize(), s.outputSize()));
                scores.add(new RaceChart.Curve(st, label, pts));
                profiles.add(new RaceChart.Curve(st, st.label(), prof));
            }
        }
        return new Race(prefix + (relu ? " with relu" : ""), task, scores, profiles);
    }

    /** What is wrong with one chart's drawing, one line per problem. */
    static List<String> check(String where, RecordingPen pen, double w, double h, int charts,
            List<RaceChart.Curve> curves, List<String> referenceLabels) {
        List<DrawnText> texts = pen.texts();
        List<String> out = new ArrayList<>(TextAudit.check(where, texts, w, h, ViewSettings.WINDOW_MIN_TEXT, List.of()));
        for (DrawnText t : texts) {
            if (t.text().contains("…")) {
                out.add(where + ": cut with an ellipsis " + TextAudit.describe(t));
            }
        }
        for (int i = 0; i < texts.size(); i++) {
            for (int j = i + 1; j < texts.size(); j++) {
                DrawnText a = texts.get(i);
                DrawnText b = texts.get(j);
                double dy = Math.min(a.y() + a.h(), b.y() + b.h()) - Math.max(a.y(), b.y());
                double gap = Math.max(a.x(), b.x()) - Math.min(a.x() + a.w(), b.x() + b.w());
                if (dy > TextAudit.SLACK && gap < LINE_GAP && !TextAudit.overlap(a, b)) {
                    out.add(where + ": touching " + TextAudit.describe(a) + " and " + TextAudit.describe(b));
                }
            }
        }
        List<DrawnPath> data = pen.paths();
        for (DrawnText t : texts) {
            for (DrawnPath p : data) {
                if (crosses(t, p)) {
                    out.add(where + ": on the data " + TextAudit.describe(t));
                    break;
                }
            }
        }
        List<DrawnBox> frames = pen.boxes();
        if (frames.size() != charts) {
            out.add(where + ": " + frames.size() + " plot frames, not " + charts);
        }
        for (RaceChart.Curve c : curves) {
            List<DrawnText> entry = texts.stream()
                    .filter(t -> t.text().equals(c.label()) || t.text().equals(c.style().label())).toList();
            if (entry.isEmpty() || entry.size() > charts) {
                out.add(where + ": " + entry.size() + " legend entries for " + c.label());
            }
            outside(where, entry, frames, out);
        }
        for (String r : referenceLabels) {
            List<DrawnText> entry = texts.stream().filter(t -> t.text().equals(r)).toList();
            if (entry.isEmpty()) {
                out.add(where + ": no legend entry for the line " + r);
            }
            outside(where, entry, frames, out);
        }
        return out;
    }

    /** Each of {@code entry} outside every plot frame. */
    private static void outside(String where, List<DrawnText> entry, List<DrawnBox> frames, List<String> out) {
        for (DrawnText t : entry) {
            for (DrawnBox plot : frames) {
                boolean apart = t.y() >= plot.y() + plot.h() || t.y() + t.h() <= plot.y()
                        || t.x() >= plot.x() + plot.w() || t.x() + t.w() <= plot.x();
                if (!apart) {
                    out.add(where + ": legend inside the plot " + TextAudit.describe(t));
                }
            }
        }
    }

    /**
     * Whether a stroked polyline comes into a text's box: a segment within half the line's width, or a marker
     * (up to 1.3 × 4.5 px wide each side, scaled with the line) on a point of it.
     */
    static boolean crosses(DrawnText t, DrawnPath p) {
        double reach = Math.max(p.width() / 2, 1.3 * 4.5 * p.width() / 2.5);
        double x0 = t.x() - reach;
        double y0 = t.y() - reach;
        double x1 = t.x() + t.w() + reach;
        double y1 = t.y() + t.h() + reach;
        for (int i = 0; i < p.xs().length; i++) {
            int j = Math.max(0, i - 1);
            if (segmentMeetsBox(p.xs()[j], p.ys()[j], p.xs()[i], p.ys()[i], x0, y0, x1, y1)) {
                return true;
            }
        }
        return false;
    }

    /** Liang–Barsky clipping: does the segment (ax, ay)–(bx, by) meet the box? */
    static boolean segmentMeetsBox(double ax, double ay, double bx, double by, double x0, double y0, double x1, double y1) {
        double lo = 0;
        double hi = 1;
        double[] p = {-(bx - ax), bx - ax, -(by - ay), by - ay};
        double[] q = {ax - x0, x1 - ax, ay - y0, y1 - ay};
        for (int k = 0; k < 4; k++) {
            if (p[k] == 0) {
                if (q[k] < 0) {
                    return false;
                }
            } else {
                double r = q[k] / p[k];
                if (p[k] < 0) {
                    lo = Math.max(lo, r);
                } else {
                    hi = Math.min(hi, r);
                }
            }
        }
        return lo <= hi;
    }
}
