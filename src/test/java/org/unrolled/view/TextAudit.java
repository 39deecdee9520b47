package org.unrolled.view;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.unrolled.document.Beat;
import org.unrolled.document.DocumentTrace;
import org.unrolled.engine.Engine;
import org.unrolled.document.Highlight;
import org.unrolled.engine.Trace;
import org.unrolled.io.ScenarioReader;
import org.unrolled.view.NetworkLayout.Column;
import org.unrolled.view.NetworkLayout.ColumnKind;
import org.unrolled.view.draw.RecordingPen;
import org.unrolled.view.draw.RecordingPen.DrawnOval;
import org.unrolled.view.draw.RecordingPen.DrawnRoundRect;
import org.unrolled.view.draw.RecordingPen.DrawnText;
import org.unrolled.view.TextAuditScreens.Screen;

/**
 * The text of a frame, checked: every string the painters draw (recorded by {@link RecordingPen}) must be
 * at least the view's smallest text, inside its picture, clear of every other string, and either inside
 * a cell or clear of it (never across a cell's border).
 */
final class TextAudit {
    /** Slack for rounding: boxes may touch, and share up to this much, without counting as a collision. */
    static final double SLACK = 0.75;

    static final List<String> THEMES = List.of("light", "dark", "projector");

    /** One place to look at: a position and what is ringed there. */
    record Place(double position, Set<Highlight> highlight, boolean hideUncomputed, String name) {
    }

    /** First, middle and last of each phase, and every lesson beat (and its question, asked one step before). */
    static List<Place> places(DocumentTrace shown) {
        StepSchedule tl = new StepSchedule(shown.trace());
        int n = tl.length();
        List<Place> out = new ArrayList<>();
        for (double p : new double[] {0, 1, Math.ceil(n / 2.0), n, n + 1, n + Math.ceil(n / 2.0), 2 * n}) {
            out.add(new Place(p, Set.of(), false, "at " + p));
        }
        int k = 0;
        for (Beat b : shown.lesson()) {
            k++;
            double p = tl.positionOf(b);
            out.add(new Place(p, new LinkedHashSet<>(b.highlight()), false, "beat " + k + " at " + p));
            if (b.question() != null) {
                // asked as the window asks it: nothing ringed, what is not computed yet left blank
                out.add(new Place(Math.max(0, p - 1), Set.of(), true, "question of beat " + k));
            }
        }
        return out;
    }

    static List<Path> samples() throws IOException {
        try (var files = Files.list(Path.of("samples"))) {
            return files.filter(p -> p.toString().endsWith(".json")).sorted().toList();
        }
    }

    static DocumentTrace trace(Path sample) throws Exception {
        return DocumentTrace.run(ScenarioReader.read(sample));
    }

    /** Highlights by their names in the scenario format ("y", "W", "highway", a gate's letter). */
    static Set<Highlight> named(Set<String> names) {
        Set<Highlight> out = new TreeSet<>();
        for (Highlight h : Highlight.values()) {
            if (names.contains(h.jsonName())) {
                out.add(h);
            }
        }
        return out;
    }

    /** The view the window would have: the sample's words, the theme, what is ringed, window or presenting. */
    static ViewSettings view(DocumentTrace shown, String theme, boolean presenting, Set<Highlight> highlight,
            boolean hideUncomputed) {
        return view(shown, theme, presenting, highlight, hideUncomputed, 1.0);
    }

    /** The same with View ▸ Larger or Smaller text at {@code textScale} (the window's limits apply). */
    static ViewSettings view(DocumentTrace shown, String theme, boolean presenting, Set<Highlight> highlight,
            boolean hideUncomputed, double textScale) {
        return ViewSettings.defaults().withPalette(Palette.of(theme).withTextScale(textScale)).withHighlight(highlight)
                .withHideUncomputed(hideUncomputed).withWords(shown.vocabulary()).presenting(presenting);
    }

    /** The network's text at a place, with the cell boxes it must respect. */
    static List<DrawnText> network(Trace trace, ViewSettings view, double position, double w, double h, List<Rect> cells) {
        return network(trace, view, position, w, h, cells, new ArrayList<>(), new ArrayList<>());
    }

    /**
     * The same, with the lesson's rings (outlines in the highlight colour) added to {@code rings}, and the
     * boxes of its badges (ovals filled in it) to {@code badges}.
     */
    static List<DrawnText> network(Trace trace, ViewSettings view, double position, double w, double h, List<Rect> cells,
            List<DrawnRoundRect> rings, List<Rect> badges) {
        NetworkLayout layout = NetworkLayout.compute(trace, view, position, w, h);
        RecordingPen pen = new RecordingPen(null);
        NetworkPainter.paint(pen, layout, position, view.palette(), null, view.highlight(), view.hideUncomputed(),
                view.words());
        for (Column c : layout.columns()) {
            if (c.kind() == ColumnKind.STEP && layout.visible(c)) {
                cells.add(layout.cellBox(c));
            }
        }
        // a ring is its highlight-coloured stroke over a wider dark one along the same outline: take the wider
        for (DrawnRoundRect r : pen.roundRects()) {
            if (r.stroke().equals(view.palette().highlight())) {
                double width = r.lineWidth();
                for (DrawnRoundRect under : pen.roundRects()) {
                    if (under.x() == r.x() && under.y() == r.y() && under.w() == r.w() && under.h() == r.h()) {
                        width = Math.max(width, under.lineWidth());
                    }
                }
                rings.add(new DrawnRoundRect(r.x(), r.y(), r.w(), r.h(), r.arc(), width, r.stroke()));
            }
        }
        // a badge: an oval in the highlight colour on a larger dark one (its rim), as far as that reaches
        for (DrawnOval o : pen.ovals()) {
            if (o.fill().equals(view.palette().highlight())) {
                Rect badge = new Rect(o.x(), o.y(), o.w(), o.h());
                for (DrawnOval under : pen.ovals()) {
                    Rect rim = new Rect(under.x(), under.y(), under.w(), under.h());
                    if (Math.abs(rim.centerX() - badge.centerX()) < 1e-6 && Math.abs(rim.centerY() - badge.centerY()) < 1e-6
                            && rim.w() > badge.w()) {
                        badge = rim;
                    }
                }
                badges.add(badge);
            }
        }
        return pen.texts();
    }

    /** What is wrong with one picture's text, one line per problem. */
    static List<String> check(String where, List<DrawnText> texts, double w, double h, double minText, List<Rect> cells) {
        List<String> out = new ArrayList<>();
        for (DrawnText t : texts) {
            if (t.size() < minText - 1e-9) {
                out.add(where + ": small " + describe(t) + " under " + minText + " px");
            }
            if (t.x() < -SLACK || t.y() < -SLACK || t.x() + t.w() > w + SLACK || t.y() + t.h() > h + SLACK) {
                out.add(where + ": cut at the edge " + describe(t));
            }
            for (Rect c : cells) {
                if (crosses(t, c)) {
                    out.add(where + ": across the border of the cell at x " + Math.round(c.x()) + " " + describe(t));
                }
            }
        }
        for (int i = 0; i < texts.size(); i++) {
            for (int j = i + 1; j < texts.size(); j++) {
                if (overlap(texts.get(i), texts.get(j))) {
                    out.add(where + ": overlap " + describe(texts.get(i)) + " and " + describe(texts.get(j)));
                }
            }
        }
        return out;
    }

    /**
     * Strings that a lesson's ring crosses: each string must lie wholly inside the ring's stroke or wholly
     * outside it. The stroke of a rounded rectangle is the band between two rounded rectangles, each a core
     * rectangle grown by a radius; a box is inside one when its four corners are, and clear of one when its
     * distance to the core exceeds the radius.
     */
    static List<String> checkRings(String where, List<DrawnText> texts, List<DrawnRoundRect> rings) {
        List<String> out = new ArrayList<>();
        for (DrawnRoundRect r : rings) {
            double half = r.lineWidth() / 2;
            double radius = Math.min(r.arc() / 2, Math.min(r.w(), r.h()) / 2);
            // the outer edge: the outline's core grown by radius + half
            double cx0 = r.x() + radius, cy0 = r.y() + radius, cx1 = r.x() + r.w() - radius, cy1 = r.y() + r.h() - radius;
            // the inner edge: the outline shrunk by half, its corners rounded by what is left of the radius
            double inset = Math.max(radius, half);
            double ix0 = r.x() + inset, iy0 = r.y() + inset, ix1 = r.x() + r.w() - inset, iy1 = r.y() + r.h() - inset;
            double innerRadius = Math.max(0, radius - half);
            for (DrawnText t : texts) {
                double tx0 = t.x() + SLACK, ty0 = t.y() + SLACK, tx1 = t.x() + t.w() - SLACK, ty1 = t.y() + t.h() - SLACK;
                boolean clear = distance(tx0, ty0, tx1, ty1, cx0, cy0, cx1, cy1) >= radius + half;
                boolean inside = ix0 <= ix1 && iy0 <= iy1
                        && distance(tx0, ty0, tx0, ty0, ix0, iy0, ix1, iy1) <= innerRadius
                        && distance(tx1, ty0, tx1, ty0, ix0, iy0, ix1, iy1) <= innerRadius
                        && distance(tx0, ty1, tx0, ty1, ix0, iy0, ix1, iy1) <= innerRadius
                        && distance(tx1, ty1, tx1, ty1, ix0, iy0, ix1, iy1) <= innerRadius;
                if (!clear && !inside) {
                    out.add(where + ": under a ring " + describe(t) + String.format(java.util.Locale.ROOT,
                            " (ring %.0f,%.0f %.0fx%.0f)", r.x(), r.y(), r.w(), r.h()));
                }
            }
        }
        return out;
    }

    /** Strings that a lesson's badge covers in part: each must lie wholly inside it (its letter) or clear of it. */
    static List<String> checkBadges(String where, List<DrawnText> texts, List<Rect> badges) {
        List<String> out = new ArrayList<>();
        for (Rect b : badges) {
            for (DrawnText t : texts) {
                if (crosses(t, b)) {
                    out.add(where + ": under a badge " + describe(t) + String.format(java.util.Locale.ROOT,
                            " (badge %.0f,%.0f %.0fx%.0f)", b.x(), b.y(), b.w(), b.h()));
                }
            }
        }
        return out;
    }

    /** The distance between two axis-aligned rectangles given by their corners (0 when they meet). */
    static double distance(double ax0, double ay0, double ax1, double ay1, double bx0, double by0, double bx1, double by1) {
        double dx = Math.max(0, Math.max(bx0 - ax1, ax0 - bx1));
        double dy = Math.max(0, Math.max(by0 - ay1, ay0 - by1));
        return Math.hypot(dx, dy);
    }

    static boolean overlap(DrawnText a, DrawnText b) {
        double dx = Math.min(a.x() + a.w(), b.x() + b.w()) - Math.max(a.x(), b.x());
        double dy = Math.min(a.y() + a.h(), b.y() + b.h()) - Math.max(a.y(), b.y());
        return dx > SLACK && dy > SLACK;
    }

    /** Partly in and partly out of the cell. */
    static boolean crosses(DrawnText t, Rect c) {
        double dx = Math.min(t.x() + t.w(), c.right()) - Math.max(t.x(), c.x());
        double dy = Math.min(t.y() + t.h(), c.bottom()) - Math.max(t.y(), c.y());
        if (dx <= SLACK || dy <= SLACK) {
            return false; // outside
        }
        boolean inside = t.x() >= c.x() - SLACK && t.y() >= c.y() - SLACK && t.x() + t.w() <= c.right() + SLACK
                && t.y() + t.h() <= c.bottom() + SLACK;
        return !inside;
    }

    static String describe(DrawnText t) {
        return String.format(java.util.Locale.ROOT, "\"%s\" (%.1f px at %.0f,%.0f %.0fx%.0f)", t.text(), t.size(), t.x(),
                t.y(), t.w(), t.h());
    }

    /** The kinds of problem, for a summary. */
    static Set<String> kinds(List<String> problems) {
        Set<String> k = new TreeSet<>();
        for (String p : problems) {
            k.add(p.replaceAll("^[^:]*: ", "").replaceAll(" .*", ""));
        }
        return k;
    }
}
