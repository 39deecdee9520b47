package org.unrolled.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.unrolled.document.DocumentTrace;
import org.unrolled.document.ScenarioDocument;
import org.unrolled.engine.Evaluation;
import org.unrolled.engine.Feedback;
import org.unrolled.engine.InitSpec;
import org.unrolled.engine.LossKind;
import org.unrolled.engine.Scenario;
import org.unrolled.engine.ScenarioEdits;
import org.unrolled.engine.Trainer;
import org.unrolled.io.ScenarioException;
import org.unrolled.io.ScenarioWriter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code unrolled train SCENARIO.json -o TRAINED.json}: fits the weights to the scenario's own targets. */
@Command(name = "train",
        mixinStandardHelpOptions = true,
        description = {"Fits a scenario's weights to its examples (or its own sequence) and writes the trained scenario.",
            "Exact BPTT gradients, Adam or SGD, the gradient norm clipped; deterministic, as it starts from the",
            "scenario's own weights."})
final class TrainCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    ScenarioArgument scenario;

    @Option(names = {"-o", "--output"}, required = true, paramLabel = "TRAINED.json",
            converter = OptionTypes.FilePathConverter.class, description = "Where to write the result.")
    Path output;

    @Option(names = "--force", description = "Replace TRAINED.json if it exists.")
    boolean force;

    @Option(names = "--optimizer", defaultValue = "adam", paramLabel = "adam|sgd", converter = OptionTypes.TrainOptimizerChoice.class,
            completionCandidates = OptionTypes.TrainOptimizerChoice.class, description = "Default ${DEFAULT-VALUE}.")
    Trainer.Optimizer optimizer;

    @Option(names = "--lr", defaultValue = "0.01", description = "Learning rate (default ${DEFAULT-VALUE}).")
    double learningRate;

    @Option(names = "--iterations", defaultValue = "500", description = "Updates (default ${DEFAULT-VALUE}).")
    int iterations;

    @Option(names = "--clip", defaultValue = "5", description = "Clip the gradient's global norm to this; 0 for none (default ${DEFAULT-VALUE}).")
    double clip;

    @Option(names = "--seed", paramLabel = "N", description = "First replace the weights by seeded random ones (this seed; "
            + "the scenario's init scale if it gives one, else PyTorch's 1/√H).")
    Long seed;

    @Option(names = "--forget-bias", paramLabel = "B", description = "LSTM: first set the forget gate's bias b_if + b_hf to B "
            + "(b_if = B, b_hf = 0); a positive B opens the highway at the start.")
    Double forgetBias;

    @Option(names = "--update-bias", paramLabel = "B", description = "GRU: first set the update gate's bias b_iz + b_hz to B "
            + "(b_iz = B, b_hz = 0); a positive B makes z ≈ 1, so h keeps its state at the start.")
    Double updateBias;

    @Option(names = "--free-running-loss", description = "One-to-many or seq2seq mse: train on the loss of the free-running "
            + "outputs (each step reads the model's own previous output, as at test time); the file keeps its feedback mode.")
    boolean freeRunningLoss;

    /** The starting scenario after --seed, --forget-bias and --update-bias, in that order. */
    private Scenario start(Scenario s) {
        Scenario start = s;
        if (seed != null) {
            InitSpec init = s.init() != null && s.init().hasExplicitScale() ? new InitSpec(seed, s.init().scale())
                    : InitSpec.withDefaultScale(seed);
            start = ScenarioEdits.reinitialised(start, init);
        }
        if (forgetBias != null) {
            start = ScenarioEdits.withForgetBias(start, forgetBias);
        }
        if (updateBias != null) {
            start = ScenarioEdits.withUpdateGateBias(start, updateBias);
        }
        return start;
    }

    private static void requireFinite(String option, Double value) {
        if (value != null && !Double.isFinite(value)) {
            throw new IllegalArgumentException(option + ": expected a finite number, got " + value);
        }
    }

    /** The starting options that were used, for the description (so that the file says how to remake it). */
    private String startOptions() {
        StringBuilder o = new StringBuilder();
        if (seed != null) {
            o.append(", reseeded with seed ").append(seed);
        }
        if (forgetBias != null) {
            o.append(", forget-gate bias ").append(forgetBias).append(" at the start");
        }
        if (updateBias != null) {
            o.append(", update-gate bias ").append(updateBias).append(" at the start");
        }
        if (freeRunningLoss) {
            o.append(", on the free-running loss");
        }
        return o.toString();
    }

    /**
     * Prints the training and held-out figures (accuracy for cross-entropy, mean loss for mse) and
     * returns the held-out one for the description ("" without held-out examples).
     */
    static String heldOut(ScenarioDocument document, PrintWriter err) {
        Scenario trained = document.scenario();
        // the same network running on its own outputs (only asked for when it is trained with teacher forcing)
        ScenarioDocument freeRunning = trained.feedback() == Feedback.TEACHER_FORCING
                ? document.withScenario(ScenarioEdits.withFeedback(trained, Feedback.FREE_RUNNING)) : null;
        boolean classes = trained.loss() == LossKind.CROSS_ENTROPY;
        if (classes) {
            Evaluation.Score train = Evaluation.score(document.trainingSet());
            err.printf(Locale.ROOT, "training: %d of %d outputs right (%.1f%%)%n", train.correctSteps(), train.steps(),
                    100 * train.stepAccuracy());
        } else {
            err.printf(Locale.ROOT, "training: mean loss %.6g%s%n", Trainer.meanLoss(document.trainingSet()),
                    trained.feedback() == Feedback.TEACHER_FORCING ? String.format(Locale.ROOT,
                            " with teacher forcing, %.6g free running",
                            Trainer.meanLoss(freeRunning.trainingSet())) : "");
        }
        if (document.heldOut().isEmpty()) {
            err.println("held out: none (add \"heldOut\" examples to the scenario to measure generalisation)");
            return "";
        }
        if (classes) {
            Evaluation.Score held = Evaluation.score(document.heldOutSet());
            String text = String.format(Locale.ROOT, "%d of %d outputs right (%.1f%%) on %d held-out examples never "
                    + "trained on", held.correctSteps(), held.steps(), 100 * held.stepAccuracy(), held.sequences());
            err.println("held out: " + text);
            return "; " + text;
        }
        String text = String.format(Locale.ROOT, "mean loss %.4g on %d held-out examples never trained on",
                Trainer.meanLoss(document.heldOutSet()), document.heldOut().size());
        if (trained.feedback() == Feedback.TEACHER_FORCING) {
            text += String.format(Locale.ROOT, " (%.4g free running)",
                    Trainer.meanLoss(freeRunning.heldOutSet()));
        }
        err.println("held out: " + text);
        return "; " + text;
    }

    /** Prints and describes the accuracy of a cross-entropy scenario, also free running if it feeds targets back. */
    private static String accuracy(ScenarioDocument document, PrintWriter err) {
        Scenario trained = document.scenario();
        if (trained.loss() != LossKind.CROSS_ENTROPY) {
            return "";
        }
        Evaluation.Score score = Evaluation.score(document.trainingSet());
        String text = String.format(Locale.ROOT, "; %d of %d outputs right", score.correctSteps(), score.steps());
        if (trained.feedback() == Feedback.TEACHER_FORCING) {
            Evaluation.Score free = Evaluation.score(
                    document.withScenario(ScenarioEdits.withFeedback(trained, Feedback.FREE_RUNNING)).trainingSet());
            text += String.format(Locale.ROOT, " with teacher forcing, %d of %d free running", free.correctSteps(),
                    free.steps());
        }
        err.println("accuracy:" + text.substring(1));
        return text;
    }

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        Trainer.Settings settings;
        try {
            settings = new Trainer.Settings(optimizer, learningRate, iterations, clip);
            // a bias of NaN or ∞ would be written into a file that no reader accepts
            requireFinite("--forget-bias", forgetBias);
            requireFinite("--update-bias", updateBias);
        } catch (IllegalArgumentException e) {
            Messages.error(err, "train", e.getMessage());
            return Main.EXIT_BAD_INPUT;
        }
        OutputCheck.Problem problem = OutputCheck.check(output, force); // before training, not after it
        if (problem != null) {
            Messages.error(err, "train", problem.message());
            return problem.status();
        }
        ScenarioDocument s;
        try {
            s = scenario.read();
        } catch (ScenarioException e) {
            Messages.error(err, "train", e.getMessage());
            return Main.EXIT_BAD_INPUT;
        }
        long[] last = {0};
        Scenario first;
        try {
            first = start(s.scenario());
            if (freeRunningLoss) {
                Trainer.checkFreeRunning(first);
            }
        } catch (IllegalArgumentException e) {
            err.println("unrolled train: " + scenario + ": " + e.getMessage());
            return Main.EXIT_BAD_INPUT;
        }
        // read by the shutdown hook's thread
        java.util.concurrent.atomic.AtomicInteger updates = new java.util.concurrent.atomic.AtomicInteger();
        java.util.concurrent.atomic.AtomicBoolean over = new java.util.concurrent.atomic.AtomicBoolean();
        // Ctrl+C or SIGTERM ends the JVM in the middle of training: say what was lost, in one line, rather than nothing
        Thread onInterrupt = new Thread(() -> {
            if (!over.get()) {
                err.println();
                err.println("unrolled train: interrupted after " + updates.get() + " of " + settings.iterations()
                        + " updates; nothing was written (the scenario is as it was)");
                err.flush();
            }
        }, "unrolled-train-interrupted");
        Runtime.getRuntime().addShutdownHook(onInterrupt);
        Trainer.Progress progress = (done, total, loss) -> {
            updates.set(done);
            long now = System.nanoTime();
            if (done == total || now - last[0] > 250_000_000L) {
                last[0] = now;
                err.printf(Locale.ROOT, "\r%s %d/%d  loss %.6g", progressBar(done, total), done, total, loss);
                err.flush();
            }
        };
        java.util.List<Scenario> set = s.trainingSet();
        Trainer.Result r;
        try {
            r = freeRunningLoss ? Trainer.trainFreeRunning(first, set, settings, progress)
                    : Trainer.train(first, set, settings, progress);
        } finally {
            over.set(true);
            try {
                Runtime.getRuntime().removeShutdownHook(onInterrupt);
            } catch (IllegalStateException shuttingDown) {
                // the JVM is already ending: the hook runs and finds the training over
            }
        }
        err.println();
        err.printf(Locale.ROOT, "loss %.6g -> %.6g after %d updates%n", r.initialLoss(), r.finalLoss(), r.iterations());
        if (r.diverged() && !Double.isFinite(r.initialLoss())) {
            // never finite: there are no last weights with a finite loss to speak of
            err.printf(Locale.ROOT, "training diverged: the loss was already %s before the first update (the weights or "
                    + "the inputs overflow); the weights training started from are written unchanged. Try smaller weights.%n",
                    Double.isNaN(r.initialLoss()) ? "NaN" : "infinite");
        } else if (r.diverged()) {
            err.printf(Locale.ROOT, "training diverged: update %d made the loss or a weight infinite or NaN; the last "
                    + "weights with a finite loss (after %d updates) are written. Try a smaller --lr or --clip.%n",
                    r.iterations() + 1, r.iterations());
        }
        ScenarioDocument trained = s.withScenario(r.scenario()); // new weights: the old training record goes
        String examples = s.examples().isEmpty() ? "its own sequence" : s.examples().size() + " examples";
        String made = String.format(Locale.ROOT,
                "Made with `unrolled train` on %s (%s, learning rate %s, %d updates, %s%s): mean loss %.4g -> %.4g%s%s.%s",
                examples, OptionTypes.token(optimizer), learningRate, r.iterations(),
                clip > 0 ? "gradient norm clipped to " + clip : "no gradient clipping", startOptions(),
                r.initialLoss(), r.finalLoss(), accuracy(trained, err), heldOut(trained, err),
                !r.diverged() ? "" : Double.isFinite(r.initialLoss())
                        ? " Training diverged at the next update; these are the last weights with a finite loss."
                        : " The loss was not finite before the first update; these are the weights training started from.");
        ScenarioDocument written = trained.withTitle(trained.title(), describe(s.description(), made));
        try {
            if (force) {
                ScenarioWriter.save(written, output);
            } else {
                ScenarioWriter.saveNew(written, output);
            }
            // new weights, new numbers: a lesson written for the old ones may no longer be true
            if (!written.lesson().isEmpty()) {
                LessonCheck.warn(err, "train", DocumentTrace.run(written));
            }
            return r.diverged() ? Main.EXIT_DIVERGED : 0;
        } catch (java.nio.file.FileAlreadyExistsException e) {
            Messages.error(err, "train", org.unrolled.io.Text.path(output) + " already exists; pass --force to replace it");
            return Main.EXIT_BAD_INPUT;
        } catch (IOException e) {
            Messages.error(err, "train", org.unrolled.io.Text.path(output) + ": cannot write: "
                    + org.unrolled.io.AtomicFiles.describe(e));
            return Main.EXIT_IO;
        }
    }

    /** The old description and what training added, within the reader's bound (so that train output reads back). */
    static String describe(String old, String made) {
        int room = org.unrolled.io.Limits.MAX_DESCRIPTION_CHARS - made.length() - 2;
        if (old.isEmpty() || room <= 0) {
            return made;
        }
        return (old.length() <= room ? old : old.substring(0, room - 1) + "…") + " " + made;
    }

    /** {@code [###   ]}: 30 marks, filled in proportion; in longs, as 30 × 71.5 million overflows an int. */
    static String progressBar(long done, long total) {
        int width = 30;
        int filled = (int) Math.max(0, Math.min(width, width * done / Math.max(1, total)));
        return "[" + "#".repeat(filled) + " ".repeat(width - filled) + "]";
    }
}
