package org.unrolled.io;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.LinkOption;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Set;
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
     * The temporary file was created with the permissions the user's umask gives a new file (as any
     * program's new file has). Replacing a regular file keeps it no more open than it was: a private
     * file stays private. Nothing is ever copied from a link's target, and nothing is widened.
     */
    private static void narrowToReplaced(Path tmp, Path target) {
        try {
            if (!Files.isRegularFile(target, LinkOption.NOFOLLOW_LINKS)) {
                return;
            }
            Set<PosixFilePermission> perms = Files.getPosixFilePermissions(tmp);
            if (perms.retainAll(Files.getPosixFilePermissions(target, LinkOption.NOFOLLOW_LINKS))) {
                Files.setPosixFilePermissions(tmp, perms);
            }
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
        refuseNonRegular(absolute);
        Path tmp = writeTemporary(absolute, content, durable);
        try {
            narrowToReplaced(tmp, absolute);
            try {
                Files.move(tmp, absolute, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, absolute, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException | RuntimeException | Error e) {
            Files.deleteIfExists(tmp);
            throw e;
        } finally {
            Unfinished.remove(tmp);
        }
        if (durable) {
            forceDirectory(absolute.getParent());
        }
    }

    /**
     * Writes {@code content} to {@code target} only if no file of that name exists, completely or not
     * at all: the name is claimed atomically (a hard link of the finished temporary file, which fails if
     * the name is taken; without hard links, {@link #claimThenMove}), so of two processes writing at the same
     * moment exactly one succeeds.
     *
     * @throws FileAlreadyExistsException if the name is taken
     */
    public static void writeNew(Path target, Content content) throws IOException {
        Path absolute = target.toAbsolutePath();
        if (Files.exists(absolute, LinkOption.NOFOLLOW_LINKS)) {
            throw new FileAlreadyExistsException(absolute.toString());
        }
        Path tmp = writeTemporary(absolute, content, false);
        try {
            try {
                links.link(absolute, tmp);
            } catch (UnsupportedOperationException | FileSystemException e) {
                if (e instanceof FileAlreadyExistsException taken) {
                    throw taken;
                }
                claimThenMove(tmp, absolute);
            }
        } finally {
            Files.deleteIfExists(tmp);
            Unfinished.remove(tmp);
        }
    }

    /** Makes a hard link, as {@link Files#createLink} does. */
    @FunctionalInterface
    interface Linker {
        void link(Path link, Path existing) throws IOException;
    }

    /** How {@link #writeNew} links; tests put in one that fails, as on a file system without hard links. */
    static Linker links = Files::createLink;

    /**
     * Without hard links (FAT, some network shares): the name is claimed by creating it, empty and
     * exclusively, and the finished temporary file is then renamed over it. So the name never holds part of
     * the content: a kill in between leaves it empty, never half-written (as copying into it would).
     *
     * @throws FileAlreadyExistsException if the name is taken
     */
    private static void claimThenMove(Path tmp, Path absolute) throws IOException {
        Files.newByteChannel(absolute, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE).close();
        try {
            try {
                Files.move(tmp, absolute, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, absolute, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException | RuntimeException | Error e) {
            try {
                if (Files.size(absolute) == 0) {
                    Files.deleteIfExists(absolute); // the empty claim made above: the name is free again
                }
            } catch (IOException again) {
                e.addSuppressed(again); // the move's failure is the one to report
            }
            throw e;
        }
    }

    private static void refuseNonRegular(Path absolute) throws IOException {
        String why = SafeFiles.notReplaceable(absolute);
        if (why != null) {
            throw new FileSystemException(absolute.toString(), null, why + "; only a regular file is replaced");
        }
    }

    /** A new hidden file beside {@code absolute} holding {@code content}, created with the umask's permissions. */
    private static Path writeTemporary(Path absolute, Content content, boolean durable) throws IOException {
        Path dir = absolute.getParent();
        String name = absolute.getFileName().toString();
        if (name.length() > TEMP_PREFIX_CHARS) {
            name = name.substring(0, TEMP_PREFIX_CHARS);
        }
        Path tmp = null;
        OutputStream raw = null;
        for (int attempt = 0; raw == null; attempt++) {
            tmp = dir.resolve("." + name + "." + Long.toUnsignedString(RANDOM.nextLong(), 36) + ".part");
            try {
                // no attributes given: the operating system applies the umask (Files.createTempFile would make it 0600)
                raw = Files.newOutputStream(tmp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
                Unfinished.add(tmp);
            } catch (FileAlreadyExistsException e) {
                if (attempt > 100) {
                    throw e;
                }
            }
        }
        try {
            try (OutputStream out = new java.io.BufferedOutputStream(raw, 1 << 16)) {
                content.writeTo(out);
            }
            if (durable) {
                try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.WRITE)) {
                    ch.force(true);
                }
            }
            return tmp;
        } catch (IOException | RuntimeException | Error e) {
            Files.deleteIfExists(tmp);
            Unfinished.remove(tmp);
            throw e;
        }
    }

    /**
     * The temporary files being written now. Ctrl+C or a kill (SIGTERM) ends the JVM without unwinding the
     * threads that write them: its shutdown hook lets them end for a moment and then removes what is left,
     * so that an interrupted 300 MB trace leaves no 300 MB hidden file behind. (SIGKILL and a power cut run no hook: then the hidden {@code .part}
     * file stays, and the target is still the old file or none.)
     */
    static final class Unfinished {
        private static final java.util.Set<Path> FILES = java.util.concurrent.ConcurrentHashMap.newKeySet();
        private static boolean hooked;

        private Unfinished() {
        }

        static synchronized void add(Path tmp) {
            if (!hooked) {
                hooked = true;
                try {
                    Runtime.getRuntime().addShutdownHook(new Thread(Unfinished::removeAfterGrace, "unfinished-files"));
                } catch (IllegalStateException shuttingDown) {
                    // the JVM is already going: the file is removed by the writer's own failure, or stays
                }
            }
            FILES.add(tmp);
        }

        static void remove(Path tmp) {
            FILES.remove(tmp);
        }

        /** The files still being written (for tests). */
        static java.util.Set<Path> now() {
            return java.util.Set.copyOf(FILES);
        }

        /**
         * Shutdown hooks run side by side, and the threads still run while they do: an export's own hook waits
         * for its writer to mark the manifest "cancelled". So a write that ends within a moment (a manifest, a
         * frame) is let finish; what is still unfinished after it is removed.
         */
        private static void removeAfterGrace() {
            long deadline = System.nanoTime() + GRACE_NANOS;
            while (!FILES.isEmpty() && System.nanoTime() < deadline) {
                try {
                    Thread.sleep(20);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    break;
                }
            }
            removeAll();
        }

        /** How long the hook lets unfinished writes end before it removes their files. */
        private static final long GRACE_NANOS = 2_000_000_000L;

        static void removeAll() {
            for (Path p : FILES) {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException | RuntimeException e) {
                    // best effort while the JVM ends
                }
            }
        }
    }

    private static final java.security.SecureRandom RANDOM = new java.security.SecureRandom();

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
