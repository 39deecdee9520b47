package org.unrolled.export;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * An export that is one file (or one folder): written under a temporary name of its own beside the target,
 * {@code .NAME.PID-RANDOM.part}, and given its name only when complete. The target is never replaced: an
 * existing file or folder is refused at the start, and the final step refuses too if one appeared meanwhile
 * (two exports to one name at once: the second to finish is refused, and neither writes into the other's
 * temporary). A cancelled or failed export removes its temporary; a killed one leaves only its {@code .part},
 * which a later export of the same name removes once the process that wrote it has ended and nothing in it has
 * been touched for {@link #STALE_MILLIS}.
 */
public final class SingleFile {
    /**
     * A temporary untouched this long, by a process no longer running here, was left by a killed export (the time
     * as well as the process: a folder shared over the network may be written by another machine's process).
     */
    static final long STALE_MILLIS = 10 * 60 * 1000;
    private static final java.security.SecureRandom RANDOM = new java.security.SecureRandom();
    private final Path target;
    private final Path temporary;
    private boolean committed;

    private SingleFile(Path target, Path temporary) {
        this.target = target;
        this.temporary = temporary;
    }

    /** Checks that {@code target} may be written and picks its temporary name (removing stale ones). */
    public static SingleFile claim(Path target) throws ExportException {
        Path abs = target.toAbsolutePath().normalize();
        Path dir = abs.getParent();
        if (Files.exists(abs, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            // (a link to a missing file too: the name is taken, and the last step would refuse it after all the work)
            throw new ExportException(target + (Files.exists(abs) ? " already exists" : " already exists (a link to a missing file)")
                    + "; choose another name, so that nothing is overwritten");
        }
        try {
            Files.createDirectories(dir);
            if (!Files.isWritable(dir)) {
                throw new ExportException(dir + ": the folder is not writable (permission denied)");
            }
            String name = "." + abs.getFileName();
            removeStale(dir, name);
            Path tmp;
            do {
                tmp = dir.resolve(name + "." + ProcessHandle.current().pid() + "-" + Long.toUnsignedString(RANDOM.nextLong(), 36)
                        + ".part");
            } while (Files.exists(tmp, java.nio.file.LinkOption.NOFOLLOW_LINKS));
            return new SingleFile(abs, tmp);
        } catch (AccessDeniedException e) {
            throw new ExportException(dir + ": permission denied");
        } catch (IOException e) {
            throw new ExportException(dir + ": cannot be used: " + Exporter.describe(e));
        }
    }

    public Path target() {
        return target;
    }

    /** Where to write until {@link #commit}. */
    public Path temporary() {
        return temporary;
    }

    /** Gives the finished temporary its name; refuses to replace anything that appeared meanwhile. */
    public void commit() throws ExportException {
        if (Files.exists(target)) {
            throw new ExportException(target + " appeared while exporting; the export was not moved over it");
        }
        try {
            if (Files.isRegularFile(temporary)) {
                try {
                    // a hard link fails if the name is taken, where a rename would replace it
                    Files.createLink(target, temporary);
                    Files.delete(temporary);
                } catch (UnsupportedOperationException | java.nio.file.FileSystemException noLinks) {
                    if (noLinks instanceof FileAlreadyExistsException taken) {
                        throw taken;
                    }
                    Files.move(temporary, target); // no links here: checks the name, then renames
                }
            } else {
                Files.move(temporary, target); // a folder: checks the name, then renames
            }
            committed = true;
        } catch (FileAlreadyExistsException e) {
            throw new ExportException(target + " appeared while exporting; the export was not moved over it");
        } catch (IOException e) {
            throw new ExportException(target + ": could not be moved into place: " + Exporter.describe(e));
        }
    }

    /** Removes the temporary unless it was committed (after a cancel or a failure). */
    public void abandonIfUncommitted() {
        if (!committed) {
            try {
                deleteTree(temporary);
            } catch (IOException e) {
                // left behind under its .part name, which never looks like a finished export
            }
        }
    }

    /**
     * Removes the temporaries of killed exports of this name ({@code name} is ".NAME"; the older {@code .NAME.part}
     * too): by a process that is not running, and untouched, anywhere inside, for {@link #STALE_MILLIS}.
     */
    private static void removeStale(Path dir, String name) {
        long before = System.currentTimeMillis() - STALE_MILLIS;
        try (var entries = Files.newDirectoryStream(dir, p -> {
            String n = p.getFileName().toString();
            return n.startsWith(name + ".") && n.endsWith(".part");
        })) {
            for (Path p : entries) {
                try {
                    if (!running(p.getFileName().toString(), name) && newestChange(p) < before) {
                        deleteTree(p);
                    }
                } catch (IOException | RuntimeException e) {
                    // left for another time: it never looks like a finished export
                }
            }
        } catch (IOException e) {
            // the folder cannot be listed: the new export's own checks will say why
        }
    }

    /** Whether the process named in a temporary's name ({@code .NAME.PID-RANDOM.part}) is running here. */
    private static boolean running(String file, String name) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("(\\d{1,18})-[0-9a-z]+\\.part")
                .matcher(file.substring(name.length() + 1));
        return m.matches() && ProcessHandle.of(Long.parseLong(m.group(1))).map(ProcessHandle::isAlive).orElse(false);
    }

    /** The latest time anything in {@code p} (a file, or a folder and everything in it) was changed. */
    private static long newestChange(Path p) throws IOException {
        try (var all = Files.walk(p)) {
            long newest = Long.MIN_VALUE;
            for (Path q : (Iterable<Path>) all::iterator) {
                newest = Math.max(newest, Files.getLastModifiedTime(q, java.nio.file.LinkOption.NOFOLLOW_LINKS).toMillis());
            }
            return newest;
        }
    }

    static void deleteTree(Path p) throws IOException {
        if (!Files.exists(p, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        if (Files.isDirectory(p, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            try (var children = Files.list(p)) {
                for (Path c : (Iterable<Path>) children::iterator) {
                    deleteTree(c);
                }
            }
        }
        Files.delete(p);
    }
}
