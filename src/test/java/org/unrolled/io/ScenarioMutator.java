package org.unrolled.io;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.util.RawValue;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;

/**
 * Turns valid scenario files into malformed ones for the fuzz tests: each mutation is a pure function
 * of a valid seed file, a {@link Kind} and a {@code long}, so a failing case can be rebuilt from its
 * description alone. Tree mutations edit the parsed JSON and write it back with raw tokens where
 * JSON's own writer would refuse (NaN, 1e400, unclosed nesting); byte mutations work on the file.
 */
final class ScenarioMutator {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    /** What a mutation does. */
    enum Kind {
        TRUNCATE, BYTE_FLIP, NON_UTF8, BOM, EMPTY_OR_TRIVIAL, REPLACE_VALUE, SIZE_FIELD, DELETE_FIELD,
        DUPLICATE_KEY, UNKNOWN_FIELD, DEEP_NESTING, BIG_ARRAY, RESIZE_ARRAY, COPY_VALUE, SEVERAL
    }

    /** A valid scenario file: its name, bytes and tree. */
    record Seed(String name, byte[] bytes, JsonNode tree) {
    }

    /** Values of the wrong type or at the edges of what a number can be, as raw JSON text (some invalid JSON). */
    static final List<String> ODD_VALUES = List.of(
            "\"text\"", "\"\"", "true", "false", "null", "{}", "[]", "[[]]", "[null]", "[[null]]", "{\"a\": 1}",
            "0", "1", "-1", "2", "3", "0.5", "1.0", "4.0", "-0", "-0.0", "1e308", "-1e308", "1.7976931348623157e308",
            "1e400", "-1e400", "1e-400", "4.9e-324", "2147483647", "2147483648", "-2147483649",
            "9223372036854775807", "9223372036854775808", "-9223372036854775809", "99999999999999999999",
            "1024", "1025", "100000", "100001", "1000000000", "1e9", "1E3", "7e0",
            "NaN", "-NaN", "Infinity", "-Infinity", "+1", ".5", "01", "0x10", "1.", "-", "1e", "1e+",
            "\"NaN\"", "\"Infinity\"", "\"1e400\"", "\"\\u0000\"", "\"\\ud800\"", "\"\\uDFFF\\uD800\"",
            "'single'", "undefined", "[1,]", "[,1]", "{\"a\" 1}", "{\"a\": 1,}", "//comment\n1", "/* c */ 1",
            "\"rnn\"", "\"lstm\"", "\"gru\"", "\"seq2seq\"", "\"cross-entropy\"", "\"free-running\"",
            "\"rnn-scenario/1\"", "\"rnn-scenario/2\"", "[[1e308, 1e308], [1e308, 1e308]]", "[1e400]", "[-0.0]");

    private ScenarioMutator() {
    }

    /** Every scenario file in samples/ and in the golden tests, all valid. */
    static List<Seed> loadSeeds() {
        List<Path> files = new ArrayList<>();
        for (String dir : new String[] {"samples", "src/test/resources/golden"}) {
            try (Stream<Path> s = Files.list(Path.of(dir))) {
                s.filter(p -> p.getFileName().toString().endsWith(".json"))
                        .filter(p -> !p.getFileName().toString().endsWith(".trace.json"))
                        .sorted().forEach(files::add);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        List<Seed> seeds = new ArrayList<>();
        for (Path f : files) {
            try {
                byte[] bytes = Files.readAllBytes(f);
                seeds.add(new Seed(f.toString(), bytes, JSON.readTree(bytes)));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return seeds;
    }

    /** The mutant of {@code seed} made by {@code kind} with the random choices of {@code salt}. */
    static byte[] mutate(Seed seed, Kind kind, long salt) {
        Random r = new Random(salt);
        return switch (kind) {
            case TRUNCATE -> truncate(textOf(seed, r), r);
            case BYTE_FLIP -> flip(textOf(seed, r), r);
            case NON_UTF8 -> nonUtf8(textOf(seed, r), r);
            case BOM -> bom(textOf(seed, r), r);
            case EMPTY_OR_TRIVIAL -> trivial(r);
            case SEVERAL -> {
                String text = treeMutation(seed.tree(), Kind.values()[5 + r.nextInt(9)], r);
                for (int k = 1 + r.nextInt(3); k > 0; k--) {
                    JsonNode t = parseOrNull(text);
                    if (t == null) {
                        break;
                    }
                    text = treeMutation(t, Kind.values()[5 + r.nextInt(9)], r);
                }
                yield utf8(text);
            }
            default -> utf8(treeMutation(seed.tree(), kind, r));
        };
    }

    private static JsonNode parseOrNull(String text) {
        try {
            return JSON.readTree(text);
        } catch (JsonProcessingException e) {
            return null;
        }
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    /** The seed as written, or re-written compactly or pretty. */
    private static byte[] textOf(Seed seed, Random r) {
        return switch (r.nextInt(3)) {
            case 0 -> seed.bytes();
            case 1 -> utf8(seed.tree().toString());
            default -> utf8(seed.tree().toPrettyString());
        };
    }

    private static byte[] truncate(byte[] b, Random r) {
        int n = r.nextInt(b.length + 1);
        byte[] out = new byte[n];
        System.arraycopy(b, 0, out, 0, n);
        return out;
    }

    private static byte[] flip(byte[] b, Random r) {
        byte[] out = b.clone();
        for (int k = 1 + r.nextInt(8); k > 0 && out.length > 0; k--) {
            int at = r.nextInt(out.length);
            out[at] = r.nextBoolean() ? (byte) r.nextInt(256) : (byte) (out[at] ^ (1 << r.nextInt(8)));
        }
        return out;
    }

    /** Byte sequences that are not UTF-8: a lone continuation byte, an overlong form, a surrogate, 0xFF. */
    private static final byte[][] BAD_UTF8 = {
        {(byte) 0x80}, {(byte) 0xC3, 0x28}, {(byte) 0xC0, (byte) 0xAF}, {(byte) 0xED, (byte) 0xA0, (byte) 0x80},
        {(byte) 0xFF}, {(byte) 0xFE}, {(byte) 0xF8, (byte) 0x88, (byte) 0x80, (byte) 0x80, (byte) 0x80},
        {(byte) 0xE2, (byte) 0x82}, {(byte) 0xE9}, {(byte) 0xF4, (byte) 0x90, (byte) 0x80, (byte) 0x80}};

    private static byte[] nonUtf8(byte[] b, Random r) {
        byte[] bad = BAD_UTF8[r.nextInt(BAD_UTF8.length)];
        int at = r.nextInt(b.length + 1);
        byte[] out = new byte[b.length + bad.length];
        System.arraycopy(b, 0, out, 0, at);
        System.arraycopy(bad, 0, out, at, bad.length);
        System.arraycopy(b, at, out, at + bad.length, b.length - at);
        return out;
    }

    private static byte[] bom(byte[] b, Random r) {
        String text = new String(b, StandardCharsets.UTF_8);
        return switch (r.nextInt(6)) {
            case 0 -> concat(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, b);
            case 1 -> concat(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF, (byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, b);
            case 2 -> ("\uFEFF" + text).getBytes(StandardCharsets.UTF_16LE);
            case 3 -> ("\uFEFF" + text).getBytes(StandardCharsets.UTF_16BE);
            case 4 -> text.getBytes(StandardCharsets.UTF_16LE);
            default -> {
                int at = r.nextInt(text.length() + 1);
                yield utf8(text.substring(0, at) + "\uFEFF" + text.substring(at));
            }
        };
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = new byte[a.length + b.length];
        System.arraycopy(a, 0, out, 0, a.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    private static final String[] TRIVIAL = {"", " ", "\n\n", "\t", "null", "[]", "{}", "\"x\"", "0", "true", "[{}]",
        "{}{}", "{\"format\": \"rnn-scenario/1\"}", "\u0000", "{", "}", "[", "\"", "{\"format\":", "{\"\":\"\"}"};

    private static byte[] trivial(Random r) {
        return utf8(TRIVIAL[r.nextInt(TRIVIAL.length)]);
    }

    /** A node of the tree and how to reach it: its parent and its key or index there. */
    private record Place(JsonNode parent, String key, int index, JsonNode node, String path) {
    }

    /** A random walk from the root, stopping at each level with some probability; never the root itself. */
    private static Place pick(JsonNode root, Random r) {
        JsonNode parent = root;
        String path = "$";
        while (true) {
            Place here;
            if (parent.isObject() && parent.size() > 0) {
                List<String> names = new ArrayList<>();
                parent.fieldNames().forEachRemaining(names::add);
                String k = names.get(r.nextInt(names.size()));
                here = new Place(parent, k, -1, parent.get(k), path + "." + k);
            } else if (parent.isArray() && parent.size() > 0) {
                int i = r.nextInt(parent.size());
                here = new Place(parent, null, i, parent.get(i), path + "[" + i + "]");
            } else {
                return null;
            }
            JsonNode n = here.node();
            if (!n.isContainerNode() || n.isEmpty() || r.nextInt(10) < 3) {
                return here;
            }
            parent = n;
            path = here.path();
        }
    }

    private static void put(Place p, JsonNode value) {
        if (p.key() != null) {
            ((ObjectNode) p.parent()).set(p.key(), value);
        } else {
            ((ArrayNode) p.parent()).set(p.index(), value);
        }
    }

    private static JsonNode raw(String text) {
        return NODES.rawValueNode(new RawValue(text));
    }

    private static String write(JsonNode tree, Random r) {
        try {
            return r.nextBoolean() ? JSON.writeValueAsString(tree) : JSON.writerWithDefaultPrettyPrinter().writeValueAsString(tree);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static final String[] SIZE_FIELDS = {"inputSize", "hiddenSize", "outputSize"};

    private static String treeMutation(JsonNode original, Kind kind, Random r) {
        JsonNode tree = original.deepCopy();
        if (!tree.isObject() || tree.isEmpty()) {
            return tree.toString();
        }
        ObjectNode root = (ObjectNode) tree;
        Place p = pick(root, r);
        if (p == null) {
            return tree.toString();
        }
        switch (kind) {
            case REPLACE_VALUE -> put(p, raw(oddValue(r)));
            case SIZE_FIELD -> {
                String field = SIZE_FIELDS[r.nextInt(SIZE_FIELDS.length)];
                String[] sizes = {"0", "-1", "1", "2", "1023", "1024", "1025", "4096", "65536", "1000000000", "1e9",
                    "2147483648", "99999999999999999999", "-0", "2.0", "1e400", "\"4\"", "null"};
                root.set(field, raw(sizes[r.nextInt(sizes.length)]));
                if (r.nextBoolean() && root.has("weights")) {
                    // seeded weights take any size, so the sizes themselves are tested
                    root.remove("weights");
                    root.set("init", JSON.createObjectNode().put("seed", r.nextInt(100)));
                }
            }
            case DELETE_FIELD -> {
                if (p.key() != null) {
                    ((ObjectNode) p.parent()).remove(p.key());
                } else {
                    ((ArrayNode) p.parent()).remove(p.index());
                }
            }
            case DUPLICATE_KEY -> {
                JsonNode obj = p.key() != null ? p.parent() : root;
                Map.Entry<String, JsonNode> first = obj.fields().next();
                StringBuilder b = new StringBuilder("{");
                Iterator<Map.Entry<String, JsonNode>> it = obj.fields();
                while (it.hasNext()) {
                    Map.Entry<String, JsonNode> e = it.next();
                    b.append(JSON.getNodeFactory().textNode(e.getKey())).append(':').append(e.getValue()).append(',');
                }
                b.append(JSON.getNodeFactory().textNode(first.getKey())).append(':')
                        .append(r.nextBoolean() ? first.getValue().toString() : oddValue(r)).append('}');
                if (obj == root) {
                    return b.toString();
                }
                replaceContainer(root, obj, raw(b.toString()));
            }
            case UNKNOWN_FIELD -> {
                ObjectNode obj = (ObjectNode) (p.key() != null ? p.parent() : root);
                String[] names = {"hiddenSzie", "Title", "weights ", "", "\u00e9", "\u0000", "inputs2", "x".repeat(200),
                    "y".repeat(100_000), "targets\u200b", "init", "c0", "startInput", "feedback", "activation",
                    "gruVariant", "encoder", "decoder", "scale", "seed"};
                obj.set(names[r.nextInt(names.length)], raw(oddValue(r)));
            }
            case DEEP_NESTING -> put(p, raw(nesting(r)));
            case BIG_ARRAY -> put(p, raw(bigArray(r)));
            case RESIZE_ARRAY -> {
                JsonNode n = p.node().isArray() ? p.node() : p.parent().isArray() ? p.parent() : null;
                if (n == null || n.isEmpty()) {
                    put(p, raw("[]"));
                } else if (r.nextBoolean()) {
                    ((ArrayNode) n).remove(r.nextInt(n.size()));
                } else {
                    ((ArrayNode) n).add(n.get(r.nextInt(n.size())).deepCopy());
                }
            }
            case COPY_VALUE -> {
                Place from = pick(root, r);
                if (from != null) {
                    put(p, from.node().deepCopy());
                }
            }
            default -> throw new IllegalArgumentException(kind.toString());
        }
        return write(root, r);
    }

    /** Replaces {@code target} (found by identity) wherever it is in the tree. */
    private static boolean replaceContainer(JsonNode at, JsonNode target, JsonNode with) {
        if (at.isObject()) {
            ObjectNode o = (ObjectNode) at;
            List<String> names = new ArrayList<>();
            o.fieldNames().forEachRemaining(names::add);
            for (String k : names) {
                if (o.get(k) == target) {
                    o.set(k, with);
                    return true;
                }
                if (replaceContainer(o.get(k), target, with)) {
                    return true;
                }
            }
        } else if (at.isArray()) {
            ArrayNode a = (ArrayNode) at;
            for (int i = 0; i < a.size(); i++) {
                if (a.get(i) == target) {
                    a.set(i, with);
                    return true;
                }
                if (replaceContainer(a.get(i), target, with)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static String oddValue(Random r) {
        int k = r.nextInt(ODD_VALUES.size() + 4);
        if (k < ODD_VALUES.size()) {
            return ODD_VALUES.get(k);
        }
        return switch (k - ODD_VALUES.size()) {
            case 0 -> "1" + "0".repeat(r.nextBoolean() ? 999 : 1000 + r.nextInt(2000));
            case 1 -> "0." + "1".repeat(500 + r.nextInt(2000));
            case 2 -> "\"" + "s".repeat(r.nextInt(200_000)) + "\"";
            default -> Double.toString(Double.longBitsToDouble(r.nextLong())).replace("NaN", "0");
        };
    }

    private static final int[] DEPTHS = {2, 10, 100, 499, 500, 501, 999, 1000, 1001, 5000, 100_000};

    /** Nested arrays or objects, closed or not. */
    private static String nesting(Random r) {
        int depth = DEPTHS[r.nextInt(DEPTHS.length)];
        boolean objects = r.nextInt(3) == 0;
        boolean closed = r.nextInt(4) != 0;
        String open = objects ? "{\"a\":" : "[";
        String close = objects ? "}" : "]";
        StringBuilder b = new StringBuilder(depth * (open.length() + 1) + 8);
        b.append(open.repeat(depth)).append(r.nextBoolean() ? "1" : objects ? "1" : "");
        if (closed) {
            b.append(close.repeat(depth));
        }
        return b.toString();
    }

    private static final int[] LENGTHS = {0, 1, 99_999, 100_000, 100_001, 150_000, 400_000};
    private static final String[] ELEMENTS = {"0", "0.5", "[0]", "[0.5,0.5]", "[]", "{}", "null", "\"a\"", "[[]]"};

    /** An array at or above the limit on the number of inputs or targets. */
    private static String bigArray(Random r) {
        int n = LENGTHS[r.nextInt(LENGTHS.length)];
        String e = ELEMENTS[r.nextInt(ELEMENTS.length)];
        StringBuilder b = new StringBuilder(n * (e.length() + 1) + 2).append('[');
        for (int i = 0; i < n; i++) {
            if (i > 0) {
                b.append(',');
            }
            b.append(e);
        }
        return b.append(']').toString();
    }
}
