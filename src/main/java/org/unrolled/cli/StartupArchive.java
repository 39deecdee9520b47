package org.unrolled.cli;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.RuntimeMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Opens the window about 0.4 s sooner by starting it in a second JVM that maps the classes it needs
 * from a class-data-sharing archive (Java's application CDS) instead of loading and verifying them
 * one by one. Java 17 takes such an archive only from a JVM option, which {@code java -jar} cannot
 * set from the jar, and only for the exact jar it was made with; so the first JVM, which has loaded
 * nothing but this class, starts the second with the option and passes on its exit status.
 *
 * <p>The archive is made by Unrolled's own first start ({@code -XX:ArchiveClassesAtExit}, written when
 * the window is closed and kept only if it closed normally), under the user's cache folder, one per
 * jar path, jar size and time, and Java build; a rebuilt jar gets a new one and the old is deleted.
 * Nothing is relaunched when running from classes (tests, {@code mvn javafx:run}), when the JVM has a
 * debugger or agent attached or a CDS option already, or with {@code -Dunrolled.startupArchive=false}.
 */
final class StartupArchive {
    static final String OFF_PROPERTY = "unrolled.startupArchive";
    /** Set in the second JVM, so that it does not relaunch again; its value is the first JVM's start (ms since 1970). */
    static final String LAUNCHED_AT = "unrolled.launchedAt";

    private StartupArchive() {
    }

    /**
     * What to run instead of this JVM: the command, and where the archive is made on this run (empty
     * when the archive is used, not made).
     */
    record Plan(List<String> command, Optional<Path> making, Path archive) {
    }

    /**
     * Starts the window in a second JVM when that is planned, and returns its exit status; empty to go
     * on in this JVM (nothing to gain, or the second JVM could not be started).
     */
    static OptionalInt relaunch(String[] args) {
        Optional<Plan> plan;
        try {
            plan = plan(Environment.current(), args);
        } catch (IOException | RuntimeException e) {
            return OptionalInt.empty(); // an odd cache folder or jar: start in this JVM as before
        }
        if (plan.isEmpty()) {
            return OptionalInt.empty();
        }
        Process child;
        try {
            child = new ProcessBuilder(plan.get().command()).inheritIO().start();
        } catch (IOException | RuntimeException e) {
            return OptionalInt.empty();
        }
        // Ctrl+C or a TERM for this JVM ends the window too (the window saves its work as on any exit)
        Thread stopChild = new Thread(() -> {
            child.destroy();
            try {
                child.waitFor(10, java.util.concurrent.TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "unrolled-stop-window");
        Runtime.getRuntime().addShutdownHook(stopChild);
        int status;
        try {
            status = child.waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return OptionalInt.of(Main.EXIT_INTERNAL);
        }
        plan.get().making().ifPresent(made -> keep(made, plan.get().archive(), status));
        return OptionalInt.of(status);
    }

    /** What this process was started as: the facts the plan depends on, gathered in one place. */
    record Environment(Path jar, Path java, String javaBuild, List<String> jvmOptions, Map<String, String> env,
            String off, Path cacheFolder, long launchedAt) {
        static Environment current() throws IOException {
            Path jar;
            try {
                jar = Path.of(Main.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            } catch (java.net.URISyntaxException | NullPointerException | IllegalArgumentException e) {
                jar = null;
            }
            String os = System.getProperty("os.name", "");
            Path launcher = launcher(ProcessHandle.current().info().command().orElse(null), System.getProperty("java.home"), os);
            RuntimeMXBean runtime = ManagementFactory.getRuntimeMXBean();
            return new Environment(jar, launcher, System.getProperty("java.vm.version", "") + "|" + System.getProperty("java.home"),
                    runtime.getInputArguments(), System.getenv(), System.getProperty(OFF_PROPERTY),
                    StartupArchive.cacheFolder(System.getenv(), System.getProperty("user.home"), os), runtime.getStartTime());
        }
    }

    /**
     * The program that started this JVM when it is Java's own ({@code javaw.exe} on Windows, so that no
     * console window opens with the second JVM), else {@code bin/java} of this Java (under a packaged
     * app's native launcher).
     */
    static Path launcher(String command, String javaHome, String os) {
        if (command != null) {
            Path p = Path.of(command);
            String name = p.getFileName() == null ? "" : p.getFileName().toString().toLowerCase(Locale.ROOT);
            if (name.equals("java") || name.equals("java.exe") || name.equals("javaw.exe") || name.equals("javaw")) {
                return p;
            }
        }
        return Path.of(javaHome, "bin", os.startsWith("Windows") ? "java.exe" : "java");
    }

    /** The plan for {@code env}, or empty when this JVM should open the window itself. */
    static Optional<Plan> plan(Environment env, String[] args) throws IOException {
        if ("false".equals(env.off()) || env.jar() == null || !env.jar().toString().endsWith(".jar")
                || !Files.isRegularFile(env.jar()) || !Files.isExecutable(env.java()) || env.cacheFolder() == null) {
            return Optional.empty();
        }
        List<String> passOn = passedOn(env.jvmOptions(), env.env());
        for (String option : env.jvmOptions()) {
            if (option.startsWith("-agentlib") || option.startsWith("-agentpath") || option.startsWith("-javaagent")
                    || option.startsWith("-Xrunjdwp") || option.startsWith("-Xdebug") || option.startsWith("-Xshare")
                    || option.contains("SharedArchiveFile") || option.contains("ArchiveClassesAtExit")
                    || option.startsWith("-D" + LAUNCHED_AT + "=")) {
                return Optional.empty(); // a debugger's port, an agent or the user's own CDS choice: leave as is
            }
        }
        Path jar = env.jar().toAbsolutePath();
        String jarKey = digest(jar.toString());
        String stamp = digest(Files.size(jar) + "|" + Files.getLastModifiedTime(jar).toMillis() + "|" + env.javaBuild());
        Path archive = env.cacheFolder().resolve("startup-" + jarKey + "-" + stamp + ".jsa");
        List<String> command = new ArrayList<>(List.of(env.java().toString()));
        Optional<Path> making;
        if (Files.isRegularFile(archive)) {
            command.add("-XX:SharedArchiveFile=" + archive);
            making = Optional.empty();
        } else {
            Files.createDirectories(env.cacheFolder());
            Path partial = env.cacheFolder().resolve(archive.getFileName() + "." + ProcessHandle.current().pid() + ".partial");
            command.add("-XX:ArchiveClassesAtExit=" + partial);
            making = Optional.of(partial);
        }
        // the archive's own notes (classes it skips, a stale archive) are not for the user's terminal
        command.add("-Xlog:cds=off");
        command.add("-Xlog:cds+dynamic=off");
        command.addAll(passOn);
        command.add("-D" + LAUNCHED_AT + "=" + env.launchedAt());
        command.add("-jar");
        command.add(jar.toString());
        command.addAll(Arrays.asList(args));
        return Optional.of(new Plan(List.copyOf(command), making, archive));
    }

    /**
     * This JVM's options less those the second JVM reads again by itself from {@code JAVA_TOOL_OPTIONS}
     * and {@code JDK_JAVA_OPTIONS} (passing them twice would print "Picked up" twice).
     */
    static List<String> passedOn(List<String> jvmOptions, Map<String, String> env) {
        List<String> fromEnv = new ArrayList<>();
        for (String variable : List.of("JAVA_TOOL_OPTIONS", "JDK_JAVA_OPTIONS")) {
            String value = env.get(variable);
            if (value != null && !value.isBlank()) {
                fromEnv.addAll(Arrays.asList(value.trim().split("\\s+")));
            }
        }
        List<String> kept = new ArrayList<>();
        for (String option : jvmOptions) {
            if (!fromEnv.remove(option)) {
                kept.add(option);
            }
        }
        return kept;
    }

    /** Keeps an archive made on this run if the window closed normally; deletes older ones for the same jar. */
    static void keep(Path made, Path archive, int status) {
        try {
            if (status == 0 && Files.isRegularFile(made) && Files.size(made) > 0) {
                Files.move(made, archive, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
                String jarPrefix = archive.getFileName().toString().substring(0, "startup-".length() + 16);
                try (DirectoryStream<Path> old = Files.newDirectoryStream(archive.getParent(), jarPrefix + "-*.jsa")) {
                    for (Path p : old) {
                        if (!p.equals(archive)) {
                            Files.deleteIfExists(p);
                        }
                    }
                }
            } else {
                Files.deleteIfExists(made);
            }
        } catch (IOException | RuntimeException e) {
            // only start-up speed is lost: the next start makes the archive again
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
