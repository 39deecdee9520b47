package org.unrolled.io;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;

/**
 * A streaming pass over a scenario's JSON before it is turned into a tree, so that a file whose shape
 * no scenario can have is a message rather than gigabytes of tree: an array longer than any a
 * scenario holds (ten million input rows), or nesting deeper than a scenario needs. It also reports
 * every syntax error with its line and column, in plain words.
 */
final class JsonShape {
    /** No array of a scenario is longer: inputs and targets are the longest (weight matrices have at most 4096 rows). */
    static final int MAX_ARRAY_LENGTH = Limits.MAX_SEQUENCE_LENGTH;
    /** A scenario nests about five levels deep ({@code $.weights.encoder.weight_ih[r][c]}); this leaves room. */
    static final int MAX_DEPTH = 64;

    private JsonShape() {
    }

    /** Checks the document's syntax, array lengths and depth; returns normally if a tree may be built. */
    static void check(JsonFactory factory, String json, String source) throws ScenarioException {
        String[] names = new String[MAX_DEPTH + 1];
        int[] counts = new int[MAX_DEPTH + 1];
        boolean[] isArray = new boolean[MAX_DEPTH + 1];
        int depth = 0;
        boolean rootDone = false;
        long memory = 0;
        try (JsonParser p = factory.createParser(json)) {
            try {
                JsonToken t;
                while ((t = p.nextToken()) != null) {
                    if (rootDone) {
                        JsonLocation at = p.currentTokenLocation();
                        throw new ScenarioException(source, "line " + at.getLineNr() + ", column " + at.getColumnNr(),
                                "not valid JSON: more after the end of the scenario object; a file holds one object");
                    }
                    memory += memoryOf(t, p);
                    if (memory > Limits.MAX_TREE_BYTES) {
                        throw new ScenarioException(source, path(names, counts, isArray, depth),
                                "reading this file would need more than about " + Limits.MAX_TREE_BYTES / (1024 * 1024)
                                + " MB of memory (its values so far need about " + memory / (1024 * 1024)
                                + " MB); the limit is " + Limits.MAX_TREE_BYTES / (1024 * 1024)
                                + " MB: a scenario this large is not one the program can show");
                    }
                    if (t == JsonToken.FIELD_NAME) {
                        names[depth - 1] = p.currentName();
                        continue;
                    }
                    if (t == JsonToken.END_ARRAY || t == JsonToken.END_OBJECT) {
                        depth--;
                        rootDone = depth == 0;
                        continue;
                    }
                    if (depth == 0 && t != JsonToken.START_ARRAY && t != JsonToken.START_OBJECT) {
                        rootDone = true; // a lone value at the top
                    }
                    if (depth > 0 && isArray[depth - 1] && ++counts[depth - 1] > MAX_ARRAY_LENGTH) {
                        throw new ScenarioException(source, path(names, counts, isArray, depth - 1),
                                "an array of more than " + MAX_ARRAY_LENGTH + " values; no array in a scenario is "
                                + "longer (at most " + Limits.MAX_SEQUENCE_LENGTH + " inputs or targets)");
                    }
                    if (t == JsonToken.START_ARRAY || t == JsonToken.START_OBJECT) {
                        if (depth == MAX_DEPTH) {
                            throw new ScenarioException(source, path(names, counts, isArray, depth),
                                    "nested more than " + MAX_DEPTH + " levels deep; a scenario needs only a few");
                        }
                        isArray[depth] = t == JsonToken.START_ARRAY;
                        counts[depth] = 0;
                        names[depth] = null;
                        depth++;
                    }
                }
            } catch (IOException e) {
                // a syntax error, or one of Jackson's own limits (a 20-million-character string)
                JsonLocation at = e instanceof JsonProcessingException j && j.getLocation() != null ? j.getLocation()
                        : p.currentLocation();
                String message = e instanceof JsonProcessingException j ? j.getOriginalMessage() : e.getMessage();
                throw new ScenarioException(source, "line " + at.getLineNr() + ", column " + at.getColumnNr(),
                        "not valid JSON: " + plain(message));
            }
        } catch (IOException e) {
            // a String source cannot fail to be read; a parser that cannot be created is a syntax error too
            throw new ScenarioException(source, "", "not valid JSON: " + plain(e.getMessage()));
        }
    }

    /** Bytes on the heap a value of the tree will take, roughly: a node, its reference, its copy in the scenario. */
    private static long memoryOf(JsonToken t, JsonParser p) throws IOException {
        return switch (t) {
            case START_ARRAY, START_OBJECT -> 80;
            case FIELD_NAME -> 48 + 2L * p.currentName().length();
            case VALUE_STRING -> 48 + 2L * p.getText().length(); // getText: Jackson checks its length limit here, where the line is known
            default -> 40;
        };
    }

    private static final String[][] PLAIN = {
        {"(?s)String value length \\((\\d+)\\) exceeds the maximum allowed \\((\\d+).*",
            "a text value of $1 characters, longer than the $2 allowed"},
        {"(?s)Number value length \\((\\d+)\\) exceeds the maximum allowed \\((\\d+).*",
            "a number of $1 digits, longer than the $2 allowed"},
        {"(?s)Name length \\((\\d+)\\) exceeds the maximum allowed \\((\\d+).*",
            "a field name of $1 characters, longer than the $2 allowed"},
        {"(?s)Document nesting depth \\((\\d+)\\) exceeds the maximum allowed \\((\\d+).*",
            "nested $1 levels deep, deeper than the $2 allowed"},
        {"(?s)Trailing token.*", "more after the end of the scenario object; a file holds one object"},
        {"(?s)Unexpected end-of-input: expected close marker for Object \\(start marker at .*line: (\\d+), "
            + "column: (\\d+)\\]\\).*", "the file ends before the { opened at line $1, column $2 is closed (is it cut short?)"},
        {"(?s)Unexpected end-of-input: expected close marker for Array \\(start marker at .*line: (\\d+), "
            + "column: (\\d+)\\]\\).*", "the file ends before the [ opened at line $1, column $2 is closed (is it cut short?)"},
        {"(?s)Unexpected end-of-input.*", "the file ends in the middle of a value (is it cut short?)"},
        {"(?s)Unexpected close marker '(.)': no open .*", "a $1 that closes nothing"},
        {"(?s)Unexpected close marker '(.)': expected '(.)' \\(for \\w+ starting at .*line: (\\d+), column: (\\d+)\\]\\).*",
            "a $1 where a $2 should close what opened at line $3, column $4"},
        {"(?s)Non-standard token '([^']*)'.*", "$1, which is not a JSON number (JSON has no NaN or infinities: "
            + "a scenario holds finite numbers)"},
        {"(?s).*does not allow numbers to have plus signs.*", "a number with a plus sign, which JSON does not allow "
            + "(write 5, not +5)"},
        {"(?s).*maybe a \\(non-standard\\) comment.*", "a comment, which JSON does not allow"},
    };

    /**
     * Jackson's message in plain words: its limits said as what they mean, and never the name of an
     * internal setting or class (which means nothing to a reader).
     */
    static String plain(String message) {
        if (message == null) {
            return "";
        }
        for (String[] rule : PLAIN) {
            if (message.matches(rule[0])) {
                return message.replaceAll(rule[0], rule[1]);
            }
        }
        return message.replaceAll(" ?\\(?at \\[Source: [^\\]]*\\]\\)?", "").replaceAll(", from `[^`]*`", "")
                .replaceAll(" ?\\(bound as `[^`]*`\\)", "")
                .replaceAll("`(com|java|javax|tools)\\.[^`]*`", "").replace("`", "")
                // Jackson's advice to switch on one of its settings is for programmers, not for the file's author
                .replaceAll(":? ?enable (JsonReadFeature|JsonParser\\.Feature)\\.\\w+ to allow", "")
                .replaceAll(" ?\\(not recognized as one since Feature '\\w+' not enabled for parser\\)", "");
    }

    /** The JSON path of the container at {@code level} (0 is the root). */
    private static String path(String[] names, int[] counts, boolean[] isArray, int level) {
        StringBuilder b = new StringBuilder("$");
        for (int k = 0; k < level; k++) {
            if (isArray[k]) {
                b.append('[').append(counts[k] - 1).append(']');
            } else {
                String n = names[k];
                b.append('.').append(n.length() <= 40 ? n : n.substring(0, 37) + "...");
            }
        }
        return b.toString();
    }
}
