package org.unrolled.cli;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/** Where a command writes its one file, standard output if none, and whether it may replace one (a picocli mixin). */
final class OutputFile {
    @Option(names = {"-o", "--output"}, paramLabel = "FILE", converter = OptionTypes.FilePathConverter.class,
            description = "Write here instead of to standard output. The file appears complete or not at all.")
    Path path;

    @Option(names = "--force", description = "Replace FILE if it exists.")
    boolean force;
}
