package org.unrolled.io;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

/** Writes a file completely or not at all: into a temporary file beside it, then moved into place. */
public final class AtomicFiles {
    private AtomicFiles() {
    }

    /** What fills the file. */
    @FunctionalInterface
    public interface Content {
        void writeTo(OutputStream out) throws IOException;
    }

    /**
     * A temporary file is private (rw-------); the result should have the permissions the replaced
     * file had, or the usual rw-r--r-- for a new one. Best effort: not every file system has them.
     */
    private static void keepPermissions(Path tmp, Path target) {
        try {
            java.util.Set<java.nio.file.attribute.PosixFilePermission> perms = Files.exists(target)
                    ? Files.getPosixFilePermissions(target)
                    : java.nio.file.attribute.PosixFilePermissions.fromString("rw-r--r--");
            Files.setPosixFilePermissions(tmp, perms);
        } catch (UnsupportedOperationException | IOException e) {
            // not a POSIX file system: its defaults apply
        }
    }

    /**
     * Writes {@code content} to {@code target}, replacing it if it exists. On any failure the temporary
     * file is removed and {@code target} is as it was. Survives the process being killed at any moment
     * (the file is old or new, never half-written); see {@link #writeDurably} for power loss too.
     */
    public static void write(Path target, Content content) throws IOException {
        write(target, content, false);
    }

    /**
     * Like {@link #write}, and also forces the new bytes to the disk before moving them into place, and
     * the folder's entry after: so that after a power cut or an operating-system crash the file is
     * the old or the new one, not an empty or partial file (on file systems that honour it). For
     * documents (saves, autosaves); slower, so not used for every frame of an export.
     */
    public static void writeDurably(Path target, Content content) throws IOException {
        write(target, content, true);
    }

    /** Longest part of the target's name used in the temporary file's name (file names are limited to 255 bytes). */
    private static final int TEMP_PREFIX_CHARS = 60;

    private static void write(Path target, Content content, boolean durable) throws IOException {
        Path absolute = target.toAbsolutePath();
        Path dir = absolute.getParent();
        String name = absolute.getFileName().toString();
        if (name.length() > TEMP_PREFIX_CHARS) {
            name = name.substring(0, TEMP_PREFIX_CHARS);
        }
        Path tmp = Files.createTempFile(dir, "." + name + ".", ".part");
        try {
            try (OutputStream out = new java.io.BufferedOutputStream(Files.newOutputStream(tmp), 1 << 16)) {
                content.writeTo(out);
            }
            keepPermissions(tmp, absolute);
            if (durable) {
                try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.WRITE)) {
                    ch.force(true);
                }
            }
            try {
                Files.move(tmp, absolute, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, absolute, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException | RuntimeException | Error e) {
            Files.deleteIfExists(tmp);
            throw e;
        }
        if (durable) {
            forceDirectory(dir);
        }
    }

    /** Makes the rename itself durable. Best effort: some systems (Windows) cannot open a folder this way. */
    private static void forceDirectory(Path dir) {
        try (FileChannel ch = FileChannel.open(dir, StandardOpenOption.READ)) {
            ch.force(true);
        } catch (IOException | RuntimeException e) {
            // the file is in place; only its durability across a power cut is not guaranteed here
        }
    }

    /**
     * A short reason for a failed file operation, for a message that already names the file:
     * "permission denied", "No space left on device", "Read-only file system".
     */
    public static String describe(IOException e) {
        if (e instanceof java.nio.file.AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof java.nio.file.NoSuchFileException) {
            return "no such file or folder";
        }
        if (e instanceof java.nio.file.FileSystemException fse && fse.getReason() != null) {
            return fse.getReason();
        }
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }
}
