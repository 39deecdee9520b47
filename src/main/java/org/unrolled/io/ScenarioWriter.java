package org.unrolled.io;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Path;
import org.unrolled.document.ScenarioDocument;
import org.unrolled.engine.CellType;
import org.unrolled.engine.CellWeights;
import org.unrolled.engine.LossKind;
import org.unrolled.engine.Mapping;
import org.unrolled.engine.Matrix;
import org.unrolled.engine.NetworkWeights;
import org.unrolled.engine.Scenario;

/**
 * Writes a scenario as {@code rnn-scenario/1} with explicit weights, so that it reopens identically
 * whatever generator made them. Only fields of the spec are written.
 */
public final class ScenarioWriter {
    private static final JsonFactory FACTORY = JsonFactory.builder()
            .enable(StreamWriteFeature.USE_FAST_DOUBLE_WRITER)
            .disable(StreamWriteFeature.AUTO_CLOSE_TARGET)
            .build();

    private ScenarioWriter() {
    }

    /**
     * Writes {@code s} to {@code file} completely or not at all (the old file stays on failure), and
     * durably: forced to the disk before it replaces the old one.
     */
    public static void save(ScenarioDocument s, Path file) throws IOException {
        AtomicFiles.writeDurably(file, out -> write(s, out));
    }

    /**
     * Like {@link #save}, but only if {@code file} does not exist yet (checked atomically with the write).
     *
     * @throws java.nio.file.FileAlreadyExistsException if it does
     */
    public static void saveNew(ScenarioDocument s, Path file) throws IOException {
        AtomicFiles.writeNew(file, out -> write(s, out));
    }

    /** Writes the document {@code d}: its scenario's numbers and everything around them. */
    public static void write(ScenarioDocument d, OutputStream out) throws IOException {
        Scenario s = d.scenario();
        try (JsonGenerator g = FACTORY.createGenerator(out, JsonEncoding.UTF8)) {
            g.setPrettyPrinter(new DefaultPrettyPrinter());
            g.writeStartObject();
            g.writeStringField("format", ScenarioReader.FORMAT);
            g.writeStringField("title", d.title());
            if (!d.description().isEmpty()) {
                g.writeStringField("description", d.description());
            }
            g.writeStringField("cell", s.cell().jsonName());
            if (s.cell() == CellType.RNN) {
                g.writeStringField("activation", s.activation().jsonName());
            }
            if (s.cell() == CellType.GRU) {
                g.writeStringField("gruVariant", s.gruVariant().jsonName());
            }
            g.writeNumberField("inputSize", s.inputSize());
            g.writeNumberField("hiddenSize", s.hiddenSize());
            g.writeNumberField("outputSize", s.outputSize());
            g.writeStringField("mapping", s.mapping().jsonName());
            g.writeStringField("loss", s.loss().jsonName());
            if (s.feedback() != null) {
                g.writeStringField("feedback", s.feedback().jsonName());
            }
            if (s.mapping() == Mapping.SEQ2SEQ) {
                vector(g, "startInput", s.startInput());
            }
            matrix(g, "inputs", s.inputs());
            if (s.loss() == LossKind.MSE) {
                matrix(g, "targets", s.targetVectors());
            } else {
                g.writeArrayFieldStart("targets");
                for (int k : s.targetClasses()) {
                    g.writeNumber(k);
                }
                g.writeEndArray();
            }
            vector(g, "h0", s.h0());
            if (s.cell() == CellType.LSTM) {
                vector(g, "c0", s.c0());
            }
            NetworkWeights w = s.weights();
            g.writeObjectFieldStart("weights");
            if (w.hasEncoder()) {
                g.writeObjectFieldStart("encoder");
                cell(g, w.encoder());
                g.writeEndObject();
                g.writeObjectFieldStart("decoder");
                cell(g, w.cell());
                g.writeEndObject();
            } else {
                cell(g, w.cell());
            }
            matrix(g, "weight_out", w.weightOut());
            vector(g, "bias_out", w.biasOut());
            g.writeEndObject();
            ScenarioExtras.write(d, g);
            g.writeEndObject();
            g.writeRaw('\n');
        }
    }

    private static void cell(JsonGenerator g, CellWeights c) throws IOException {
        matrix(g, "weight_ih", c.weightIh());
        matrix(g, "weight_hh", c.weightHh());
        vector(g, "bias_ih", c.biasIh());
        vector(g, "bias_hh", c.biasHh());
    }

    static void matrix(JsonGenerator g, String name, Matrix m) throws IOException {
        g.writeArrayFieldStart(name);
        for (int r = 0; r < m.rows(); r++) {
            g.writeStartArray();
            for (int c = 0; c < m.cols(); c++) {
                g.writeNumber(m.get(r, c));
            }
            g.writeEndArray();
        }
        g.writeEndArray();
    }

    private static void vector(JsonGenerator g, String name, double[] v) throws IOException {
        g.writeArrayFieldStart(name);
        for (double d : v) {
            g.writeNumber(d);
        }
        g.writeEndArray();
    }
}
