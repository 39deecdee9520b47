package org.unrolled.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.unrolled.io.Text;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * The entry point of {@code unrolled.jar}: with no subcommand it opens the window (on the given
 * scenario, or the built-in default), otherwise it runs a command-line tool.
 */
@Command(name = "unrolled",
        mixinStandardHelpOptions = true,
        versionProvider = Main.Version.class,
        description = {"Recurrent neural networks (RNN, LSTM, GRU), unrolled through time and made visible.",
            "With no command, opens the window on SCENARIO.json or on the built-in default scenario."},
        subcommands = {TraceCommand.class, ExportCommand.class, TrainCommand.class, RaceCommand.class,
            HandoutCommand.class, CommandLine.HelpCommand.class},
        exitCodeListHeading = "%nExit status:%n",
        exitCodeList = {"0:success", "1:a file could not be written", "2:bad input (the message says where)",
            "3:training diverged (the last weights with a finite loss were written)",
            "4:out of memory (the message says what was being done)",
            "70:an internal error (please report it)",
            "130:interrupted (Ctrl+C; 143 for SIGTERM): an export's frames.json says \"cancelled\""})
public final class Main implements Callable<Integer> {
    /** Exit status for bad input: an invalid scenario or command line. */
    public static final int EXIT_BAD_INPUT = 2;
    /** Exit status when an output could not be written. */
    public static final int EXIT_IO = 1;
    /** Exit status for a bug. */
    public static final int EXIT_INTERNAL = 70;
    /** Exit status after Ctrl+C (the JVM's own, 128 + SIGINT, whatever a command returns then). */
    public static final int EXIT_INTERRUPTED = 130;
    /** Exit status of {@code train} when the loss or a weight stopped being finite (the last finite weights are written). */
    public static final int EXIT_DIVERGED = 3;
    /** Exit status when the Java heap ran out. */
    public static final int EXIT_OUT_OF_MEMORY = 4;

    @Parameters(index = "0", arity = "0..1", paramLabel = "SCENARIO.json",
            description = "A scenario file (rnn-scenario/1) to open in the window.")
    Path scenario;

    @Option(names = "--theme", paramLabel = "light|dark|projector",
            converter = OptionTypes.ThemeChoice.class, completionCandidates = OptionTypes.ThemeChoice.class,
            description = "Open the window in this theme (it is remembered, like a choice in View ▸ Theme).")
    OptionTypes.Theme theme;

    @Option(names = "--present", description = "Start in presentation mode: full screen, only the picture and captions.")
    boolean present;

    @Option(names = "--compare", paramLabel = "cells|feedback|steps",
            converter = OptionTypes.ComparisonChoice.class, completionCandidates = OptionTypes.ComparisonChoice.class,
            description = "Also open a side-by-side comparison: RNN/LSTM/GRU, teacher forcing/free running, "
                    + "or one step/a sequence (presented full screen with --present).")
    OptionTypes.Comparison compare;

    public static void main(String[] args) {
        launchArgs = args.clone();
        System.exit(run(args));
    }

    /**
     * For a command (not the window, whose failures keep their stack traces for diagnosis): Ctrl+C or a kill
     * while JavaFX is still starting or stopping makes its threads fail on their way out (a timer not yet made,
     * a shutdown hook refused). The stop was asked for, so those are not reported, where Java would print each
     * one's stack trace. Any other thread's failure is said as {@link #report} says it, in a line or two.
     */
    static void quietWhileShuttingDown() {
        Thread.setDefaultUncaughtExceptionHandler((thread, e) -> {
            if (org.unrolled.export.Exporter.isShuttingDown()) {
                return;
            }
            PrintWriter err = new PrintWriter(System.err, true);
            err.print("(in " + Text.quote(thread.getName(), 100) + ") ");
            report(e, err);
        });
    }

    /**
     * The command line as {@link #main} got it, for starting the window in a second JVM
     * ({@link StartupArchive}); null when {@link #run} is called by a test, which never relaunches.
     */
    private static volatile String[] launchArgs;

    static String[] launchArgs() {
        return launchArgs;
    }

    /** Runs the command line and returns the exit status (used by tests, which must not exit). */
    public static int run(String... args) {
        if (args.length == 0) {
            // the window on the default scenario: picocli's model of every command costs 0.1 s of start-up
            try {
                return WindowLauncher.open(null);
            } catch (Throwable e) {
                return report(e, new PrintWriter(System.err, true));
            }
        }
        CommandLine cl = commandLine();
        try {
            return cl.execute(args);
        } catch (Throwable e) {
            // an Error (out of memory, stack overflow) passes picocli's handler: it ends here, as one line
            return report(e, cl.getErr());
        }
    }

    static CommandLine commandLine() {
        CommandLine cl = new CommandLine(new Main());
        cl.setExecutionExceptionHandler((e, c, parsed) -> report(e, c.getErr()));
        cl.setExecutionStrategy(parsed -> {
            if (parsed.hasSubcommand() && launchArgs != null) {
                quietWhileShuttingDown(); // a command run by main, not the window, nor a test's run()
            }
            // "unrolled --theme dark export ..." would open no window and quietly export in the light theme
            if (parsed.hasSubcommand()) {
                for (String option : new String[] {"--theme", "--present", "--compare"}) {
                    if (parsed.hasMatchedOption(option)) {
                        String command = parsed.subcommand().commandSpec().name();
                        PrintWriter err = parsed.commandSpec().commandLine().getErr();
                        err.println("unrolled: " + option + " is an option of the window, not of " + command + "; "
                                + (option.equals("--theme") && command.equals("export")
                                        ? "put it after the command: unrolled " + command + " --theme ..."
                                        : "leave it out"));
                        err.flush();
                        return EXIT_BAD_INPUT;
                    }
                }
            }
            return new CommandLine.RunLast().execute(parsed);
        });
        cl.setParameterExceptionHandler(Main::usageError);
        return cl;
    }

    /**
     * A command line picocli cannot parse: its message with what the user typed quoted, and where to look.
     * A value an option's converter refuses ({@link OptionTypes}) is one line, "unrolled export: --size:
     * expected WIDTHxHEIGHT such as 1920x1080, got 12", like the commands' own messages.
     */
    private static int usageError(CommandLine.ParameterException e, String[] args) {
        PrintWriter err = e.getCommandLine().getErr();
        if (e.getCause() instanceof CommandLine.TypeConversionException refused
                && e.getArgSpec() instanceof CommandLine.Model.OptionSpec option) {
            err.println(e.getCommandLine().getCommandSpec().qualifiedName() + ": "
                    + Text.quote(option.longestName() + ": " + refused.getMessage(), Messages.MAX_CHARS));
            err.flush();
            return EXIT_BAD_INPUT;
        }
        err.println(Text.escape(Text.quote(e.getMessage(), 2000)));
        err.println("Try '" + e.getCommandLine().getCommandSpec().qualifiedName() + " --help' for more information.");
        return EXIT_BAD_INPUT;
    }

    @Override
    public Integer call() {
        org.unrolled.app.UnrolledApp.setStartOptions(new org.unrolled.app.UnrolledApp.StartOptions(
                theme == null ? null : OptionTypes.token(theme), present, compare == null ? null : OptionTypes.token(compare)));
        return WindowLauncher.open(scenario);
    }

    /**
     * Anything unforeseen, at the top of every command: one plain line (two for a bug, asking for a
     * report), no stack trace unless UNROLLED_DEBUG is set, and a status of its own.
     */
    static int report(Throwable e, PrintWriter err) {
        if (org.unrolled.export.Exporter.isShuttingDown()) {
            // stopped by Ctrl+C or a kill while starting: what failed is the stop, not a bug
            err.println("unrolled: stopped (Ctrl+C or a kill) before the command had finished");
            if (System.getenv("UNROLLED_DEBUG") != null) {
                e.printStackTrace(err);
            }
            err.flush();
            return EXIT_INTERRUPTED;
        }
        if (e instanceof OutOfMemoryError) {
            long mb = Runtime.getRuntime().maxMemory() / (1024 * 1024);
            // advice that gives more than this Java has already (its default is a quarter of the machine's memory)
            long more = Math.max(4, 2 * ((mb + 1023) / 1024));
            err.println("unrolled: out of memory: the scenario or the options ask for more than the "
                    + mb + " MB this Java may use; try a smaller scenario or frame size, or give Java more memory (java -Xmx"
                    + more + "g -jar unrolled.jar ..., if the machine has it)");
            err.flush();
            return EXIT_OUT_OF_MEMORY;
        }
        err.println("unrolled: internal error: " + Text.quote(String.valueOf(e), 500));
        err.println("Please report this, with the command and the scenario file that caused it.");
        if (System.getenv("UNROLLED_DEBUG") != null) {
            e.printStackTrace(err);
        }
        err.flush();
        return EXIT_INTERNAL;
    }

    /** The version from the jar's manifest, or "development" when run from classes. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"Unrolled " + version()};
        }

        /** The installed package's version (set by its launcher), else the jar's, else "(development build)". */
        static String version() {
            String packaged = System.getProperty("unrolled.version");
            if (packaged != null && !packaged.isBlank()) {
                return Text.quote(packaged, 40);
            }
            String v = Main.class.getPackage().getImplementationVersion();
            return v == null ? "(development build)" : v;
        }
    }
}
