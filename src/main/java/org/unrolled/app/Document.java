package org.unrolled.app;

import java.nio.file.Path;
import org.unrolled.engine.Scenario;
import org.unrolled.engine.Trace;

/**
 * What the window shows: a scenario, its computed trace, and where it came from.
 *
 * @param file the file it was read from, or null for a built-in sample
 * @param name how the title bar names it
 */
public record Document(Scenario scenario, Trace trace, Path file, String name) {
}
