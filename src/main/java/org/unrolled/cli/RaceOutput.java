package org.unrolled.cli;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.unrolled.document.RaceScenarios;
import org.unrolled.document.ScenarioDocument;
import org.unrolled.engine.Scenario;
import org.unrolled.engine.train.GradientProfile;
import org.unrolled.engine.train.History;
import org.unrolled.engine.train.Net;
import org.unrolled.engine.train.Race;
import org.unrolled.engine.train.Task;
import org.unrolled.engine.train.TrainSettings;
import org.unrolled.export.Exporter;
import org.unrolled.io.AtomicFiles;
import org.unrolled.io.ScenarioWriter;
import org.unrolled.view.Palette;
import org.unrolled.view.RaceChart;
import org.unrolled.view.RaceStyle;

/** The files of a finished race: curves.csv, curves.json, curves.png and one scenario per network. */
final class RaceOutput {
    private RaceOutput() {
    }

    /** Whether a network's training diverged: a score on its way that is not a finite number. */
    static boolean diverged(Race.Runner r) {
        for (History.Point p : r.history().points()) {
            if (!Double.isFinite(p.score())) {
                return true;
            }
        }
        return false;
    }

    static void write(Path dir, Race race, String command) throws IOException {
        write(dir, race, command, false);
    }

    /** One file of the race, written completely or not at all; a failure names the file. */
    private static void written(Path file, AtomicFiles.Content content) throws IOException {
        try {
            AtomicFiles.write(file, content);
        } catch (IOException e) {
            throw named(file, e);
        }
    }

    /** {@code e} said of {@code file}: a full disk's "No space left on device" names no file of its own. */
    private static IOException named(Path file, IOException e) {
        return new IOException(org.unrolled.io.Text.path(file) + ": " + AtomicFiles.describe(e), e);
    }

    /** The files of the race so far; {@code interrupted}: stopped by Ctrl+C or a kill, which curves.json says. */
    static void write(Path dir, Race race, String command, boolean interrupted) throws IOException {
        TrainSettings s = race.settings();
        List<Race.Runner> runners = race.runners();
        written(dir.resolve("curves.csv"), out -> {
            Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8);
            w.write("network,cell,activation,hidden,parameters,sequences," + s.task().scoreName().toLowerCase(Locale.ROOT)
                    + ",train_seconds\n");
            for (Race.Runner r : runners) {
                Net n = r.trainer().net();
                for (History.Point p : r.history().points()) {
                    w.write(String.format(Locale.ROOT, "%s,%s,%s,%d,%d,%d,%s,%.3f%n", RaceScenarios.fileStem(n),
                            n.cell().jsonName(), n.activation().jsonName(), n.hiddenSize(), n.size(), p.sequences(),
                            Double.toString(p.score()), p.seconds()));
                }
            }
            w.flush();
        });
        written(dir.resolve("curves.json"), out -> {
            try (JsonGenerator g = new JsonFactory().createGenerator(out, JsonEncoding.UTF8)) {
                g.setPrettyPrinter(new DefaultPrettyPrinter());
                g.writeStartObject();
                g.writeStringField("command", command);
                g.writeStringField("task", s.task().jsonName());
                g.writeNumberField("length", s.length());
                g.writeStringField("score", s.task().scoreName().toLowerCase(Locale.ROOT));
                g.writeNumberField("baseline", s.task().baseline());
                g.writeNumberField("heldOut", s.heldOut());
                if (interrupted) {
                    g.writeBooleanField("interrupted", true); // the curves stop where Ctrl+C stopped the race
                }
                g.writeArrayFieldStart("networks");
                for (Race.Runner r : runners) {
                    Net n = r.trainer().net();
                    g.writeStartObject();
                    g.writeStringField("name", RaceScenarios.fileStem(n));
                    g.writeStringField("label", n.label());
                    g.writeNumberField("hidden", n.hiddenSize());
                    g.writeNumberField("parameters", n.size());
                    g.writeNumberField("threads", r.trainer().threads());
                    History.Point reached = Double.isNaN(race.target()) ? null
                            : r.history().firstReaching(s.task(), race.target());
                    if (reached != null) {
                        g.writeNumberField("sequencesToTarget", reached.sequences());
                        g.writeNumberField("secondsToTarget", reached.seconds());
                    }
                    g.writeArrayFieldStart("history");
                    for (History.Point p : r.history().points()) {
                        g.writeStartArray();
                        g.writeNumber(p.sequences());
                        if (Double.isFinite(p.score())) {
                            g.writeNumber(p.score());
                        } else {
                            g.writeString(Double.toString(p.score())); // "NaN", as a trace writes it: JSON has no NaN
                        }
                        g.writeNumber(p.seconds());
                        g.writeEndArray();
                    }
                    g.writeEndArray();
                    g.writeEndObject();
                }
                g.writeEndArray();
                g.writeEndObject();
            }
        });
        List<RaceChart.Curve> curves = new ArrayList<>();
        List<RaceChart.Curve> profiles = new ArrayList<>();
        long xMax = s.evalEvery();
        for (Race.Runner r : runners) {
            if (diverged(r)) {
                // its weights or its score are not numbers: no file the reader would refuse, and none of the same
                // name left from an earlier race (--force) to pass for this one's
                Files.deleteIfExists(dir.resolve(RaceScenarios.fileStem(r.trainer().net()) + ".json"));
                continue;
            }
            ScenarioDocument doc = RaceScenarios.of(r, command, 0);
            Scenario sc = doc.scenario();
            Path file = dir.resolve(RaceScenarios.fileStem(r.trainer().net()) + ".json");
            try {
                ScenarioWriter.save(doc, file);
            } catch (IOException e) {
                throw named(file, e);
            }
            RaceStyle style = RaceStyle.of(sc.cell().jsonName(), sc.activation().jsonName());
            String label = String.format(Locale.ROOT, "%s (H = %d, %,d parameters)", r.trainer().net().label(),
                    sc.hiddenSize(), r.trainer().net().size());
            List<double[]> pts = new ArrayList<>();
            for (History.Point p : r.history().points()) {
                pts.add(new double[] {p.sequences(), p.score()});
                xMax = Math.max(xMax, p.sequences());
            }
            curves.add(new RaceChart.Curve(style, label, pts));
            double[] norms = GradientProfile.of(sc);
            List<double[]> prof = new ArrayList<>();
            for (int t = 1; t <= norms.length; t++) {
                prof.add(new double[] {t, norms[t - 1]});
            }
            profiles.add(new RaceChart.Curve(style, r.trainer().net().label(), prof));
        }
        RaceChart.ScoreAxes axes = RaceChart.axes(s.task(), race.target(), s.evalEvery(), xMax);
        var image = RaceChart.render(1600, 700, Palette.LIGHT, curves, axes, profiles, String.format(Locale.ROOT,
                "%s, T = %d: held-out %s (left) and ‖∂L/∂h_t‖ of the final weights on held-out sequence 0 (right)",
                s.task() == Task.ADDING ? "Adding problem" : "Temporal order", s.length(), s.task().scoreName()));
        int[] argb = image.getRGB(0, 0, image.getWidth(), image.getHeight(), null, 0, image.getWidth());
        byte[] png = Exporter.encode(argb, image.getWidth(), image.getHeight());
        written(dir.resolve("curves.png"), out -> out.write(png));
    }
}
