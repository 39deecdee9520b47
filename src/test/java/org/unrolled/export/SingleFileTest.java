package org.unrolled.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** One file written under a temporary name of its own, and named only when complete, never over another. */
class SingleFileTest {
    @Test
    void twoExportsToOneNameAtOnceWriteApartAndTheSecondToFinishIsRefused(@TempDir Path dir) throws Exception {
        Path target = dir.resolve("lesson.gif");
        SingleFile first = SingleFile.claim(target);
        SingleFile second = SingleFile.claim(target);
        assertNotEquals(first.temporary(), second.temporary(), "neither writes into (or deletes) the other's temporary");
        Files.writeString(first.temporary(), "first, complete");
        Files.writeString(second.temporary(), "second, half");
        first.commit();
        ExportException refused = assertThrows(ExportException.class, second::commit);
        assertTrue(refused.getMessage().contains("appeared while exporting"), refused.getMessage());
        second.abandonIfUncommitted();
        assertEquals("first, complete", Files.readString(target), "the finished export is the one under the name");
        try (var left = Files.list(dir)) {
            assertEquals(1, left.count(), "no temporary left behind");
        }
    }

    @Test
    void aTemporaryLeftByAKilledExportIsRemovedOnceStaleAndARunningOnesIsNot(@TempDir Path dir) throws Exception {
        Path stale = Files.writeString(dir.resolve(".lesson.mp4.k1lled.part"), "killed long ago");
        Files.setLastModifiedTime(stale, FileTime.fromMillis(System.currentTimeMillis() - SingleFile.STALE_MILLIS - 60_000));
        Path running = Files.writeString(dir.resolve(".lesson.mp4.runn1ng.part"), "being written now");
        Path other = Files.writeString(dir.resolve(".other.mp4.k1lled.part"), "another name's");
        Files.setLastModifiedTime(other, FileTime.fromMillis(0));
        FileTime longAgo = FileTime.fromMillis(System.currentTimeMillis() - SingleFile.STALE_MILLIS - 60_000);
        // a process still running (this one) may be between two writes for longer than that: kept
        Path paused = Files.writeString(dir.resolve(".lesson.mp4." + ProcessHandle.current().pid() + "-p4used.part"), "paused");
        Files.setLastModifiedTime(paused, longAgo);
        // a Beamer folder whose top is old but whose frames are being written: kept
        Path folder = Files.createDirectories(dir.resolve(".lesson.mp4.b34mer.part/frames"));
        Files.writeString(folder.resolve("beat-900.pdf"), "just now");
        Files.setLastModifiedTime(folder.getParent(), longAgo);
        Files.setLastModifiedTime(folder, longAgo);
        // what the version before left: .NAME.part, stale
        Path legacy = Files.writeString(dir.resolve(".lesson.mp4.part"), "old style");
        Files.setLastModifiedTime(legacy, longAgo);
        SingleFile.claim(dir.resolve("lesson.mp4"));
        assertFalse(Files.exists(stale), "stale: removed");
        assertFalse(Files.exists(legacy), "the old style of name, stale: removed");
        assertTrue(Files.exists(running), "another export's, being written: kept");
        assertTrue(Files.exists(paused), "a running process's: kept");
        assertTrue(Files.exists(folder.resolve("beat-900.pdf")), "a folder written inside: kept");
        assertTrue(Files.exists(other), "another name's: not this export's to remove");
    }
}
