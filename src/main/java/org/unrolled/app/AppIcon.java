package org.unrolled.app;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import javafx.scene.image.Image;
import javafx.stage.Stage;

/** The application icon (assets/icons), at every size, so the window system picks the best one. */
public final class AppIcon {
    /** The sizes rendered into the jar, in pixels (assets/icons/unrolled-SIZE.png). */
    static final int[] SIZES = {16, 32, 48, 64, 128, 256, 512};

    private AppIcon() {
    }

    /** The resource path of the icon of the given size. */
    static String resource(int size) {
        return "/assets/icons/unrolled-" + size + ".png";
    }

    /** The icons that could be read; a missing one is left out (the window just has no icon then). */
    static List<Image> images() {
        List<Image> images = new ArrayList<>();
        for (int size : SIZES) {
            try (InputStream in = AppIcon.class.getResourceAsStream(resource(size))) {
                if (in != null) {
                    Image image = new Image(in);
                    if (!image.isError()) {
                        images.add(image);
                    }
                }
            } catch (java.io.IOException e) {
                // an icon is decoration: go on without it
            }
        }
        return images;
    }

    /**
     * Sets the icon on a window once a worker has decoded the images: decoded on the JavaFX thread,
     * they held up the window's first frame (they were a tenth of that thread's profile samples at start).
     */
    static void applyLater(Stage stage) {
        Background.start(new javafx.concurrent.Task<List<Image>>() {
            @Override
            protected List<Image> call() {
                return images();
            }

            @Override
            protected void succeeded() {
                stage.getIcons().setAll(getValue());
            }
        });
    }
}
