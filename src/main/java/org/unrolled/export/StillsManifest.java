package org.unrolled.export;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.unrolled.document.DocumentTrace;

/**
 * {@code stills.json} in an SVG or Beamer folder: what each still shows (place, beat caption, generated
 * captions; a question still names its question and answer as {@code frames.json} does, its reveal the beat).
 */
final class StillsManifest {
    static final String NAME = "stills.json";

    private StillsManifest() {
    }

    /**
     * Writes the manifest of {@code stills}, still {@code k} (from 1) in the file {@code fileOf.apply(k)}, a path
     * relative to the manifest's folder.
     */
    static void write(Path file, DocumentTrace trace, ExportOptions o, List<Stills.Still> stills,
            java.util.function.IntFunction<String> fileOf) throws IOException {
        ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        ObjectNode root = json.createObjectNode();
        root.put("format", "unrolled-stills/1");
        root.put("scenario", trace.title());
        root.put("complete", true);
        root.put("width", o.width());
        root.put("height", o.height());
        root.put("theme", o.theme());
        root.put("phase", o.phase().name().toLowerCase(java.util.Locale.ROOT));
        root.put("layout", o.layout().word());
        ArrayNode list = root.putArray("stills");
        for (int k = 0; k < stills.size(); k++) {
            Stills.Still s = stills.get(k);
            ObjectNode n = list.addObject();
            n.put("file", fileOf.apply(k + 1));
            n.put("title", s.title());
            n.put("position", s.position());
            n.put("caption", s.caption());
            ArrayNode gen = n.putArray("generatedCaptions");
            s.generated().forEach(gen::add);
            if (s.ask() != null && !s.ask().revealed()) {
                n.set("question", json.valueToTree(FramesManifest.Question.of(s.ask())));
            } else if (s.ask() != null) {
                n.put("reveals", s.ask().beat());
            }
        }
        json.writeValue(file.toFile(), root);
    }
}
