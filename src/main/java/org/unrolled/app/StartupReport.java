package org.unrolled.app;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.StringJoiner;
import javafx.stage.Stage;
import javafx.stage.WindowEvent;

/**
 * Opt-in start-up timing: with {@code -Dunrolled.startupReport=true} the window prints, once it is
 * shown, how long after the JVM started that was, and when the steps on the way were reached, e.g.
 * {@code unrolled: window shown after 1234 ms (JVM start; at 1700000000000 ms since 1970) [main 210,
 * javafx started 640, ..., shown 1234]}. A second line follows when the renderer has drawn the first
 * frame into the window (until then it is blank). Measured from {@code RuntimeMXBean.getStartTime()}, which the JVM takes as it starts
 * (the native launcher's few milliseconds before it are not included); when a first JVM started this
 * one with the start-up archive, from that first JVM's start.
 */
public final class StartupReport {
    static final String PROPERTY = "unrolled.startupReport";
    private static final Map<String, Long> MARKS = new LinkedHashMap<>();
    /** The JavaFX thread's CPU time (ns) at the steps marked on it: less disturbed by other work than wall time. */
    private static final Map<String, Long> FX_CPU = new LinkedHashMap<>();

    private StartupReport() {
    }

    static boolean enabled() {
        return Boolean.getBoolean(PROPERTY);
    }

    /** Records that a step of the start-up was reached (nothing unless enabled). */
    public static void mark(String step) {
        if (enabled()) {
            synchronized (MARKS) {
                MARKS.putIfAbsent(step, System.currentTimeMillis());
                // by the thread's name: asking JavaFX whose thread this is would start loading the toolkit
                // on the main thread, ahead of the launch being measured
                if (Thread.currentThread().getName().equals("JavaFX Application Thread")) {
                    FX_CPU.putIfAbsent(step, fxThreadCpu());
                }
            }
        }
    }

    /** Prints the report when the stage is first shown, and again after its first pulse. */
    public static void watch(Stage stage) {
        if (!enabled()) {
            return;
        }
        stage.addEventHandler(WindowEvent.WINDOW_SHOWN, new javafx.event.EventHandler<WindowEvent>() {
            @Override
            public void handle(WindowEvent e) {
                stage.removeEventHandler(WindowEvent.WINDOW_SHOWN, this);
                long shown = System.currentTimeMillis();
                mark("shown");
                report("window shown", shown);
                firstFrame(stage);
            }
        });
    }

    /**
     * Reports the first frame the renderer finished after the window was shown. JavaFX has no public
     * hook for that, so this uses its internal performance tracker (reachable when JavaFX is on the
     * class path, as in the jar); where it is not, it falls back to the end of the first pulse.
     */
    private static void firstFrame(Stage stage) {
        javafx.scene.Scene scene = stage.getScene();
        try {
            com.sun.javafx.perf.PerformanceTracker tracker = com.sun.javafx.perf.PerformanceTracker.getSceneTracker(scene);
            boolean[] done = new boolean[1];
            tracker.setOnRenderedFrameTask(() -> {
                synchronized (done) {
                    if (done[0]) {
                        return;
                    }
                    done[0] = true;
                }
                report("first frame rendered", System.currentTimeMillis());
            });
        } catch (LinkageError | RuntimeException e) { // JavaFX on the module path: the package is not exported
            Runnable[] once = new Runnable[1];
            once[0] = () -> {
                scene.removePostLayoutPulseListener(once[0]);
                report("first pulse laid out", System.currentTimeMillis());
            };
            scene.addPostLayoutPulseListener(once[0]);
        }
    }

    private static long fxThreadCpu() {
        try {
            return java.lang.management.ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
        } catch (LinkageError | UnsupportedOperationException e) {
            return -1;
        }
    }

    private static void report(String what, long at) {
        long jvmStart;
        try {
            jvmStart = java.lang.management.ManagementFactory.getRuntimeMXBean().getStartTime();
        } catch (LinkageError e) { // a runtime image without java.management
            System.out.println("unrolled: " + what + " at " + at + " ms since 1970");
            return;
        }
        // started by a first JVM that only relaunched (see the command line's StartupArchive): count from that one's start
        long launched = Long.getLong("unrolled.launchedAt", -1);
        long start = launched > 0 ? launched : jvmStart;
        StringJoiner steps = new StringJoiner(", ", " [", "]");
        if (launched > 0) {
            steps.add("second JVM started " + (jvmStart - start));
        }
        synchronized (MARKS) {
            MARKS.forEach((step, t) -> steps.add(step + " " + (t - start)));
        }
        StringJoiner cpu = new StringJoiner(", ", "; JavaFX thread CPU since it started [", "]");
        synchronized (MARKS) {
            Long first = FX_CPU.get("javafx started");
            FX_CPU.forEach((step, ns) -> {
                if (first != null && first >= 0 && ns >= 0 && !step.equals("javafx started")) {
                    cpu.add(step + " " + (ns - first) / 1_000_000);
                }
            });
        }
        System.out.println("unrolled: " + what + " after " + (at - start) + " ms (" + (launched > 0 ? "first " : "")
                + "JVM start; at " + at
                + " ms since 1970)" + steps + cpu);
    }
}
