package org.unrolled.app;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;
import org.unrolled.io.Samples;

/** The window's error banner speaks plainly: a device opened as a scenario, a failure that is an Error. */
@ExtendWith(ApplicationExtension.class)
class BannerWordsTest {
    private AppModel model;

    @Start
    void start(Stage s) {
        model = TestWindow.open(s, Samples.DEFAULT).model();
    }

    @Test
    void aDeviceOpenedAsAScenarioIsAPlainMessageQuickly(FxRobot robot) throws Exception {
        robot.interact(() -> model.open(Path.of("/dev/zero")));
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> !model.errorProperty().get().isEmpty());
        String banner = model.errorProperty().get();
        assertTrue(banner.startsWith("/dev/zero: is not a regular file"), banner);
        assertFalse(banner.contains("java."), banner);
    }

    @Test
    void errorsAreSaidInWordsWithoutClassNames() {
        String oom = Problems.describe(new OutOfMemoryError("Java heap space"));
        assertTrue(oom.startsWith("there is not enough memory"), oom);
        assertFalse(oom.contains("java") || oom.contains("Error"), oom);
        String hostile = Problems.describe(new IllegalStateException("bad \u001b]0;PWNED\u0007 value"));
        assertFalse(hostile.contains("\u001b"), hostile);
    }
}
