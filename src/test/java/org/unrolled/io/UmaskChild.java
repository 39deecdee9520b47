package org.unrolled.io;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/** Run in a child process with a chosen umask: writes args[0] through AtomicFiles, as every output is written. */
public final class UmaskChild {
    private UmaskChild() {
    }

    public static void main(String[] args) throws Exception {
        AtomicFiles.write(Path.of(args[0]), out -> out.write("new".getBytes(StandardCharsets.UTF_8)));
        AtomicFiles.writeDurably(Path.of(args[1]), out -> out.write("new".getBytes(StandardCharsets.UTF_8)));
        AtomicFiles.writeNew(Path.of(args[2]), out -> out.write("new".getBytes(StandardCharsets.UTF_8)));
    }
}
