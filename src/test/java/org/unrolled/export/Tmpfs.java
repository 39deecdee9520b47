package org.unrolled.export;

import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/** A small RAM disk for full-disk tests, where this machine allows mounting one (root, Linux). */
final class Tmpfs {
    private Tmpfs() {
    }

    /** Mounts a tmpfs of {@code size} (e.g. "160k") at {@code dir}; false if that is not possible here. */
    static boolean mount(Path dir, String size) {
        return run("mount", "-t", "tmpfs", "-o", "size=" + size, "tmpfs", dir.toString());
    }

    static void unmount(Path dir) {
        run("umount", dir.toString());
    }

    private static boolean run(String... command) {
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            return p.waitFor(20, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (java.io.IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
