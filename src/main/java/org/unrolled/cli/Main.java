package org.unrolled.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
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
        subcommands = {TraceCommand.class, ExportCommand.class, TrainCommand.class, HandoutCommand.class, CommandLine.HelpCommand.class},
        exitCodeListHeading = "%nExit status:%n",
        exitCodeList = {"0:success", "1:a file could not be written", "2:bad input (the message says where)",
            "70:an internal error (please report it)"})
public final class Main implements Callable<Integer> {
    /** Exit status for bad input: an invalid scenario or command line. */
    public static final int EXIT_BAD_INPUT = 2;
    /** Exit status when an output could not be written. */
    public static final int EXIT_IO = 1;
    /** Exit status for a bug. */
    public static final int EXIT_INTERNAL = 70;

    @Parameters(index = "0", arity = "0..1", paramLabel = "SCENARIO.json",
            description = "A scenario file (rnn-scenario/1) to open in the window.")
    Path scenario;

    @Option(names = "--theme", paramLabel = "light|dark|projector",
            description = "Open the window in this theme (it is remembered, like a choice in View ▸ Theme).")
    String theme;

    @Option(names = "--present", description = "Start in presentation mode: full screen, only the picture and captions.")
    boolean present;

    @Option(names = "--compare", paramLabel = "cells|feedback|steps",
            description = "Also open a side-by-side comparison: RNN/LSTM/GRU, teacher forcing/free running, "
                    + "or one step/a sequence (presented full screen with --present).")
    String compare;

    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** Runs the command line and returns the exit status (used by tests, which must not exit). */
    public static int run(String... args) {
        return commandLine().execute(args);
    }

    static CommandLine commandLine() {
        CommandLine cl = new CommandLine(new Main());
        cl.setExecutionExceptionHandler(Main::internalError);
        return cl;
    }

    @Override
    public Integer call() {
        if (theme != null && !java.util.List.of("light", "dark", "projector").contains(theme)) {
            System.err.println("unrolled: --theme: expected light, dark or projector, got " + theme);
            return EXIT_BAD_INPUT;
        }
        if (compare != null && !java.util.List.of("cells", "feedback", "steps").contains(compare)) {
            System.err.println("unrolled: --compare: expected cells, feedback or steps, got " + compare);
            return EXIT_BAD_INPUT;
        }
        org.unrolled.app.UnrolledApp.setStartOptions(new org.unrolled.app.UnrolledApp.StartOptions(theme, present, compare));
        return WindowLauncher.open(scenario);
    }

    /** Anything unforeseen: one plain line, no stack trace (unless UNROLLED_DEBUG is set). */
    private static int internalError(Exception e, CommandLine cl, CommandLine.ParseResult parsed) {
        PrintWriter err = cl.getErr();
        err.println("unrolled: internal error: " + e);
        err.println("Please report this, with the command and the scenario file that caused it.");
        if (System.getenv("UNROLLED_DEBUG") != null) {
            e.printStackTrace(err);
        }
        return EXIT_INTERNAL;
    }

    /** The version from the jar's manifest, or "development" when run from classes. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String v = Main.class.getPackage().getImplementationVersion();
            return new String[] {"Unrolled " + (v == null ? "(development build)" : v)};
        }
    }
}
