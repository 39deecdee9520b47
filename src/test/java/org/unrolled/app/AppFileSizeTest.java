package org.unrolled.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The window's code stays in classes small enough to read: no file in app/ over 300 lines. */
class AppFileSizeTest {
    static final int MAX_LINES = 300;
    private static final Path APP = Path.of("src/main/java/org/unrolled/app");

    @Test
    void noFileInTheAppPackageIsOver300Lines() throws IOException {
        List<String> tooLong;
        try (Stream<Path> files = Files.walk(APP)) {
            List<Path> java = files.filter(p -> p.toString().endsWith(".java")).toList();
            assertTrue(java.size() > 30, "the app package is where this test thinks it is: " + java.size() + " files");
            tooLong = java.stream().filter(p -> lines(p) > MAX_LINES)
                    .map(p -> APP.relativize(p) + " (" + lines(p) + " lines)").sorted().toList();
        }
        assertEquals(List.of(), tooLong, "over " + MAX_LINES + " lines: split along a real seam");
    }

    private static long lines(Path p) {
        try (Stream<String> l = Files.lines(p)) {
            return l.count();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
