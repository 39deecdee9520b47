package org.unrolled.view;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import javafx.scene.paint.Color;
import org.junit.jupiter.api.Test;
import org.unrolled.engine.Engine;
import org.unrolled.engine.Trace;
import org.unrolled.io.Samples;
import org.unrolled.view.draw.AwtPen;

/** Before the backward pass the plot says what will fill it; the current-step marker passes behind the words. */
class GradientChartWaitingTest {
    private static final int W = 1200;
    private static final int H = 300;

    private static boolean isMarker(int argb, Color marker) {
        int r = (argb >> 16) & 0xff;
        int g = (argb >> 8) & 0xff;
        int b = argb & 0xff;
        return Math.abs(r - marker.getRed() * 255) < 30 && Math.abs(g - marker.getGreen() * 255) < 30
                && Math.abs(b - marker.getBlue() * 255) < 30;
    }

    @Test
    void theMarkerPassesBehindTheWaitingWords() {
        Trace t = Engine.run(Samples.load("rnn-vanishing.json").scenario());
        int n = new StepSchedule(t).length();
        // a forward-pass position whose marker stands under the words, centred in the plot
        double p = -1;
        for (double q = 0; q <= n; q += 0.25) {
            if (StepSchedule.current(q) == n / 2) {
                p = q;
                break;
            }
        }
        assertTrue(p >= 0, "no position shows step " + n / 2);
        Palette pal = Palette.LIGHT;
        BufferedImage img = new BufferedImage(W, H, BufferedImage.TYPE_INT_RGB);
        var g = img.createGraphics();
        GradientChart.paint(new AwtPen(g), pal, t, p, W, H);
        g.dispose();
        double room = W - GradientChart.LEFT - GradientChart.RIGHT;
        int mx = (int) Math.round(GradientChart.LEFT + (n / 2 - 1) * room / (n - 1));
        double textY = Math.max((GradientChart.TOP + H - GradientChart.BOTTOM) / 2, GradientChart.TOP + 22 + 17 * 0.7);
        int above = 0;
        for (int y = (int) GradientChart.TOP + 4; y < GradientChart.TOP + 24; y++) {
            above += isMarker(img.getRGB(mx, y), pal.currentStroke()) ? 1 : 0;
        }
        assertTrue(above >= 15, "the marker is drawn at x = " + mx + " above the words (" + above + " of 20 rows)");
        int behind = 0;
        for (int y = (int) textY - 8; y <= textY + 8; y++) {
            behind += isMarker(img.getRGB(mx, y), pal.currentStroke()) ? 1 : 0;
        }
        assertTrue(behind <= 2, behind + " of 17 rows of the marker cross the words at y = " + textY);
    }
}
