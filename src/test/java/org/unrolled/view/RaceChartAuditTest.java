package org.unrolled.view;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.unrolled.engine.train.Task;
import org.unrolled.view.draw.AwtPen;
import org.unrolled.view.draw.RecordingPen;
import org.unrolled.view.draw.RecordingPen.DrawnText;

/**
 * Issue 15's text and collision audit for the Train view's charts: recorded races (the adding problem and
 * temporal order, three and four networks, at their first evaluations, part way and at 200,000 sequences,
 * and before any race) × the three themes × the window's text scales (smallest, normal, twice larger, largest) × the
 * chart sizes the Train view gives on screens of 1920×1080, 1280×720 and 1024×768, and the command line's
 * picture. No text under 11 px, none overlapping, touching on its line or cut at the edge, none on the
 * plotted data, every curve in a legend outside the plot. The summary goes to
 * {@code target/race-text-audit.txt}; {@code -Drace.shots=DIR} also writes every picture as a PNG.
 */
class RaceChartAuditTest {
    /** The window's palette scales: View ▸ Smaller text at its floor, normal, View ▸ Larger text twice, and at its ceiling. */
    static final double[] TEXT_SCALES = {0.7, 1.0, 1.15 * 1.15, 2.0};

    @Test
    void everyChartOfEveryRecordedRaceHasLegibleTextClearOfItsData() throws Exception {
        List<RaceChartAudit.Race> races = new ArrayList<>();
        for (RaceChartAudit.Race r : List.of(RaceChartAudit.recorded("adding", Task.ADDING, false),
                RaceChartAudit.recorded("adding", Task.ADDING, true), RaceChartAudit.recorded("order", Task.ORDER, false))) {
            races.add(r.upTo(0));
            races.add(r.upTo(2));
            races.add(r.upTo(12));
            races.add(r.upTo(Integer.MAX_VALUE));
        }
        List<String> problems = new ArrayList<>();
        int pictures = 0;
        long strings = 0;
        double smallest = Double.POSITIVE_INFINITY;
        String shots = System.getProperty("race.shots");
        for (RaceChartAudit.Race race : races) {
            RaceChart.ScoreAxes axes = race.axes(640);
            List<String> refs = List.of(axes.baselineLabel(), axes.targetLabel());
            for (String theme : TextAudit.THEMES) {
                for (double scale : TEXT_SCALES) {
                    Palette p = Palette.of(theme).withScale(Palette.of(theme).scale() * scale);
                    for (RaceAuditScreens.Screen screen : RaceAuditScreens.SCREENS) {
                        String where = String.format(Locale.ROOT, "%s %s ×%.2f %s", race.name(), theme, scale, screen.name());
                        RecordingPen scores = new RecordingPen(null);
                        RaceChart.drawScores(scores, screen.scoreW(), screen.scoreH(), p, race.scores(), axes);
                        problems.addAll(RaceChartAudit.check(where + " scores", scores, screen.scoreW(), screen.scoreH(), 1,
                                race.scores(), refs));
                        RecordingPen profiles = new RecordingPen(null);
                        RaceChart.drawProfiles(profiles, screen.profileW(), screen.profileH(), p, race.profiles());
                        problems.addAll(RaceChartAudit.check(where + " profiles", profiles, screen.profileW(),
                                screen.profileH(), 1, race.profiles(), List.of()));
                        for (RecordingPen pen : List.of(scores, profiles)) {
                            pictures++;
                            strings += pen.texts().size();
                            smallest = Math.min(smallest, pen.texts().stream().mapToDouble(DrawnText::size).min().orElse(99));
                        }
                        if (shots != null) {
                            shot(Path.of(shots, where.replace(' ', '_') + "-scores.png"), screen.scoreW(), screen.scoreH(),
                                    pen -> RaceChart.drawScores(pen, screen.scoreW(), screen.scoreH(), p, race.scores(), axes));
                            shot(Path.of(shots, where.replace(' ', '_') + "-profiles.png"), screen.profileW(),
                                    screen.profileH(), pen -> RaceChart.drawProfiles(pen, screen.profileW(), screen.profileH(), p,
                                            race.profiles()));
                        }
                    }
                }
            }
            // the command line's picture: both charts under a title, 1600×700, light theme
            String title = "Adding problem, T = 100: held-out RMSE (left) and ‖∂L/∂h_t‖ of the final weights on held-out sequence 0 (right)";
            RecordingPen cli = new RecordingPen(null);
            RaceChart.draw(cli, 1600, 700, Palette.LIGHT, race.scores(), axes, race.profiles(), title);
            List<RaceChart.Curve> all = new ArrayList<>(race.scores());
            problems.addAll(RaceChartAudit.check(race.name() + " command line", cli, 1600, 700, 2, all, refs));
            pictures++;
            strings += cli.texts().size();
            if (shots != null) {
                shot(Path.of(shots, race.name().replace(' ', '_') + "-cli.png"), 1600, 700,
                        pen -> RaceChart.draw(pen, 1600, 700, Palette.LIGHT, race.scores(), axes, race.profiles(), title));
            }
        }
        String summary = String.format(Locale.ROOT, "%d pictures, %d strings; smallest text %.1f px; %d problems%s",
                pictures, strings, smallest, problems.size(), problems.isEmpty() ? "" : " " + TextAudit.kinds(problems));
        Files.createDirectories(Path.of("target"));
        Files.writeString(Path.of("target/race-text-audit.txt"), summary + "\n" + String.join("\n", problems) + "\n");
        System.out.println("RACE TEXT AUDIT: " + summary);
        assertTrue(pictures > 500, "the matrix was walked: " + pictures);
        assertEquals(List.of(), problems.subList(0, Math.min(40, problems.size())), summary);
    }

    private static void shot(Path file, int w, int h, java.util.function.Consumer<org.unrolled.view.draw.Pen> draw)
            throws Exception {
        Files.createDirectories(file.getParent());
        var img = new java.awt.image.BufferedImage(w, h, java.awt.image.BufferedImage.TYPE_INT_RGB);
        var g = img.createGraphics();
        g.setColor(java.awt.Color.WHITE);
        g.fillRect(0, 0, w, h);
        draw.accept(new AwtPen(g));
        g.dispose();
        javax.imageio.ImageIO.write(img, "png", file.toFile());
    }
}
