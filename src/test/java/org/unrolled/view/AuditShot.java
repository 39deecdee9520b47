package org.unrolled.view;

import java.nio.file.Path;
import java.util.Set;
import javax.imageio.ImageIO;
import org.unrolled.engine.Engine;
import org.unrolled.engine.Trace;
import org.unrolled.export.VectorFrames;
import org.unrolled.io.ScenarioReader;

/**
 * For looking at what the audit reports: {@code AuditShot SAMPLE POSITION THEME WIDTH HEIGHT present|window OUT.png
 * [highlight,...]} (and {@code -Dscale=} for View ▸ Larger text) draws that frame through java.awt (as the SVG export does) into a PNG.
 */
public final class AuditShot {
    private AuditShot() {
    }

    public static void main(String[] a) throws Exception {
        org.unrolled.document.DocumentTrace shown = TextAudit.trace(Path.of(a[0]));
        Trace trace = shown.trace();
        Set<String> hl = a.length > 7 ? Set.of(a[7].split(",")) : Set.of();
        ViewSettings view = TextAudit.view(shown, a[2], a[5].startsWith("present"), TextAudit.named(hl), false);
        String scale = System.getProperty("scale"); // View > Larger text: -Dscale=1.32
        if (scale != null) {
            view = view.withPalette(view.palette().withScale(view.palette().scale() * Double.parseDouble(scale)));
        }
        var img = VectorFrames.raster(trace, view, Double.parseDouble(a[1]), Integer.parseInt(a[3]), Integer.parseInt(a[4]));
        ImageIO.write(img, "png", Path.of(a[6]).toFile());
    }
}
