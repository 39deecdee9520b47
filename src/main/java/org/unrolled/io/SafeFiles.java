package org.unrolled.io;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;

/**
 * Opening a path a user (or a downloaded file, or another program) named: only a regular file is ever
 * opened, because opening a pipe waits forever for a writer and a device such as {@code /dev/zero}
 * never ends; and the bytes read are bounded as they are read, since {@code Files.size} says 0 for a
 * device.
 */
public final class SafeFiles {
    private SafeFiles() {
    }

    /**
     * Why {@code p} cannot be read as a file, or null if it is a regular file (or a link to one). The
     * phrase follows the path: "is a folder", "is not a regular file (a device, a pipe or a socket)".
     */
    public static String notARegularFile(Path p) throws IOException {
        BasicFileAttributes a = Files.readAttributes(p, BasicFileAttributes.class);
        if (a.isRegularFile()) {
            return null;
        }
        return a.isDirectory() ? "is a folder, not a file" : "is not a regular file (a device, a pipe or a socket)";
    }

    /**
     * Why {@code p} must not be replaced by an output file, or null if it may: it does not exist or is
     * a regular file (or a link to one, which is replaced, not followed). Never a device, a pipe, a
     * socket or a folder: as root, replacing {@code /dev/null} would break the system.
     */
    public static String notReplaceable(Path p) {
        if (!Files.exists(p, LinkOption.NOFOLLOW_LINKS)) {
            return null;
        }
        if (Files.isSymbolicLink(p) && !Files.exists(p)) {
            return null; // a dangling link: the link itself is replaced
        }
        try {
            return notARegularFile(p);
        } catch (IOException e) {
            return "cannot be examined (" + AtomicFiles.describe(e) + ")";
        }
    }

    /** Reads a regular file of at most {@code max} bytes; the bound holds on the bytes read. */
    public static byte[] readRegular(Path p, long max) throws IOException {
        String why = notARegularFile(p);
        if (why != null) {
            throw new NotRegularFileException(p, why);
        }
        long size = Files.size(p);
        if (size > max) {
            throw new TooLargeException(max);
        }
        try (InputStream in = Files.newInputStream(p)) {
            // sized for what the file says it holds, so that the usual case makes one copy, not three
            byte[] buf = new byte[(int) Math.min(max, size) + 1];
            int n = 0;
            int r;
            while ((r = in.read(buf, n, buf.length - n)) > 0) {
                n += r;
                if (n == buf.length) {
                    if (n > max) {
                        throw new TooLargeException(max);
                    }
                    buf = java.util.Arrays.copyOf(buf, (int) Math.min(max + 1, 2L * buf.length + 1024));
                }
            }
            return n == buf.length ? buf : java.util.Arrays.copyOf(buf, n);
        }
    }

    /** Every byte of {@code in}, or an IOException as soon as more than {@code max} bytes have come. */
    public static byte[] readAtMost(InputStream in, long max) throws IOException {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        byte[] buf = new byte[1 << 16];
        long total = 0;
        int n;
        while ((n = in.read(buf)) > 0) {
            total += n;
            if (total > max) {
                throw new TooLargeException(max);
            }
            out.write(buf, 0, n);
        }
        return out.toByteArray();
    }

    /** The file is larger than allowed; the message says the limit in MB. */
    public static final class TooLargeException extends IOException {
        private static final long serialVersionUID = 1L;
        private final long max;

        TooLargeException(long max) {
            super("more than " + max / (1024 * 1024) + " MB");
            this.max = max;
        }

        public long max() {
            return max;
        }
    }

    /** The path names something other than a regular file. */
    public static final class NotRegularFileException extends IOException {
        private static final long serialVersionUID = 1L;

        NotRegularFileException(Path p, String why) {
            super(why);
        }
    }
}
