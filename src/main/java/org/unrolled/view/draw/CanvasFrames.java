package org.unrolled.view.draw;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import javafx.scene.canvas.GraphicsContext;

/**
 * Puts frames on a canvas, drawing only where a frame differs from the one before. A JavaFX canvas keeps
 * its pixels between frames, and in software rendering painting every shape again was most of a pulse
 * while playing, though most of the picture stays put. The two frames' {@link DrawList}s are matched item
 * by item, in order; the boxes of the items that appear, vanish or change order make a few rectangles,
 * and only there is the canvas cleared (by the frame's own background) and drawn again, clipped to the
 * rectangle, with every item that reaches into it. Every pixel is therefore what a full redraw gives:
 * outside the rectangles the same items lie in the same order as before. When the changes cover most of
 * the canvas (a resize, scrolling the picture) the whole frame is drawn.
 * {@code -Dunrolled.fullRedraw=true} always draws the whole frame (to measure the difference).
 */
public final class CanvasFrames {
    /** Above this share of the canvas, drawing everything is no slower than the clipped rectangles. */
    private static final double FULL_SHARE = 0.6;
    /** Rectangles closer than this are drawn as one. */
    private static final double JOIN = 8;
    /** More rectangles than this are joined, the closest first. */
    private static final int MAX_RECTS = 6;

    private final boolean alwaysFull = Boolean.getBoolean("unrolled.fullRedraw");
    private List<DrawList.Item> shown;
    private double shownW = -1;
    private double shownH = -1;
    private List<double[]> lastRedrawn = List.of();

    /** The next frame is drawn in full (after the canvas was drawn on by other means). */
    public void forget() {
        shown = null;
    }

    /**
     * The rectangles {@code {x0, y0, x1, y1}} the last {@link #show} drew; the whole canvas for a full
     * frame; none when nothing changed.
     */
    public List<double[]> lastRedrawn() {
        return lastRedrawn;
    }

    /**
     * A vertical strip of a picture, drawn on a canvas of its own: {@code gc} draws the picture's columns
     * {@code x0} to {@code x1}, its own x = 0 being the picture's {@code x0}.
     */
    public record Strip(GraphicsContext gc, double x0, double x1) {
    }

    /** Puts {@code frame} on the canvas of {@code gc}, {@code w × h} pixels, drawing only what changed. */
    public void show(DrawList frame, GraphicsContext gc, double w, double h) {
        show(frame, List.of(new Strip(gc, 0, w)), w, h);
    }

    /**
     * Puts {@code frame}, {@code w × h} pixels, on the canvases of {@code strips} (side by side, covering
     * the width), drawing only what changed, and only on the strips it reaches: a strip not drawn on is not
     * repainted on screen either.
     */
    public void show(DrawList frame, List<Strip> strips, double w, double h) {
        List<DrawList.Item> next = frame.items();
        List<double[]> rects = alwaysFull || shown == null || w != shownW || h != shownH ? null : changes(shown, next, w, h);
        shown = next;
        shownW = w;
        shownH = h;
        if (rects == null) {
            lastRedrawn = List.<double[]>of(new double[] {0, 0, w, h});
            for (Strip s : strips) {
                // one strip is the whole canvas: every item, unclipped, as before there were strips
                replay(s, next, s.x0() <= 0 && s.x1() >= w ? null : new double[] {s.x0(), 0, s.x1(), h});
            }
            return;
        }
        lastRedrawn = rects;
        for (double[] r : rects) {
            for (Strip s : strips) {
                double[] part = {Math.max(r[0], s.x0()), r[1], Math.min(r[2], s.x1()), r[3]};
                if (part[2] > part[0]) {
                    replay(s, next, part);
                }
            }
        }
    }

    /** Draws the items reaching into {@code r} (in the picture's coordinates) on a strip, clipped to it. */
    private static void replay(Strip s, List<DrawList.Item> items, double[] r) {
        s.gc().save();
        s.gc().translate(-s.x0(), 0);
        replay(s.gc(), items, r);
        s.gc().restore();
    }

    /** Where two frames differ, as a few pixel-aligned rectangles; null when drawing all is as good. */
    private static List<double[]> changes(List<DrawList.Item> before, List<DrawList.Item> after, double w, double h) {
        // match equal items in order: the k-th occurrence before with the k-th after
        Map<DrawList.Item, Deque<Integer>> waiting = new HashMap<>();
        for (int i = 0; i < after.size(); i++) {
            waiting.computeIfAbsent(after.get(i), k -> new ArrayDeque<>()).add(i);
        }
        int[] matchOfBefore = new int[before.size()];
        boolean[] matchedAfter = new boolean[after.size()];
        for (int i = 0; i < before.size(); i++) {
            Deque<Integer> q = waiting.get(before.get(i));
            matchOfBefore[i] = q == null || q.isEmpty() ? -1 : q.poll();
            if (matchOfBefore[i] >= 0) {
                matchedAfter[matchOfBefore[i]] = true;
            }
        }
        // of the matched pairs, those outside the longest run kept in order have moved in the stacking
        boolean[] kept = inOrder(matchOfBefore);
        List<double[]> boxes = new ArrayList<>();
        for (int i = 0; i < before.size(); i++) {
            if (!kept[i]) {
                boxes.add(box(before.get(i)));
                if (matchOfBefore[i] >= 0) {
                    boxes.add(box(after.get(matchOfBefore[i])));
                }
            }
        }
        for (int i = 0; i < after.size(); i++) {
            if (!matchedAfter[i]) {
                boxes.add(box(after.get(i)));
            }
        }
        List<double[]> rects = join(boxes, w, h);
        double covered = 0;
        for (double[] r : rects) {
            covered += area(r);
        }
        return covered > FULL_SHARE * w * h ? null : rects;
    }

    /** For each index, whether it is matched and part of one longest increasing run of matches. */
    private static boolean[] inOrder(int[] match) {
        int n = match.length;
        int[] tailIndex = new int[n];
        int[] previous = new int[n];
        int length = 0;
        for (int i = 0; i < n; i++) {
            if (match[i] < 0) {
                continue;
            }
            int lo = 0;
            int hi = length;
            while (lo < hi) {
                int mid = (lo + hi) >>> 1;
                if (match[tailIndex[mid]] < match[i]) {
                    lo = mid + 1;
                } else {
                    hi = mid;
                }
            }
            previous[i] = lo > 0 ? tailIndex[lo - 1] : -1;
            tailIndex[lo] = i;
            length = Math.max(length, lo + 1);
        }
        boolean[] kept = new boolean[n];
        for (int i = length > 0 ? tailIndex[length - 1] : -1; i >= 0; i = previous[i]) {
            kept[i] = true;
        }
        return kept;
    }

    private static double[] box(DrawList.Item it) {
        return new double[] {it.minX, it.minY, it.maxX, it.maxY};
    }

    /** Boxes joined where they touch, clamped to the canvas and widened to whole pixels. */
    private static List<double[]> join(List<double[]> boxes, double w, double h) {
        List<double[]> rects = new ArrayList<>();
        for (double[] b : boxes) {
            double[] r = {Math.max(0, Math.floor(b[0])), Math.max(0, Math.floor(b[1])), Math.min(w, Math.ceil(b[2])),
                Math.min(h, Math.ceil(b[3]))};
            if (r[2] <= r[0] || r[3] <= r[1]) {
                continue; // off the canvas
            }
            boolean merged = true;
            while (merged) {
                merged = false;
                for (int i = 0; i < rects.size(); i++) {
                    double[] o = rects.get(i);
                    if (o[0] <= r[2] + JOIN && r[0] <= o[2] + JOIN && o[1] <= r[3] + JOIN && r[1] <= o[3] + JOIN) {
                        r = union(o, r);
                        rects.remove(i);
                        merged = true;
                        break;
                    }
                }
            }
            rects.add(r);
        }
        while (rects.size() > MAX_RECTS) {
            // join the two whose union adds the least area
            int bi = 0;
            int bj = 1;
            double best = Double.POSITIVE_INFINITY;
            for (int i = 0; i < rects.size(); i++) {
                for (int j = i + 1; j < rects.size(); j++) {
                    double added = area(union(rects.get(i), rects.get(j))) - area(rects.get(i)) - area(rects.get(j));
                    if (added < best) {
                        best = added;
                        bi = i;
                        bj = j;
                    }
                }
            }
            double[] u = union(rects.get(bi), rects.get(bj));
            rects.remove(bj);
            rects.set(bi, u);
        }
        return rects;
    }

    private static double[] union(double[] a, double[] b) {
        return new double[] {Math.min(a[0], b[0]), Math.min(a[1], b[1]), Math.max(a[2], b[2]), Math.max(a[3], b[3])};
    }

    private static double area(double[] r) {
        return (r[2] - r[0]) * (r[3] - r[1]);
    }

    /** Draws the items reaching into {@code r} (all of them when null), clipped to it. */
    private static void replay(GraphicsContext gc, List<DrawList.Item> items, double[] r) {
        gc.save();
        List<DrawList.Clip> clips = List.of();
        DrawList.State applied = null;
        for (DrawList.Item it : items) {
            if (r != null && !it.intersects(r[0], r[1], r[2], r[3])) {
                continue;
            }
            if (applied == null || !it.state.clips().equals(clips)) {
                gc.restore();
                gc.save();
                clips = it.state.clips();
                clip(gc, clips, r);
                applied = null;
            }
            apply(gc, it.state, applied);
            applied = it.state;
            draw(gc, it);
        }
        gc.restore();
    }

    /** One clip rectangle: the item's clips and the redrawn rectangle intersected (a rectangle stays on JavaFX's fast path). */
    private static void clip(GraphicsContext gc, List<DrawList.Clip> clips, double[] r) {
        if (clips.isEmpty() && r == null) {
            return;
        }
        double x0 = r == null ? Double.NEGATIVE_INFINITY : r[0];
        double y0 = r == null ? Double.NEGATIVE_INFINITY : r[1];
        double x1 = r == null ? Double.POSITIVE_INFINITY : r[2];
        double y1 = r == null ? Double.POSITIVE_INFINITY : r[3];
        for (DrawList.Clip c : clips) {
            x0 = Math.max(x0, Math.min(c.x(), c.x() + c.w()));
            y0 = Math.max(y0, Math.min(c.y(), c.y() + c.h()));
            x1 = Math.min(x1, Math.max(c.x(), c.x() + c.w()));
            y1 = Math.min(y1, Math.max(c.y(), c.y() + c.h()));
        }
        gc.beginPath();
        gc.rect(x0, y0, Math.max(0, x1 - x0), Math.max(0, y1 - y0));
        gc.clip();
    }

    private static void apply(GraphicsContext gc, DrawList.State s, DrawList.State was) {
        if (was == null || !s.fill().equals(was.fill())) {
            gc.setFill(s.fill());
        }
        if (was == null || !s.stroke().equals(was.stroke())) {
            gc.setStroke(s.stroke());
        }
        if (was == null || Double.compare(s.alpha(), was.alpha()) != 0) {
            gc.setGlobalAlpha(s.alpha());
        }
        if (was == null || Double.compare(s.lineWidth(), was.lineWidth()) != 0) {
            gc.setLineWidth(s.lineWidth());
        }
        if (was == null || s.cap() != was.cap()) {
            gc.setLineCap(s.cap());
        }
        if (was == null || !Objects.equals(s.dashes(), was.dashes())) {
            gc.setLineDashes(s.dashes() == null ? null : s.dashes().stream().mapToDouble(Double::doubleValue).toArray());
        }
        if (was == null || !s.font().equals(was.font())) {
            gc.setFont(s.font());
        }
        if (was == null || s.align() != was.align()) {
            gc.setTextAlign(s.align());
        }
        if (was == null || s.baseline() != was.baseline()) {
            gc.setTextBaseline(s.baseline());
        }
    }

    private static void draw(GraphicsContext gc, DrawList.Item it) {
        double[] a = it.args;
        switch (it.op) {
            case FILL_RECT -> gc.fillRect(a[0], a[1], a[2], a[3]);
            case STROKE_RECT -> gc.strokeRect(a[0], a[1], a[2], a[3]);
            case FILL_ROUND_RECT -> gc.fillRoundRect(a[0], a[1], a[2], a[3], a[4], a[5]);
            case STROKE_ROUND_RECT -> gc.strokeRoundRect(a[0], a[1], a[2], a[3], a[4], a[5]);
            case FILL_OVAL -> gc.fillOval(a[0], a[1], a[2], a[3]);
            case STROKE_OVAL -> gc.strokeOval(a[0], a[1], a[2], a[3]);
            case STROKE_LINE -> gc.strokeLine(a[0], a[1], a[2], a[3]);
            case FILL_POLYGON -> gc.fillPolygon(Arrays.copyOfRange(a, 0, a.length / 2),
                    Arrays.copyOfRange(a, a.length / 2, a.length), a.length / 2);
            case STROKE_POLYLINE -> gc.strokePolyline(Arrays.copyOfRange(a, 0, a.length / 2),
                    Arrays.copyOfRange(a, a.length / 2, a.length), a.length / 2);
            case FILL_TEXT -> gc.fillText(it.text, a[0], a[1]);
            case FILL_TEXT_MAX -> gc.fillText(it.text, a[0], a[1], a[2]);
        }
    }
}
