package org.unrolled.io;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import org.unrolled.engine.Engine;
import org.unrolled.engine.Scenario;
import org.unrolled.engine.Trace;
import org.unrolled.io.ScenarioMutator.Kind;
import org.unrolled.io.ScenarioMutator.Seed;

/**
 * Fuzzes {@link ScenarioReader} with thousands of mutants of the valid sample and golden scenario
 * files (see {@link ScenarioMutator}): every one must load or be rejected with a
 * {@link ScenarioException} that names the file, within a time limit and within bounded memory, and
 * what loads must run through the engine. The seed is fixed, so a failure replays; the number of
 * tries per property is {@code -Dfuzz.tries} (Maven property, default in pom.xml).
 */
class ScenarioReaderFuzzTest {
    /** One fixed seed, so a run is repeatable; jqwik prints it with every report. */
    private static final String SEED = "20261125";
    private static final Duration PER_FILE = Duration.ofSeconds(20);
    /** Memory one read may allocate: a fixed allowance plus a multiple of the file's size. */
    private static final long BASE_ALLOCATION = 96L << 20;
    private static final long ALLOCATION_PER_BYTE = 24;

    private static List<Seed> seeds;
    private static Path dir;
    private static final Map<Kind, long[]> COUNTS = new EnumMap<>(Kind.class);
    private static final AtomicLong BYTES = new AtomicLong();
    private static long started;

    @BeforeContainer
    static void setUp() throws IOException {
        seeds = ScenarioMutator.loadSeeds();
        dir = Files.createTempDirectory("unrolled-fuzz");
        for (Kind k : Kind.values()) {
            COUNTS.put(k, new long[2]);
        }
        started = System.nanoTime();
    }

    @AfterContainer
    static void report() throws IOException {
        long tried = 0;
        long loaded = 0;
        StringBuilder perKind = new StringBuilder();
        for (Map.Entry<Kind, long[]> e : COUNTS.entrySet()) {
            long[] c = e.getValue();
            tried += c[0] + c[1];
            loaded += c[0];
            perKind.append(String.format("%n  %-17s %8d tried, %7d loaded, %8d rejected", e.getKey(), c[0] + c[1],
                    c[0], c[1]));
        }
        System.out.printf("Scenario reader fuzz (seed %s, %s tries per property): %d files tried, %d loaded, "
                + "%d rejected with a ScenarioException, %.1f MB read, %.1f s%s%n", SEED,
                System.getProperty("fuzz.tries", "default"), tried, loaded, tried - loaded, BYTES.get() / 1e6,
                (System.nanoTime() - started) / 1e9, perKind);
        try (var files = Files.list(dir)) {
            files.forEach(f -> f.toFile().delete());
        }
        Files.deleteIfExists(dir);
    }

    /** A mutant is named by its seed file, its kind and the salt of its random choices: enough to rebuild it. */
    record Mutant(int seedIndex, Kind kind, long salt) {
        @Override
        public String toString() {
            return kind + " of " + seeds.get(seedIndex).name() + " with salt " + salt + "L";
        }
    }

    @Provide
    Arbitrary<Mutant> mutants() {
        return Combinators.combine(Arbitraries.integers().between(0, seeds.size() - 1), Arbitraries.of(Kind.class),
                Arbitraries.longs()).as(Mutant::new);
    }

    @Provide
    Arbitrary<Mutant> byteMutants() {
        return Combinators.combine(Arbitraries.integers().between(0, seeds.size() - 1),
                Arbitraries.of(Kind.TRUNCATE, Kind.BYTE_FLIP, Kind.NON_UTF8, Kind.BOM), Arbitraries.longs())
                .as(Mutant::new);
    }

    /** Any mutation, tree or bytes. */
    @Property(seed = SEED)
    void everyMutantLoadsOrIsRejectedWithAMessageNamingTheFile(@ForAll("mutants") Mutant m) throws Exception {
        check(m);
    }

    /** Mutations of the bytes only (truncation, flips, bad UTF-8, byte-order marks): the parser's side. */
    @Property(seed = SEED)
    void everyByteMutantLoadsOrIsRejectedWithAMessageNamingTheFile(@ForAll("byteMutants") Mutant m) throws Exception {
        check(m);
    }

    private static void check(Mutant m) throws Exception {
        byte[] bytes = ScenarioMutator.mutate(seeds.get(m.seedIndex()), m.kind(), m.salt());
        BYTES.addAndGet(bytes.length);
        Path file = dir.resolve("mutant-" + m.kind().name().toLowerCase(java.util.Locale.ROOT) + ".json");
        ReaderProbe.Outcome o = ReaderProbe.read(file, bytes, PER_FILE, m.toString());
        long allowed = BASE_ALLOCATION + ALLOCATION_PER_BYTE * bytes.length;
        if (o.allocatedBytes() > allowed) {
            throw new AssertionError(m + ": reading " + bytes.length + " bytes allocated " + (o.allocatedBytes() >> 20)
                    + " MB, more than the " + (allowed >> 20) + " MB allowed");
        }
        synchronized (COUNTS) {
            COUNTS.get(m.kind())[o.loaded() ? 0 : 1]++;
        }
        if (o.loaded()) {
            runEngine(o.scenario().scenario(), m);
        }
    }

    /** What loads is a valid scenario: the engine runs it (when its trace is small enough to run often). */
    private static void runEngine(Scenario s, Mutant m) {
        long steps = (long) s.inputCount() + s.targetCount();
        if (Limits.traceBytes(s.cell().gateCount(), s.inputSize(), s.hiddenSize(), s.outputSize(), steps) > 8L << 20
                || (long) s.hiddenSize() * s.hiddenSize() * steps > 50_000_000L) {
            return;
        }
        try {
            Trace t = Engine.run(s);
            if (t.steps().length() < 1) {
                throw new AssertionError(m + ": the trace has no steps");
            }
        } catch (RuntimeException e) {
            throw new AssertionError(m + ": loaded, but the engine threw " + e, e);
        }
    }
}
