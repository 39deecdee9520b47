package org.unrolled.view;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;
import javafx.application.Platform;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.unrolled.engine.Engine;
import org.unrolled.engine.Trace;
import org.unrolled.export.HeadlessFx;
import org.unrolled.io.Samples;
import org.unrolled.view.NetworkLayout.Column;
import org.unrolled.view.NetworkLayout.ColumnKind;
import org.unrolled.view.draw.RecordingPen;

/** What the picture shows: one shape per kind of vector, the opened step's numbers, h_t's way to y. */
class PictureContentTest {
    @BeforeAll
    static void startFx() throws Exception {
        HeadlessFx.start();
    }

    private record Frame(NetworkLayout layout, List<Hit> hits, List<RecordingPen.DrawnText> texts) {
    }

    private static Frame paint(Trace trace, double position, double w, double h) throws Exception {
        AtomicReference<Frame> out = new AtomicReference<>();
        CountDownLatch done = new CountDownLatch(1);
        Platform.runLater(() -> {
            try {
                ViewSettings view = ViewSettings.defaults();
                NetworkLayout layout = NetworkLayout.compute(trace, view, position, w, h);
                RecordingPen pen = new RecordingPen(null);
                List<Hit> hits = NetworkPainter.paint(pen, layout, position, view.palette(), null, view.highlight(), false, view.words());
                out.set(new Frame(layout, hits, pen.texts()));
            } finally {
                done.countDown();
            }
        });
        done.await();
        return out.get();
    }

    /** "3x1": the columns and rows of the squares drawn for one vector, from where they are. */
    private static String shape(List<Rect> squares) {
        Set<Long> xs = new TreeSet<>();
        Set<Long> ys = new TreeSet<>();
        for (Rect r : squares) {
            xs.add(Math.round(r.x() * 10));
            ys.add(Math.round(r.y() * 10));
        }
        return xs.size() + "x" + ys.size();
    }

    @ParameterizedTest
    @CsvSource({"default.json, 4, 1920, 1080", "default.json, 0, 1920, 1080", "default.json, 4, 850, 380",
        "gru-seq2seq.json, 7, 1920, 1080", "rnn-vanishing.json, 12, 1280, 720", "tagging.json, 2, 1920, 1080"})
    void everyVectorOfAKindHasOneShape(String sample, double position, double w, double h) throws Exception {
        Frame f = paint(Engine.run(Samples.load(sample).scenario()), position, w, h);
        // each vector drawn: its squares, in order from index 0 (the context C draws the encoder's last h again)
        List<VectorRef> refs = new ArrayList<>();
        List<List<Rect>> drawn = new ArrayList<>();
        for (Hit hit : f.hits()) {
            VectorRef.Kind k = hit.ref().kind();
            boolean square = Math.abs(hit.area().w() - hit.area().h()) < 1e-6; // not a bar, not a word
            if (k == VectorRef.Kind.GATE || k == VectorRef.Kind.PRE || !square) {
                continue;
            }
            if (hit.index() == 0 || refs.isEmpty() || !refs.get(refs.size() - 1).equals(hit.ref())) {
                refs.add(hit.ref());
                drawn.add(new ArrayList<>());
            }
            drawn.get(drawn.size() - 1).add(hit.area());
        }
        Map<VectorRef.Kind, Set<String>> shapes = new HashMap<>();
        for (int i = 0; i < refs.size(); i++) {
            shapes.computeIfAbsent(VectorShapes.group(refs.get(i).kind()), k -> new TreeSet<>()).add(shape(drawn.get(i)));
        }
        assertTrue(shapes.containsKey(VectorRef.Kind.H), "h is drawn: " + shapes);
        for (var e : shapes.entrySet()) {
            assertEquals(1, e.getValue().size(), sample + " at " + position + ": every " + e.getKey() + " has one shape: "
                    + e.getValue());
        }
    }

    /** The numbers an opened LSTM prints at least 14 px high. */
    private static Set<String> legibleNumbers(Frame f) {
        Set<String> shown = new TreeSet<>();
        for (RecordingPen.DrawnText t : f.texts()) {
            if (t.size() >= 14 - 1e-9) {
                shown.add(t.text());
            }
        }
        return shown;
    }

    @ParameterizedTest
    @CsvSource({"1920, 1080", "1280, 720", "850, 380"})
    void theOpenedLstmPrintsItsGatesAndItsCellState(double w, double h) throws Exception {
        Trace trace = Engine.run(Samples.load("default.json").scenario()); // hidden size 4
        Frame f = paint(trace, 4, w, h);
        Set<String> shown = legibleNumbers(f);
        int printed = 0;
        int all = 0;
        for (char g : new char[] {'f', 'i', 'o'}) { // the sigmoid gates' numbers are short: they always fit here
            for (double v : trace.steps().gate(4, g)) {
                all++;
                printed += shown.contains(Numbers.compact(v)) ? 1 : 0;
            }
        }
        assertEquals(all, printed, "f, i, o at step 4, each number at 14 px or more: " + shown);
        if (w >= 1920) {
            for (double v : trace.steps().c(4)) {
                assertTrue(shown.contains(Numbers.compact(v)), "c_4 = " + Numbers.compact(v) + " is printed: " + shown);
            }
        }
    }

    @Test
    void hLeavesTheLstmCellRightOfTheJunctionsAndCrossesTheHighwayApart() throws Exception {
        for (double[] size : new double[][] {{1920, 1080}, {1280, 720}, {850, 380}}) {
            Trace trace = Engine.run(Samples.load("default.json").scenario());
            for (double p : new double[] {0, 4, 4.5, 10}) {
                Frame f = paint(trace, p, size[0], size[1]);
                NetworkLayout layout = f.layout();
                for (Column c : layout.columns()) {
                    if (c.kind() != ColumnKind.STEP) {
                        continue;
                    }
                    double add = layout.inputJunctionX(c);
                    double forget = layout.forgetJunctionX(c);
                    double r = Math.min(18 * 1.0, (add - forget) / 2.3); // the ⊕'s radius at most (HighwayPainter)
                    OutputRoute route = OutputRoute.of(layout, c, Palette.LIGHT);
                    double exit = route.xs[0];
                    assertTrue(exit - add > r + 2, "t = " + c.t() + " at " + p + ", " + size[0] + "×" + size[1]
                            + ": h leaves at " + exit + ", clear of the ⊕ at " + add + " (radius " + r + ")");
                    assertTrue(exit < layout.cellBox(c).right(), "and inside its cell");
                    assertEquals(layout.cellBox(c).y(), route.ys[0], 1e-9, "from the cell's top");
                    double end = route.xs[route.xs.length - 1];
                    Rect out = layout.outputBox(c);
                    assertTrue(end > out.x() && end < out.right(), "into y's box");
                    assertTrue(Math.abs(end - add) > r + 2, "never straight above the ⊕: " + end + " vs " + add);
                    assertTrue(route.ys[1] < layout.highwayY(), "over the highway before it turns");
                }
            }
        }
    }

    private static List<RecordingPen.DrawnText> unfolding(Trace trace, double unfold) throws Exception {
        AtomicReference<List<RecordingPen.DrawnText>> out = new AtomicReference<>();
        CountDownLatch done = new CountDownLatch(1);
        Platform.runLater(() -> {
            try {
                NetworkLayout layout = NetworkLayout.compute(trace, ViewSettings.defaults().fitted(), 0, 1920, 1080);
                RecordingPen pen = new RecordingPen(null);
                RolledPainter.paint(pen, layout, Palette.LIGHT, unfold);
                out.set(pen.texts());
            } finally {
                done.countDown();
            }
        });
        done.await();
        return out.get();
    }

    @Test
    void theUnfoldingLabelsEachCopyWithItsOwnStep() throws Exception {
        Trace trace = Engine.run(Samples.load("default.json").scenario()); // ten steps
        List<String> rolled = unfolding(trace, 0).stream().map(RecordingPen.DrawnText::text).toList();
        assertTrue(rolled.contains("xₜ") && rolled.contains("yₜ"), "the rolled cell is the cell at any t: " + rolled);
        List<RecordingPen.DrawnText> half = unfolding(trace, 0.4);
        List<String> texts = half.stream().map(RecordingPen.DrawnText::text).toList();
        assertTrue(!texts.contains("xₜ"), "no copy is labelled xₜ once they separate: " + texts);
        for (String label : new String[] {"x₁", "y₁", "x₂", "x₉", "x₁₀", "y₁₀"}) {
            assertTrue(texts.contains(label), label + " is drawn: " + texts);
        }
        for (RecordingPen.DrawnText t : half) {
            assertTrue(t.size() >= 14 - 1e-9, "legible: " + t);
        }
    }
}
