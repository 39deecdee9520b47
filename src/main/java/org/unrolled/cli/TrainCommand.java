package org.unrolled.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
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
            err.println("unrolled train: " + e.getMessage());
            return Main.EXIT_BAD_INPUT;
        }
        if (Files.exists(output) && !force) {
            err.println("unrolled train: " + output + " already exists; pass --force to replace it");
            return Main.EXIT_BAD_INPUT;
        }
        Scenario s;
        try {
            s = ScenarioReader.read(scenario);
        } catch (ScenarioException e) {
            err.println("unrolled train: " + e.getMessage());
            return Main.EXIT_BAD_INPUT;
        }
        long[] last = {0};
        Trainer.Result r = Trainer.train(s, settings, (done, total, loss) -> {
            long now = System.nanoTime();
            if (done == total || now - last[0] > 250_000_000L) {
                last[0] = now;
                int width = 30;
                int filled = width * done / total;
                err.printf(Locale.ROOT, "\r[%s%s] %d/%d  loss %.6g", "#".repeat(filled), " ".repeat(width - filled),
                        done, total, loss);
                err.flush();
            }
        });
        err.println();
        err.printf(Locale.ROOT, "loss %.6g -> %.6g after %d updates%n", r.initialLoss(), r.finalLoss(), r.iterations());
        Scenario.Builder b = r.scenario().toBuilder();
        String examples = s.examples().isEmpty() ? "its own sequence" : s.examples().size() + " examples";
        b.description = (s.description().isEmpty() ? "" : s.description() + " ") + String.format(Locale.ROOT,
                "Made with `unrolled train` on %s (%s, learning rate %s, %d updates, gradient norm clipped to %s): "
                + "mean loss %.4g -> %.4g%s.", examples, optimizer, learningRate, r.iterations(), clip,
                r.initialLoss(), r.finalLoss(), accuracy(r.scenario(), err));
        try {
            ScenarioWriter.save(b.build(), output);
            return 0;
        } catch (IOException e) {
            err.println("unrolled train: " + output + ": cannot write: " + e.getMessage());
            return Main.EXIT_IO;
        }
    }
}
