package org.unrolled.io;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.unrolled.document.Checks;
import org.unrolled.document.DocumentTrace;
import org.unrolled.document.ScenarioDocument;
import org.unrolled.engine.Scenario;

/**
 * The built-in samples as a lesson's checks and questions read them ({@link Checks.Samples}): a
 * {@code sample} check's trace, a race question's networks. They never change while the program runs,
 * so each is read (and run) once and kept; the same scenario object each time also lets a race
 * question keep its scores. Thread-safe: the window asks from its worker, exports from theirs.
 */
public final class SampleTraces implements Checks.Samples {
    /** The samples built into the program. */
    public static final SampleTraces BUILT_IN = new SampleTraces();

    private final Map<String, ScenarioDocument> documents = new ConcurrentHashMap<>();
    private final Map<String, DocumentTrace> traces = new ConcurrentHashMap<>();

    private SampleTraces() {
    }

    @Override
    public Scenario scenario(String name) {
        return documents.computeIfAbsent(name, Samples::load).scenario();
    }

    @Override
    public DocumentTrace trace(String name) {
        return traces.computeIfAbsent(name, n -> DocumentTrace.run(documents.computeIfAbsent(n, Samples::load)));
    }
}
