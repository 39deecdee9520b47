package org.unrolled.app;

import java.nio.file.Path;
import java.time.Duration;
import org.unrolled.io.Samples;

/** A session for {@link AutosaveTest} to kill: autosaves an edit into the folder it is given, then waits. */
public final class AutosaveChild {
    private AutosaveChild() {
    }

    public static void main(String[] args) throws Exception {
        Autosave a = new Autosave(Path.of(args[0]), Duration.ofMillis(50));
        if (!a.start()) {
            System.exit(3);
        }
        a.update(new Autosave.Snapshot(AutosaveTest.withRho(Samples.load(Samples.DEFAULT), 1.7),
                Path.of(args[0]).resolve("lecture.json"), "lecture.json"));
        a.flush();
        System.out.println("autosaved");
        System.out.flush();
        Thread.sleep(60_000);
    }
}
