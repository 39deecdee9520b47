package org.unrolled.export;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicBoolean;
import org.unrolled.document.DocumentTrace;

/**
 * Every export format from one place, for the command line and the window: the PNG sequence
 * ({@link Exporter}), the animations ({@link MovieExporter}), and the stills ({@link Stills}: one per
 * lesson beat) as SVG files, one PDF, a PowerPoint deck ({@link DeckWriter}) or a Beamer folder
 * ({@link BeamerWriter}). Everything but the PNG sequence is written under a temporary name and moved
 * into place when complete ({@link SingleFile}).
 */
public final class FormatExport {
    /** The formats, by what a lecturer asks for. */
    public enum Format {
        PNG("png", true), SVG("svg", true), PDF("pdf", false), GIF("gif", false), MP4("mp4", false),
        PPTX("pptx", false), BEAMER("beamer", true);

        private final String name;
        private final boolean folder;

        Format(String name, boolean folder) {
            this.name = name;
            this.folder = folder;
        }

        /** The option's word and a file's extension (Beamer: a folder). */
        public String word() {
            return name;
        }

        /** Whether the output is a folder (PNG, SVG, Beamer) rather than one file. */
        public boolean folder() {
            return folder;
        }

        /** Whether it shows the stills (one per beat) rather than every frame of the animation. */
        public boolean stills() {
            return this == SVG || this == PDF || this == PPTX || this == BEAMER;
        }

        public static Format parse(String s) {
            for (Format f : values()) {
                if (f.name.equalsIgnoreCase(s.trim())) {
                    return f;
                }
            }
            throw new IllegalArgumentException("--format: expected png, svg, pdf, gif, mp4, pptx or beamer, got " + s);
        }
    }

    /** The name of the still files in an SVG or Beamer folder, numbered from 1. */
    static String stillName(int k, String ext) {
        return String.format(Locale.ROOT, "beat-%02d.%s", k, ext);
    }

    private FormatExport() {
    }

    /**
     * What the export's first frame or still shows: where on the timeline, and how (theme, rings); and
     * what it holds, for the presentation layout.
     */
    public record First(double position, org.unrolled.view.ViewSettings view, Stills.Still still) {
        /**
         * Its picture at {@code w × h} (a preview) in the export's layout, packed ARGB, drawn through Java2D as
         * the export draws: the export's first picture made smaller (in the presentation layout, the network
         * at the export's zoom in proportion). Working out that zoom takes a pass over the lesson's steps:
         * not for the JavaFX thread.
         */
        public int[] pixels(DocumentTrace trace, ExportOptions o, int w, int h) {
            if (o.layout() == ExportOptions.Layout.PRESENTATION) {
                return presentationPixels(trace, o, w, h);
            }
            int[] px = new int[w * h];
            AwtFrameSource.paint(px, w, h, pen -> VectorFrames.paint(pen, trace.trace(), view, position, w, h));
            return px;
        }

        int[] presentationPixels(DocumentTrace trace, ExportOptions o, int w, int h) {
            double start = PresentationLayout.forExport(trace, o).start()
                    * PresentationLayout.unit(w, h) / PresentationLayout.unit(o.width(), o.height());
            PresentationLayout small = new PresentationLayout(trace, view.palette(), w, h);
            double scale = small.scale(still, start);
            int[] px = new int[w * h];
            AwtFrameSource.paint(px, w, h, pen -> small.paint(pen, still, scale));
            return px;
        }
    }

    /** The first frame (PNG, GIF, MP4) or still (the others) of an export; null if there is none. */
    public static First first(Format f, DocumentTrace shown, ExportOptions o) {
        if (f.stills()) {
            List<Stills.Still> stills = Stills.of(shown, o);
            return stills.isEmpty() ? null
                    : new First(stills.get(0).position(), StillRenderer.view(o, shown.vocabulary(), stills.get(0)), stills.get(0));
        }
        FramePlan plan = new FramePlan(shown, o);
        Stills.Still still = plan.still(0);
        org.unrolled.view.ViewSettings view = org.unrolled.view.ViewSettings.defaults()
                .withPalette(org.unrolled.view.Palette.of(o.theme())).withWords(shown.vocabulary());
        return new First(plan.position(0), still == null ? view : StillRenderer.view(view.palette(), shown.vocabulary(), still),
                still != null ? still : new Stills.Still(plan.position(0), "", "", java.util.Set.of(), java.util.List.of()));
    }

    /** How many frames (PNG, GIF, MP4) or stills the export writes. */
    public static int count(Format f, DocumentTrace shown, ExportOptions o) {
        return f.stills() ? Stills.of(shown, o).size()
                : new FramePlan(shown, o).count();
    }

    /**
     * Checks what {@code out} is for the format before anything is drawn: a PNG folder must not hold an
     * export, any other target must not exist.
     */
    public static void prepare(Format f, Path out, ExportOptions o) throws ExportException {
        if (f == Format.PNG) {
            Exporter.prepareFolder(out, o);
        } else if (Files.exists(out, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            throw new ExportException(out + (Files.exists(out) ? " already exists" : " already exists (a link to a missing file)")
                    + "; choose another name, so that nothing is overwritten");
        } else {
            try {
                prepareCheck(f, o);
            } catch (IllegalArgumentException e) {
                throw new ExportException(e.getMessage());
            }
        }
    }

    /**
     * The characters of a Beamer folder's text (the title, each slide's title and text) that pdflatex with its
     * standard fonts cannot write (Chinese, say): the {@code .tex} names them in brackets instead. Empty for the
     * presentation layout, whose text is in the pictures.
     */
    public static java.util.Set<String> beamerUnwritable(DocumentTrace trace, ExportOptions o, List<Stills.Still> stills) {
        StringBuilder text = new StringBuilder(trace.title());
        if (o.layout() != ExportOptions.Layout.PRESENTATION) {
            for (Stills.Still s : stills) {
                text.append(s.title());
                Stills.paragraphs(s).forEach(text::append);
            }
        }
        return Latex.unwritable(text.toString());
    }

    /** The checks on the options alone that {@link #prepare} makes (for a dialog, before it closes). */
    public static void prepareCheck(Format f, ExportOptions o) {
        if (f == Format.MP4 && (o.width() % 2 != 0 || o.height() % 2 != 0)) {
            throw new IllegalArgumentException("an MP4 needs an even width and height (H.264 halves them for colour), got "
                    + o.width() + "x" + o.height());
        }
        if (f == Format.GIF && o.fps() > GifWriter.MAX_FPS) {
            // (worded for the window's frame-rate list as well as the command line's --fps)
            throw new IllegalArgumentException("a GIF plays at most " + GifWriter.MAX_FPS + " frames a second (browsers slow "
                    + "faster frames down to 10 a second), got " + o.fps() + ": choose a frame rate of " + GifWriter.MAX_FPS
                    + " or fewer (--fps), or an MP4");
        }
    }

    /** Writes the export; {@code source} draws the animation's frames (PNG, GIF, MP4). */
    public static Exporter.Result run(Format f, DocumentTrace trace, ExportOptions o, Path out, FrameSource source,
            Exporter.Progress progress, AtomicBoolean cancel) throws ExportException {
        return switch (f) {
            case PNG -> Exporter.run(trace, o, out, source, progress, cancel);
            case GIF -> MovieExporter.run(trace, o, MovieExporter.Kind.GIF, out, source, progress, cancel);
            case MP4 -> MovieExporter.run(trace, o, MovieExporter.Kind.MP4, out, source, progress, cancel);
            default -> stills(f, trace, o, out, progress, cancel);
        };
    }

    /**
     * Most stills an export writes (pages of a PDF, slides, SVG files): each page of a PDF stays in memory until
     * the file is saved (about 1 MB a page), and a lesson has tens of beats. Without a lesson there is a still
     * for every step of each pass, so a 100,000-step scenario asked for 200,001 pages and ran out of memory.
     */
    public static final int MAX_STILLS = 1000;

    /**
     * The stills {@code o} asks of {@code shown}, checked before anything is written.
     *
     * @throws IllegalArgumentException if the step range lies outside the scenario, there are more than
     *         {@link #MAX_STILLS} or none; the message says which and what to change
     */
    public static List<Stills.Still> checkedStills(DocumentTrace shown, ExportOptions o) {
        FramePlan.checkRange(new org.unrolled.view.StepSchedule(shown.trace()).length(), o);
        List<Stills.Still> stills = Stills.of(shown, o);
        if (stills.size() > MAX_STILLS) {
            throw new IllegalArgumentException("this export would make " + stills.size() + " stills ("
                    + (shown.lesson() == null || shown.lesson().isEmpty() ? "one for every step of each pass: the scenario has no lesson"
                    : "one for each lesson beat") + "); at most " + MAX_STILLS + " are allowed: export a range of steps "
                    + "(--steps FROM-TO) or one phase (--phase forward)");
        }
        if (stills.isEmpty()) {
            throw new IllegalArgumentException("no lesson beat lies in the chosen phase and steps; nothing to export");
        }
        return stills;
    }

    /** Writes the stills' formats under a temporary name, moved into place when every still is in. */
    private static Exporter.Result stills(Format f, DocumentTrace trace, ExportOptions o, Path out, Exporter.Progress progress,
            AtomicBoolean cancel) throws ExportException {
        List<Stills.Still> stills;
        try {
            stills = checkedStills(trace, o);
        } catch (IllegalArgumentException e) {
            throw new ExportException(e.getMessage());
        }
        SingleFile target = SingleFile.claim(out);
        int[] done = {0};
        Exporter.Progress counted = (d, t) -> {
            done[0] = d;
            progress.frameWritten(d, t);
        };
        boolean complete;
        try {
            Path tmp = target.temporary();
            complete = switch (f) {
                case SVG -> svgFolder(trace, o, stills, tmp, counted, cancel);
                case PDF -> pdf(trace, o, stills, tmp, counted, cancel);
                case PPTX -> DeckWriter.write(trace, o, stills, tmp, counted, cancel);
                case BEAMER -> BeamerWriter.write(trace, o, stills, tmp, counted, cancel);
                default -> throw new IllegalArgumentException(f.word());
            };
            if (complete) {
                target.commit();
            }
        } catch (IOException e) {
            throw new ExportException(out + ": could not be written: " + Exporter.describe(e)
                    + "; nothing was left under that name");
        } catch (ExportException e) {
            throw e;
        } catch (Exception e) {
            IOException io = ioCause(e);
            if (io != null || e.getClass().getName().startsWith("org.apache.poi.openxml4j")) {
                // POI wraps a failed write (a full disk) in its own runtime exception, naming its classes
                throw new ExportException(out + ": could not be written: " + (io != null ? Exporter.describe(io)
                        : "the slide deck could not be saved (is the disk full?)") + "; nothing was left under that name");
            }
            throw new ExportException(out + ": a still could not be drawn: " + Exporter.plain(e)
                    + "; nothing was left under that name");
        } finally {
            target.abandonIfUncommitted();
        }
        return new Exporter.Result(done[0], stills.size(), complete);
    }

    /** The first IOException among {@code e}'s causes, or null. */
    private static IOException ioCause(Throwable e) {
        for (Throwable c = e; c != null && c.getCause() != c; c = c.getCause()) {
            if (c instanceof IOException io) {
                return io;
            }
        }
        return null;
    }

    private static boolean svgFolder(DocumentTrace trace, ExportOptions o, List<Stills.Still> stills, Path dir,
            Exporter.Progress progress, AtomicBoolean cancel) throws IOException {
        Files.createDirectories(dir);
        VectorFrames.Painting.Of painting = VectorFrames.stills(trace, o);
        for (int k = 0; k < stills.size(); k++) {
            if (cancel.get()) {
                return false;
            }
            Stills.Still s = stills.get(k);
            String svg = VectorFrames.svg(painting.of(s), o.width(), o.height());
            Files.writeString(dir.resolve(stillName(k + 1, "svg")), svg, StandardCharsets.UTF_8);
            progress.frameWritten(k + 1, stills.size());
        }
        StillsManifest.write(dir.resolve(StillsManifest.NAME), trace, o, stills, k -> stillName(k, "svg"));
        return true;
    }

    private static boolean pdf(DocumentTrace trace, ExportOptions o, List<Stills.Still> stills, Path file,
            Exporter.Progress progress, AtomicBoolean cancel) throws IOException {
        VectorFrames.Painting.Of painting = VectorFrames.stills(trace, o);
        // every page as tall as the one with the most text under its picture
        int bandLines = 0;
        for (Stills.Still s : stills) {
            bandLines = Math.max(bandLines, VectorFrames.PdfBook.bandLines(Stills.paragraphs(s), o.width(), o.height()));
        }
        try (VectorFrames.PdfBook book = new VectorFrames.PdfBook()) {
            for (int k = 0; k < stills.size(); k++) {
                if (cancel.get()) {
                    return false;
                }
                Stills.Still s = stills.get(k);
                if (o.layout() == ExportOptions.Layout.PRESENTATION) {
                    book.page(painting.of(s), o.width(), o.height()); // the text is in the frame
                } else {
                    book.page(trace.trace(), StillRenderer.view(o, trace.vocabulary(), s), s.position(), o.width(), o.height(),
                            Stills.paragraphs(s), bandLines);
                }
                progress.frameWritten(k + 1, stills.size());
            }
            book.document().getDocumentInformation().setTitle(trace.title());
            book.document().getDocumentInformation().setCreator("Unrolled");
            try (OutputStream out = new java.io.BufferedOutputStream(Files.newOutputStream(file), 1 << 16)) {
                book.save(out);
            }
        }
        return true;
    }
}
