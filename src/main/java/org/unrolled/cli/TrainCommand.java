package org.unrolled.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.unrolled.engine.Evaluation;
import org.unrolled.engine.Feedback;
import org.unrolled.engine.LossKind;
import org.unrolled.engine.Scenario;
import org.unrolled.engine.ScenarioEdits;
import org.unrolled.engine.Trainer;
import org.unrolled.io.ScenarioException;
import org.unrolled.io.ScenarioReader;
import org.unrolled.io.ScenarioWriter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
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

    @Parameters(index = "0", paramLabel = "SCENARIO.json", description = "The scenario to train (its weights are the start).")
    Path scenario;

    @Option(names = {"-o", "--output"}, required = true, paramLabel = "TRAINED.json", description = "Where to write the result.")
    Path output;

    @Option(names = "--force", description = "Replace TRAINED.json if it exists.")
    boolean force;

    @Option(names = "--optimizer", defaultValue = "adam", paramLabel = "adam|sgd", description = "Default ${DEFAULT-VALUE}.")
    String optimizer;

    @Option(names = "--lr", defaultValue = "0.01", description = "Learning rate (default ${DEFAULT-VALUE}).")
    double learningRate;

    @Option(names = "--iterations", defaultValue = "500", description = "Updates (default ${DEFAULT-VALUE}).")
    int iterations;

    @Option(names = "--clip", defaultValue = "5", description = "Clip the gradient's global norm to this; 0 for none (default ${DEFAULT-VALUE}).")
    double clip;

    /** Prints and describes the accuracy of a cross-entropy scenario, also free running if it feeds targets back. */
    private static String accuracy(Scenario trained, PrintWriter err) {
        if (trained.loss() != LossKind.CROSS_ENTROPY) {
            return "";
        }
        Evaluation.Score score = Evaluation.score(trained);
        String text = String.format(Locale.ROOT, "; %d of %d outputs right", score.correctSteps(), score.steps());
        if (trained.feedback() == Feedback.TEACHER_FORCING) {
            Evaluation.Score free = Evaluation.score(ScenarioEdits.withFeedback(trained, Feedback.FREE_RUNNING));
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
            Trainer.Optimizer o = switch (optimizer.toLowerCase(Locale.ROOT)) {
                case "adam" -> Trainer.Optimizer.ADAM;
                case "sgd" -> Trainer.Optimizer.SGD;
                default -> throw new IllegalArgumentException("--optimizer: expected adam or sgd, got " + optimizer);
            };
            settings = new Trainer.Settings(o, learningRate, iterations, clip);
        } catch (IllegalArgumentException e) {
            Messages.error(err, "train", e.getMessage());
            return Main.EXIT_BAD_INPUT;
        }
        OutputCheck.Problem problem = OutputCheck.check(output, force); // before training, not after it
        if (problem != null) {
            Messages.error(err, "train", problem.message());
            return problem.status();
        }
        Scenario s;
        try {
            s = ScenarioReader.read(scenario);
        } catch (ScenarioException e) {
            Messages.error(err, "train", e.getMessage());
            return Main.EXIT_BAD_INPUT;
        }
        long[] last = {0};
        Trainer.Result r = Trainer.train(s, settings, (done, total, loss) -> {
            long now = System.nanoTime();
            if (done == total || now - last[0] > 250_000_000L) {
                last[0] = now;
                err.printf(Locale.ROOT, "\r%s %d/%d  loss %.6g", progressBar(done, total), done, total, loss);
                err.flush();
            }
        });
        err.println();
        err.printf(Locale.ROOT, "loss %.6g -> %.6g after %d updates%n", r.initialLoss(), r.finalLoss(), r.iterations());
        if (r.diverged()) {
            err.printf(Locale.ROOT, "training diverged: update %d made the loss or a weight infinite or NaN; the last "
                    + "weights with a finite loss (after %d updates) are written. Try a smaller --lr or --clip.%n",
                    r.iterations() + 1, r.iterations());
        }
        Scenario.Builder b = r.scenario().toBuilder();
        String examples = s.examples().isEmpty() ? "its own sequence" : s.examples().size() + " examples";
        String made = String.format(Locale.ROOT,
                "Made with `unrolled train` on %s (%s, learning rate %s, %d updates, %s): mean loss %.4g -> %.4g%s.%s",
                examples, optimizer, learningRate, r.iterations(),
                clip > 0 ? "gradient norm clipped to " + clip : "no gradient clipping",
                r.initialLoss(), r.finalLoss(), accuracy(r.scenario(), err),
                r.diverged() ? " Training diverged at the next update; these are the last weights with a finite loss." : "");
        b.description = describe(s.description(), made);
        try {
            if (force) {
                ScenarioWriter.save(b.build(), output);
            } else {
                ScenarioWriter.saveNew(b.build(), output);
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
