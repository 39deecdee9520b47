package org.unrolled.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.unrolled.engine.Activation;
import org.unrolled.engine.CellType;
import org.unrolled.engine.train.History;
import org.unrolled.engine.train.Net;
import org.unrolled.engine.train.Optimizer;
import org.unrolled.engine.train.Race;
import org.unrolled.engine.train.Task;
import org.unrolled.engine.train.TrainSettings;
import org.unrolled.engine.train.Workers;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code unrolled race}: trains several networks side by side on a long-lag task and writes their
 * curves (CSV, JSON, PNG) and final networks (scenario files) into a new folder.
 */
@Command(name = "race",
        mixinStandardHelpOptions = true,
        description = {"Races recurrent networks on a long-lag task (the adding problem or temporal order) and writes",
            "their held-out curves (curves.csv, curves.json, curves.png) and each final network as a scenario file",
            "into DIR. Deterministic: the same options give the same numbers, whatever --threads."})
final class RaceCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--task", defaultValue = "adding", paramLabel = "adding|order", description = "Default ${DEFAULT-VALUE}.")
    String task;

    @Option(names = "--length", defaultValue = "100", paramLabel = "T", description = "Steps per sequence (default ${DEFAULT-VALUE}).")
    int length;

    @Option(names = "--cells", defaultValue = "rnn,lstm,gru", paramLabel = "LIST",
            description = "Comma-separated, from rnn (tanh), rnn-relu, lstm, gru (default ${DEFAULT-VALUE}).")
    String cells;

    @Option(names = "--hidden", defaultValue = "32", paramLabel = "H", description = "Hidden size (default ${DEFAULT-VALUE}).")
    int hidden;

    @Option(names = "--match-parameters", description = "Give every cell the hidden size whose parameter count is closest "
            + "to that of an LSTM with --hidden units.")
    boolean matchParameters;

    @Option(names = "--seed", defaultValue = "1", description = "Seeds the weights, the training and the held-out sequences (default ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--batch", defaultValue = "32", description = "Sequences per update (default ${DEFAULT-VALUE}).")
    int batch;

    @Option(names = "--optimizer", defaultValue = "adam", paramLabel = "adam|sgd", converter = OptionTypes.RaceOptimizerChoice.class,
            completionCandidates = OptionTypes.RaceOptimizerChoice.class, description = "Default ${DEFAULT-VALUE}.")
    Optimizer.Kind optimizer;

    @Option(names = "--lr", defaultValue = "0.01", description = "Learning rate (default ${DEFAULT-VALUE}).")
    double learningRate;

    @Option(names = "--clip", defaultValue = "1", description = "Clip the gradient's global norm to this; 0 for none (default ${DEFAULT-VALUE}).")
    double clip;

    @Option(names = "--gate-bias", defaultValue = "1", description = "Opening bias of the LSTM forget gate and the GRU update gate (default ${DEFAULT-VALUE}).")
    double gateBias;

    @Option(names = "--held-out", defaultValue = "1000", paramLabel = "N", description = "Held-out sequences (default ${DEFAULT-VALUE}).")
    int heldOut;

    @Option(names = "--eval-every", defaultValue = "1600", paramLabel = "N",
            description = "Training sequences between held-out evaluations, a multiple of --batch (default ${DEFAULT-VALUE}).")
    int evalEvery;

    @Option(names = "--until", paramLabel = "SCORE",
            description = "Stop a network when its held-out score reaches this (RMSE at most, or accuracy at least).")
    Double until;

    @Option(names = "--max-sequences", defaultValue = "200000", paramLabel = "N",
            description = "Stop a network after this many training sequences (default ${DEFAULT-VALUE}).")
    long maxSequences;

    @Option(names = "--threads", paramLabel = "N", description = "Worker threads (default: the processors, at most 2); "
            + "the numbers do not depend on it.")
    Integer threads;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "A new or empty folder for the results.")
    Path out;

    @Option(names = "--force", description = "Write into DIR even if it is not empty, replacing any file there with a name "
            + "the race writes (curves.csv, curves.json, curves.png, rnn.json, lstm.json, gru.json, rnn-relu.json) and "
            + "leaving every other file alone.")
    boolean force;

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        Setup setup;
        try {
            setup = setUp();
        } catch (IllegalArgumentException e) {
            err.println("unrolled race: " + e.getMessage());
            return Main.EXIT_BAD_INPUT;
        }
        if (out.toString().isEmpty()) {
            err.println("unrolled race: --out: the folder name is empty; name a folder (\".\" for the current one)");
            return Main.EXIT_BAD_INPUT;
        }
        try {
            if (Files.exists(out) && !Files.isDirectory(out)) {
                err.println("unrolled race: --out: " + out + " is a file, not a folder");
                return Main.EXIT_BAD_INPUT;
            }
            if (Files.isDirectory(out) && !force) {
                try (var entries = Files.list(out)) {
                    if (entries.findAny().isPresent()) {
                        err.println("unrolled race: --out: " + org.unrolled.io.Text.path(out)
                                + " is not empty; choose a new folder or pass --force");
                        return Main.EXIT_BAD_INPUT;
                    }
                }
            }
            // every file the race will write is checked now, not after hours of training
            List<String> names = new ArrayList<>(List.of("curves.csv", "curves.json", "curves.png"));
            for (Net n : setup.nets) {
                names.add(org.unrolled.document.RaceScenarios.fileStem(n) + ".json");
            }
            for (String name : names) {
                String notReplaceable = org.unrolled.io.SafeFiles.notReplaceable(out.resolve(name));
                if (notReplaceable != null) {
                    err.println("unrolled race: --out: " + org.unrolled.io.Text.path(out.resolve(name)) + " " + notReplaceable
                            + "; the race writes a file there");
                    return Main.EXIT_BAD_INPUT;
                }
            }
            Files.createDirectories(out);
        } catch (IOException e) {
            err.println("unrolled race: --out: cannot create " + out + ": " + e.getMessage());
            return Main.EXIT_IO;
        }
        boolean terminal = System.console() != null;
        // Ctrl+C or SIGTERM: the race stops after the round it is in and writes its curves so far (hours of
        // training are not thrown away), saying so; the JVM waits for this hook while they are written
        java.util.concurrent.atomic.AtomicBoolean stop = new java.util.concurrent.atomic.AtomicBoolean();
        java.util.concurrent.CountDownLatch written = new java.util.concurrent.CountDownLatch(1);
        Thread onInterrupt = new Thread(() -> {
            stop.set(true);
            try {
                written.await(30, java.util.concurrent.TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "unrolled-race-stop");
        // the chart drawn once now, on no curves, and thrown away: once Ctrl+C has begun the JVM's shutdown,
        // neither JavaFX nor java.awt can load or look up a font any more (the chart's title came out in the
        // wrong face and cut off), and an interrupted race still draws its chart
        org.unrolled.view.RaceChart.render(320, 140, org.unrolled.view.Palette.LIGHT, List.of(),
                org.unrolled.view.RaceChart.axes(setup.settings.task(), until == null ? Double.NaN : until,
                        setup.settings.evalEvery(), setup.settings.evalEvery()), List.of(), "warm-up");
        Runtime.getRuntime().addShutdownHook(onInterrupt);
        try (Workers workers = new Workers(setup.threads)) {
            Race race = new Race(setup.settings, setup.nets, workers, until == null ? Double.NaN : until, maxSequences);
            long start = System.nanoTime();
            int[] lastSizes = new int[setup.nets.size()];
            long lastLine = 0;
            while (!race.finished() && !stop.get()) {
                race.step();
                long now = System.nanoTime();
                List<Race.Runner> runners = race.runners();
                boolean changed = false;
                for (int i = 0; i < runners.size(); i++) {
                    changed |= runners.get(i).history().size() != lastSizes[i];
                    lastSizes[i] = runners.get(i).history().size();
                }
                if (terminal ? now - lastLine > 250_000_000L : changed) {
                    lastLine = now;
                    progress(err, race, (now - start) / 1e9, terminal);
                }
            }
            if (terminal) {
                err.println();
            }
            if (stop.get()) {
                RaceOutput.write(out, race, setup.command, true);
                err.printf(Locale.ROOT, "interrupted after %.1f s: the curves so far are written to %s (curves.json says "
                        + "\"interrupted\": true)%n", (System.nanoTime() - start) / 1e9, org.unrolled.io.Text.path(out));
                err.flush();
                return Main.EXIT_INTERRUPTED;
            }
            RaceOutput.write(out, race, setup.command);
            for (Race.Runner r : race.runners()) {
                History.Point last = r.history().last();
                err.printf(Locale.ROOT, "%-9s %,8d sequences  %s %.4f  %.1f s%n", r.trainer().net().label(),
                        last.sequences(), setup.settings.task().scoreName(), last.score(), last.seconds());
            }
            err.println("wrote " + out);
            boolean anyDiverged = false;
            for (Race.Runner r : race.runners()) {
                if (RaceOutput.diverged(r)) {
                    anyDiverged = true;
                    err.println("training diverged for " + r.trainer().net().label() + ": its held-out score became "
                            + r.history().last().score() + ", so it has no scenario file in the folder; try a smaller --lr or --clip");
                }
            }
            return anyDiverged ? Main.EXIT_DIVERGED : 0;
        } catch (IOException e) {
            err.println("unrolled race: cannot write " + e.getMessage() + " (the files written before it are in "
                    + org.unrolled.io.Text.path(out) + ")");
            return Main.EXIT_IO;
        } finally {
            written.countDown();
            try {
                Runtime.getRuntime().removeShutdownHook(onInterrupt);
            } catch (IllegalStateException shuttingDown) {
                // the hook is running: nothing to remove
            }
        }
    }

    private static void progress(PrintWriter err, Race race, double seconds, boolean terminal) {
        StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "%6.1f s", seconds));
        for (Race.Runner r : race.runners()) {
            History.Point p = r.history().last();
            double rate = r.trainer().trainSeconds() > 0 ? r.trainer().sequences() / r.trainer().trainSeconds() : 0;
            line.append(String.format(Locale.ROOT, " | %s %,d seq %.4f (%,.0f seq/s)%s", r.trainer().net().label(),
                    r.trainer().sequences(), p.score(), rate, r.finished() ? " done" : ""));
        }
        if (terminal) {
            err.print("\r" + line);
        } else {
            err.println(line);
        }
        err.flush();
    }

    /** The checked options. */
    record Setup(TrainSettings settings, List<Net> nets, int threads, String command) {
    }

    Setup setUp() {
        Task t;
        try {
            t = Task.parse(task);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--task: " + e.getMessage());
        }
        if (length < 10 || length > 200) {
            throw new IllegalArgumentException("--length: expected 10 to 200 steps, got " + length);
        }
        if (hidden < 1 || hidden > 256) {
            throw new IllegalArgumentException("--hidden: expected 1 to 256, got " + hidden);
        }
        Optimizer.Kind kind = optimizer;
        if (batch < 1 || batch > 4096) { // before --max-sequences, whose least value is one batch
            throw new IllegalArgumentException("--batch: expected 1 to 4096 sequences, got " + batch);
        }
        if (maxSequences < batch || maxSequences > 100_000_000L) {
            throw new IllegalArgumentException("--max-sequences: expected " + batch + " to 100000000, got " + maxSequences);
        }
        if (until != null && (!Double.isFinite(until) || until < 0 || (!t.isRegression() && until > 1))) {
            throw new IllegalArgumentException("--until: expected an RMSE ≥ 0 or an accuracy from 0 to 1, got " + until);
        }
        int n = threads == null ? Math.min(2, Runtime.getRuntime().availableProcessors()) : threads;
        if (n < 1 || n > 64) {
            throw new IllegalArgumentException("--threads: expected 1 to 64, got " + n);
        }
        TrainSettings settings;
        try {
            settings = new TrainSettings(t, length, batch, kind, learningRate, clip, gateBias, seed, heldOut, evalEvery);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("bad option: " + e.getMessage());
        }
        List<Net> nets = new ArrayList<>();
        LinkedHashSet<String> names = new LinkedHashSet<>(List.of(cells.toLowerCase(Locale.ROOT).split(",")));
        int target = Net.size(CellType.LSTM, t.inputSize(), hidden, t.outputSize());
        for (String name : names) {
            CellType cell;
            Activation act = Activation.TANH;
            switch (name.trim()) {
                case "rnn", "rnn-tanh" -> cell = CellType.RNN;
                case "rnn-relu" -> {
                    cell = CellType.RNN;
                    act = Activation.RELU;
                }
                case "lstm" -> cell = CellType.LSTM;
                case "gru" -> cell = CellType.GRU;
                default -> throw new IllegalArgumentException("--cells: expected rnn, rnn-relu, lstm or gru, got \"" + name + "\"");
            }
            int h = matchParameters ? Net.hiddenMatching(cell, t.inputSize(), t.outputSize(), target) : hidden;
            nets.add(new Net(cell, act, t.inputSize(), h, t.outputSize()));
        }
        String command = String.format(Locale.ROOT,
                "unrolled race --task %s --length %d --cells %s --hidden %d%s --seed %d --batch %d --optimizer %s --lr %s "
                + "--clip %s --gate-bias %s --held-out %d --eval-every %d%s --max-sequences %d",
                t.jsonName(), length, String.join(",", names), hidden, matchParameters ? " --match-parameters" : "", seed,
                batch, OptionTypes.token(optimizer), plain(learningRate), plain(clip), plain(gateBias), heldOut,
                evalEvery, until == null ? "" : " --until " + plain(until), maxSequences);
        return new Setup(settings, nets, n, command);
    }

    private static String plain(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v);
    }
}
