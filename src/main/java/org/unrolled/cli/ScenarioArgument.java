package org.unrolled.cli;

import java.nio.file.Path;
import org.unrolled.document.ScenarioDocument;
import org.unrolled.io.ScenarioException;
import org.unrolled.io.ScenarioReader;
import picocli.CommandLine.Parameters;

/** The scenario file a command reads (a picocli mixin of trace, export, handout and train). */
final class ScenarioArgument {
    @Parameters(index = "0", paramLabel = "SCENARIO.json", description = "The scenario (rnn-scenario/1).")
    Path path;

    /** The scenario file's document, read strictly. */
    ScenarioDocument read() throws ScenarioException {
        return ScenarioReader.read(path);
    }

    @Override
    public String toString() {
        return String.valueOf(path);
    }
}
