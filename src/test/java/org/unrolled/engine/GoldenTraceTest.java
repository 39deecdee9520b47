package org.unrolled.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.unrolled.document.DocumentTrace;
import org.unrolled.document.ScenarioDocument;
import org.unrolled.io.ScenarioReader;
import org.unrolled.io.TraceWriter;

/**
 * The engine's trace files against traces computed by PyTorch 1.13's autograd (made by
 * {@code tools/pytorch/make_golden.py}): the same fields, and every number equal to about 1e-12.
 */
class GoldenTraceTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    static Stream<Path> scenarios() throws IOException, URISyntaxException {
        Path dir = Path.of(GoldenTraceTest.class.getResource("/golden").toURI());
        try (Stream<Path> files = Files.list(dir)) {
            List<Path> list = files.filter(p -> p.getFileName().toString().endsWith(".scenario.json")).sorted().toList();
            return list.stream();
        }
    }

    @Test
    void thereIsAGoldenFileForEveryCombination() throws Exception {
        // every combination, the exploding network and the relu unit at zero under an infinite gradient
        assertEquals(RandomScenarios.allCases().size() + 2, scenarios().count());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("scenarios")
    void traceMatchesPyTorch(Path scenarioFile) throws Exception {
        ScenarioDocument d = ScenarioReader.read(scenarioFile);
        Scenario s = d.scenario();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new TraceWriter(false, false).write(DocumentTrace.run(d), out);
        JsonNode ours = JSON.readTree(out.toByteArray());
        Path tracePath = scenarioFile.resolveSibling(scenarioFile.getFileName().toString()
                .replace(".scenario.json", ".trace.json"));
        JsonNode torch = JSON.readTree(tracePath.toFile());
        compare("$", torch, ours);
    }

    private static void compare(String path, JsonNode expected, JsonNode actual) {
        if (expected.isObject()) {
            assertTrue(actual.isObject(), path + ": expected an object");
            TreeSet<String> e = new TreeSet<>();
            expected.fieldNames().forEachRemaining(e::add);
            TreeSet<String> a = new TreeSet<>();
            actual.fieldNames().forEachRemaining(a::add);
            assertEquals(e, a, path + ": fields");
            for (Iterator<String> it = expected.fieldNames(); it.hasNext();) {
                String name = it.next();
                compare(path + "." + name, expected.get(name), actual.get(name));
            }
        } else if (expected.isArray()) {
            assertTrue(actual.isArray(), path + ": expected an array");
            assertEquals(expected.size(), actual.size(), path + ": length");
            for (int i = 0; i < expected.size(); i++) {
                compare(path + "[" + i + "]", expected.get(i), actual.get(i));
            }
        } else if (expected.isNumber()) {
            if (!actual.isNumber()) {
                fail(path + ": PyTorch " + expected + ", engine " + actual);
            }
            double x = expected.doubleValue();
            double y = actual.doubleValue();
            if (!(Math.abs(x - y) <= 1e-12 * Math.max(1, Math.abs(x)))) {
                fail(path + ": PyTorch " + x + ", engine " + y);
            }
        } else {
            assertEquals(expected, actual, path);
        }
    }
}
