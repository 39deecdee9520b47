package org.unrolled.io;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import java.io.IOException;
import java.io.OutputStream;
import org.unrolled.document.DocumentTrace;
import org.unrolled.engine.CellType;
import org.unrolled.engine.CellWeights;
import org.unrolled.engine.Matrix;
import org.unrolled.engine.NetworkWeights;
import org.unrolled.engine.SequenceTrace;
import org.unrolled.engine.Trace;

/**
 * Writes a {@link Trace} as {@code rnn-trace/1} JSON, streaming, so a long trace never sits in memory
 * as text. Doubles are written in their shortest round-trip form; NaN and the infinities as the
 * strings {@code "NaN"}, {@code "Infinity"}, {@code "-Infinity"}.
 */
public final class TraceWriter {
    public static final String FORMAT = "rnn-trace/1";

    private static final JsonFactory FACTORY = JsonFactory.builder()
            .enable(StreamWriteFeature.USE_FAST_DOUBLE_WRITER)
            .disable(StreamWriteFeature.AUTO_CLOSE_TARGET)
            .build();

    private final boolean extras;
    private final boolean pretty;

    /**
     * @param extras also write, per step, the project's own fields: pre-activations, step loss,
     *               {@code dL/dy} and the split of {@code dL/dh} (and {@code dL/dc}) by where it comes from
     * @param pretty indent the output for reading
     */
    public TraceWriter(boolean extras, boolean pretty) {
        this.extras = extras;
        this.pretty = pretty;
    }

    /** Writes {@code shown}'s trace; the format names the scenario by the document's title. */
    public void write(DocumentTrace shown, OutputStream out) throws IOException {
        Trace trace = shown.trace();
        try (JsonGenerator g = FACTORY.createGenerator(out, JsonEncoding.UTF8)) {
            if (pretty) {
                g.setPrettyPrinter(new DefaultPrettyPrinter());
            }
            g.writeStartObject();
            g.writeStringField("format", FORMAT);
            g.writeStringField("scenario", shown.title());
            g.writeFieldName("loss");
            number(g, trace.loss());
            g.writeFieldName("weights");
            weights(g, trace.scenario().weights());
            if (trace.hasEncoder()) {
                g.writeObjectFieldStart("encoder");
                steps(g, trace.encoder());
                g.writeEndObject();
                g.writeObjectFieldStart("decoder");
                steps(g, trace.steps());
                g.writeEndObject();
            } else {
                steps(g, trace.steps());
            }
            g.writeObjectFieldStart("grads");
            NetworkWeights grads = trace.gradients();
            if (grads.hasEncoder()) {
                cellFields(g, "encoder.", grads.encoder());
                cellFields(g, "decoder.", grads.cell());
            } else {
                cellFields(g, "", grads.cell());
            }
            g.writeFieldName("weight_out");
            matrix(g, grads.weightOut());
            g.writeFieldName("bias_out");
            vector(g, grads.biasOut());
            g.writeEndObject();
            g.writeEndObject();
            g.writeRaw('\n');
        }
    }

    /** The parameters in the scenario file's layout. */
    private static void weights(JsonGenerator g, NetworkWeights w) throws IOException {
        g.writeStartObject();
        if (w.hasEncoder()) {
            g.writeObjectFieldStart("encoder");
            cellFields(g, "", w.encoder());
            g.writeEndObject();
            g.writeObjectFieldStart("decoder");
            cellFields(g, "", w.cell());
            g.writeEndObject();
        } else {
            cellFields(g, "", w.cell());
        }
        g.writeFieldName("weight_out");
        matrix(g, w.weightOut());
        g.writeFieldName("bias_out");
        vector(g, w.biasOut());
        g.writeEndObject();
    }

    private static void cellFields(JsonGenerator g, String prefix, CellWeights w) throws IOException {
        g.writeFieldName(prefix + "weight_ih");
        matrix(g, w.weightIh());
        g.writeFieldName(prefix + "weight_hh");
        matrix(g, w.weightHh());
        g.writeFieldName(prefix + "bias_ih");
        vector(g, w.biasIh());
        g.writeFieldName(prefix + "bias_hh");
        vector(g, w.biasHh());
    }

    private void steps(JsonGenerator g, SequenceTrace s) throws IOException {
        CellType cell = s.cell();
        g.writeArrayFieldStart("steps");
        for (int t = 1; t <= s.length(); t++) {
            g.writeStartObject();
            g.writeNumberField("t", t);
            field(g, "x", s.x(t));
            field(g, "h", s.h(t));
            if (cell.hasCellState()) {
                field(g, "c", s.c(t));
            }
            g.writeObjectFieldStart("gates");
            for (char gate : cell.gateNames().toCharArray()) {
                field(g, String.valueOf(gate), s.gate(t, gate));
            }
            g.writeEndObject();
            if (s.hasOutput(t)) {
                field(g, "y", s.y(t));
            }
            field(g, "dL_dh", s.dLdh(t));
            if (cell.hasCellState()) {
                field(g, "dL_dc", s.dLdc(t));
            }
            if (extras) {
                extras(g, s, t);
            }
            g.writeEndObject();
        }
        g.writeEndArray();
    }

    private static void extras(JsonGenerator g, SequenceTrace s, int t) throws IOException {
        CellType cell = s.cell();
        g.writeObjectFieldStart("pre");
        if (cell == CellType.RNN) {
            field(g, "h", s.preActivation(t, ' '));
        } else {
            for (char gate : cell.gateNames().toCharArray()) {
                field(g, String.valueOf(gate), s.preActivation(t, gate));
            }
        }
        g.writeEndObject();
        if (s.hasOutput(t)) {
            g.writeFieldName("loss");
            number(g, s.stepLoss(t));
            field(g, "dL_dy", s.dLdy(t));
        }
        field(g, "dL_dh_from_output", s.dLdhFromOutput(t));
        field(g, "dL_dh_from_next", s.dLdhFromNext(t));
        if (cell.hasCellState()) {
            field(g, "dL_dc_from_next", s.dLdcFromNext(t));
        }
    }

    private static void field(JsonGenerator g, String name, double[] v) throws IOException {
        g.writeFieldName(name);
        vector(g, v);
    }

    private static void matrix(JsonGenerator g, Matrix m) throws IOException {
        g.writeStartArray();
        for (int i = 0; i < m.rows(); i++) {
            vector(g, m.row(i));
        }
        g.writeEndArray();
    }

    private static void vector(JsonGenerator g, double[] v) throws IOException {
        g.writeStartArray();
        for (double d : v) {
            number(g, d);
        }
        g.writeEndArray();
    }

    /** A number in shortest round-trip form, or a string for NaN and the infinities. */
    static void number(JsonGenerator g, double d) throws IOException {
        if (Double.isNaN(d)) {
            g.writeString("NaN");
        } else if (Double.isInfinite(d)) {
            g.writeString(d > 0 ? "Infinity" : "-Infinity");
        } else {
            g.writeNumber(d);
        }
    }
}
