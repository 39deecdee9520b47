package org.unrolled.app;

import java.nio.file.Path;
import org.unrolled.document.DocumentTrace;
import org.unrolled.document.ScenarioDocument;
import org.unrolled.engine.Scenario;
import org.unrolled.engine.Trace;

/**
 * What the window shows: the scenario file's content (the numbers and the words, examples and lesson
 * around them), the trace of its scenario, and where it came from.
 *
 * @param file the file it was read from, or null for a built-in sample
 * @param name how the title bar names it
 */
public record Document(ScenarioDocument content, Trace trace, Path file, String name) {

    /** The engine's scenario (the numbers the trace was computed from). */
    public Scenario scenario() {
        return content.scenario();
    }

    /** The content with its trace: what checks, questions, handouts and exports read. */
    public DocumentTrace shown() {
        return new DocumentTrace(content, trace);
    }
}
