package org.unrolled.cli;

import java.nio.file.Path;
import javafx.application.Application;
import org.unrolled.app.StartupReport;
import org.unrolled.app.UnrolledApp;

/** Opens the window, or says plainly why it cannot. */
final class WindowLauncher {
    private WindowLauncher() {
    }

    static int open(Path scenario) {
        if (!displayAvailable()) {
            System.err.println("unrolled: cannot open the window: no display (DISPLAY is not set).");
            System.err.println("The command-line tools need none; see: java -jar unrolled.jar --help");
            return Main.EXIT_IO;
        }
        String[] launchArgs = Main.launchArgs();
        if (launchArgs != null) {
            java.util.OptionalInt inSecondJvm = StartupArchive.relaunch(launchArgs);
            if (inSecondJvm.isPresent()) {
                return inSecondJvm.getAsInt();
            }
        }
        StartupReport.mark("main");
        UnrolledApp.setInitialScenario(scenario);
        UnrolledApp.preloadDefault();
        org.unrolled.export.HeadlessFx.quietUnnamedModuleWarning();
        try {
            Application.launch(UnrolledApp.class);
            return 0;
        } catch (RuntimeException e) {
            Throwable root = e;
            while (root.getCause() != null) {
                root = root.getCause();
            }
            System.err.println("unrolled: the window could not start: " + root);
            System.err.println("On Linux JavaFX needs GTK 3 (package libgtk-3-0).");
            if (System.getenv("UNROLLED_DEBUG") != null) {
                e.printStackTrace();
            }
            return Main.EXIT_IO;
        }
    }

    private static boolean displayAvailable() {
        String os = System.getProperty("os.name", "").toLowerCase(java.util.Locale.ROOT);
        if (os.contains("win") || os.contains("mac")) {
            return true;
        }
        if ("Monocle".equals(System.getProperty("glass.platform"))) {
            return true;
        }
        return System.getenv("DISPLAY") != null || System.getenv("WAYLAND_DISPLAY") != null;
    }
}
