package org.unrolled.export;

import java.util.concurrent.CountDownLatch;
import javafx.application.Platform;

/**
 * Starts JavaFX with no display at all (Monocle's headless screen, the software pipeline): the painters
 * measure strings as JavaFX lays them out, on the command line as in the window, and the tests draw on a
 * JavaFX canvas with it. The exports themselves draw through Java2D.
 */
public final class HeadlessFx {
    private static boolean started;

    private HeadlessFx() {
    }

    /** Held so that the filter on it is not collected with a weakly referenced logger. */
    private static final java.util.logging.Logger JAVAFX_LOG = java.util.logging.Logger.getLogger("javafx");

    /**
     * JavaFX warns "Unsupported JavaFX configuration: classes were loaded from 'unnamed module'" when it
     * is not on the module path. Here that is intended (one runnable jar, JavaFX inside it, tested as
     * such), so the warning says nothing to a user: it alone is dropped; every other JavaFX message stays.
     */
    public static void quietUnnamedModuleWarning() {
        JAVAFX_LOG.setFilter(r -> r.getMessage() == null || !r.getMessage().startsWith("Unsupported JavaFX configuration"));
    }

    public static synchronized void start() throws InterruptedException {
        if (started) {
            return;
        }
        quietUnnamedModuleWarning();
        System.setProperty("glass.platform", "Monocle");
        System.setProperty("monocle.platform", "Headless");
        System.setProperty("prism.order", "sw");
        System.setProperty("headless.geometry", "1920x1200-32");
        System.setProperty("java.awt.headless", "true");
        CountDownLatch ready = new CountDownLatch(1);
        try {
            Platform.startup(ready::countDown);
        } catch (IllegalStateException alreadyRunning) {
            ready.countDown();
        }
        Platform.setImplicitExit(false);
        ready.await();
        started = true;
    }
}
