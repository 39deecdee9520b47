package org.unrolled.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.InputStream;
import java.util.List;
import javafx.scene.image.Image;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** The icon is in the jar's resources at every size and ends up on the window (decoded off the JavaFX thread). */
@ExtendWith(ApplicationExtension.class)
class AppIconTest {
    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        AppIcon.applyLater(stage);
    }

    @Test
    void everySizeIsASquarePngOfThatSizeWithATransparentCorner() throws Exception {
        for (int size : AppIcon.SIZES) {
            try (InputStream in = AppIcon.class.getResourceAsStream(AppIcon.resource(size))) {
                assertNotNull(in, AppIcon.resource(size));
                BufferedImage image = javax.imageio.ImageIO.read(in);
                assertEquals(size, image.getWidth(), AppIcon.resource(size));
                assertEquals(size, image.getHeight(), AppIcon.resource(size));
                assertTrue((image.getRGB(0, 0) >>> 24) < 32, "the rounded tile leaves the corner (nearly) clear");
                assertEquals(255, image.getRGB(size / 2, size / 2) >>> 24, "the middle is opaque");
            }
        }
    }

    @Test
    void theWindowGetsEverySize() throws Exception {
        // decoded on a worker, then set on the JavaFX thread
        org.testfx.util.WaitForAsyncUtils.waitFor(10, java.util.concurrent.TimeUnit.SECONDS, () -> !stage.getIcons().isEmpty());
        List<Image> icons = stage.getIcons();
        assertEquals(AppIcon.SIZES.length, icons.size());
        for (int i = 0; i < AppIcon.SIZES.length; i++) {
            assertEquals(AppIcon.SIZES[i], icons.get(i).getWidth());
        }
        assertTrue(icons.stream().noneMatch(Image::isError));
    }
}
