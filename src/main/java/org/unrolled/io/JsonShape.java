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
        try (JsonParser p = factory.createParser(json)) {
            try {
                JsonToken t;
                while ((t = p.nextToken()) != null) {
                    if (t == JsonToken.FIELD_NAME) {
                        names[depth - 1] = p.currentName();
                        continue;
                    }
                    if (t == JsonToken.END_ARRAY || t == JsonToken.END_OBJECT) {
                        depth--;
                        continue;
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
            } catch (JsonProcessingException e) {
                JsonLocation at = e.getLocation() != null ? e.getLocation() : p.currentLocation();
                throw new ScenarioException(source, "line " + at.getLineNr() + ", column " + at.getColumnNr(),
                        "not valid JSON: " + plain(e.getOriginalMessage()));
            }
        } catch (IOException e) {
            // a String source cannot fail to be read; a parser that cannot be created is a syntax error too
            throw new ScenarioException(source, "", "not valid JSON: " + plain(e.getMessage()));
        }
    }

    /** Jackson's message without the name of its internal setting, which means nothing to a reader. */
    static String plain(String message) {
        return message == null ? "" : message.replaceAll(", from `[^`]*`", "");
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
