package org.unrolled.bench;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;
import org.unrolled.document.DocumentTrace;
import org.unrolled.document.ScenarioDocument;
import org.unrolled.engine.CellType;
import org.unrolled.export.ExportOptions;
import org.unrolled.export.Exporter;
import org.unrolled.export.FramePlan;
import org.unrolled.export.AwtFrameSource;
import org.unrolled.export.HeadlessFx;
import org.unrolled.view.Phase;
import org.unrolled.view.StepSchedule;

/**
 * CPU time, not wall-clock time, of {@link ExportBenchmark}'s three rows, taken in turns in one JVM: (a) drawing
 * alone, (b) encoding alone, and the whole PNG export. On a machine that other programs keep busy the wall-clock
 * figures say little, but the CPU time each part takes is stretched much less; the export's CPU time against
 * a + b says how much work it adds to drawing and encoding (the floor max(a, (a + b) / 2) on two free cores
 * assumes it adds none). Per frame, for the whole process, and how many cores the export kept busy (its CPU time
 * over its wall-clock time).
 * {@code tools/bench/export-cpu.sh [rounds]} builds and runs it.
 */
public final class ExportCpuProbe {
    private static final int FRAMES = 61;

    private ExportCpuProbe() {
    }

    public static void main(String[] args) throws Exception {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 5;
        HeadlessFx.start();
        DocumentTrace trace = DocumentTrace.run(ScenarioDocument.of(Scenarios.manyToMany(CellType.LSTM, 4, 16, 4, 30, 7),
                "benchmark"));
        ExportOptions options = new ExportOptions(1920, 1080, 1, 1.0, Phase.BOTH, 0, 0, "light", "f_%04d.png");
        FramePlan plan = new FramePlan(new StepSchedule(trace.trace()), options);
        AwtFrameSource source = new AwtFrameSource(trace, options);
        int[][] rendered = new int[FRAMES][1920 * 1080];
        for (int i = 0; i < FRAMES; i++) {
            source.render(plan.position(i), rendered[i]);
        }
        Path root = Files.createTempDirectory("unrolled-export-cpu");
        int[] run = {0};
        Step draw = () -> {
            int[] pixels = new int[1920 * 1080];
            for (int i = 0; i < FRAMES; i++) {
                source.render(plan.position(i), pixels);
            }
        };
        Step encode = () -> {
            for (int[] frame : rendered) {
                Exporter.encode(frame, 1920, 1080);
            }
        };
        Step export = () -> {
            Path dir = root.resolve("run" + run[0]++);
            Exporter.prepareFolder(dir, options);
            Exporter.run(trace, options, dir, source, (d, t) -> { }, new AtomicBoolean());
        };
        for (int k = 0; k < 3; k++) { // warm-up
            draw.run();
            encode.run();
            export.run();
        }
        System.out.println("load average before: " + load());
        System.out.println("round | (a) draw: wall, process CPU | (b) encode: wall, process CPU | "
                + "export: wall, process CPU, cores busy | export CPU / (a + b) CPU   (ms a frame)");
        for (int r = 1; r <= rounds; r++) {
            double[] a = measure(draw);
            double[] b = measure(encode);
            double[] x = measure(export);
            System.out.printf("%d | %.2f %.2f | %.2f %.2f | %.2f %.2f %.2f | %.3f%n", r, a[0], a[1], b[0], b[1],
                    x[0], x[1], x[1] / x[0], x[1] / (a[1] + b[1]));
        }
        System.out.println("load average after: " + load());
        try (Stream<Path> files = Files.walk(root)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
        System.exit(0); // JavaFX's threads would keep the JVM alive
    }

    @FunctionalInterface
    private interface Step {
        void run() throws Exception;
    }

    /** Wall-clock time and the process's CPU time of {@code step}, per frame. */
    private static double[] measure(Step step) throws Exception {
        long p0 = processCpu();
        long t0 = System.nanoTime();
        step.run();
        long t1 = System.nanoTime();
        long p1 = processCpu();
        return new double[] {(t1 - t0) / 1e6 / FRAMES, (p1 - p0) / 1e6 / FRAMES};
    }

    private static long processCpu() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
    }

    private static String load() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).trim();
        } catch (java.io.IOException | RuntimeException e) {
            return "unknown";
        }
    }
}
