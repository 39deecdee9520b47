package org.unrolled.view.draw;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import javafx.scene.canvas.Canvas;
import javafx.scene.image.WritableImage;
import javafx.scene.paint.Color;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.unrolled.export.FxThread;
import org.unrolled.export.HeadlessFx;

/** Frames drawn in part: only the changed places are drawn again, and the pixels are those of the new frame. */
class CanvasFramesTest {
    @BeforeAll
    static void startFx() throws Exception {
        HeadlessFx.start();
    }

    private static DrawList frame(double squareX) {
        DrawList f = new DrawList();
        f.setFill(Color.WHITE);
        f.fillRect(0, 0, 200, 100);
        f.setFill(Color.RED);
        f.fillRect(squareX, 10, 20, 20);
        f.setFill(Color.BLUE);
        f.fillRect(150, 60, 30, 30); // the same in every frame
        return f;
    }

    private static Color at(Canvas c, int x, int y) {
        WritableImage img = c.snapshot(null, null);
        return img.getPixelReader().getColor(x, y);
    }

    @Test
    void drawsOnlyWhereTheFrameChangedAndEverythingAfterAPlaceThatIsNotANumber() throws Exception {
        FxThread.call(() -> {
            Canvas canvas = new Canvas(200, 100);
            CanvasFrames frames = new CanvasFrames();
            frames.show(frame(10), canvas.getGraphicsContext2D(), 200, 100);
            assertEquals(1, frames.lastRedrawn().size(), "the first frame is drawn in full");
            assertEquals(200, frames.lastRedrawn().get(0)[2]);

            frames.show(frame(50), canvas.getGraphicsContext2D(), 200, 100);
            List<double[]> redrawn = frames.lastRedrawn();
            for (double[] r : redrawn) {
                assertTrue(r[2] <= 80 && r[3] <= 40, "only around the old and the new square: " + java.util.Arrays.toString(r));
            }
            assertEquals(Color.WHITE, at(canvas, 20, 20), "the old square is gone");
            assertEquals(Color.RED, at(canvas, 60, 20), "the new square is drawn");
            assertEquals(Color.BLUE, at(canvas, 165, 75), "what did not change is still there");

            frames.show(frame(50), canvas.getGraphicsContext2D(), 200, 100);
            assertTrue(frames.lastRedrawn().isEmpty(), "nothing changed, nothing drawn");

            frames.show(frame(Double.NaN), canvas.getGraphicsContext2D(), 200, 100);
            assertEquals(Color.WHITE, at(canvas, 60, 20), "a square moved to NaN leaves no trace");
            assertEquals(Color.BLUE, at(canvas, 165, 75));
            return null;
        });
    }

    @Test
    void stripsShowThePictureSideBySideAndOnlyAStripAChangeReachesIsDrawnOn() throws Exception {
        FxThread.call(() -> {
            Canvas left = new Canvas(120, 100);
            Canvas right = new Canvas(80, 100);
            List<CanvasFrames.Strip> strips = List.of(new CanvasFrames.Strip(left.getGraphicsContext2D(), 0, 120),
                    new CanvasFrames.Strip(right.getGraphicsContext2D(), 120, 200));
            CanvasFrames frames = new CanvasFrames();
            frames.show(frame(110), strips, 200, 100); // the red square straddles the edge at 120
            assertEquals(Color.RED, at(left, 115, 20), "the square's left part, on the left strip");
            assertEquals(Color.RED, at(left, 119, 20), "up to the strip's last column");
            assertEquals(Color.RED, at(right, 0, 20), "its right part from the right strip's first column (x = 0)");
            assertEquals(Color.RED, at(right, 5, 20));
            assertEquals(Color.WHITE, at(right, 15, 20), "the square ends at the picture's x = 130");
            assertEquals(Color.BLUE, at(right, 45, 75), "the blue square at the picture's x = 165");

            // a mark no frame draws: it stays only if the right strip is not drawn on again
            right.getGraphicsContext2D().setFill(Color.LIME);
            right.getGraphicsContext2D().fillRect(70, 90, 5, 5);
            frames.show(frame(10), strips, 200, 100);
            assertEquals(Color.WHITE, at(right, 5, 20), "the square's old place on the right strip is cleared");
            assertEquals(Color.RED, at(left, 15, 20), "its new place is drawn");
            assertEquals(Color.LIME, at(right, 72, 92), "outside the change, the right strip was not drawn on");

            frames.show(frame(40), strips, 200, 100);
            assertEquals(Color.LIME, at(right, 72, 92), "a change on the left strip only leaves the right one alone");
            return null;
        });
    }
}
