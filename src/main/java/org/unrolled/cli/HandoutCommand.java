package org.unrolled.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.unrolled.document.DocumentTrace;
import org.unrolled.export.Handout;
import org.unrolled.io.AtomicFiles;
import org.unrolled.io.ScenarioException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code unrolled handout SCENARIO.json [-o FILE.md]}: the lesson as a Markdown handout with its questions. */
@Command(name = "handout",
        mixinStandardHelpOptions = true,
        description = {"Writes a scenario's lesson as a Markdown handout for students: one section per beat",
            "with its caption or its question (choices A-D), and the answers, computed from the numbers, at the end."})
final class HandoutCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    ScenarioArgument scenario;

    @Mixin
    OutputFile file;

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        Path output = file.path;
        if (output != null) {
            OutputCheck.Problem p = OutputCheck.check(output, file.force, scenario.path, "handout");
            if (p != null) {
                Messages.error(err, "handout", p.message());
                return p.status();
            }
        }
        String md;
        try {
            DocumentTrace trace = DocumentTrace.run(scenario.read());
            // worked out once (a question may race networks) for the handout and its warnings alike
            org.unrolled.document.LessonVerdicts verdicts = org.unrolled.document.LessonVerdicts.of(trace,
                    org.unrolled.io.SampleTraces.BUILT_IN);
            md = Handout.markdown(trace, verdicts);
            LessonCheck.warn(err, "handout", trace, verdicts); // (the handout marks those beats too)
        } catch (ScenarioException e) {
            Messages.error(err, "handout", e.getMessage());
            return Main.EXIT_BAD_INPUT;
        }
        byte[] bytes = md.getBytes(StandardCharsets.UTF_8);
        if (output == null) {
            // a PrintStream never throws: it only remembers a failed write (a full disk, a closed pipe)
            System.out.write(bytes, 0, bytes.length);
            System.out.flush();
            if (System.out.checkError()) {
                Messages.error(err, "handout", "cannot write to standard output (a full disk or a closed pipe?): "
                        + "the handout is incomplete");
                return Main.EXIT_IO;
            }
            return 0;
        }
        try {
            AtomicFiles.write(output, out -> out.write(bytes));
            return 0;
        } catch (IOException e) {
            err.println("unrolled handout: " + output + ": cannot write: " + AtomicFiles.describe(e));
            return Main.EXIT_IO;
        }
    }
}
