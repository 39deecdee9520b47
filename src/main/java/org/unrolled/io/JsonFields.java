package org.unrolled.io;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import org.unrolled.engine.JsonNamed;
import org.unrolled.engine.Matrix;

/**
 * Typed access to a JSON tree that turns every surprise into a {@link ScenarioException} with the
 * JSON path and what was expected.
 */
final class JsonFields {
    private final String source;

    JsonFields(String source) {
        this.source = source;
    }

    ScenarioException error(String path, String problem) {
        return new ScenarioException(source, path, problem);
    }

    void requireObject(JsonNode node, String path, String what) throws ScenarioException {
        if (!node.isObject()) {
            throw error(path, "expected " + what + ", found " + describe(node));
        }
    }

    void requireArray(JsonNode node, String path, String what) throws ScenarioException {
        if (!node.isArray()) {
            throw error(path, "expected " + what + ", found " + describe(node));
        }
    }

    /** Rejects fields not in {@code allowed}, suggesting the nearest spelling. */
    void checkKnownFields(JsonNode object, String path, String... allowed) throws ScenarioException {
        Iterator<String> names = object.fieldNames();
        while (names.hasNext()) {
            String name = names.next();
            if (Arrays.asList(allowed).contains(name)) {
                continue;
            }
            String nearest = nearest(name, allowed);
            String hint = nearest == null ? "" : "; did you mean \"" + nearest + "\"?";
            throw error(path + "." + abbreviate(name), "unknown field \"" + abbreviate(name) + "\"" + hint + " (expected one of "
                    + String.join(", ", allowed) + ")");
        }
    }

    JsonNode required(JsonNode object, String name, String path) throws ScenarioException {
        JsonNode node = object.get(name);
        if (node == null) {
            throw error(path, "missing field \"" + name + "\"");
        }
        return node;
    }

    String requiredString(JsonNode object, String name, String path) throws ScenarioException {
        JsonNode node = required(object, name, path);
        if (!node.isTextual()) {
            throw error(path + "." + name, "expected a string, found " + describe(node));
        }
        return node.textValue();
    }

    /**
     * A string a person writes (a title, a caption), at most {@code max} characters: a longer one is
     * no text but an attack on the text layout (19 million characters froze the window for minutes).
     */
    String boundedString(JsonNode object, String name, String path, int max, boolean required) throws ScenarioException {
        String s = required ? requiredString(object, name, path) : optionalString(object, name, path);
        if (s != null && s.length() > max) {
            throw error(path + "." + name, "expected at most " + max + " characters, found " + s.length()
                    + " (\"" + abbreviate(s) + "\")");
        }
        return s;
    }

    /**
     * Refuses text a person did not type for people to read: a control character (an escape clears a
     * terminal the handout is printed on; a line break in a title starts a new heading in the handout),
     * a direction override (it shows the text reversed), half of a surrogate pair, or nothing but spaces
     * when text is required. Line breaks and tabs pass where {@code lines} (a description, a caption).
     */
    String text(String s, String path, boolean lines, boolean required) throws ScenarioException {
        if (s == null) {
            return null;
        }
        if (required && s.isBlank()) {
            throw error(path, "expected text, found " + (s.isEmpty() ? "an empty string" : "only spaces"));
        }
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            boolean allowedBreak = lines && (c == '\n' || c == '\t' || c == '\r');
            boolean control = (c < 0x20 || (c >= 0x7f && c <= 0x9f)) && !allowedBreak;
            boolean override = c == '\u202d' || c == '\u202e';
            boolean lone = Character.isSurrogate(c) && !(Character.isHighSurrogate(c) && i + 1 < s.length()
                    && Character.isLowSurrogate(s.charAt(i + 1)));
            if (Character.isHighSurrogate(c) && !lone) {
                i++;
                continue;
            }
            if (control || override || lone) {
                throw error(path, "expected " + (lines ? "text" : "one line of text") + ", found "
                        + String.format(java.util.Locale.ROOT, "U+%04X", (int) c) + " (" + (lone ? "half of a surrogate pair"
                        : override ? "a direction override" : c == '\n' ? "a line break" : "a control character")
                        + ") at character " + (i + 1));
            }
        }
        return s;
    }

    String optionalString(JsonNode object, String name, String path) throws ScenarioException {
        return object.has(name) ? requiredString(object, name, path) : null;
    }

    <E extends Enum<E> & JsonNamed> E requiredEnum(JsonNode object, String name, String path, Class<E> type)
            throws ScenarioException {
        String value = requiredString(object, name, path);
        Optional<E> parsed = JsonNamed.parse(type, value);
        if (parsed.isEmpty()) {
            throw error(path + "." + name, "expected one of " + JsonNamed.choices(type) + ", found \"" + abbreviate(value) + "\"");
        }
        return parsed.get();
    }

    int requiredInt(JsonNode object, String name, String path, int min, int max) throws ScenarioException {
        JsonNode node = required(object, name, path);
        String p = path + "." + name;
        if (!node.isIntegralNumber()) {
            throw error(p, "expected a whole number from " + min + " to " + max + ", found " + describe(node));
        }
        if (!node.canConvertToLong() || node.longValue() < min || node.longValue() > max) {
            throw error(p, "expected a whole number from " + min + " to " + max + ", found " + abbreviate(node.asText())
                    + (node.canConvertToLong() && node.longValue() > max ? " (above the limit of " + max + ")" : ""));
        }
        return node.intValue();
    }

    long requiredLong(JsonNode object, String name, String path) throws ScenarioException {
        JsonNode node = required(object, name, path);
        if (!node.isIntegralNumber() || !node.canConvertToLong()) {
            throw error(path + "." + name, "expected a whole number (64-bit), found " + describe(node));
        }
        return node.longValue();
    }

    /** A finite number. */
    double number(JsonNode node, String path) throws ScenarioException {
        if (!node.isNumber()) {
            throw error(path, "expected a number, found " + describe(node));
        }
        double v = node.doubleValue();
        if (!Double.isFinite(v)) {
            throw error(path, "expected a finite number, found " + abbreviate(node.asText()) + " (too large for a double)");
        }
        return v;
    }

    int classIndex(JsonNode node, String path, int classes) throws ScenarioException {
        String expected = "expected a class index (a whole number from 0 to " + (classes - 1)
                + ", as outputSize is " + classes + ")";
        if (!node.isIntegralNumber()) {
            throw error(path, expected + ", found " + describe(node));
        }
        if (!node.canConvertToInt() || node.intValue() < 0 || node.intValue() >= classes) {
            throw error(path, expected + ", found " + abbreviate(node.asText()));
        }
        return node.intValue();
    }

    void checkLength(int length, int max, String path, String what) throws ScenarioException {
        if (length > max) {
            throw error(path, length + " " + what + " is above the limit of " + max);
        }
    }

    double[] optionalVector(JsonNode object, String name, String path, int length, String lengthName)
            throws ScenarioException {
        return object.has(name) ? vector(object.get(name), path + "." + name, length, lengthName) : null;
    }

    /** An array of exactly {@code length} finite numbers; {@code lengthName} says where the length comes from. */
    double[] vector(JsonNode node, String path, int length, String lengthName) throws ScenarioException {
        requireArray(node, path, "an array of " + length + " numbers (" + lengthName + ")");
        if (node.size() != length) {
            throw error(path, "expected " + length + " numbers (" + lengthName + "), found " + node.size());
        }
        double[] out = new double[length];
        for (int i = 0; i < length; i++) {
            out[i] = number(node.get(i), path + "[" + i + "]");
        }
        return out;
    }

    /** An array of rows of {@code cols} numbers each, any number of rows (at least one checked by the caller). */
    Matrix matrix(JsonNode node, String path, int cols, String colsName) throws ScenarioException {
        requireArray(node, path, "an array of rows");
        double[][] rows = new double[node.size()][];
        for (int r = 0; r < rows.length; r++) {
            rows[r] = vector(node.get(r), path + "[" + r + "]", cols, colsName);
        }
        return Matrix.ofRows(rows);
    }

    /** A {@code rows × cols} matrix given as an array of rows. */
    Matrix sizedMatrix(JsonNode node, String path, int rows, String rowsName, int cols, String colsName)
            throws ScenarioException {
        requireArray(node, path, "a " + rows + " × " + cols + " matrix (an array of " + rows + " rows)");
        if (node.size() != rows) {
            throw error(path, "expected " + rows + " rows (" + rowsName + "), found " + node.size());
        }
        return matrix(node, path, cols, colsName);
    }

    static String describe(JsonNode node) {
        if (node == null || node.isMissingNode()) {
            return "nothing";
        }
        return switch (node.getNodeType()) {
            case OBJECT -> "an object";
            case ARRAY -> "an array of " + node.size();
            case STRING -> "the string \"" + abbreviate(node.textValue()) + "\"";
            case BOOLEAN -> node.booleanValue() ? "true" : "false";
            case NULL -> "null";
            case NUMBER -> "the number " + abbreviate(node.asText());
            default -> node.getNodeType().toString().toLowerCase(java.util.Locale.ROOT);
        };
    }

    private static String abbreviate(String s) {
        return s.length() <= 40 ? s : s.substring(0, 37) + "...";
    }

    /** The allowed name closest to {@code name} by edit distance, if it is close enough to be a typo. */
    static String nearest(String name, String... allowed) {
        List<String> candidates = new ArrayList<>(Arrays.asList(allowed));
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String c : candidates) {
            int d = editDistance(name.toLowerCase(java.util.Locale.ROOT), c.toLowerCase(java.util.Locale.ROOT));
            if (d < bestDistance) {
                bestDistance = d;
                best = c;
            }
        }
        return bestDistance <= Math.max(2, name.length() / 3) ? best : null;
    }

    private static int editDistance(String a, String b) {
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.length()];
    }
}
