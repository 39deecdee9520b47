package org.unrolled.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** When the window is started in a second JVM with the start-up archive, with what command, and what is kept. */
class StartupArchiveTest {
    @TempDir
    Path dir;

    private StartupArchive.Environment env(Path jar, List<String> options, Map<String, String> vars, String off)
            throws IOException {
        Path java = dir.resolve("bin/java");
        if (!Files.exists(java)) {
            Files.createDirectories(java.getParent());
            Files.writeString(java, "#!/bin/sh\n");
            java.toFile().setExecutable(true);
        }
        return new StartupArchive.Environment(jar, java, "17.0.99+1|/jdk", options, vars, off, dir.resolve("cache"), 1234L);
    }

    private Path jar() throws IOException {
        Path jar = dir.resolve("unrolled.jar");
        if (!Files.exists(jar)) {
            Files.writeString(jar, "not really a jar");
        }
        return jar;
    }

    @Test
    void firstStartMakesTheArchiveAndLaterStartsUseIt() throws IOException {
        StartupArchive.Environment env = env(jar(), List.of("-Xmx2g"), Map.of(), null);
        StartupArchive.Plan making = StartupArchive.plan(env, new String[] {"--present"}).orElseThrow();
        assertTrue(making.making().isPresent());
        List<String> c = making.command();
        assertEquals(env.java().toString(), c.get(0));
        assertEquals("-XX:ArchiveClassesAtExit=" + making.making().get(), c.get(1));
        assertTrue(c.contains("-Xmx2g"), "the user's JVM options are passed on: " + c);
        assertTrue(c.contains("-D" + StartupArchive.LAUNCHED_AT + "=1234"), c.toString());
        assertEquals(List.of("-jar", jar().toAbsolutePath().toString(), "--present"), c.subList(c.size() - 3, c.size()));
        assertFalse(making.archive().toString().equals(making.making().get().toString()),
                "made under a partial name, so a killed start leaves nothing that looks finished");

        StartupArchive.keep(making.making().get(), making.archive(), 0);
        // kept only after a normal exit: nothing was written by the fake JVM here, so nothing is kept
        assertFalse(Files.exists(making.archive()));
        Files.writeString(making.making().get(), "archive bytes");
        StartupArchive.keep(making.making().get(), making.archive(), 0);
        assertTrue(Files.isRegularFile(making.archive()));
        assertFalse(Files.exists(making.making().get()));

        StartupArchive.Plan using = StartupArchive.plan(env, new String[0]).orElseThrow();
        assertTrue(using.making().isEmpty());
        assertEquals("-XX:SharedArchiveFile=" + making.archive(), using.command().get(1));
    }

    @Test
    void anArchiveFromAFailedStartIsNotKept() throws IOException {
        StartupArchive.Plan making = StartupArchive.plan(env(jar(), List.of(), Map.of(), null), new String[0]).orElseThrow();
        Files.writeString(making.making().get(), "half an archive");
        StartupArchive.keep(making.making().get(), making.archive(), 143);
        assertFalse(Files.exists(making.archive()));
        assertFalse(Files.exists(making.making().get()));
    }

    @Test
    void aRebuiltJarGetsANewArchiveAndTheOldOneGoes() throws IOException {
        StartupArchive.Environment env = env(jar(), List.of(), Map.of(), null);
        StartupArchive.Plan first = StartupArchive.plan(env, new String[0]).orElseThrow();
        Files.writeString(first.making().get(), "old");
        StartupArchive.keep(first.making().get(), first.archive(), 0);
        Files.setLastModifiedTime(jar(), FileTime.fromMillis(Files.getLastModifiedTime(jar()).toMillis() + 60_000));
        StartupArchive.Plan rebuilt = StartupArchive.plan(env, new String[0]).orElseThrow();
        assertNotEquals(first.archive(), rebuilt.archive());
        assertTrue(rebuilt.making().isPresent(), "an archive of the old jar is not used for the new one");
        Files.writeString(rebuilt.making().get(), "new");
        StartupArchive.keep(rebuilt.making().get(), rebuilt.archive(), 0);
        assertFalse(Files.exists(first.archive()));
        assertTrue(Files.exists(rebuilt.archive()));
        // another Java build cannot use the archive either
        StartupArchive.Environment otherJava = new StartupArchive.Environment(env.jar(), env.java(), "17.0.100+2|/jdk",
                env.jvmOptions(), env.env(), null, env.cacheFolder(), 1234L);
        assertTrue(StartupArchive.plan(otherJava, new String[0]).orElseThrow().making().isPresent());
    }

    @Test
    void noSecondJvmWhereItWouldChangeWhatTheUserAskedFor() throws IOException {
        String[] none = new String[0];
        assertEquals(Optional.empty(), StartupArchive.plan(env(jar(), List.of(), Map.of(), "false"), none), "switched off");
        assertEquals(Optional.empty(), StartupArchive.plan(env(dir.resolve("classes"), List.of(), Map.of(), null), none),
                "run from classes (tests, mvn javafx:run)");
        for (String option : List.of("-agentlib:jdwp=transport=dt_socket,server=y,address=5005", "-javaagent:x.jar",
                "-XX:SharedArchiveFile=/mine.jsa", "-Xshare:off", "-D" + StartupArchive.LAUNCHED_AT + "=5")) {
            assertEquals(Optional.empty(), StartupArchive.plan(env(jar(), List.of(option), Map.of(), null), none), option);
        }
    }

    @Test
    void optionsTheSecondJvmReadsFromTheEnvironmentAreNotPassedTwice() {
        Map<String, String> vars = Map.of("JAVA_TOOL_OPTIONS", " -Dunrolled.startupReport=true  -Xss2m",
                "JDK_JAVA_OPTIONS", "-Dprism.order=sw");
        assertEquals(List.of("-Xmx1g", "-Xss2m"), StartupArchive.passedOn(
                List.of("-Dunrolled.startupReport=true", "-Xss2m", "-Dprism.order=sw", "-Xmx1g", "-Xss2m"), vars));
    }

    @Test
    void theCacheFolderIsThePlatformsOwn() {
        assertEquals(Path.of("/home/u/.cache/unrolled"), StartupArchive.cacheFolder(Map.of(), "/home/u", "Linux"));
        assertEquals(Path.of("/x/cache/unrolled"),
                StartupArchive.cacheFolder(Map.of("XDG_CACHE_HOME", "/x/cache"), "/home/u", "Linux"));
        assertEquals(Path.of("/home/u/.cache/unrolled"),
                StartupArchive.cacheFolder(Map.of("XDG_CACHE_HOME", "relative"), "/home/u", "Linux"),
                "XDG says a relative value is to be ignored");
        assertEquals(Path.of("/Users/u/Library/Caches/Unrolled"), StartupArchive.cacheFolder(Map.of(), "/Users/u", "Mac OS X"));
        assertEquals(null, StartupArchive.cacheFolder(Map.of(), "C:\\Users\\u", "Windows 11"), "no LOCALAPPDATA: no archive");
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
    void namesAreFnv1aHashes() {
        // the published FNV-1a 64-bit test values
        assertEquals("cbf29ce484222325", StartupArchive.digest(""));
        assertEquals("af63dc4c8601ec8c", StartupArchive.digest("a"));
        assertEquals("85944171f73967e8", StartupArchive.digest("foobar"));
    }
}
