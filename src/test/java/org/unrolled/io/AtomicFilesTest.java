package org.unrolled.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Saving writes a temporary file beside the target and moves it into place; a failure changes nothing. */
class AtomicFilesTest {

    private static List<String> names(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    private static Object fileKey(Path p) throws IOException {
        return Files.readAttributes(p, BasicFileAttributes.class).fileKey();
    }

    @Test
    void theNewContentGoesToATemporaryFileThatIsThenMovedIntoPlace(@TempDir Path dir) throws Exception {
        Path target = dir.resolve("lecture.json");
        Files.writeString(target, "previous");
        Object before = fileKey(target);
        List<List<String>> whileWriting = new java.util.ArrayList<>();
        String[] targetWhileWriting = new String[1];
        AtomicFiles.writeDurably(target, out -> {
            out.write("the new ".getBytes(StandardCharsets.UTF_8));
            out.flush();
            whileWriting.add(names(dir));
            targetWhileWriting[0] = Files.readString(target);
            out.write("scenario".getBytes(StandardCharsets.UTF_8));
        });
        List<String> during = whileWriting.get(0);
        assertEquals(2, during.size(), during.toString());
        assertTrue(during.get(0).startsWith(".lecture.json.") && during.get(0).endsWith(".part"),
                "a hidden temporary file beside the target: " + during);
        assertEquals("previous", targetWhileWriting[0], "the target is untouched while the new bytes are written");
        assertEquals("the new scenario", Files.readString(target));
        assertEquals(List.of("lecture.json"), names(dir), "the temporary file became the target");
        if (before != null) {
            assertNotEquals(before, fileKey(target), "a new file replaced the old one (a rename), not rewritten in place");
        }
    }

    @Test
    void aFailedDurableWriteLeavesThePreviousFileByteIdentical(@TempDir Path dir) throws Exception {
        Path target = dir.resolve("lecture.json");
        byte[] previous = Files.readAllBytes(Path.of("samples/default.json"));
        Files.write(target, previous);
        IOException e = assertThrows(IOException.class, () -> AtomicFiles.writeDurably(target, out -> {
            out.write(new byte[100_000]); // more than the buffer: some of it reached the temporary file
            throw new IOException("No space left on device (simulated)");
        }));
        assertEquals("No space left on device (simulated)", e.getMessage());
        assertArrayEquals(previous, Files.readAllBytes(target));
        assertEquals(List.of("lecture.json"), names(dir), "no temporary file is left behind");
    }

    @Test
    void aFileWithAVeryLongNameCanBeSaved(@TempDir Path dir) throws Exception {
        // 250 characters: a legal name, too long to have ".<name>.<random>.part" beside it in full
        Path target = dir.resolve("l".repeat(245) + ".json");
        Files.writeString(target, "previous");
        AtomicFiles.writeDurably(target, out -> out.write("new".getBytes(StandardCharsets.UTF_8)));
        assertEquals("new", Files.readString(target));
        assertEquals(1, names(dir).size());
    }

    @Test
    void aWriteCutShortByTheEndOfTheProgramLeavesNoTemporaryFileAndTheOldFileAsItWas(@TempDir Path dir) throws Exception {
        Path target = dir.resolve("trace.json");
        Files.writeString(target, "old");
        // the shutdown hook's work (Ctrl+C, SIGTERM) while the content is half written
        IOException e = assertThrows(IOException.class, () -> AtomicFiles.write(target, out -> {
            out.write("half".getBytes());
            out.flush();
            assertEquals(1, AtomicFiles.Unfinished.now().size(), "the temporary file is known while it is written");
            AtomicFiles.Unfinished.removeAll();
            out.write(" more".getBytes());
        }));
        assertEquals(List.of("trace.json"), names(dir), "no hidden .part file is left: " + e);
        assertEquals("old", Files.readString(target));
        assertTrue(AtomicFiles.Unfinished.now().isEmpty());
        // a write that finishes forgets its temporary file
        AtomicFiles.write(target, out -> out.write("new".getBytes()));
        assertEquals("new", Files.readString(target));
        assertTrue(AtomicFiles.Unfinished.now().isEmpty());
    }
}
