package org.unrolled.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.unrolled.document.DocumentTrace;

class TraceWriterTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private static String written(double d) throws IOException {
        StringWriter w = new StringWriter();
        try (JsonGenerator g = JsonFactory.builder().enable(StreamWriteFeature.USE_FAST_DOUBLE_WRITER).build()
                .createGenerator(w)) {
            TraceWriter.number(g, d);
        }
        return w.toString();
    }

    @Test
    void nonFiniteNumbersAreStrings() throws IOException {
        assertEquals("\"NaN\"", written(Double.NaN));
        assertEquals("\"Infinity\"", written(Double.POSITIVE_INFINITY));
        assertEquals("\"-Infinity\"", written(Double.NEGATIVE_INFINITY));
    }

    @Test
    void doublesAreWrittenInShortestRoundTripForm() throws IOException {
        // Java 17's Double.toString gives 2.0000000000000002E23 here; the shortest form is 2.0E23.
        assertEquals(2e23, Double.parseDouble(written(2e23)));
        assertEquals(1, significantDigits(written(2e23)));
        Random rnd = new Random(42);
        for (int k = 0; k < 20_000; k++) {
            double d = k % 2 == 0 ? Double.longBitsToDouble(rnd.nextLong()) : rnd.nextGaussian() * Math.pow(10, rnd.nextInt(40) - 20);
            if (!Double.isFinite(d)) {
                continue;
            }
            String s = written(d);
            assertEquals(d, Double.parseDouble(s), s);
            int digits = significantDigits(s);
            if (digits > 1) {
                // no decimal with one digit fewer reads back to the same double
                BigDecimal exact = new BigDecimal(d);
                MathContext shorter = new MathContext(digits - 1, RoundingMode.FLOOR);
                BigDecimal down = exact.round(shorter);
                BigDecimal up = exact.round(new MathContext(digits - 1, RoundingMode.CEILING));
                assertTrue(down.doubleValue() != d && up.doubleValue() != d, s + " is not the shortest form");
            }
        }
    }

    private static int significantDigits(String s) {
        String mantissa = s.replaceFirst("[eE].*", "").replace("-", "").replace(".", "");
        mantissa = mantissa.replaceFirst("^0+", "").replaceFirst("0+$", "");
        return Math.max(1, mantissa.length());
    }

    @Test
    void explodingNetworkWritesInfinityAndNaNAsStrings() throws Exception {
        String text = """
            {"format": "rnn-scenario/1", "title": "boom", "cell": "rnn", "activation": "relu", "inputSize": 1,
             "hiddenSize": 2, "outputSize": 1, "mapping": "many-to-many", "loss": "mse",
             "inputs": [[1], [1], [1], [1], [1], [1], [1], [1], [1], [1], [1], [1]], "targets": [[0], [0], [0], [0], [0], [0], [0], [0], [0], [0], [0], [0]],
             "weights": {"weight_ih": [[1], [1]], "weight_hh": [[1e60, 1e60], [1e60, 1e60]], "bias_ih": [0, 0],
                         "bias_hh": [0, 0], "weight_out": [[1, 1]], "bias_out": [0]}}""";
        DocumentTrace trace = DocumentTrace.run(ScenarioReader.parse(text, "boom"));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new TraceWriter(false, false).write(trace, out);
        JsonNode doc = JSON.readTree(out.toByteArray());
        assertEquals("Infinity", doc.get("loss").asText());
        assertEquals("Infinity", doc.at("/steps/11/h/0").textValue());
        String s = out.toString(StandardCharsets.UTF_8);
        assertTrue(s.contains("\"NaN\""), "gradients of an overflowed network are NaN");
    }

    @Test
    void rnnStepsHaveEmptyGatesAndNoCellState() throws Exception {
        DocumentTrace trace = DocumentTrace.run(Samples.load("rnn-vanishing.json"));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new TraceWriter(false, false).write(trace, out);
        JsonNode step = JSON.readTree(out.toByteArray()).at("/steps/0");
        assertTrue(step.get("gates").isEmpty());
        assertFalse(step.has("c"));
        assertFalse(step.has("y"), "many-to-one: no output before the last step");
        assertTrue(JSON.readTree(out.toByteArray()).at("/steps/29").has("y"));
    }

    @Test
    void extrasAddPreActivationsAndTheGradientSplit() throws Exception {
        DocumentTrace trace = DocumentTrace.run(Samples.load(Samples.DEFAULT));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new TraceWriter(true, true).write(trace, out);
        JsonNode step = JSON.readTree(out.toByteArray()).at("/steps/2");
        assertTrue(step.at("/pre/f").isArray());
        for (int j = 0; j < 4; j++) {
            double sum = step.at("/dL_dh_from_output/" + j).doubleValue() + step.at("/dL_dh_from_next/" + j).doubleValue();
            assertEquals(step.at("/dL_dh/" + j).doubleValue(), sum, 1e-15);
        }
    }

    @Test
    void atomicWriteLeavesTheOldFileWhenWritingFails(@TempDir Path dir) throws Exception {
        Path target = dir.resolve("trace.json");
        Files.writeString(target, "previous");
        assertThrows(IOException.class, () -> AtomicFiles.write(target, out -> {
            out.write("half of a new fi".getBytes(StandardCharsets.UTF_8));
            throw new IOException("disk full");
        }));
        assertEquals("previous", Files.readString(target));
        try (var files = Files.list(dir)) {
            assertEquals(1, files.count(), "no temporary file is left behind");
        }
    }
}
