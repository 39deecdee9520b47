package org.unrolled.app;

import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import javafx.application.Platform;
import javafx.scene.image.WritableImage;
import javafx.stage.Stage;
import javax.imageio.ImageIO;
import org.unrolled.export.HeadlessFx;
import org.unrolled.view.FrameRenderer;

/**
 * For looking at the whole window headless: {@code WindowShot SAMPLE POSITION WIDTH HEIGHT window|present OUT.png}
 * lays the real window out at that size on Monocle and writes a snapshot of its scene.
 */
public final class WindowShot {
    private WindowShot() {
    }

    public static void main(String[] a) throws Exception {
        HeadlessFx.start();
        CountDownLatch done = new CountDownLatch(1);
        Platform.runLater(() -> {
            try {
                Stage stage = new Stage();
                AppModel model = new AppModel(new RecentFiles(null), Runnable::run);
                MainWindow window = new MainWindow(stage, model, javafx.util.Duration.ZERO);
                model.openSample(a[0]);
                window.buildAllTabs();
                stage.setWidth(Integer.parseInt(a[2]));
                stage.setHeight(Integer.parseInt(a[3]));
                stage.show();
                model.playback().positionProperty().set(Double.parseDouble(a[1]));
                javafx.scene.layout.Region root = (javafx.scene.layout.Region) stage.getScene().getRoot();
                window.state().setPresenting(a[4].startsWith("present"));
                root.resize(Integer.parseInt(a[2]), Integer.parseInt(a[3]));
                root.applyCss();
                root.layout();
                WritableImage img = root.snapshot(null, null);
                ImageIO.write(FrameRenderer.toBufferedImage(img, null), "png", Path.of(a[5]).toFile());
            } catch (Exception e) {
                e.printStackTrace();
            } finally {
                done.countDown();
            }
        });
        done.await();
        Platform.exit();
        System.exit(0);
    }
}
