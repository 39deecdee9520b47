package org.unrolled.app;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.unrolled.io.AtomicFiles;

/**
 * The autosave folder as every session sees it: which autosaves were left by sessions that ended
 * without cleaning up (their lock is free), and removing them once restored or discarded. Only plain
 * files are ever opened there, and each read has a time limit.
 */
final class AutosaveFolder {
    static final String PREFIX = "autosave-";
    private final Path dir;

    /** Reads candidate autosaves; a read that never returns (a network share, a pipe swapped in) is abandoned. */
    private static final java.util.concurrent.ExecutorService READERS = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "unrolled-autosave-read");
        t.setDaemon(true);
        return t;
    });

    /** How long one autosave may take to read before it is skipped. */
    static final Duration READ_LIMIT = Duration.ofSeconds(5);

    AutosaveFolder(Path dir) {
        this.dir = dir;
    }

    /** A regular file, not a link, pipe or device: the only thing ever opened in the autosave folder. */
    static boolean plainFile(Path p) {
        return Files.isRegularFile(p, java.nio.file.LinkOption.NOFOLLOW_LINKS);
    }

    /** Removes lock files of ended sessions that left no autosave (a crash with nothing unsaved). */
    void sweepStaleLocks(Path ownLock) {
        if (!Files.isDirectory(dir)) {
            return;
        }
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir, PREFIX + "*.lock")) {
            for (Path p : entries) {
                String name = p.getFileName().toString();
                Path json = p.resolveSibling(name.substring(0, name.length() - ".lock".length()) + ".json");
                // a lock file younger than a minute may belong to a session that is just starting
                boolean old = Files.getLastModifiedTime(p).toInstant().isBefore(Instant.now().minusSeconds(60));
                if (!p.equals(ownLock) && plainFile(p) && old && !Files.exists(json) && !isLive(json)) {
                    Files.deleteIfExists(p);
                }
            }
        } catch (IOException | RuntimeException e) {
            // left for next time
        }
    }

    /**
     * Autosaves left by sessions that ended without cleaning up, newest first. Reads files: call off
     * the JavaFX thread. Anything unreadable is ignored.
     */
    List<Autosave.Recovered> orphans(Path ownFile) {
        List<Autosave.Recovered> found = new ArrayList<>();
        if (!Files.isDirectory(dir)) {
            return found;
        }
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir, PREFIX + "*.json")) {
            for (Path p : entries) {
                if (p.equals(ownFile) || !plainFile(p) || isLive(p)) {
                    continue; // a pipe would block the read for ever, a device never end
                }
                Autosave.Recovered r = readWithin(p, READ_LIMIT);
                if (r != null) {
                    found.add(r);
                }
            }
        } catch (IOException | RuntimeException e) {
            // an unreadable folder: nothing to offer
        }
        found.sort(Comparator.comparing(Autosave.Recovered::savedAt).reversed());
        return found;
    }

    /** {@link AutosaveFile#read}, given up after {@code limit}: a read that hangs costs a thread, never the start. */
    static Autosave.Recovered readWithin(Path p, Duration limit) {
        java.util.concurrent.Future<Autosave.Recovered> f = READERS.submit(() -> AutosaveFile.read(p));
        try {
            return f.get(limit.toMillis(), TimeUnit.MILLISECONDS);
        } catch (java.util.concurrent.TimeoutException e) {
            f.cancel(true);
            System.err.println("unrolled: an autosave took too long to read and is not offered: "
                    + org.unrolled.io.Text.path(p));
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        } catch (ExecutionException e) {
            return null;
        }
    }

    /** Whether the session that wrote {@code json} still runs (holds its lock). */
    static boolean isLive(Path json) {
        String name = json.getFileName().toString();
        Path lockOf = json.resolveSibling(name.substring(0, name.length() - ".json".length()) + ".lock");
        if (!plainFile(lockOf)) {
            return false; // no lock file (or something planted in its place, never opened): nobody holds it
        }
        try (FileChannel ch = FileChannel.open(lockOf, StandardOpenOption.WRITE)) {
            FileLock l = ch.tryLock();
            if (l == null) {
                return true; // held by another running process
            }
            l.release();
            return false;
        } catch (OverlappingFileLockException e) {
            return true; // held by another window in this process
        } catch (IOException e) {
            return false; // no lock file: nobody holds it
        }
    }

    /** Removes a recovered autosave, its lock and any half-written temporary file a crash left. */
    void remove(Autosave.Recovered r) {
        String json = r.path().getFileName().toString();
        String base = json.substring(0, json.length() - ".json".length());
        try {
            Files.deleteIfExists(r.path());
            Files.deleteIfExists(r.path().resolveSibling(base + ".lock"));
            try (DirectoryStream<Path> parts = Files.newDirectoryStream(dir, "." + json + ".*.part")) {
                for (Path part : parts) {
                    Files.deleteIfExists(part);
                }
            }
        } catch (IOException e) {
            System.err.println("unrolled: " + r.path() + ": could not be removed (" + AtomicFiles.describe(e) + ")");
        }
    }
}
