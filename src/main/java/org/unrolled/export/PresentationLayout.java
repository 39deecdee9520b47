package org.unrolled.export;

import org.unrolled.document.DocumentTrace;

import java.util.ArrayList;
import java.util.List;
import javafx.geometry.VPos;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.TextAlignment;
import org.unrolled.document.Questions;
import org.unrolled.engine.Trace;
import org.unrolled.view.Fonts;
import org.unrolled.view.GradientChart;
import org.unrolled.view.Palette;
import org.unrolled.view.ViewSettings;
import org.unrolled.view.draw.AwtFonts;
import org.unrolled.view.draw.Pen;
import org.unrolled.view.draw.RecordingPen;
import org.unrolled.view.draw.ScaledPen;

/**
 * The presentation layout of an export: what a lecturer shows in presentation mode (F5), composed in one
 * frame through any {@link Pen}: the lesson's text in large type at the top (the beat's caption and the
 * captions generated from the numbers; or the question with its choices A–D, then the right one marked
 * and the line of numbers that decides it), the network picture in the middle, and the {@code ‖∂L/∂h_t‖}
 * plot at the bottom. The network and the plot are the window's own painters, drawn larger through a
 * {@link ScaledPen} so that no text is smaller than {@link #MIN_TEXT} pixels at 1920×1080 (and in
 * proportion at other sizes): readable from the back of a hall.
 */
public final class PresentationLayout {
    /** The smallest text drawn, in pixels of a 1080-pixel-high frame. */
    public static final double MIN_TEXT = 14;
    /** Type sizes of the text band, in pixels of a 1080-pixel-high frame. */
    static final double CAPTION_PX = 36;
    static final double GENERATED_PX = 26;
    static final double PROMPT_PX = 38;
    static final double CHOICE_PX = 32;
    static final double EXPLANATION_PX = 28;
    /** Space around and between the parts, in pixels of a 1080-pixel-high frame. */
    static final double MARGIN_PX = 28;
    static final double PARAGRAPH_GAP_PX = 8;
    static final double COLUMN_GAP_PX = 24;
    static final double LINE = 1.28;
    /** The text band takes at most this share of the height; longer text is set smaller. */
    static final double MAX_BAND = 0.5;
    /** The plot's share of the height, and how much larger than in the window it is drawn. */
    static final double PLOT_SHARE = 0.25;
    static final double PLOT_SCALE = 1.15;

    private final Trace trace;
    private final DocumentTrace shown;
    private final Palette pal;
    private final double w;
    private final double h;
    /** The network's scale the frame before used: the next starts from it. */
    private double lastScale;
    /** The scale the export's first frame starts from ({@link #forExport}); 0 for none. */
    private double start;
    /** Most steps exported for which {@link #forExport} works out a starting zoom; more start from none. */
    static final int START_SCAN_STEPS = 1000;
    /** Up to this many steps exported, the starting zoom looks at four frames a step, not one. */
    static final int START_FINE_STEPS = 20;

    /**
     * The layout of an export with options {@code o}. Its network's zoom starts where the export's frames
     * at four frames a step (one a step beyond {@link #START_FINE_STEPS} steps) would end: so the zoom does
     * not change within an animation (in every sample, at 10 and at 30 frames a second), and a beat's still
     * (SVG, PDF, slide) shows the network at the zoom of the same beat animated. A frame that needs more
     * all the same (between two of those looked at) grows the zoom from there on.
     */
    public static PresentationLayout forExport(DocumentTrace shown, ExportOptions o) {
        PresentationLayout layout = new PresentationLayout(shown, Palette.of(o.theme()), o.width(), o.height());
        layout.start = layout.startScale(o);
        layout.lastScale = layout.start;
        return layout;
    }

    /**
     * A layout for {@code o} whose zoom starts from none and grows frame by frame where one needs it: for
     * tests of how a zoom that grows is carried from frame to frame (the exports start from {@link #forExport}'s).
     */
    static PresentationLayout startingUnzoomed(DocumentTrace shown, ExportOptions o) {
        return new PresentationLayout(shown, Palette.of(o.theme()), o.width(), o.height());
    }

    /** The scale the first frame of the export starts from (0: none, the smallest legible one). */
    public double start() {
        return start;
    }

    private double startScale(ExportOptions o) {
        int n = new org.unrolled.view.StepSchedule(trace).length();
        // steps are counted from 1, both ends included; 0 means the first or the last
        int from = o.fromStep() == 0 ? 1 : Math.min(o.fromStep(), n);
        int to = o.toStep() == 0 ? n : Math.min(o.toStep(), n);
        int steps = to - from + 1;
        if (steps > START_SCAN_STEPS) {
            return 0; // a pass over every step exported would delay the first frame too long
        }
        // some frames between two steps need more than the steps themselves (an encoder handing over to its decoder)
        int perStep = steps > START_FINE_STEPS ? 1 : 4;
        ExportOptions looked = new ExportOptions(o.width(), o.height(), perStep, 1, o.phase(), o.fromStep(), o.toStep(),
                o.theme(), o.pattern(), ExportOptions.Layout.PRESENTATION);
        FramePlan plan = new FramePlan(shown, looked);
        double scale = 0;
        for (int i = 0; i < plan.count(); i++) {
            if (!plan.repeatsPrevious(i)) {
                scale = scale(plan.still(i), scale);
            }
        }
        return scale;
    }

    /** The layout of {@code trace}'s frames at {@code w × h} in {@code pal}'s colours. */
    public PresentationLayout(DocumentTrace shown, Palette pal, double w, double h) {
        this(shown, shown.trace(), pal, w, h);
    }

    private PresentationLayout(DocumentTrace shown, Trace trace, Palette pal, double w, double h) {
        this.shown = shown;
        this.trace = trace;
        this.pal = pal;
        this.w = w;
        this.h = h;
    }

    /** One line of the text band: its text, face, size and colour, and its place. */
    record Line(String text, Font font, Color color, double x, double y) {
    }

    /** The three parts of a frame, for tests: where the text band, the network and the plot lie. */
    public record Regions(double bandBottom, double networkTop, double networkBottom, double plotTop) {
    }

    /**
     * Paints the frame of {@code s}, the network's scale carried on from the still painted before: for a
     * sequence of stills painted in order, one at a time.
     */
    public Regions paint(Pen pen, Stills.Still s) {
        double scale = scale(s, lastScale);
        lastScale = scale;
        return paint(pen, s, scale);
    }

    /** Where the parts of the frame of {@code s} lie: its text band, the network's region and the plot. */
    private record Frame(double u, double m, List<Line> lines, double bandBottom, double plotTop, double plotH,
            double netTop, double netBottom, ViewSettings view) {
        double netH() {
            return netBottom - netTop;
        }

        /** Whether the network has room enough to be drawn at all. */
        boolean showsNetwork() {
            return netH() > 40 * u;
        }
    }

    private Frame frame(Stills.Still s) {
        double u = unit(w, h);
        double m = MARGIN_PX * u;
        List<Line> lines = band(s, pal, w, h, beatCounter(s));
        double bandBottom = Math.max(m, bottom(lines));
        Stills.Still reveal = revealOf(s);
        if (reveal != null) {
            // a question keeps the room its reveal will need: the network stays put from question to answer
            // instead of moving down and shrinking as the answer appears
            bandBottom = Math.max(bandBottom, bottom(band(reveal, pal, w, h, beatCounter(reveal))));
        }
        double plotH = Math.round(h * PLOT_SHARE);
        double plotTop = h - plotH;
        return new Frame(u, m, lines, bandBottom, plotTop, plotH, bandBottom + m / 2, plotTop - m / 2,
                StillRenderer.view(pal, shown.vocabulary(), s));
    }

    /**
     * The network's scale in the frame of {@code s}, when the still before it was drawn at {@code before}
     * (0 for the first): the smallest, from {@code before} up, at which its smallest label is legible. So a
     * sequence of stills never zooms out, and the scale of each depends only on the stills before it in the
     * sequence, not on the order they are painted in.
     */
    public double scale(Stills.Still s, double before) {
        Frame f = frame(s);
        return f.showsNetwork() ? networkScale(trace, f.view(), s.position(), w, f.netH(), f.u(), before) : before;
    }

    /** Paints the frame of {@code s} with the network at {@code scale} (from {@link #scale}). */
    public Regions paint(Pen pen, Stills.Still s, double scale) {
        Frame f = frame(s);
        pen.setFill(pal.background());
        pen.fillRect(0, 0, w, h);
        if (f.showsNetwork()) {
            double netH = f.netH();
            // the painter sets some labels (an input's word) at the very bottom of its canvas, and a little
            // beyond: drawn shorter by that much, so that the region's edge cuts none of them
            double below = below(trace, f.view(), s.position(), w, netH, scale);
            if (below > 0) {
                netH -= below * scale + 2 * f.u();
            }
            Pen net = new ScaledPen(pen, 0, f.netTop(), scale);
            // not clipped (a JavaFX canvas clips by blending a mask over the whole frame, 30 times the cost of
            // the drawing): what reaches past the network's region is covered by the band's and the plot's
            // backgrounds, drawn over it below
            VectorFrames.paint(net, trace, f.view(), s.position(), (int) Math.floor(w / scale), (int) Math.floor(netH / scale));
            pen.setFill(pal.background());
            pen.fillRect(0, 0, w, f.netTop());
            pen.fillRect(0, f.netTop() + netH, w, h - f.netTop() - netH);
        }
        pen.setTextAlign(TextAlignment.LEFT);
        pen.setTextBaseline(VPos.TOP);
        for (Line l : f.lines()) {
            pen.setFill(l.color());
            pen.setFont(l.font());
            pen.fillText(l.text(), l.x(), l.y());
        }
        pen.setFill(pal.neutral().darker());
        pen.fillRect(f.m(), f.plotTop() - Math.max(1, f.u()), w - 2 * f.m(), Math.max(1, 2 * f.u()));
        double plotScale = PLOT_SCALE * f.u();
        Pen plot = new ScaledPen(pen, 0, f.plotTop(), plotScale);
        GradientChart.paint(plot, pal, trace, s.position(), w / plotScale, f.plotH() / plotScale); // it keeps to its box
        return new Regions(f.bandBottom(), f.netTop(), f.netBottom(), f.plotTop());
    }

    /** Pixels of this frame per pixel of a 1920×1080 one. */
    static double unit(double w, double h) {
        return Math.min(w / 1920, h / 1080);
    }

    /**
     * The caption lines the frame shows, as {@code frames.json} lists them: the beat's caption and the
     * generated captions; none while a question is asked (nothing else to read, as in the window), and
     * after the reveal only the beat's caption under the explanation.
     */
    static List<String> shownCaptions(Stills.Still s) {
        List<String> out = new ArrayList<>();
        if (s.ask() != null && !s.ask().revealed()) {
            return out;
        }
        if (!s.caption().isEmpty()) {
            out.add(s.caption());
        }
        if (s.ask() == null) {
            out.addAll(s.generated());
        }
        out.removeIf(String::isEmpty);
        return out;
    }

    /** The text band's lines, set as large as fits in {@link #MAX_BAND} of the height (never below the minimum). */
    /**
     * "Beat k of n" (with "question" while it is asked) when {@code s} shows a lesson beat, as the window's
     * lesson bar says it; null between beats and without a lesson.
     */
    String beatCounter(Stills.Still s) {
        List<org.unrolled.document.Beat> lesson = shown.lesson();
        int n = lesson.size();
        if (n == 0) {
            return null;
        }
        if (s.ask() != null) {
            return "Beat " + s.ask().beat() + " of " + n + (s.ask().revealed() ? "" : " \u2014 question");
        }
        if (s.caption().isEmpty()) {
            return null;
        }
        org.unrolled.view.StepSchedule schedule = new org.unrolled.view.StepSchedule(trace);
        for (int k = 0; k < n; k++) {
            if (Math.abs(schedule.positionOf(lesson.get(k)) - s.position()) < 1e-6
                    && lesson.get(k).caption().equals(s.caption())) {
                return "Beat " + (k + 1) + " of " + n;
            }
        }
        return null;
    }

    private static double bottom(List<Line> lines) {
        double bottom = 0;
        for (Line l : lines) {
            bottom = Math.max(bottom, l.y() + l.font().getSize() * LINE);
        }
        return bottom;
    }

    /** The reveal that follows the question {@code s} asks: its beat's caption under the marked answer; null if none. */
    private Stills.Still revealOf(Stills.Still s) {
        Stills.Ask ask = s.ask();
        if (ask == null || ask.revealed() || ask.beat() < 1 || ask.beat() > shown.lesson().size()) {
            return null;
        }
        return new Stills.Still(s.position(), s.title(), shown.lesson().get(ask.beat() - 1).caption(), java.util.Set.of(),
                List.of(), new Stills.Ask(ask.beat(), ask.prompt(), ask.answer(), true));
    }

    static List<Line> band(Stills.Still s, Palette pal, double w, double h, String counter) {
        double u = unit(w, h);
        double f = 1;
        List<Line> lines = List.of();
        while (true) {
            lines = setBand(s, pal, w, u, f, counter);
            double bottom = 0;
            for (Line l : lines) {
                bottom = Math.max(bottom, l.y() + l.font().getSize() * LINE);
            }
            double smallest = GENERATED_PX * f;
            if (bottom <= h * MAX_BAND || smallest * 0.95 < MIN_TEXT + 2) {
                return lines;
            }
            f *= 0.95;
        }
    }

    private static List<Line> setBand(Stills.Still s, Palette pal, double w, double u, double f, String counter) {
        double m = MARGIN_PX * u;
        double room = w - 2 * m;
        double[] y = {m};
        List<Line> out = new ArrayList<>();
        if (counter != null) {
            paragraph(out, counter, Fonts.regular(GENERATED_PX * f * u), pal.mutedText(), m, room, y);
        }
        Stills.Ask ask = s.ask();
        if (ask != null) {
            paragraph(out, ask.prompt(), Fonts.bold(PROMPT_PX * f * u), pal.text(), m, room, y);
            y[0] += PARAGRAPH_GAP_PX * u;
            choices(out, ask, pal, m, room, u, f, y);
            if (ask.revealed()) {
                y[0] += PARAGRAPH_GAP_PX * u;
                paragraph(out, ask.explanation(), Fonts.regular(EXPLANATION_PX * f * u), pal.text(), m, room, y);
                if (!s.caption().isEmpty()) {
                    y[0] += PARAGRAPH_GAP_PX * u;
                    paragraph(out, s.caption(), Fonts.bold(EXPLANATION_PX * f * u), pal.text(), m, room, y);
                }
            }
            return out;
        }
        if (!s.caption().isEmpty()) {
            paragraph(out, s.caption(), Fonts.bold(CAPTION_PX * f * u), pal.text(), m, room, y);
            y[0] += PARAGRAPH_GAP_PX * u;
        }
        for (String g : s.generated()) {
            paragraph(out, g, Fonts.regular(GENERATED_PX * f * u), pal.mutedText(), m, room, y);
        }
        return out;
    }

    /** The choices A–D: in two columns when every one fits in half the width, else one under another. */
    private static void choices(List<Line> out, Stills.Ask ask, Palette pal, double m, double room, double u, double f,
            double[] y) {
        Questions.Answer a = ask.answer();
        List<String> texts = new ArrayList<>();
        for (int k = 0; k < a.choices().size(); k++) {
            boolean right = ask.revealed() && a.correct() == k;
            texts.add((right ? "\u2713 " : "") + Questions.Answer.letter(k) + "   " + a.choices().get(k));
        }
        double size = CHOICE_PX * f * u;
        double half = (room - COLUMN_GAP_PX * u) / 2;
        boolean twoColumns = true;
        for (int k = 0; k < texts.size(); k++) {
            twoColumns &= AwtFonts.width(AwtFonts.of(choiceFont(ask, k, size)), texts.get(k)) <= half;
        }
        for (int k = 0; k < texts.size(); k++) {
            Font font = choiceFont(ask, k, size);
            Color color = ask.revealed() && a.correct() == k ? pal.teacher() : pal.text();
            if (twoColumns) {
                double x = m + (k % 2) * (half + COLUMN_GAP_PX * u);
                out.add(new Line(texts.get(k), font, color, x, y[0]));
                if (k % 2 == 1 || k == texts.size() - 1) {
                    y[0] += size * LINE;
                }
            } else {
                paragraph(out, texts.get(k), font, color, m, room, y);
            }
        }
    }

    private static Font choiceFont(Stills.Ask ask, int k, double size) {
        return ask.revealed() && ask.answer().correct() == k ? Fonts.bold(size) : Fonts.regular(size);
    }

    /** Adds {@code text} wrapped to {@code room}, from {@code y[0]} down, and moves {@code y[0]} below it. */
    private static void paragraph(List<Line> out, String text, Font font, Color color, double x, double room, double[] y) {
        // a little slack: the canvas and Graphics2D measure the same face within a fraction of a pixel
        for (String line : VectorFrames.PdfBook.wrap(text, AwtFonts.of(font), room * 0.98)) {
            out.add(new Line(line, font, color, x, y[0]));
            y[0] += font.getSize() * LINE;
        }
    }

    /**
     * How much larger than at its own size the network is drawn into a {@code w × h} region: the least
     * factor, from the frame's unit up, at which its smallest text is {@link #MIN_TEXT} at 1080 pixels.
     * The painters only compute and call the pen, so trying is a dry run with a recording pen; the search
     * starts at {@code from}, the scale that served the frame before (checked again: the labels change), so
     * that within an export the picture keeps its size unless a frame needs it larger.
     */
    static double networkScale(Trace trace, ViewSettings view, double position, double w, double h, double u,
            double from) {
        return search(trace, view, position, w, h, u, Math.max(u, from));
    }

    /** The smallest text the network draws at {@code 1/s} of the region, times {@code s}: as it appears. */
    /** How far, in the painter's pixels, its text reaches below a {@code w × h} region drawn {@code s} times larger. */
    static double below(Trace trace, ViewSettings view, double position, double w, double h, double s) {
        RecordingPen probe = new RecordingPen(null);
        int lh = (int) Math.floor(h / s);
        VectorFrames.paint(probe, trace, view, position, (int) Math.floor(w / s), lh);
        return probe.texts().stream().mapToDouble(t -> t.y() + t.h() - lh).max().orElse(0);
    }

    private static double smallest(Trace trace, ViewSettings view, double position, double w, double h, double s) {
        RecordingPen probe = new RecordingPen(null);
        VectorFrames.paint(probe, trace, view, position, (int) Math.floor(w / s), (int) Math.floor(h / s));
        return s * probe.texts().stream().mapToDouble(RecordingPen.DrawnText::size).min().orElse(MIN_TEXT);
    }

    private static double search(Trace trace, ViewSettings view, double position, double w, double h, double u,
            double from) {
        double target = MIN_TEXT * u - 1e-9;
        double s = from;
        for (int k = 0; k < 12; k++) {
            double shown = smallest(trace, view, position, w, h, s);
            if (shown >= target) {
                return s;
            }
            // drawn larger, the labels grow in proportion (a smaller logical canvas can shrink them a little)
            s = Math.max(s * 1.03, s * target / shown);
        }
        return s;
    }

}
