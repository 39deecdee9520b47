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
        SingleFile.claim(dir.resolve("lesson.mp4"));
        assertFalse(Files.exists(stale), "stale: removed");
        assertTrue(Files.exists(running), "another export's, being written: kept");
        assertTrue(Files.exists(other), "another name's: not this export's to remove");
    }
}
