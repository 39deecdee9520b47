package org.unrolled.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import javafx.geometry.Bounds;
import javafx.geometry.Point2D;
import javafx.scene.Node;
import javafx.scene.control.Spinner;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.unrolled.engine.Engine;
import org.unrolled.engine.Scenario;

/**
 * A monkey at the keyboard and mouse: seeded random keys, clicks, drags, scrolls and scrubs over the
 * running window on several samples. Nothing may throw on the JavaFX thread or hang, and after every
 * action the model's invariants hold: the position lies on the timeline, the trace on screen is the
 * trace of the scenario on screen, and the what-if controls show that scenario.
 *
 * <p>{@code -Dmonkey.actions=N} sets the actions per sample (default 210, so that `mvn verify` stays under 5 minutes); {@code -Dmonkey.seed=S}
 * replays a run. The seed is printed in every failure.
 *
 * <p>An exception on any thread fails it: a default uncaught-exception handler catches those that
 * reach the top of a thread, and standard error is watched for the stack traces that JavaFX's own
 * threads catch and print themselves (the render thread does), which no handler sees.
 */
@ExtendWith(ApplicationExtension.class)
class MonkeyTest {
    private static final String[] SAMPLES = {"lstm-gates.json", "translation.json", "rnn-vanishing.json",
        "teacher-forcing.json", "sentiment.json"};
    /**
     * Every key of the window but F5 (presentation, full screen). Toggling full screen on Monocle's
     * headless screen hits a defect of that test screen, not of the program: for a window as wide as the
     * screen, Monocle's {@code Framebuffer.composePixels} sets the position and limit of the window's
     * pixel buffer and never restores them; after the next resize JavaFX's {@code QueuedPixelSource}
     * reuses that buffer for the new size and the render thread throws "Too small int buffer size
     * 1920x1200" (a frame is dropped). Real screens never take that path; {@code PresentationTest}
     * covers presentation mode.
     */
    private static final KeyCode[] KEYS = {KeyCode.SPACE, KeyCode.RIGHT, KeyCode.LEFT, KeyCode.PAGE_DOWN,
        KeyCode.PAGE_UP, KeyCode.HOME, KeyCode.END, KeyCode.F, KeyCode.R, KeyCode.B, KeyCode.L, KeyCode.ESCAPE,
        KeyCode.UP, KeyCode.DOWN, KeyCode.TAB, KeyCode.ENTER, KeyCode.DIGIT3, KeyCode.MINUS};

    private AppModel model;
    private Stage stage;
    private final List<Throwable> errors = Collections.synchronizedList(new ArrayList<>());
    private Thread.UncaughtExceptionHandler previousHandler;
    private java.io.PrintStream previousErr;
    private StackTraceWatch watch;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        model = TestWindow.open(stage, SAMPLES[0]).model();
        Thread.currentThread().setUncaughtExceptionHandler((t, e) -> errors.add(e));
        previousHandler = Thread.getDefaultUncaughtExceptionHandler();
        Thread.setDefaultUncaughtExceptionHandler((t, e) -> errors.add(new AssertionError("on thread " + t.getName(), e)));
        previousErr = System.err;
        watch = new StackTraceWatch(previousErr);
        System.setErr(watch);
    }

    @org.junit.jupiter.api.AfterEach
    void restore() {
        Thread.setDefaultUncaughtExceptionHandler(previousHandler);
        if (previousErr != null) {
            System.setErr(previousErr);
        }
    }

    /** Standard error, passed through, remembering any line of a printed stack trace. */
    private static final class StackTraceWatch extends java.io.PrintStream {
        private final List<String> traces = Collections.synchronizedList(new ArrayList<>());
        private final StringBuilder line = new StringBuilder();

        StackTraceWatch(java.io.PrintStream out) {
            super(out, true);
        }

        @Override
        public synchronized void write(int b) {
            super.write(b);
            note(b);
        }

        @Override
        public synchronized void write(byte[] buf, int off, int len) {
            super.write(buf, off, len);
            for (int i = off; i < off + len; i++) {
                note(buf[i]);
            }
        }

        private void note(int b) {
            if (b != '\n') {
                line.append((char) b);
                return;
            }
            String l = line.toString();
            line.setLength(0);
            if (l.startsWith("\tat ") || l.startsWith("Exception in thread") || l.matches("(\\w+\\.)+\\w*(Exception|Error)\\b.*")) {
                traces.add(l);
            }
        }

        String first() {
            synchronized (traces) {
                return traces.isEmpty() ? null : String.join("\n", traces.subList(0, Math.min(8, traces.size())));
            }
        }
    }

    @Test
    void randomInteractionKeepsTheWindowWorking(FxRobot robot) {
        long seed = Long.getLong("monkey.seed", 20261125L);
        int actions = Integer.getInteger("monkey.actions", 210);
        Random rnd = new Random(seed);
        int[] done = {0};
        assertTimeoutPreemptively(Duration.ofMinutes(4), () -> {
            for (String sample : SAMPLES) {
                robot.interact(() -> {
                    model.openSample(sample);
                    model.playback().playingProperty().set(false);
                });
                for (int i = 0; i < actions; i++) {
                    act(robot, rnd);
                    done[0]++;
                    String where = "seed " + seed + ", " + sample + ", action " + i;
                    assertTrue(errors.isEmpty(), () -> where + ": " + stackTrace(errors.get(0)));
                    assertTrue(watch.first() == null, () -> where + ": a stack trace was printed on standard error:\n"
                            + watch.first());
                    if (i % 10 == 0) {
                        robot.interact(() -> invariants(robot, where));
                    }
                }
                robot.type(KeyCode.ESCAPE); // close whatever popup or mode the monkey left open
                robot.interact(() -> invariants(robot, "seed " + seed + ", " + sample + ", end"));
            }
        }, () -> "not finished after " + done[0] + " actions (seed " + seed + "): hung, or far slower than usual");
        System.out.println("monkey: " + done[0] + " actions over " + SAMPLES.length + " samples, seed " + seed
                + ", no exception, invariants held");
    }

    /** A random point inside the node, its bounds read on the JavaFX thread (scene-graph reads are not thread-safe). */
    private Point2D randomPointIn(FxRobot robot, Random rnd, String query) {
        double u = rnd.nextDouble();
        double v = rnd.nextDouble();
        try {
            return org.testfx.util.WaitForAsyncUtils.asyncFx(() -> {
                Node node = robot.lookup(query).query();
                Bounds b = node.localToScreen(node.getBoundsInLocal());
                if (b == null || !node.isVisible() || b.getWidth() < 4) {
                    node = robot.lookup("#network").query();
                    b = node.localToScreen(node.getBoundsInLocal());
                }
                return new Point2D(b.getMinX() + 2 + u * (b.getWidth() - 4), b.getMinY() + 2 + v * (b.getHeight() - 4));
            }).get();
        } catch (InterruptedException | java.util.concurrent.ExecutionException e) {
            throw new IllegalStateException(e);
        }
    }

    private void act(FxRobot robot, Random rnd) {
        int kind = rnd.nextInt(100);
        String[] areas = {"#network", "#network", ".tab-pane", ".timeline-bar", "#caption-bar", "#gradient-plot"};
        if (kind < 40) {
            KeyCode k = KEYS[rnd.nextInt(KEYS.length)];
            boolean shift = rnd.nextInt(10) == 0;
            keys(robot, shift ? new KeyCode[] {KeyCode.SHIFT, k} : new KeyCode[] {k});
        } else if (kind < 45) {
            // undo / redo a what-if change
            keys(robot, rnd.nextBoolean() ? new KeyCode[] {KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.Z}
                    : new KeyCode[] {KeyCode.CONTROL, KeyCode.Z});
        } else if (kind < 80) {
            // the base robot jumps straight to the point (TestFX's moveTo glides in many small steps)
            MouseButton button = rnd.nextInt(8) == 0 ? MouseButton.SECONDARY : MouseButton.PRIMARY;
            base(robot).moveMouse(randomPointIn(robot, rnd, areas[rnd.nextInt(areas.length)]));
            base(robot).pressMouse(button);
            base(robot).releaseMouse(button);
            org.testfx.util.WaitForAsyncUtils.waitForFxEvents(1);
        } else if (kind < 90) {
            // drag: pan the picture, scrub the timeline or pull a slider
            Point2D from = randomPointIn(robot, rnd, areas[rnd.nextInt(areas.length)]);
            base(robot).moveMouse(from);
            base(robot).pressMouse(MouseButton.PRIMARY);
            for (int k = 1; k <= 4; k++) {
                base(robot).moveMouse(from.add(k * (rnd.nextInt(100) - 50), k * (rnd.nextInt(10) - 5)));
            }
            base(robot).releaseMouse(MouseButton.PRIMARY);
            org.testfx.util.WaitForAsyncUtils.waitForFxEvents(1);
        } else {
            base(robot).moveMouse(randomPointIn(robot, rnd, "#network"));
            robot.scroll(1 + rnd.nextInt(3), rnd.nextBoolean() ? javafx.geometry.VerticalDirection.UP
                    : javafx.geometry.VerticalDirection.DOWN);
        }
    }

    private static String stackTrace(Throwable t) {
        java.io.StringWriter w = new java.io.StringWriter();
        t.printStackTrace(new java.io.PrintWriter(w));
        return w.toString();
    }

    /** Presses the keys in order and releases them in reverse, then lets the JavaFX thread catch up once. */
    private static void keys(FxRobot robot, KeyCode... codes) {
        for (KeyCode c : codes) {
            base(robot).pressKeyboard(c);
        }
        for (int i = codes.length - 1; i >= 0; i--) {
            base(robot).releaseKeyboard(codes[i]);
        }
        org.testfx.util.WaitForAsyncUtils.waitForFxEvents(1);
    }

    private static org.testfx.robot.BaseRobot base(FxRobot robot) {
        return robot.robotContext().getBaseRobot();
    }

    private void invariants(FxRobot robot, String where) {
        Playback p = model.playback();
        double pos = p.positionProperty().get();
        assertTrue(pos >= p.minProperty().get() - 1e-9 && pos <= p.maxProperty().get() + 1e-9,
                where + ": position " + pos + " outside [" + p.minProperty().get() + ", " + p.maxProperty().get() + "]");
        Document d = model.document();
        Scenario s = d.scenario();
        assertTrue(d.trace().scenario() == s, where + ": the trace on screen is of another scenario");
        assertEquals(Engine.run(s).loss(), d.trace().loss(), 0.0, where + ": the trace's loss");
        Spinner<?> hidden = robot.lookup("#hidden-spinner").queryAs(Spinner.class);
        assertEquals(s.hiddenSize(), hidden.getValue(), where + ": the hidden-size control");
        int length = new org.unrolled.view.StepSchedule(d.trace()).length();
        assertEquals(length, p.lengthProperty().get(), where + ": the timeline has the trace's steps");
        assertTrue(stage.isShowing(), where + ": the window is open");
    }
}
