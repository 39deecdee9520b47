package org.unrolled.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicBoolean;
import org.unrolled.engine.Engine;
import org.unrolled.engine.Trace;
import org.unrolled.export.ExportException;
import org.unrolled.export.ExportOptions;
import org.unrolled.export.Exporter;
import org.unrolled.export.FormatExport;
import org.unrolled.export.FxFrameSource;
import org.unrolled.export.HeadlessFx;
import org.unrolled.io.ScenarioException;
import org.unrolled.io.ScenarioReader;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
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

    @Parameters(index = "0", paramLabel = "SCENARIO.json", description = "The scenario (rnn-scenario/1).")
    Path scenario;

    @Option(names = {"-o", "--out"}, required = true, paramLabel = "DIR|FILE",
            description = {"png: the folder for the frames; created if missing, refused if it already holds frames or an export (saying whether that export finished).",
                "svg, beamer: a new folder; gif, mp4, pdf, pptx: a new file. Never written over; written under a temporary name and moved into place when complete."})
    Path out;

    @Option(names = "--format", defaultValue = "png", paramLabel = "png|svg|pdf|gif|mp4|pptx|beamer",
            description = {"What to write (default ${DEFAULT-VALUE}). png, gif, mp4: every frame at --fps.",
                "svg, pdf, pptx, beamer: one still per lesson beat (a scenario without a lesson: the end of each step)."})
    String format;

    @Option(names = "--size", paramLabel = "WxH", defaultValue = "1920x1080",
            description = "Frame size in pixels (default ${DEFAULT-VALUE}; e.g. 1280x720, 3840x2160).")
    String size;

    @Option(names = "--fps", defaultValue = "30", description = "Frames per second (default ${DEFAULT-VALUE}).")
    int fps;

    @Option(names = "--step-seconds", defaultValue = "1", paramLabel = "S",
            description = "How long each step lasts (default ${DEFAULT-VALUE} s).")
    double stepSeconds;

    @Option(names = "--phase", defaultValue = "both", paramLabel = "forward|backward|both",
            description = "Which pass to show (default ${DEFAULT-VALUE}).")
    String phase;

    @Option(names = "--steps", paramLabel = "FROM-TO", description = "Only these steps, e.g. 3-7 (default: all).")
    String steps;

    @Option(names = "--theme", defaultValue = "light", paramLabel = "light|dark|projector",
            description = "Colours (default ${DEFAULT-VALUE}; projector: high contrast, a third larger).")
    String theme;

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
            err.println("unrolled export: " + e.getMessage());
            return Main.EXIT_BAD_INPUT;
        }
        Trace trace;
        try {
            trace = Engine.run(ScenarioReader.read(scenario));
        } catch (ScenarioException e) {
            err.println("unrolled export: " + e.getMessage());
            return Main.EXIT_BAD_INPUT;
        }
        try {
            FormatExport.prepare(kind, out, options);
        } catch (ExportException e) {
            err.println("unrolled export: " + e.getMessage());
            return Main.EXIT_BAD_INPUT;
        }
        HeadlessFx.start();
        AtomicBoolean cancel = new AtomicBoolean();
        Thread onInterrupt = new Thread(() -> cancel.set(true));
        Runtime.getRuntime().addShutdownHook(onInterrupt);
        long started = System.nanoTime();
        long[] lastReport = {0};
        try {
            Exporter.Result r = FormatExport.run(kind, trace, options, out, new FxFrameSource(trace, options), (done, total) -> {
                long now = System.nanoTime();
                if (done == total || now - lastReport[0] > 500_000_000L) {
                    lastReport[0] = now;
                    double secs = (now - started) / 1e9;
                    String unit = kind.stills() ? "still" : "frame";
                    err.printf(Locale.ROOT, "\r%s %d/%d (%d%%), %.1f %ss/s", unit, done, total, 100 * done / total,
                            done / Math.max(secs, 1e-9), unit);
                    err.flush();
                }
            }, cancel);
            err.println();
            String what = kind.stills() ? "stills" : "frames";
            if (r.complete() && kind != FormatExport.Format.PNG) {
                err.printf(Locale.ROOT, "%d %s written to %s in %.1f s%n", r.framesWritten(), what, out,
                        (System.nanoTime() - started) / 1e9);
            } else if (kind == FormatExport.Format.PNG) {
                err.printf(Locale.ROOT, "%d frames written to %s in %.1f s%n", r.framesWritten(), out,
                        (System.nanoTime() - started) / 1e9);
            } else {
                err.printf(Locale.ROOT, "cancelled after %d of %d %s; nothing was written to %s%n", r.framesWritten(),
                        r.framesPlanned(), what, out);
            }
            return r.complete() ? 0 : Main.EXIT_IO;
        } catch (ExportException e) {
            err.println();
            err.println("unrolled export: " + e.getMessage());
            return Main.EXIT_IO;
        } finally {
            try {
                Runtime.getRuntime().removeShutdownHook(onInterrupt);
            } catch (IllegalStateException shuttingDown) {
                // the hook is running: nothing to remove
            }
        }
    }

    private ExportOptions options() {
        String[] wh = size.toLowerCase(Locale.ROOT).split("x");
        int w;
        int h;
        try {
            w = Integer.parseInt(wh[0].trim());
            h = Integer.parseInt(wh[1].trim());
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("--size: expected WIDTHxHEIGHT such as 1920x1080, got " + size);
        }
        ExportOptions.Phase p = switch (phase.toLowerCase(Locale.ROOT)) {
            case "forward" -> ExportOptions.Phase.FORWARD;
            case "backward" -> ExportOptions.Phase.BACKWARD;
            case "both" -> ExportOptions.Phase.BOTH;
            default -> throw new IllegalArgumentException("--phase: expected forward, backward or both, got " + phase);
        };
        int from = 0;
        int to = 0;
        if (steps != null) {
            String[] ft = steps.split("-");
            try {
                from = Integer.parseInt(ft[0].trim());
                to = ft.length > 1 ? Integer.parseInt(ft[1].trim()) : from;
            } catch (RuntimeException e) {
                throw new IllegalArgumentException("--steps: expected FROM-TO such as 3-7, got " + steps);
            }
            if (from < 1) {
                throw new IllegalArgumentException("--steps: steps are numbered from 1, got " + steps);
            }
        }
        return new ExportOptions(w, h, fps, stepSeconds, p, from, to, theme.toLowerCase(Locale.ROOT), pattern);
    }
}
