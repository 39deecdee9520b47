package org.unrolled.io;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import org.unrolled.document.ScenarioDocument;

/** The scenario files shipped inside the program (the {@code samples/} folder of the source tree). */
public final class Samples {
    /** The scenario the window opens on when none is given. */
    public static final String DEFAULT = "default.json";

    private Samples() {
    }

    /** Reads the built-in sample {@code name}; a broken built-in sample is a bug, hence unchecked. */
    public static ScenarioDocument load(String name) {
        try (InputStream in = Samples.class.getResourceAsStream("/samples/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("no built-in sample " + name);
            }
            return ScenarioReader.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8), "built-in sample " + name);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (ScenarioException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }
}
