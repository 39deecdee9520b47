package org.unrolled.cli;

import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import org.unrolled.io.SafeFiles;
import org.unrolled.io.Text;

/**
 * Checks an output file a command was told to write (-o), before any work is done, so that a long run
 * never ends in "cannot write": the name is not empty, the folder exists and is writable, and an
 * existing file is replaced only with --force and only if it is a regular file (never a device, a
 * pipe or a folder). For every command that writes one file; the write itself goes through
 * {@link org.unrolled.io.AtomicFiles}, which refuses the same.
 */
final class OutputCheck {
    /** A refusal: the message (already quoted) and the exit status it calls for. */
    record Problem(String message, int status) {
    }

    private OutputCheck() {
    }

    /**
     * Why {@code output} cannot be written by a command that reads the scenario {@code input} and writes
     * another kind of file (a {@code what}), or null if it can: the checks of {@link #check(Path, boolean)},
     * and never the scenario itself, not even with --force (it would be lost).
     */
    static Problem check(Path output, boolean force, Path input, String what) {
        if (input != null && sameFile(output, input)) {
            return new Problem(Text.path(output) + " is the scenario being read: the " + what
                    + " would replace it; write it to another file", Main.EXIT_BAD_INPUT);
        }
        return check(output, force);
    }

    /** Whether two paths name one file (through links, "..", another spelling); false when either is missing. */
    private static boolean sameFile(Path a, Path b) {
        try {
            return Files.exists(a) && Files.exists(b) && Files.isSameFile(a, b);
        } catch (java.io.IOException | SecurityException e) {
            return false;
        }
    }

    /** Why {@code output} cannot be written, or null if it can. */
    static Problem check(Path output, boolean force) {
        if (output.toString().isEmpty()) {
            return new Problem("the output file name is empty", Main.EXIT_BAD_INPUT);
        }
        String name = Text.path(output);
        String notReplaceable = SafeFiles.notReplaceable(output);
        if (notReplaceable != null) {
            return new Problem(name + " " + notReplaceable + "; only a regular file is replaced", Main.EXIT_BAD_INPUT);
        }
        if (Files.exists(output, LinkOption.NOFOLLOW_LINKS) && !force) {
            return new Problem(name + " already exists; pass --force to replace it", Main.EXIT_BAD_INPUT);
        }
        Path dir = output.toAbsolutePath().getParent();
        if (dir == null || !Files.isDirectory(dir)) {
            boolean file = dir != null && Files.exists(dir);
            return new Problem(name + ": " + (file ? Text.path(dir) + " is a file, not a folder"
                    : "the folder " + Text.path(dir) + " does not exist"), Main.EXIT_IO);
        }
        if (!Files.isWritable(dir)) {
            return new Problem(name + ": the folder " + Text.path(dir) + " is not writable (permission denied)", Main.EXIT_IO);
        }
        return null;
    }
}
