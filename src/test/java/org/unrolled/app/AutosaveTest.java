package org.unrolled.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.unrolled.document.ScenarioDocument;
import org.unrolled.engine.ScenarioEdits;
import org.unrolled.io.Samples;
import org.unrolled.io.ScenarioWriter;

/** Autosave without a window: when it writes, what a crash leaves, what is offered, what is ignored. */
class AutosaveTest {
    private static final ScenarioDocument EDITED = withRho(Samples.load(Samples.DEFAULT), 1.7);
    private static final Duration FAST = Duration.ofMillis(50);

    private static String json(ScenarioDocument s) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ScenarioWriter.write(s, out);
        return out.toString(StandardCharsets.UTF_8);
    }

    private static List<String> names(Path dir) throws Exception {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    private static void waitFor(Path file) throws Exception {
        for (int i = 0; i < 200; i++) {
            if (Files.exists(file)) {
                return;
            }
            Thread.sleep(10);
        }
        fail(file + " was not written");
    }

    @Test
    void unsavedChangesAreWrittenPeriodicallyAndRemovedOnceSaved(@TempDir Path dir) throws Exception {
        Autosave a = new Autosave(dir, FAST);
        assertTrue(a.start());
        Thread.sleep(150);
        assertFalse(Files.exists(a.file()), "nothing unsaved, nothing written");
        Path lecture = dir.resolve("lecture.json");
        a.update(new Autosave.Snapshot(EDITED, lecture, "lecture.json"));
        waitFor(a.file()); // by the timer, not asked
        Autosave.Recovered r = AutosaveFile.read(a.file());
        assertEquals(json(EDITED), json(r.scenario()));
        assertEquals(lecture.toAbsolutePath(), r.file(), "the original file is recorded");
        assertEquals("lecture.json", r.name());

        // a later edit replaces it at the next tick
        ScenarioDocument later = EDITED.withScenario(ScenarioEdits.withSpectralRadius(EDITED.scenario(), 0.9));
        a.update(new Autosave.Snapshot(later, lecture, "lecture.json"));
        a.flush();
        assertEquals(json(later), json(AutosaveFile.read(a.file()).scenario()));

        // saved (or discarded): no longer dirty, so the autosave goes
        a.update(null);
        a.flush();
        assertFalse(Files.exists(a.file()));
        a.close();
        assertEquals(List.of(), names(dir),
                "a clean exit leaves nothing: no autosave, no lock");
    }

    @Test
    void aCleanExitRemovesTheAutosaveEvenWithUnsavedChanges(@TempDir Path dir) throws Exception {
        // the window asks Save / Don't Save before it closes; after that, a clean exit keeps nothing
        Autosave a = new Autosave(dir, FAST);
        a.start();
        a.update(new Autosave.Snapshot(EDITED, null, "default.json"));
        a.flush();
        assertTrue(Files.exists(a.file()));
        a.close();
        assertEquals(List.of(), names(dir));
        Autosave b = new Autosave(dir, FAST);
        b.start();
        assertEquals(List.of(), b.orphans());
        b.close();
    }

    @Test
    void afterACrashTheNextSessionFindsTheWorkAndCanForgetIt(@TempDir Path dir) throws Exception {
        Autosave crashed = new Autosave(dir, FAST);
        crashed.start();
        crashed.update(new Autosave.Snapshot(EDITED, null, "default.json"));
        crashed.flush();

        // while that session runs, another does not offer its work
        Autosave other = new Autosave(dir, FAST);
        other.start();
        assertEquals(List.of(), other.orphans(), "a live session's autosave is not an orphan");
        other.close();

        crashed.abandon(); // the process dies: its lock is released, its files stay
        Autosave next = new Autosave(dir, FAST);
        next.start();
        List<Autosave.Recovered> found = next.orphans();
        assertEquals(1, found.size());
        Autosave.Recovered r = found.get(0);
        assertEquals(crashed.file(), r.path());
        assertNull(r.file(), "a sample has no file");
        assertEquals("default.json", r.name());
        assertEquals(json(EDITED), json(r.scenario()));

        // restored: it becomes this session's autosave first, then the old one goes
        next.update(new Autosave.Snapshot(r.scenario(), null, "default.json (recovered)"));
        next.adopt(r);
        next.flush();
        assertEquals(json(EDITED), json(AutosaveFile.read(next.file()).scenario()));
        assertFalse(Files.exists(crashed.file()));
        assertEquals(List.of(next.file().getFileName().toString(),
                next.file().getFileName().toString().replace(".json", ".lock")), names(dir));
        next.close();
        assertEquals(List.of(), names(dir));
    }

    @Test
    void aDiscardedRecoveryIsDeleted(@TempDir Path dir) throws Exception {
        Autosave crashed = new Autosave(dir, FAST);
        crashed.start();
        crashed.update(new Autosave.Snapshot(EDITED, null, "default.json"));
        crashed.flush();
        crashed.abandon();
        Files.writeString(dir.resolve("." + crashed.file().getFileName() + ".123.part"), "half");
        Path stale = Files.writeString(dir.resolve("autosave-9-crashed-with-nothing-unsaved.lock"), "");
        Files.setLastModifiedTime(stale, java.nio.file.attribute.FileTime.from(java.time.Instant.now().minusSeconds(120)));
        // a lock file just made may be a session that is starting and has not locked it yet
        Path starting = Files.writeString(dir.resolve("autosave-10-just-starting.lock"), "");
        Autosave next = new Autosave(dir, FAST);
        List<Autosave.Recovered> found = next.startAndFindOrphans().get();
        assertFalse(Files.exists(stale), "a stale lock is swept");
        assertTrue(Files.exists(starting), "a fresh one is left alone");
        Files.delete(starting);
        next.forget(found.get(0));
        next.flush();
        assertEquals(List.of(), next.orphans());
        next.close();
        assertEquals(List.of(), names(dir), "the autosave, its lock and a half-written temporary file are gone");
    }

    @Test
    void aCorruptAutosaveIsIgnoredWithoutAnError(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("autosave-1-truncated.json"), "{\"format\": \"unrolled-autosave/1\", \"scen");
        Files.writeString(dir.resolve("autosave-2-wrong.json"), "{\"format\": \"something else\", \"scenario\": {}}");
        Files.writeString(dir.resolve("autosave-3-badscenario.json"), """
                {"format": "unrolled-autosave/1", "savedAt": "2026-01-01T10:00:00Z", "name": "x.json",
                 "scenario": {"format": "rnn-scenario/1", "hiddenSize": "four"}}""");
        Files.write(dir.resolve("autosave-4-binary.json"), new byte[] {(byte) 0xff, 0, 1, 2});
        Autosave crashed = new Autosave(dir, FAST);
        crashed.start();
        crashed.update(new Autosave.Snapshot(EDITED, null, "default.json"));
        crashed.flush();
        crashed.abandon();

        Autosave next = new Autosave(dir, FAST);
        assertTrue(next.start());
        List<Autosave.Recovered> found = next.orphans();
        assertEquals(1, found.size(), "only the readable one is offered");
        assertEquals(crashed.file(), found.get(0).path());
        next.close();
    }

    @Test
    void aFolderThatCannotBeUsedTurnsAutosaveOffQuietly(@TempDir Path dir) throws Exception {
        Path notAFolder = dir.resolve("file");
        Files.writeString(notAFolder, "x");
        Autosave a = new Autosave(notAFolder.resolve("autosave"), FAST);
        assertFalse(a.start());
        a.update(new Autosave.Snapshot(EDITED, null, "default.json"));
        a.flush();
        assertEquals(List.of(), a.orphans());
        a.close();
        assertEquals("x", Files.readString(notAFolder));
    }

    @Test
    void anotherProcessKilledOutrightLeavesItsWorkToBeFound(@TempDir Path dir, @TempDir Path childTmp) throws Exception {
        String javaBin = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process child = new ProcessBuilder(javaBin, "-cp", System.getProperty("java.class.path"), "-Djava.awt.headless=true",
                // killed outright, the child cannot delete its temporary font copies: they go with childTmp
                "-Djava.io.tmpdir=" + childTmp,
                AutosaveChild.class.getName(), dir.toString()).redirectErrorStream(true).start();
        try (java.io.BufferedReader out = new java.io.BufferedReader(
                new java.io.InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
            assertEquals("autosaved", out.readLine());
            Autosave next = new Autosave(dir, FAST);
            next.start();
            assertEquals(List.of(), next.orphans(), "the other process is alive and holds its lock");
            child.destroyForcibly(); // SIGKILL: no shutdown hook, no clean-up
            assertTrue(child.waitFor(10, java.util.concurrent.TimeUnit.SECONDS));
            List<Autosave.Recovered> found = next.orphans();
            assertEquals(1, found.size(), "the operating system released the dead process's lock");
            assertEquals(json(EDITED), json(found.get(0).scenario()));
            assertEquals(dir.resolve("lecture.json").toAbsolutePath(), found.get(0).file());
            next.close();
        } finally {
            child.destroyForcibly();
        }
    }

    /** {@code d} with its recurrent weights scaled to spectral radius {@code rho}: an edit as the What if tab makes. */
    static ScenarioDocument withRho(ScenarioDocument d, double rho) {
        return d.withScenario(ScenarioEdits.withSpectralRadius(d.scenario(), rho));
    }
}
