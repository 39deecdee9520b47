package org.unrolled.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.unrolled.document.DocumentTrace;
import org.unrolled.io.AtomicFiles;
import org.unrolled.io.ScenarioException;
import org.unrolled.io.Text;
import org.unrolled.io.TraceWriter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code unrolled trace SCENARIO.json [-o TRACE.json]}: every number of the forward pass and BPTT. */
@Command(name = "trace",
        mixinStandardHelpOptions = true,
        description = {"Runs a scenario forward and back through time and writes its rnn-trace/1 JSON.",
            "Every input, gate, state, output and gradient, and every parameter gradient."})
final class TraceCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    ScenarioArgument scenario;

    @Mixin
    OutputFile file;

    @Option(names = "--extras", description = "Also write pre-activations, step losses, dL/dy and where "
            + "each dL/dh_t comes from (its own output, or step t+1).")
    boolean extras;

    @Option(names = "--pretty", description = "Indent the JSON.")
    boolean pretty;

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        Path output = file.path;
        boolean force = file.force;
        if (output != null) {
            OutputCheck.Problem p = OutputCheck.check(output, force, scenario.path, "trace");
            if (p != null) {
                Messages.error(err, "trace", p.message());
                return p.status();
            }
        }
        DocumentTrace trace;
        try {
            trace = DocumentTrace.run(scenario.read());
        } catch (ScenarioException e) {
            Messages.error(err, "trace", e.getMessage());
            return Main.EXIT_BAD_INPUT;
        }
        TraceWriter writer = new TraceWriter(extras, pretty);
        if (output == null) {
            return toStandardOutput(writer, trace, err);
        }
        try {
            if (force) {
                AtomicFiles.write(output, out -> writer.write(trace, out));
            } else {
                AtomicFiles.writeNew(output, out -> writer.write(trace, out)); // not even a file made meanwhile is replaced
            }
            return 0;
        } catch (java.nio.file.FileAlreadyExistsException e) {
            Messages.error(err, "trace", Text.path(output) + " already exists; pass --force to replace it");
            return Main.EXIT_BAD_INPUT;
        } catch (IOException e) {
            Messages.error(err, "trace", Text.path(output) + ": cannot write: " + AtomicFiles.describe(e));
            return Main.EXIT_IO;
        }
    }

    /**
     * A PrintStream never throws: it only remembers that a write failed (a full disk, a closed pipe).
     * Asked after the last byte, so that a truncated trace never ends in success.
     */
    private static int toStandardOutput(TraceWriter writer, DocumentTrace trace, PrintWriter err) {
        PrintStream out = System.out;
        try {
            writer.write(trace, out);
            out.flush();
        } catch (IOException e) {
            Messages.error(err, "trace", "cannot write to standard output: " + AtomicFiles.describe(e));
            return Main.EXIT_IO;
        }
        if (out.checkError()) {
            Messages.error(err, "trace", "cannot write to standard output (a full disk or a closed pipe?): "
                    + "the trace is incomplete");
            return Main.EXIT_IO;
        }
        return 0;
    }
}
