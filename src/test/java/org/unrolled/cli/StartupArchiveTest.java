package org.unrolled.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * When the window is started in a second JVM with the start-up archive, with what command, and what
 * is kept. The second JVM here is a shell script standing in for {@code java}: it writes an "archive"
 * where it is asked to make one, notes its arguments, and ends with the status the test chose.
 */
class StartupArchiveTest {
    @TempDir
    Path dir;

    private Path fakeJava() throws IOException {
        Path java = dir.resolve("bin/java");
        if (!Files.exists(java)) {
            Files.createDirectories(java.getParent());
            Files.writeString(java, """
                    #!/bin/sh
                    for a in "$@"; do
                      case "$a" in -XX:ArchiveClassesAtExit=*) [ -f "$(dirname "$0")/no-archive" ] || printf 'classes' > "${a#*=}";; esac
                    done
                    for a in "$@"; do
                      case "$a" in -XX:ErrorFile=*) [ -f "$(dirname "$0")/crash-log" ] && f="${a#*=}" && printf 'crash' > "$(dirname "$f")/hs_err_pid$$.log";; esac
                    done
                    printf '%s\\n' "$@" > "$(dirname "$0")/args.txt"
                    exit "$(cat "$(dirname "$0")/status.txt")"
                    """);
            assertTrue(java.toFile().setExecutable(true));
            status(0);
        }
        return java;
    }

    private void status(int s) throws IOException {
        Files.writeString(dir.resolve("bin/status.txt"), Integer.toString(s));
    }

    private List<String> args() throws IOException {
        return Files.readAllLines(dir.resolve("bin/args.txt"));
    }

    private Path jar() throws IOException {
        Path jar = dir.resolve("unrolled.jar");
        if (!Files.exists(jar)) {
            Files.writeString(jar, "not really a jar");
        }
        return jar;
    }

    private StartupArchive.Environment env(List<String> options) throws IOException {
        return env(options, "17.0.99+1|/jdk", true);
    }

    private StartupArchive.Environment env(List<String> options, String javaBuild, boolean sharing) throws IOException {
        return new StartupArchive.Environment(jar(), fakeJava(), javaBuild, sharing, options, dir.resolve("cache"), 1234L, 42L);
    }

    private List<Path> archives() throws IOException {
        try (var files = Files.list(dir.resolve("cache"))) {
            return files.filter(p -> p.toString().endsWith(".jsa")).toList();
        }
    }

    @Test
    void theFirstStartMakesTheArchiveAndLaterStartsUseIt() throws IOException {
        assumeTrue(!System.getProperty("os.name").startsWith("Windows"), "the stand-in java is a shell script");
        StartupArchive.Environment env = env(List.of("-Xmx2g", "-Dname=two words"));
        assertEquals(OptionalInt.of(0), StartupArchive.relaunch(env, new String[] {"--present", "a file.json"}));
        List<String> first = args();
        assertTrue(first.get(0).startsWith("-XX:ArchiveClassesAtExit="), first.toString());
        assertTrue(first.contains("-Xmx2g") && first.contains("-Dname=two words"), "the JVM options, passed on whole: " + first);
        assertTrue(first.contains("-D" + StartupArchive.LAUNCHED_AT + "=1234"), first.toString());
        assertEquals(List.of("-jar", jar().toAbsolutePath().toString(), "--present", "a file.json"),
                first.subList(first.size() - 4, first.size()));
        List<Path> made = archives();
        assertEquals(1, made.size(), "kept after a normal end");
        assertTrue(made.get(0).getFileName().toString().endsWith("-" + "classes".length() + ".jsa"), made.toString());

        status(3);
        assertEquals(OptionalInt.of(3), StartupArchive.relaunch(env, new String[0]), "the window's exit status passed on");
        assertEquals("-XX:SharedArchiveFile=" + made.get(0), args().get(0));
    }

    @Test
    void aFailedOrKilledFirstStartKeepsNothing() throws IOException {
        assumeTrue(!System.getProperty("os.name").startsWith("Windows"), "the stand-in java is a shell script");
        fakeJava();
        status(143);
        assertEquals(OptionalInt.of(143), StartupArchive.relaunch(env(List.of()), new String[0]));
        assertEquals(List.of(), archives(), "a killed start's archive could be cut short");
        try (var files = Files.list(dir.resolve("cache"))) {
            assertEquals(List.of(), files.toList(), "nor is the partial file left");
        }
        // a JVM that ends normally but could not write its archive (a full disk): not tried again
        Files.writeString(dir.resolve("bin/no-archive"), "");
        status(0);
        assertEquals(OptionalInt.of(0), StartupArchive.relaunch(env(List.of()), new String[0]));
        assertEquals(Optional.empty(), StartupArchive.plan(env(List.of()), new String[0]));
    }

    @Test
    void anArchiveTheSecondJvmCrashedWithIsDeletedAndTheWindowOpensHere() throws IOException {
        assumeTrue(!System.getProperty("os.name").startsWith("Windows"), "the stand-in java is a shell script");
        StartupArchive.Environment env = env(List.of());
        assertEquals(OptionalInt.of(0), StartupArchive.relaunch(env, new String[0]));
        assertEquals(1, archives().size());
        status(134); // SIGABRT: how HotSpot ends after a crash
        assertEquals(OptionalInt.empty(), StartupArchive.relaunch(env, new String[0]), "started again in this JVM");
        assertEquals(List.of(), archives());
    }

    @Test
    void anArchiveOfTheWrongSizeIsNotUsed() throws IOException {
        assumeTrue(!System.getProperty("os.name").startsWith("Windows"), "the stand-in java is a shell script");
        StartupArchive.Environment env = env(List.of());
        StartupArchive.relaunch(env, new String[0]);
        Path archive = archives().get(0);
        archive.toFile().setWritable(true);
        Files.writeString(archive, "cl"); // cut short
        StartupArchive.Plan plan = StartupArchive.plan(env, new String[0]).orElseThrow();
        assertTrue(plan.using().isEmpty() && plan.making().isPresent(), "made again, not mapped");
        assertFalse(Files.exists(archive));
    }

    @Test
    void aRebuiltJarOrAnotherJavaGetsANewArchiveAndTheOldOneGoes() throws IOException {
        assumeTrue(!System.getProperty("os.name").startsWith("Windows"), "the stand-in java is a shell script");
        StartupArchive.relaunch(env(List.of()), new String[0]);
        Path old = archives().get(0);
        Files.setLastModifiedTime(jar(), FileTime.fromMillis(Files.getLastModifiedTime(jar()).toMillis() + 60_000));
        StartupArchive.Plan rebuilt = StartupArchive.plan(env(List.of()), new String[0]).orElseThrow();
        assertTrue(rebuilt.making().isPresent(), "an archive of the old jar is not used for the new one");
        StartupArchive.relaunch(env(List.of()), new String[0]);
        assertEquals(1, archives().size());
        assertNotEquals(old, archives().get(0));
        assertTrue(StartupArchive.plan(env(List.of(), "17.0.100+2|/jdk", true), new String[0]).orElseThrow().making().isPresent(),
                "another Java build cannot use it either");
    }

    @Test
    void noSecondJvmWhereItWouldFailOrChangeWhatTheUserAskedFor() throws IOException {
        String[] none = new String[0];
        assertEquals(Optional.empty(), StartupArchive.plan(env(List.of(), "17|/jdk", false), none),
                "a Java without a base CDS archive can neither make nor use one");
        assertEquals(Optional.empty(), StartupArchive.plan(new StartupArchive.Environment(dir.resolve("classes"), fakeJava(),
                "17", true, List.of(), dir.resolve("cache"), 1, 1), none), "run from classes (tests, mvn javafx:run)");
        for (String option : List.of("-agentlib:jdwp=transport=dt_socket,server=y,address=5005", "-javaagent:x.jar",
                "-XX:SharedArchiveFile=/mine.jsa", "-Xshare:off", "-D" + StartupArchive.LAUNCHED_AT + "=5",
                "-D" + StartupArchive.OFF_PROPERTY + "=false")) {
            assertEquals(Optional.empty(), StartupArchive.plan(env(List.of(option)), none), option);
        }
    }

    @Test
    void aCacheFolderThatTakesNoFileMeansNoArchive() throws IOException {
        // a file where the folder should be: no folder can be made there, whoever runs it (root included)
        Files.writeString(dir.resolve("cache"), "in the way");
        assertEquals(Optional.empty(), StartupArchive.plan(env(List.of()), new String[0]));
    }

    @Test
    void aCrashIsACrashReportOrTheSignalsACrashEndsIn() {
        assertTrue(StartupArchive.crashed(134, false) && StartupArchive.crashed(135, false) && StartupArchive.crashed(139, false));
        assertTrue(StartupArchive.crashed(1, true), "Windows: status 1, and the report");
        for (int status : new int[] {0, 1, 129, 130, 137, 143}) {
            assertFalse(StartupArchive.crashed(status, false), "not a crash: " + status);
        }
    }

    @Test
    void aKilledWindowKeepsItsArchiveAndACrashReportCountsAsACrash() throws IOException {
        assumeTrue(!System.getProperty("os.name").startsWith("Windows"), "the stand-in java is a shell script");
        StartupArchive.Environment env = env(List.of());
        StartupArchive.relaunch(env, new String[0]);
        status(137); // kill -9 of the window: not the archive's fault
        assertEquals(OptionalInt.of(137), StartupArchive.relaunch(env, new String[0]));
        assertEquals(1, archives().size());
        Files.writeString(dir.resolve("bin/crash-log"), "");
        status(1); // how a crash ends on Windows: only the report in the cache folder tells
        assertEquals(OptionalInt.empty(), StartupArchive.relaunch(env, new String[0]));
        assertEquals(List.of(), archives());
    }

    @Test
    void theSecondJvmStartsWithTheSameJavaProgram() {
        assertEquals(Path.of("C:/jdk/bin/javaw.exe"), StartupArchive.launcher("C:/jdk/bin/javaw.exe", "C:/jdk", "Windows 11"),
                "javaw.exe again: no console window");
        assertEquals(Path.of("/usr/lib/jvm/17/bin/java"), StartupArchive.launcher("/usr/lib/jvm/17/bin/java", "/x", "Linux"));
        assertEquals(Path.of("/opt/unrolled/lib/runtime/bin/java"),
                StartupArchive.launcher("/opt/unrolled/bin/Unrolled", "/opt/unrolled/lib/runtime", "Linux"),
                "a packaged app's native launcher: its runtime's java");
        assertEquals(Path.of("/jdk/bin/java"), StartupArchive.launcher(null, "/jdk", "Linux"));
    }

    @Test
    void theCacheFolderIsThePlatformsOwn() {
        assertEquals(Path.of("/home/u/.cache/unrolled"), ArchiveFolder.cacheFolder(Map.of(), "/home/u", "Linux"));
        assertEquals(Path.of("/x/cache/unrolled"),
                ArchiveFolder.cacheFolder(Map.of("XDG_CACHE_HOME", "/x/cache"), "/home/u", "Linux"));
        assertEquals(Path.of("/home/u/.cache/unrolled"),
                ArchiveFolder.cacheFolder(Map.of("XDG_CACHE_HOME", "relative"), "/home/u", "Linux"),
                "XDG says a relative value is to be ignored");
        assertEquals(Path.of("/Users/u/Library/Caches/Unrolled"), ArchiveFolder.cacheFolder(Map.of(), "/Users/u", "Mac OS X"));
        assertEquals(null, ArchiveFolder.cacheFolder(Map.of(), "C:\\Users\\u", "Windows 11"), "no LOCALAPPDATA: no archive");
    }

    @Test
    void namesAreFnv1aHashes() {
        // the published FNV-1a 64-bit test values
        assertEquals("cbf29ce484222325", ArchiveFolder.digest(""));
        assertEquals("af63dc4c8601ec8c", ArchiveFolder.digest("a"));
        assertEquals("85944171f73967e8", ArchiveFolder.digest("foobar"));
    }
}
