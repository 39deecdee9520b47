package org.unrolled.view;

import java.io.File;
import java.util.concurrent.CountDownLatch;
import javafx.application.Platform;
import javax.imageio.ImageIO;
import org.unrolled.engine.Engine;
import org.unrolled.engine.Trace;
import org.unrolled.io.ScenarioReader;

/**
 * Developer preview, not a test: renders frames of a scenario headless to PNG so that the picture can
 * be looked at. {@code PreviewMain SCENARIO OUT_PREFIX WIDTH HEIGHT POSITION...}
 */
public final class PreviewMain {
    public static void main(String[] args) throws Exception {
        System.setProperty("glass.platform", "Monocle");
        System.setProperty("monocle.platform", "Headless");
        System.setProperty("prism.order", "sw");
        System.setProperty("java.awt.headless", "true");
        Trace trace = Engine.run(ScenarioReader.read(java.nio.file.Path.of(args[0])).scenario());
        int w = Integer.parseInt(args[2]);
        int h = Integer.parseInt(args[3]);
        CountDownLatch started = new CountDownLatch(1);
        Platform.startup(started::countDown);
        started.await();
        CountDownLatch done = new CountDownLatch(1);
        Platform.runLater(() -> {
            try {
                FrameRenderer r = new FrameRenderer(w, h);
                // -Dtheme=dark|projector: the theme's palette (light without it)
                ViewSettings view = ViewSettings.defaults().withPalette(Palette.of(System.getProperty("theme", "light")));
                for (int i = 4; i < args.length; i++) {
                    // "u0.5": the rolled view unfolded halfway; a number: a playback position
                    boolean rolled = args[i].startsWith("u");
                    double p = Double.parseDouble(rolled ? args[i].substring(1) : args[i]);
                    var image = rolled ? r.renderRolled(trace, view, p) : r.render(trace, view, p);
                    ImageIO.write(FrameRenderer.toBufferedImage(image, null), "png", new File(args[1] + "_" + args[i] + ".png"));
                }
            } catch (Exception e) {
                e.printStackTrace();
            } finally {
                done.countDown();
            }
        });
        done.await();
        Platform.exit();
    }
}
