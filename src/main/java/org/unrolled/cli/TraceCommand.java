package org.unrolled.cli;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.unrolled.engine.Engine;
import org.unrolled.engine.Trace;
import org.unrolled.io.AtomicFiles;
import org.unrolled.io.ScenarioException;
import org.unrolled.io.ScenarioReader;
import org.unrolled.io.TraceWriter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code unrolled trace SCENARIO.json [-o TRACE.json]}: every number of the forward pass and BPTT. */
@Command(name = "trace",
        mixinStandardHelpOptions = true,
        description = {"Runs a scenario forward and back through time and writes its rnn-trace/1 JSON.",
            "Every input, gate, state, output and gradient, and every parameter gradient."})
final class TraceCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "SCENARIO.json", description = "The scenario (rnn-scenario/1).")
    Path scenario;

    @Option(names = {"-o", "--output"}, paramLabel = "TRACE.json",
            description = "Write here instead of to standard output. The file appears complete or not at all.")
    Path output;

    @Option(names = "--force", description = "Replace TRACE.json if it exists.")
    boolean force;

    @Option(names = "--extras", description = "Also write pre-activations, step losses, dL/dy and where "
            + "each dL/dh_t comes from (its own output, or step t+1).")
    boolean extras;

    @Option(names = "--pretty", description = "Indent the JSON.")
    boolean pretty;

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        Trace trace;
        try {
            trace = Engine.run(ScenarioReader.read(scenario));
        } catch (ScenarioException e) {
            err.println("unrolled trace: " + e.getMessage());
            return Main.EXIT_BAD_INPUT;
        }
        TraceWriter writer = new TraceWriter(extras, pretty);
        if (output == null) {
            try {
                OutputStream out = System.out;
                writer.write(trace, out);
                out.flush();
                return 0;
            } catch (IOException e) {
                err.println("unrolled trace: cannot write to standard output: " + e.getMessage());
                return Main.EXIT_IO;
            }
        }
        if (Files.exists(output) && !force) {
            err.println("unrolled trace: " + output + " already exists; pass --force to replace it");
            return Main.EXIT_BAD_INPUT;
        }
        Path dir = output.toAbsolutePath().getParent();
        if (dir == null || !Files.isDirectory(dir)) {
            err.println("unrolled trace: " + output + ": the folder " + dir + " does not exist");
            return Main.EXIT_IO;
        }
        try {
            AtomicFiles.write(output, out -> writer.write(trace, out));
            return 0;
        } catch (IOException e) {
            err.println("unrolled trace: " + output + ": cannot write: " + describe(e));
            return Main.EXIT_IO;
        }
    }

    private static String describe(IOException e) {
        if (e instanceof java.nio.file.AccessDeniedException) {
            return "permission denied";
        }
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }
}
