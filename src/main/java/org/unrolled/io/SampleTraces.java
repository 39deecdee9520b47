package org.unrolled.io;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.unrolled.engine.Checks;
import org.unrolled.engine.Engine;
import org.unrolled.engine.Scenario;
import org.unrolled.engine.Trace;

/**
 * The built-in samples as a lesson's checks and questions read them ({@link Checks.Samples}): a
 * {@code sample} check's trace, a race question's networks. They never change while the program runs,
 * so each is read (and run) once and kept; the same scenario object each time also lets a race
 * question keep its scores. Thread-safe: the window asks from its worker, exports from theirs.
 */
public final class SampleTraces implements Checks.Samples {
    /** The samples built into the program. */
    public static final SampleTraces BUILT_IN = new SampleTraces();

    private final Map<String, Scenario> scenarios = new ConcurrentHashMap<>();
    private final Map<String, Trace> traces = new ConcurrentHashMap<>();

    private SampleTraces() {
    }

    @Override
    public Scenario scenario(String name) {
        return scenarios.computeIfAbsent(name, Samples::load);
    }

    @Override
    public Trace trace(String name) {
        return traces.computeIfAbsent(name, n -> Engine.run(scenario(n)));
    }
}
