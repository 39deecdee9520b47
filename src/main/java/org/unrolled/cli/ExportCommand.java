package org.unrolled.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.unrolled.document.DocumentTrace;
import org.unrolled.export.AwtFrameSource;
import org.unrolled.export.ExportException;
import org.unrolled.export.ExportOptions;
import org.unrolled.export.Exporter;
import org.unrolled.export.FormatExport;
import org.unrolled.export.FramePlan;
import org.unrolled.export.HeadlessFx;
import org.unrolled.io.ScenarioException;
import org.unrolled.io.Text;
import org.unrolled.view.Phase;
import org.unrolled.view.StepSchedule;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code unrolled export SCENARIO.json --out DIR}: the animation as PNG frames (or, with {@code --format}, as
 * SVG, PDF, GIF, MP4, a PowerPoint deck or a Beamer folder), with no display.
 */
@Command(name = "export",
        mixinStandardHelpOptions = true,
        description = {"Renders the animation as numbered PNG frames and a frames.json manifest, with no display;",
            "or, with --format, as an animated GIF or MP4, or as one still per lesson beat: SVG files, one PDF,",
            "a PowerPoint deck or a Beamer folder.",
            "The frames are a pure function of the scenario and the options: exporting twice gives identical files."})
final class ExportCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    ScenarioArgument scenario;

    @Option(names = {"-o", "--out"}, required = true, paramLabel = "DIR|FILE",
            description = {"png: the folder for the frames; created if missing, refused if it already holds frames or an export (saying whether that export finished).",
                "svg, beamer: a new folder; gif, mp4, pdf, pptx: a new file. Never written over; written under a temporary name and moved into place when complete."})
    Path out;

    @Option(names = "--format", defaultValue = "png", paramLabel = "png|svg|pdf|gif|mp4|pptx|beamer",
            description = {"What to write (default ${DEFAULT-VALUE}). png, gif, mp4: every frame at --fps.",
                "svg, pdf, pptx, beamer: one still per lesson beat (a scenario without a lesson: the end of each step)."})
    String format;

    @Option(names = "--size", paramLabel = "WxH", defaultValue = "1920x1080", converter = OptionTypes.SizeConverter.class,
            description = "Frame size in pixels (default ${DEFAULT-VALUE}; e.g. 1280x720, 3840x2160).")
    OptionTypes.FrameSize size;

    @Option(names = "--fps", defaultValue = "30", description = "Frames per second (default ${DEFAULT-VALUE}).")
    int fps;

    @Option(names = "--step-seconds", defaultValue = "1", paramLabel = "S",
            description = "How long each step lasts (default ${DEFAULT-VALUE} s).")
    double stepSeconds;

    @Option(names = "--phase", defaultValue = "both", paramLabel = "forward|backward|both",
            converter = OptionTypes.PhaseChoice.class, completionCandidates = OptionTypes.PhaseChoice.class,
            description = "Which pass to show (default ${DEFAULT-VALUE}).")
    Phase phase;

    @Option(names = "--steps", paramLabel = "FROM-TO", converter = OptionTypes.StepRangeConverter.class,
            description = "Only these steps, e.g. 3-7 (default: all).")
    OptionTypes.StepRange steps;

    @Option(names = "--theme", defaultValue = "light", paramLabel = "light|dark|projector",
            converter = OptionTypes.ThemeChoice.class, completionCandidates = OptionTypes.ThemeChoice.class,
            description = "Colours (default ${DEFAULT-VALUE}; projector: high contrast, the network's labels and lines a third"
                    + " larger; the presentation layout's captions are the same size in every theme).")
    OptionTypes.Theme theme;

    @Option(names = "--layout", defaultValue = "network", paramLabel = "network|presentation",
            converter = OptionTypes.LayoutChoice.class, completionCandidates = OptionTypes.LayoutChoice.class,
            description = {"What a frame holds (default ${DEFAULT-VALUE}). network: the network picture.",
                "presentation: what presentation mode (F5) shows: the picture, the captions or the lesson's question",
                "in large type, and the gradient plot; each beat held for a while, a question asked, then revealed."})
    ExportOptions.Layout layout;

    @Option(names = "--pattern", defaultValue = "frame_%04d.png",
            description = "File names (default ${DEFAULT-VALUE}).")
    String pattern;

    @Override
    public Integer call() throws Exception {
        PrintWriter err = spec.commandLine().getErr();
        ExportOptions options;
        FormatExport.Format kind;
        try {
            options = options();
            kind = FormatExport.Format.parse(format);
        } catch (IllegalArgumentException e) {
            Messages.error(err, "export", e.getMessage());
            return Main.EXIT_BAD_INPUT;
        }
        DocumentTrace trace;
        try {
            trace = DocumentTrace.run(scenario.read());
        } catch (ScenarioException e) {
            Messages.error(err, "export", e.getMessage());
            return Main.EXIT_BAD_INPUT;
        }
        if (!trace.lesson().isEmpty()) {
            LessonCheck.warn(err, "export", trace);
        }
        // an option typed for another format would otherwise be dropped without a word
        CommandLine.ParseResult given = spec.commandLine().getParseResult();
        for (String option : kind.stills() ? new String[] {"--fps", "--step-seconds", "--pattern"}
                : kind == FormatExport.Format.PNG ? new String[0] : new String[] {"--pattern"}) {
            if (given != null && given.hasMatchedOption(option)) {
                Messages.error(err, "export", "warning: " + option + " does not apply to --format " + format
                        + (kind.stills() ? " (one still per lesson beat)" : " (one file)") + "; it is left out");
            }
        }

        try {
            // the plan is checked before anything is written: steps outside the scenario, billions of frames, or
            // (for the stills' formats, which draw no animation) more pages than fit in memory
            if (kind.stills()) {
                java.util.List<org.unrolled.export.Stills.Still> stills = FormatExport.checkedStills(trace, options);
                if (kind == FormatExport.Format.BEAMER) {
                    java.util.Set<String> unwritable = FormatExport.beamerUnwritable(trace, options, stills);
                    if (!unwritable.isEmpty()) {
                        Messages.error(err, "export", "warning: pdflatex cannot write " + String.join(", ", unwritable)
                                + "; the .tex names each in brackets (the PNG, SVG and PDF exports draw them)");
                    }
                }
            } else {
                new FramePlan(trace, options);
            }
        } catch (IllegalArgumentException e) {
            Messages.error(err, "export", e.getMessage());
            return Main.EXIT_BAD_INPUT;
        }
        try {
            FormatExport.prepare(kind, out, options);
        } catch (ExportException e) {
            Messages.error(err, "export", e.getMessage());
            return Main.EXIT_BAD_INPUT;
        }
        HeadlessFx.start();
        AtomicBoolean cancel = new AtomicBoolean();
        CountDownLatch finished = new CountDownLatch(1);
        // Ctrl+C or SIGTERM: stop after the frame being written and mark the manifest "cancelled"; the JVM
        // waits for this hook, so the export gets the moment it needs to say so
        Thread exporting = Thread.currentThread();
        Thread onInterrupt = new Thread(() -> {
            cancel.set(true);
            try {
                // the export notices at the next frame; one waiting for a frame from a JavaFX thread that the
                // shutdown may already have stopped is woken, so that it still marks the manifest "cancelled"
                if (!finished.await(2, TimeUnit.SECONDS)) {
                    exporting.interrupt();
                    finished.await(13, TimeUnit.SECONDS);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "unrolled-export-cancel");
        Runtime.getRuntime().addShutdownHook(onInterrupt);
        long started = System.nanoTime();
        long[] lastReport = {0};
        try {
            Exporter.Result r = FormatExport.run(kind, trace, options, out, new AwtFrameSource(trace, options), (done, total) -> {
                long now = System.nanoTime();
                if (done == total || now - lastReport[0] > 500_000_000L) {
                    lastReport[0] = now;
                    double secs = (now - started) / 1e9;
                    String unit = kind.stills() ? "still" : "frame";
                    err.printf(Locale.ROOT, "\r%s %d/%d (%d%%), %.1f %ss/s", unit, done, total, 100L * done / total,
                            done / Math.max(secs, 1e-9), unit);
                    err.flush();
                }
            }, cancel);
            err.println();
            String what = kind.stills() ? "stills" : "frames";
            if (!r.complete()) {
                if (kind == FormatExport.Format.PNG) {
                    err.printf(Locale.ROOT, "cancelled: %d of %d frames written to %s; frames.json says \"cancelled\"%n",
                            r.framesWritten(), r.framesPlanned(), Text.path(out));
                } else {
                    err.printf(Locale.ROOT, "cancelled after %d of %d %s; nothing was written to %s%n", r.framesWritten(),
                            r.framesPlanned(), what, Text.path(out));
                }
                return Main.EXIT_IO;
            }
            err.printf(Locale.ROOT, "%d %s written to %s in %.1f s%n", r.framesWritten(), what, Text.path(out),
                    (System.nanoTime() - started) / 1e9);
            return 0;
        } catch (ExportException e) {
            err.println();
            if (Exporter.isShuttingDown() && kind != FormatExport.Format.PNG) {
                // Ctrl+C or a kill while JavaFX was starting or stopping: what failed is the stop, not the export
                err.printf(Locale.ROOT, "cancelled; nothing was written to %s%n", Text.path(out));
                return Main.EXIT_INTERRUPTED;
            }
            Messages.error(err, "export", e.getMessage());
            return e.outOfMemory() ? Main.EXIT_OUT_OF_MEMORY : Main.EXIT_IO;
        } finally {
            finished.countDown();
            try {
                Runtime.getRuntime().removeShutdownHook(onInterrupt);
            } catch (IllegalStateException shuttingDown) {
                // the hook is running: nothing to remove
            }
        }
    }

    private ExportOptions options() {
        if (out.toString().isEmpty()) {
            throw new IllegalArgumentException("--out: the folder name is empty; name a folder (\".\" for the current one)");
        }
        int from = steps == null ? 0 : steps.from();
        int to = steps == null ? 0 : steps.to();
        try {
            return new ExportOptions(size.width(), size.height(), fps, stepSeconds, phase, from, to,
                    OptionTypes.token(theme), pattern, layout);
        } catch (IllegalArgumentException e) {
            String option = e.getMessage().startsWith("the file-name pattern") ? "--pattern: " : "";
            throw new IllegalArgumentException(option + e.getMessage());
        }
    }
}
