package org.unrolled.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The engine stays numeric: no source file under engine/ names the document, io, view, app, export or
 * cli packages (nor JavaFX), in an import or written out in full.
 */
class EngineImportsTest {
    private static final Pattern OUTSIDE = Pattern.compile(
            "\\b(org\\.unrolled\\.(?:document|io|view|app|export|cli)\\b|javafx\\.)");

    @Test
    void engineSourcesNameNoOtherLayer() throws IOException {
        Path engine = Path.of("src/main/java/org/unrolled/engine");
        List<String> found = new ArrayList<>();
        int files = 0;
        try (Stream<Path> all = Files.walk(engine)) {
            for (Path f : all.filter(p -> p.toString().endsWith(".java")).toList()) {
                files++;
                List<String> lines = Files.readAllLines(f);
                for (int k = 0; k < lines.size(); k++) {
                    Matcher m = OUTSIDE.matcher(lines.get(k));
                    if (m.find()) {
                        found.add(engine.relativize(f) + ":" + (k + 1) + ": " + lines.get(k).strip());
                    }
                }
            }
        }
        assertTrue(files > 30, "the engine's sources are where this test looks: " + engine.toAbsolutePath());
        assertEquals(List.of(), found, "the engine must not know the layers above it");
    }

    @Test
    void thePatternCatchesAnImportAndAFullName() {
        assertTrue(OUTSIDE.matcher("import org.unrolled.document.Beat;").find());
        assertTrue(OUTSIDE.matcher("org.unrolled.io.Samples.load(x)").find());
        assertTrue(OUTSIDE.matcher("import javafx.scene.Node;").find());
        assertTrue(!OUTSIDE.matcher("import org.unrolled.engine.train.History;").find());
    }
}
