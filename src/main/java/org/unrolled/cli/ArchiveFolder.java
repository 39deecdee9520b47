package org.unrolled.cli;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The start-up archives in the user's cache folder ({@link StartupArchive}). An archive is named after
 * the jar's path, a stamp of the jar and the Java build, and its own size in bytes:
 * {@code startup-JAR-STAMP-SIZE.jsa}. One whose size on disk differs (cut short by a full disk or a
 * crash) is deleted rather than used: Java maps the file and a short one crashed the JVM. While one is
 * being made it is {@code startup-JAR-STAMP.jsa.PID.partial}; a making that failed leaves
 * {@code startup-JAR-STAMP.failed}, so that it is not tried at every start.
 */
final class ArchiveFolder {
    /** Less free space than this and no archive (about 30 MB) is made. */
    static final long MIN_FREE_BYTES = 256L << 20;
    /** Partial archives older than this are left over from a killed start, and deleted. */
    private static final long STALE_MILLIS = 24L * 3600 * 1000;
    /** A failed making is tried again after this long (the disk may have room again). */
    private static final long FAILED_MILLIS = 7 * STALE_MILLIS;

    private final Path folder;
    /** {@code startup-JAR}: every file of this jar's, whatever the build or Java. */
    private final String jarPrefix;
    /** {@code startup-JAR-STAMP}: this build's with this Java. */
    private final String prefix;

    /** The archives of {@code jar} (an absolute path) made for {@code stamp} (the jar's size and time, the Java build). */
    ArchiveFolder(Path folder, String jar, String stamp) {
        this.folder = folder;
        this.jarPrefix = "startup-" + digest(jar);
        this.prefix = jarPrefix + "-" + digest(stamp);
    }

    Path folder() {
        return folder;
    }

    /** The complete archive for this jar and Java, if there is one; one of the wrong size is deleted. */
    Optional<Path> complete() throws IOException {
        if (!Files.isDirectory(folder)) {
            return Optional.empty();
        }
        try (DirectoryStream<Path> found = Files.newDirectoryStream(folder, prefix + "-*.jsa")) {
            for (Path p : found) {
                String name = p.getFileName().toString();
                String size = name.substring(prefix.length() + 1, name.length() - ".jsa".length());
                if (size.matches("\\d{1,18}") && Files.size(p) == Long.parseLong(size) && Files.size(p) > 0) {
                    return Optional.of(p);
                }
                delete(p);
            }
        }
        return Optional.empty();
    }

    /** Whether making the archive failed in the last week (it is not tried again so soon for this jar and Java). */
    boolean failedBefore() {
        Path note = folder.resolve(prefix + ".failed");
        try {
            return Files.exists(note) && System.currentTimeMillis() - Files.getLastModifiedTime(note).toMillis() < FAILED_MILLIS;
        } catch (IOException e) {
            return false;
        }
    }

    /**
     * Where the archive is to be made on this start, after checking that the folder takes a file and has
     * room; empty when it does not (the window then starts without an archive).
     */
    Optional<Path> partial(long pid) {
        try {
            Files.createDirectories(folder);
            if (Files.getFileStore(folder).getUsableSpace() < MIN_FREE_BYTES) {
                return Optional.empty();
            }
            Path partial = folder.resolve(prefix + ".jsa." + pid + ".partial");
            Files.deleteIfExists(partial);
            Files.createFile(partial); // a folder left read-only (by a sudo run, say) is found here, not at exit
            Files.delete(partial);
            return Optional.of(partial);
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /**
     * After the JVM that made {@code partial} ended with {@code status}: a complete archive is flushed to
     * disk and moved into place (older archives of the same jar deleted); a missing or empty one after a
     * normal end is noted as failed; after any other end the partial file is deleted and the next start
     * tries again.
     */
    void keep(Path partial, int status) {
        try {
            long size = Files.isRegularFile(partial) ? Files.size(partial) : 0;
            if (status == 0 && size > 0) {
                try (FileChannel ch = FileChannel.open(partial, StandardOpenOption.READ)) {
                    ch.force(true); // on disk before it is named complete: a power cut leaves no short archive
                }
                Path archive = folder.resolve(prefix + "-" + size + ".jsa");
                writable(partial);
                Files.move(partial, archive, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
                try (DirectoryStream<Path> all = Files.newDirectoryStream(folder, jarPrefix + "-*")) {
                    for (Path p : all) {
                        if (!p.equals(archive) && !p.getFileName().toString().endsWith(".partial")) {
                            delete(p); // this jar's archives for an older build or another Java, and failure notes
                        }
                    }
                }
            } else {
                delete(partial);
                if (status == 0) {
                    Files.writeString(folder.resolve(prefix + ".failed"), "", StandardCharsets.UTF_8);
                }
            }
            removeOldLeftovers();
        } catch (IOException | RuntimeException e) {
            delete(partial); // only start-up speed is lost: the next start makes the archive again
        }
    }

    /** Deletes an archive that a JVM crashed with. */
    void discard(Path archive) {
        delete(archive);
    }

    /** Deletes partial archives a killed start left a day ago or more, and crash reports older than a week. */
    private void removeOldLeftovers() throws IOException {
        deleteOlder("startup-*.partial", STALE_MILLIS);
        deleteOlder("hs_err_pid*.log", FAILED_MILLIS);
    }

    private void deleteOlder(String glob, long millis) throws IOException {
        long now = System.currentTimeMillis();
        try (DirectoryStream<Path> found = Files.newDirectoryStream(folder, glob)) {
            for (Path p : found) {
                if (now - Files.getLastModifiedTime(p).toMillis() > millis) {
                    delete(p);
                }
            }
        }
    }

    private static void delete(Path p) {
        try {
            writable(p);
            Files.deleteIfExists(p);
        } catch (IOException | RuntimeException e) {
            // left for a later start
        }
    }

    /** Java writes its archives read-only; Windows refuses to delete or replace such a file. */
    private static void writable(Path p) {
        if (Files.exists(p)) {
            p.toFile().setWritable(true);
        }
    }

    /** Where per-user caches go: XDG on Linux, Library/Caches on macOS, LOCALAPPDATA on Windows. */
    static Path cacheFolder(Map<String, String> env, String home, String os) {
        String lower = os.toLowerCase(Locale.ROOT);
        if (lower.startsWith("windows")) {
            String local = env.get("LOCALAPPDATA");
            return local == null || local.isBlank() ? null : Path.of(local, "Unrolled", "cache");
        }
        if (home == null || home.isBlank()) {
            return null;
        }
        if (lower.contains("mac")) {
            return Path.of(home, "Library", "Caches", "Unrolled");
        }
        String xdg = env.get("XDG_CACHE_HOME");
        return xdg != null && Path.of(xdg).isAbsolute() ? Path.of(xdg, "unrolled") : Path.of(home, ".cache", "unrolled");
    }

    /** 64-bit FNV-1a as 16 hex digits: a name, not a secret (a SHA-256 here cost 15 ms of start-up). */
    static String digest(String s) {
        long h = 0xcbf29ce484222325L;
        for (byte b : s.getBytes(StandardCharsets.UTF_8)) {
            h = (h ^ (b & 0xff)) * 0x100000001b3L;
        }
        return String.format("%016x", h);
    }
}
