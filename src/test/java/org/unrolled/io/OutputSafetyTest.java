package org.unrolled.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What every output goes through ({@link AtomicFiles}): the user's umask decides the permissions, a
 * planted link lends none of its target's, a device or pipe is never replaced, and {@code writeNew}
 * claims a name for exactly one writer.
 */
class OutputSafetyTest {
    @TempDir
    Path dir;

    private static String perms(Path p) throws Exception {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(p, LinkOption.NOFOLLOW_LINKS));
    }

    @Test
    void newFilesTakeTheirPermissionsFromTheUmask() throws Exception {
        assumeTrue(Files.exists(Path.of("/bin/sh")), "needs /bin/sh to start a child with another umask");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Path a = dir.resolve("a.json");
        Path b = dir.resolve("b.json");
        Path c = dir.resolve("c.json");
        Process p = new ProcessBuilder("/bin/sh", "-c", "umask 077 && exec \"$0\" -cp \"$1\" org.unrolled.io.UmaskChild "
                + "\"$2\" \"$3\" \"$4\"", java, System.getProperty("java.class.path"), a.toString(), b.toString(), c.toString())
                .redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, p.waitFor(), output);
        assertEquals("rw-------", perms(a), "umask 077: private, whatever the program would choose");
        assertEquals("rw-------", perms(b));
        assertEquals("rw-------", perms(c));
    }

    @Test
    void aPlantedLinkLendsNoneOfItsTargetsPermissions() throws Exception {
        Path open = dir.resolve("world-writable");
        Files.writeString(open, "x");
        Files.setPosixFilePermissions(open, PosixFilePermissions.fromString("rwxrwxrwx"));
        Path link = dir.resolve("frame_0001.png");
        Files.createSymbolicLink(link, open);
        AtomicFiles.write(link, out -> out.write(1));
        assertFalse(Files.isSymbolicLink(link), "the link is replaced, not followed");
        assertFalse(perms(link).contains("x"), perms(link));
        assertFalse(perms(link).endsWith("w-"), "not world-writable: " + perms(link));
        assertEquals("x", Files.readString(open), "the link's target is untouched");
    }

    @Test
    void aPrivateFileStaysPrivateWhenReplaced() throws Exception {
        Path f = dir.resolve("mine.json");
        Files.writeString(f, "old");
        Files.setPosixFilePermissions(f, PosixFilePermissions.fromString("rw-------"));
        AtomicFiles.writeDurably(f, out -> out.write("new".getBytes(StandardCharsets.UTF_8)));
        assertEquals("rw-------", perms(f));
    }

    @Test
    void aPipeIsNeverReplacedByAFile() throws Exception {
        Path fifo = dir.resolve("out.json");
        assumeTrue(HostileFilesTest.mkfifo(fifo), "mkfifo is not available here");
        java.io.IOException e = assertThrows(java.io.IOException.class, () -> AtomicFiles.write(fifo, out -> out.write(1)));
        assertTrue(e.getMessage().contains("not a regular file"), e.getMessage());
        assertTrue(Files.readAttributes(fifo, java.nio.file.attribute.BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS)
                .isOther(), "still a pipe");
        assertEquals(1, Files.list(dir).count(), "no temporary file left");
    }

    @Test
    void aLinkToADeviceIsNotReplacedEither() throws Exception {
        Path link = dir.resolve("null.json");
        Files.createSymbolicLink(link, Path.of("/dev/null"));
        assertThrows(java.io.IOException.class, () -> AtomicFiles.write(link, out -> out.write(1)));
        assertTrue(Files.isSymbolicLink(link));
    }

    @Test
    void writeNewLetsExactlyOneOfManySimultaneousWritersClaimAName() throws Exception {
        manyWritersOneName();
    }

    @Test
    void withoutHardLinksWriteNewStillClaimsANameForOneWriterAndLeavesNoTemporaryFile() throws Exception {
        AtomicFiles.Linker before = AtomicFiles.links;
        AtomicInteger refused = new AtomicInteger();
        java.util.List<Object> finished = new java.util.ArrayList<>();
        AtomicFiles.links = (link, existing) -> {
            refused.incrementAndGet();
            finished.add(Files.readAttributes(existing, java.nio.file.attribute.BasicFileAttributes.class).fileKey());
            throw new java.nio.file.FileSystemException(link.toString(), null, "Operation not permitted"); // as FAT says
        };
        try {
            Path target = dir.resolve("trace.json");
            AtomicFiles.writeNew(target, out -> out.write("first".getBytes(StandardCharsets.UTF_8)));
            assertEquals(1, refused.get(), "the hard link was tried first");
            assertEquals("first", Files.readString(target));
            assertEquals(finished.get(0), Files.readAttributes(target, java.nio.file.attribute.BasicFileAttributes.class)
                    .fileKey(), "the finished file itself was moved into place: no copy, so never half there");
            assertThrows(FileAlreadyExistsException.class, () -> AtomicFiles.writeNew(target,
                    out -> out.write("second".getBytes(StandardCharsets.UTF_8))));
            assertEquals("first", Files.readString(target), "the name was not taken over");
            assertEquals(1, Files.list(dir).count(), "no temporary file left");
            Files.delete(target);
            manyWritersOneName();
        } finally {
            AtomicFiles.links = before;
        }
    }

    private void manyWritersOneName() throws Exception {
        Path target = dir.resolve("frames.json");
        int n = 8;
        CountDownLatch go = new CountDownLatch(1);
        AtomicInteger won = new AtomicInteger();
        AtomicInteger lost = new AtomicInteger();
        Thread[] threads = new Thread[n];
        for (int k = 0; k < n; k++) {
            int id = k;
            threads[k] = new Thread(() -> {
                try {
                    go.await();
                    AtomicFiles.writeNew(target, out -> out.write(("writer " + id).getBytes(StandardCharsets.UTF_8)));
                    won.incrementAndGet();
                } catch (FileAlreadyExistsException e) {
                    lost.incrementAndGet();
                } catch (Exception e) {
                    throw new AssertionError(e);
                }
            });
            threads[k].start();
        }
        go.countDown();
        for (Thread t : threads) {
            t.join();
        }
        assertEquals(1, won.get());
        assertEquals(n - 1, lost.get());
        assertTrue(Files.readString(target).startsWith("writer "));
        assertEquals(1, Files.list(dir).count(), "no temporary files left");
    }
}
