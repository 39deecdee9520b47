package org.unrolled.document;

import java.util.Objects;
import org.unrolled.engine.Engine;
import org.unrolled.engine.Trace;

/**
 * A document and the trace of its scenario: what a lesson's checks and questions, a handout or an
 * export read (the numbers from the trace, the words, lesson and training record from the document).
 */
public record DocumentTrace(ScenarioDocument document, Trace trace) {
    public DocumentTrace {
        Objects.requireNonNull(document, "document");
        Objects.requireNonNull(trace, "trace");
    }

    /** Runs the document's scenario. */
    public static DocumentTrace run(ScenarioDocument document) {
        return new DocumentTrace(document, Engine.run(document.scenario()));
    }

    public Vocabulary vocabulary() {
        return document.vocabulary();
    }

    public java.util.List<Beat> lesson() {
        return document.lesson();
    }

    public String title() {
        return document.title();
    }
}
