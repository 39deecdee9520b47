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
        boolean force = file.force;
        String md;
        try {
            md = Handout.markdown(DocumentTrace.run(scenario.read()));
        } catch (ScenarioException e) {
            err.println("unrolled handout: " + e.getMessage());
            return Main.EXIT_BAD_INPUT;
        }
        byte[] bytes = md.getBytes(StandardCharsets.UTF_8);
        if (output == null) {
            System.out.write(bytes, 0, bytes.length);
            System.out.flush();
            return 0;
        }
        if (Files.exists(output) && !force) {
            err.println("unrolled handout: " + output + " already exists; pass --force to replace it");
            return Main.EXIT_BAD_INPUT;
        }
        Path dir = output.toAbsolutePath().getParent();
        if (dir == null || !Files.isDirectory(dir)) {
            err.println("unrolled handout: " + output + ": the folder " + dir + " does not exist");
            return Main.EXIT_IO;
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
