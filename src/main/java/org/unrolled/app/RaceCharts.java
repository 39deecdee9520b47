package org.unrolled.app;

import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import javafx.scene.image.ImageView;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import org.unrolled.engine.train.History;
import org.unrolled.engine.train.Net;
import org.unrolled.engine.train.Race;
import org.unrolled.engine.train.Task;
import org.unrolled.view.Palette;
import org.unrolled.view.RaceChart;
import org.unrolled.view.RaceStyle;
import org.unrolled.view.draw.AwtPen;

/**
 * Draws the race's two charts about twelve times a second on its own thread (Java 2D, the same
 * drawing as the command line's PNG) and hands the finished pixels to the JavaFX thread, which only
 * copies them into its images.
 */
final class RaceCharts implements AutoCloseable {
    /** Milliseconds between two pictures: 12.5 a second. */
    static final long PERIOD_MS = 80;

    private record Frame(int[] scores, int sw, int sh, int[] profiles, int pw, int ph) {
    }

    private final Palette palette;
    private final ScheduledExecutorService thread = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "unrolled-race-charts");
        t.setDaemon(true);
        return t;
    });
    private final AtomicReference<Frame> latest = new AtomicReference<>();
    private volatile RaceSession session;
    private volatile Task task = Task.ADDING;
    private volatile double target = 0.05;
    private volatile int scoreWidth = 800;
    private volatile int scoreHeight = 500;
    private volatile int profileWidth = 600;
    private volatile int profileHeight = 500;
    private volatile long frames;
    private WritableImage scoreImage;
    private WritableImage profileImage;

    RaceCharts(Palette palette) {
        this.palette = palette;
        thread.scheduleAtFixedRate(this::render, 0, PERIOD_MS, TimeUnit.MILLISECONDS);
    }

    /** Pictures drawn so far (the test checks that they keep coming). */
    long frames() {
        return frames;
    }

    void follow(RaceSession s, Task t, double goal) {
        session = s;
        task = t;
        target = goal;
    }

    void resize(boolean scores, double w, double h) {
        int iw = Math.max(200, (int) w);
        int ih = Math.max(200, (int) h);
        if (scores) {
            scoreWidth = iw;
            scoreHeight = ih;
        } else {
            profileWidth = iw;
            profileHeight = ih;
        }
    }

    private void render() {
        try {
            RaceSession s = session;
            List<RaceChart.Curve> curves = new ArrayList<>();
            List<RaceChart.Curve> profiles = new ArrayList<>();
            long xMax = 10 * RaceForm.EVAL_EVERY;
            if (s != null) {
                List<Race.Runner> runners = s.race().runners();
                for (int i = 0; i < runners.size(); i++) {
                    Net net = runners.get(i).trainer().net();
                    RaceStyle style = style(net);
                    List<double[]> pts = new ArrayList<>();
                    for (History.Point p : runners.get(i).history().points()) {
                        pts.add(new double[] {p.sequences(), p.score()});
                        xMax = Math.max(xMax, p.sequences());
                    }
                    curves.add(new RaceChart.Curve(style, String.format(Locale.ROOT, "%s (H = %d, %,d parameters)",
                            net.label(), net.hiddenSize(), net.size()), pts));
                    double[] norms = s.profile(i);
                    List<double[]> prof = new ArrayList<>();
                    for (int t = 1; norms != null && t <= norms.length; t++) {
                        prof.add(new double[] {t, norms[t - 1]});
                    }
                    profiles.add(new RaceChart.Curve(style, net.label(), prof));
                }
            }
            int sw = scoreWidth;
            int sh = scoreHeight;
            int pw = profileWidth;
            int ph = profileHeight;
            RaceChart.ScoreAxes axes = RaceChart.axes(task, target, RaceForm.EVAL_EVERY, xMax);
            BufferedImage a = new BufferedImage(sw, sh, BufferedImage.TYPE_INT_ARGB_PRE);
            Graphics2D g = a.createGraphics();
            g.setColor(RaceStyle.awt(palette.background()));
            g.fillRect(0, 0, sw, sh);
            RaceChart.drawScores(new AwtPen(g), sw, sh, palette, curves, axes);
            g.dispose();
            BufferedImage b = new BufferedImage(pw, ph, BufferedImage.TYPE_INT_ARGB_PRE);
            g = b.createGraphics();
            g.setColor(RaceStyle.awt(palette.background()));
            g.fillRect(0, 0, pw, ph);
            RaceChart.drawProfiles(new AwtPen(g), pw, ph, palette, profiles);
            g.dispose();
            latest.set(new Frame(a.getRGB(0, 0, sw, sh, null, 0, sw), sw, sh, b.getRGB(0, 0, pw, ph, null, 0, pw), pw, ph));
            frames++;
        } catch (RuntimeException e) {
            // a picture that failed is skipped; the next one tries again
        }
    }

    /** On the JavaFX thread: shows the newest pictures, if any came since the last call. */
    void show(ImageView scores, ImageView profiles) {
        Frame f = latest.getAndSet(null);
        if (f == null) {
            return;
        }
        scoreImage = copy(scoreImage, f.scores(), f.sw(), f.sh());
        profileImage = copy(profileImage, f.profiles(), f.pw(), f.ph());
        if (scores.getImage() != scoreImage) {
            scores.setImage(scoreImage);
        }
        if (profiles.getImage() != profileImage) {
            profiles.setImage(profileImage);
        }
    }

    private static WritableImage copy(WritableImage img, int[] argb, int w, int h) {
        if (img == null || img.getWidth() != w || img.getHeight() != h) {
            img = new WritableImage(w, h);
        }
        img.getPixelWriter().setPixels(0, 0, w, h, PixelFormat.getIntArgbInstance(), argb, 0, w);
        return img;
    }

    static RaceStyle style(Net net) {
        return RaceStyle.of(net.cell().jsonName(), net.activation().jsonName());
    }

    /** A short sample of a network's line and marker, for its row. */
    javafx.scene.Node swatch(Net net) {
        RaceStyle st = style(net);
        int w = 48;
        int h = 16;
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = img.createGraphics();
        AwtPen pen = new AwtPen(g);
        pen.setStroke(st.colour(palette));
        pen.setFill(st.colour(palette));
        pen.setLineWidth(2.5);
        pen.setLineCap(javafx.scene.shape.StrokeLineCap.BUTT);
        pen.setLineDashes(st.dashes(2.5));
        pen.strokeLine(0, h / 2.0, w, h / 2.0);
        RaceChart.marker(pen, st.marker(), w / 2.0, h / 2.0, 4.5);
        g.dispose();
        return new ImageView(copy(null, img.getRGB(0, 0, w, h, null, 0, w), w, h));
    }

    @Override
    public void close() {
        thread.shutdownNow();
    }
}
