package org.unrolled.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.unrolled.document.ScenarioDocument;

/**
 * The fuzz test's extreme cases, one by one and with the exact answer expected: enormous arrays, deep
 * nesting, numbers beyond a double, sizes beyond the limits, byte-order marks, bad UTF-8, an empty
 * file, a file above the size limit. Each read runs with a time limit and its allocation is measured.
 */
class ScenarioReaderExtremesTest {
    private static final Duration LIMIT = Duration.ofSeconds(20);

    @TempDir
    Path dir;

    /** A valid vanilla RNN (I = 2, H = 3, O = 1, many-to-one) with {@code %INPUTS%} and {@code %HIDDEN%} to fill in. */
    private static final String TEMPLATE = """
            {"format": "rnn-scenario/1", "title": "extreme", "cell": "rnn", "inputSize": 2, "hiddenSize": %HIDDEN%,
             "outputSize": 1, "mapping": "many-to-one", "loss": "mse", "inputs": %INPUTS%, "targets": [[0.5]],
             "init": {"seed": 1}}
            """;

    private static String scenario(String inputs, String hidden) {
        return TEMPLATE.replace("%INPUTS%", inputs).replace("%HIDDEN%", hidden);
    }

    private static String repeated(String element, int n) {
        StringBuilder b = new StringBuilder(n * (element.length() + 1) + 2).append('[');
        for (int i = 0; i < n; i++) {
            b.append(i == 0 ? "" : ",").append(element);
        }
        return b.append(']').toString();
    }

    private ReaderProbe.Outcome read(String name, byte[] bytes) throws Exception {
        return ReaderProbe.read(dir.resolve(name), bytes, LIMIT, name);
    }

    private ReaderProbe.Outcome read(String name, String text) throws Exception {
        return read(name, text.getBytes(StandardCharsets.UTF_8));
    }

    private static ScenarioException rejected(ReaderProbe.Outcome o, String location, String... fragments) {
        assertFalse(o.loaded(), "should have been rejected");
        ScenarioException e = o.rejection();
        assertTrue(e.location().startsWith(location), "location " + e.location() + " of: " + e.getMessage());
        for (String f : fragments) {
            assertTrue(e.getMessage().contains(f), "\"" + ReaderProbe.abbreviate(e.getMessage()) + "\" should contain \"" + f + "\"");
        }
        return e;
    }

    private static void allocatedAtMost(ReaderProbe.Outcome o, long bytes) {
        assertTrue(o.allocatedBytes() <= bytes, "allocated " + (o.allocatedBytes() >> 20) + " MB, more than "
                + (bytes >> 20) + " MB");
    }

    @Test
    void theTemplateItselfLoads() throws Exception {
        ReaderProbe.Outcome o = read("valid.json", scenario("[[1, 0], [0, 1]]", "3"));
        assertTrue(o.loaded(), () -> o.rejection().getMessage());
        assertEquals(2, o.scenario().scenario().inputCount());
    }

    @Test
    void tenMillionInputRowsAreRejectedQuicklyWithoutBuildingThemAll() throws Exception {
        String text = scenario(repeated("[0.5,0.5]", 10_000_000), "3");
        ReaderProbe.Outcome o = read("ten-million-rows.json", text);
        rejected(o, "$.inputs", "ten-million-rows.json", "100000");
        // the file is 100 MB: reading it as text costs about two copies, a tree of it about twenty
        allocatedAtMost(o, 6L * text.length() + (64L << 20));
    }

    @Test
    void tenMillionEmptyObjectsAreRejectedWithoutBuildingThem() throws Exception {
        String text = scenario(repeated("{}", 10_000_000), "3");
        ReaderProbe.Outcome o = read("objects.json", text);
        rejected(o, "$.inputs", "objects.json");
        allocatedAtMost(o, 6L * text.length() + (64L << 20));
    }

    @Test
    void anArrayOfExactlyTheLongestSequenceIsStillRead() throws Exception {
        ReaderProbe.Outcome o = read("longest.json", scenario(repeated("[0.5,0.5]", Limits.MAX_SEQUENCE_LENGTH), "3"));
        assertTrue(o.loaded(), () -> o.rejection().getMessage());
        assertEquals(Limits.MAX_SEQUENCE_LENGTH, o.scenario().scenario().inputCount());
    }

    @Test
    void oneInputRowAboveTheLongestSequenceIsRejectedAtItsPath() throws Exception {
        ReaderProbe.Outcome o = read("longer.json", scenario(repeated("[0.5,0.5]", Limits.MAX_SEQUENCE_LENGTH + 1), "3"));
        rejected(o, "$.inputs", "more than 100000 values");
    }

    @Test
    void aHundredThousandNestedArraysAreRejected() throws Exception {
        int depth = 100_000;
        ReaderProbe.Outcome o = read("deep.json", scenario("[".repeat(depth) + "]".repeat(depth), "3"));
        rejected(o, "$.inputs[0][0][0]", "deep.json", "nested more than 64 levels deep");
    }

    @Test
    void aHundredThousandNestedObjectsLeftOpenAreRejected() throws Exception {
        ReaderProbe.Outcome o = read("deep-open.json", "{\"title\": " + "{\"a\":".repeat(100_000));
        rejected(o, "$.title.a.a.a", "deep-open.json", "nested more than 64 levels deep");
    }

    @Test
    void aHiddenSizeOfABillionIsAMessageNotAnAllocation() throws Exception {
        ReaderProbe.Outcome o = read("billion.json", scenario("[[1, 0]]", "1000000000"));
        rejected(o, "$.hiddenSize", "from 1 to 1024", "above the limit of 1024");
        allocatedAtMost(o, 64L << 20);
    }

    @Test
    void aHiddenSizeBeyondLongIsRejectedAtItsPath() throws Exception {
        rejected(read("huge.json", scenario("[[1, 0]]", "99999999999999999999")), "$.hiddenSize",
                "99999999999999999999");
        rejected(read("float.json", scenario("[[1, 0]]", "1e9")), "$.hiddenSize", "whole number");
        rejected(read("negzero.json", scenario("[[1, 0]]", "-0")), "$.hiddenSize", "from 1 to 1024");
    }

    @Test
    void numbersBeyondADoubleAreRejectedAndTheLargestFiniteOnesLoad() throws Exception {
        ReaderProbe.Outcome zero = read("zero.json", scenario("[[-0, 0]]", "3"));
        assertEquals(0.0, zero.scenario().scenario().inputs().get(0, 0), "the integer -0 is zero (as Python's json reads it)");
        rejected(read("e400.json", scenario("[[1e400, 0]]", "3")), "$.inputs[0][0]", "finite");
        rejected(read("-e400.json", scenario("[[0, -1e400]]", "3")), "$.inputs[0][1]", "finite");
        ReaderProbe.Outcome o = read("e308.json", scenario("[[1e308, -1.7976931348623157e308], [-0.0, 1e-400]]", "3"));
        assertTrue(o.loaded(), () -> o.rejection().getMessage());
        assertEquals(1e308, o.scenario().scenario().inputs().get(0, 0));
        assertEquals(Double.doubleToRawLongBits(-0.0), Double.doubleToRawLongBits(o.scenario().scenario().inputs().get(1, 0)),
                "-0.0 is read as negative zero");
        assertEquals(0.0, o.scenario().scenario().inputs().get(1, 1), "1e-400 underflows to zero");
    }

    @Test
    void nanAndInfinityLiteralsAreNotJson() throws Exception {
        rejected(read("nan.json", scenario("[[NaN, 0]]", "3")), "line 2, column", "not valid JSON", "NaN");
        rejected(read("inf.json", scenario("[[Infinity, 0]]", "3")), "line 2, column", "not valid JSON");
        rejected(read("nan-string.json", scenario("[[\"NaN\", 0]]", "3")), "$.inputs[0][0]", "expected a number");
    }

    @Test
    void aDuplicatedKeyIsRejectedByName() throws Exception {
        String text = scenario("[[1, 0]]", "3").replace("\"title\": \"extreme\"", "\"title\": \"a\", \"title\": \"b\"");
        rejected(read("dup.json", text), "line 1, column", "dup.json", "Duplicate field 'title'");
    }

    @Test
    void aUtf8ByteOrderMarkIsIgnoredAsJsonAllows() throws Exception {
        byte[] plain = Files.readAllBytes(Path.of("samples/default.json"));
        byte[] withBom = new byte[plain.length + 3];
        withBom[0] = (byte) 0xEF;
        withBom[1] = (byte) 0xBB;
        withBom[2] = (byte) 0xBF;
        System.arraycopy(plain, 0, withBom, 3, plain.length);
        ReaderProbe.Outcome o = read("bom.json", withBom);
        assertTrue(o.loaded(), () -> o.rejection().getMessage());
        ScenarioDocument expected = ScenarioReader.read(Path.of("samples/default.json"));
        assertEquals(expected.title(), o.scenario().title());
        assertEquals(expected.scenario().inputs().get(3, 1), o.scenario().scenario().inputs().get(3, 1));
    }

    @Test
    void aByteOrderMarkAnywhereElseIsAnError() throws Exception {
        rejected(read("two-boms.json", "\uFEFF\uFEFF" + scenario("[[1, 0]]", "3")), "line 1, column", "not valid JSON");
        byte[] utf16 = ("\uFEFF" + scenario("[[1, 0]]", "3")).getBytes(StandardCharsets.UTF_16LE);
        rejected(read("utf16.json", utf16), "", "not UTF-8");
    }

    @Test
    void bytesThatAreNotUtf8AreRejected() throws Exception {
        byte[] text = scenario("[[1, 0]]", "3").getBytes(StandardCharsets.UTF_8);
        text[20] = (byte) 0xFF;
        rejected(read("latin.json", text), "", "latin.json", "not UTF-8");
    }

    @Test
    void anEmptyFileOrOnlyWhitespaceSaysItIsEmpty() throws Exception {
        rejected(read("empty.json", new byte[0]), "", "empty.json", "empty");
        rejected(read("blank.json", " \n\t\n"), "", "blank.json", "empty");
    }

    @Test
    void aFileAboveTheSizeLimitIsRejectedBeforeItIsRead() throws Exception {
        Path big = dir.resolve("big.json");
        try (RandomAccessFile f = new RandomAccessFile(big.toFile(), "rw")) {
            f.setLength(Limits.MAX_FILE_BYTES + 1); // sparse: no disk space used
        }
        ReaderProbe.Outcome o = ReaderProbe.read(big, LIMIT, "big.json");
        rejected(o, "", "big.json", "at most 256 MB");
        allocatedAtMost(o, 16L << 20);
    }

    @Test
    void aTraceAboveTheMemoryLimitIsRejectedBeforeTheEngineRuns() throws Exception {
        // 100,000 steps of an RNN with H = 1024: about 7 GB of trace
        ReaderProbe.Outcome o = read("trace.json", scenario(repeated("[0,0]", Limits.MAX_SEQUENCE_LENGTH), "1024"));
        rejected(o, "$", "MB", "the limit is 1024 MB");
    }

    @Test
    void aLongUnknownFieldNameIsQuotedShortly() throws Exception {
        String text = scenario("[[1, 0]]", "3").replace("\"title\"", "\"" + "t".repeat(40_000) + "\": 1, \"title\"");
        ScenarioException e = rejected(read("name.json", text), "$.ttt", "unknown field \"ttt");
        assertTrue(e.getMessage().length() < 1000, e.getMessage().length() + " characters");
    }

    @Test
    void aLongWrongFormatIsQuotedShortly() throws Exception {
        String text = scenario("[[1, 0]]", "3").replace("rnn-scenario/1", "r".repeat(1_000_000));
        ScenarioException e = rejected(read("format.json", text), "$.format", "expected \"rnn-scenario/1\"");
        assertTrue(e.getMessage().length() < 1000, e.getMessage().length() + " characters");
    }

    @Test
    void longValuesAreQuotedShortly() throws Exception {
        ScenarioException e = rejected(read("cell.json", scenario("[[1, 0]]", "3").replace("\"rnn\"",
                "\"" + "s".repeat(100_000) + "\"")), "$.cell", "expected one of", "sss");
        assertTrue(e.getMessage().length() < 1000, e.getMessage().length() + " characters");
        e = rejected(read("size.json", scenario("[[1, 0]]", "1" + "0".repeat(999))), "$.hiddenSize", "whole number");
        assertTrue(e.getMessage().length() < 1000, e.getMessage().length() + " characters");
        e = rejected(read("big.json", scenario("[[1" + "0".repeat(999) + ", 0]]", "3")), "$.inputs[0][0]", "finite");
        assertTrue(e.getMessage().length() < 1000, e.getMessage().length() + " characters");
    }

    @Test
    void jacksonsOwnLimitsAreReportedInPlainWordsWithALine() throws Exception {
        String name = scenario("[[1, 0]]", "3").replace("\"title\"", "\"" + "t".repeat(100_000) + "\": 1, \"title\"");
        ScenarioException e = rejected(read("name.json", name), "line 1, column", "not valid JSON", "a field name of 65536 characters, longer than the 50000 allowed");
        assertFalse(e.getMessage().contains("StreamReadConstraints"), e.getMessage());
        e = rejected(read("digits.json", scenario("[[1" + "0".repeat(1500) + ", 0]]", "3")), "line 2, column",
                "not valid JSON", "a number of 1501 digits, longer than the 1000 allowed");
        assertFalse(e.getMessage().contains("StreamReadConstraints"), e.getMessage());
    }
}
