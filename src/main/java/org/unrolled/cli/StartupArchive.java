package org.unrolled.cli;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.RuntimeMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.TimeUnit;

/**
 * Opens the window about 0.4 s sooner by starting it in a second JVM that maps the classes it needs
 * from a class-data-sharing archive (Java's application CDS) instead of loading and verifying them
 * one by one. Java 17 takes such an archive only from a JVM option, which {@code java -jar} cannot
 * set from the jar, and only for the exact jar it was made with; so the first JVM, which has done
 * nothing yet but read the command line, starts the second with the option and passes on its exit status.
 *
 * <p>The archive is made by Unrolled's own first start ({@code -XX:ArchiveClassesAtExit}, written when
 * the window is closed and kept only if it closed normally), in the user's cache folder
 * ({@link ArchiveFolder}). Nothing is relaunched when running from classes (tests, {@code mvn
 * javafx:run}), on a Java without a base CDS archive, with a debugger or agent attached or a CDS option
 * already given, or with {@code -Dunrolled.startupArchive=false}. If the second JVM crashes within its
 * first seconds while using an archive, the archive is deleted and the window starts in the first JVM.
 */
final class StartupArchive {
    static final String OFF_PROPERTY = "unrolled.startupArchive";
    /** Set in the second JVM, so that it does not relaunch again; its value is the first JVM's start (ms since 1970). */
    static final String LAUNCHED_AT = "unrolled.launchedAt";
    /** The environment variables the JVM takes options from: their options are passed on in the command instead. */
    static final List<String> OPTION_VARIABLES = List.of("JAVA_TOOL_OPTIONS", "JDK_JAVA_OPTIONS", "_JAVA_OPTIONS");
    /** A second JVM that dies of a signal this soon, using an archive, is taken as the archive's fault. */
    static final long EARLY_CRASH_MILLIS = 10_000;

    private StartupArchive() {
    }

    /**
     * What to run instead of this JVM: the command, the archive's folder, where the archive is made on
     * this run (empty when one is used), and the archive used (empty when one is made).
     */
    record Plan(List<String> command, ArchiveFolder folder, Optional<Path> making, Optional<Path> using) {
    }

    /**
     * Starts the window in a second JVM when that is planned, and returns its exit status; empty to go
     * on in this JVM (nothing to gain, or the second JVM could not be started).
     */
    static OptionalInt relaunch(String[] args) {
        if (System.getProperty(LAUNCHED_AT) != null || "false".equals(System.getProperty(OFF_PROPERTY))) {
            return OptionalInt.empty(); // the second JVM itself, or switched off: nothing else to look at
        }
        Environment env;
        try {
            env = Environment.current();
        } catch (RuntimeException e) {
            return OptionalInt.empty();
        }
        return relaunch(env, args);
    }

    /** {@link #relaunch(String[])} for {@code env}. */
    static OptionalInt relaunch(Environment env, String[] args) {
        Optional<Plan> planned;
        try {
            planned = plan(env, args);
        } catch (IOException | RuntimeException e) {
            return OptionalInt.empty(); // an odd cache folder or jar: start in this JVM as before
        }
        if (planned.isEmpty()) {
            return OptionalInt.empty();
        }
        Plan plan = planned.get();
        ProcessBuilder builder = new ProcessBuilder(plan.command()).inheritIO();
        // their options are in the command already: read again, they would be applied and announced twice
        builder.environment().keySet().removeAll(OPTION_VARIABLES);
        long started = System.nanoTime();
        long startedAt = System.currentTimeMillis();
        Process child;
        try {
            child = builder.start();
        } catch (IOException | RuntimeException e) {
            return OptionalInt.empty();
        }
        // Ctrl+C or a TERM for this JVM ends the window too (the window saves its work as on any exit)
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            child.destroy();
            try {
                child.waitFor(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "unrolled-stop-window"));
        int status;
        try {
            status = child.waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return OptionalInt.of(Main.EXIT_INTERNAL);
        }
        long ran = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
        plan.making().ifPresent(made -> plan.folder().keep(made, status));
        boolean crashLog = wroteSince(plan.folder().folder().resolve("hs_err_pid" + child.pid() + ".log"), startedAt);
        if (plan.using().isPresent() && crashed(status, crashLog)) {
            plan.folder().discard(plan.using().get()); // the next start makes a new one
            if (ran < EARLY_CRASH_MILLIS) {
                return OptionalInt.empty(); // the window never came: open it in this JVM
            }
        }
        return OptionalInt.of(status);
    }

    /** Whether {@code file} was written at or after {@code millis} (a crash report of an earlier JVM with the same pid is not this one's). */
    private static boolean wroteSince(Path file, long millis) {
        try {
            return Files.exists(file) && Files.getLastModifiedTime(file).toMillis() >= millis - 2000;
        } catch (IOException e) {
            return false;
        }
    }

    /**
     * Whether the second JVM crashed: it wrote a crash report (to the cache folder, as told), or, where it
     * could not, ended by the signals a crash ends in (SIGABRT, SIGBUS, SIGSEGV). Not a kill (137), a closed
     * terminal (129), Ctrl+C (130) or TERM (143); on Windows a crash ends with status 1, and only its report tells.
     */
    static boolean crashed(int status, boolean crashReport) {
        return crashReport || status == 134 || status == 135 || status == 139;
    }

    /** What this process was started as: the facts the plan depends on, gathered in one place. */
    record Environment(Path jar, Path java, String javaBuild, boolean sharing, List<String> jvmOptions, Path cacheFolder,
            long launchedAt, long pid) {
        static Environment current() {
            Path jar;
            try {
                jar = Path.of(Main.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            } catch (java.net.URISyntaxException | NullPointerException | IllegalArgumentException e) {
                jar = null;
            }
            String os = System.getProperty("os.name", "");
            Path launcher = launcher(ProcessHandle.current().info().command().orElse(null), System.getProperty("java.home"), os);
            RuntimeMXBean runtime = ManagementFactory.getRuntimeMXBean();
            // HotSpot says "sharing" when its base CDS archive is mapped; without one (a jlinked runtime,
            // another JVM) an application archive cannot be made or used, and the second JVM would fail
            boolean sharing = System.getProperty("java.vm.info", "").contains("sharing");
            return new Environment(jar, launcher, System.getProperty("java.vm.version", "") + "|" + System.getProperty("java.home"),
                    sharing, runtime.getInputArguments(),
                    ArchiveFolder.cacheFolder(System.getenv(), System.getProperty("user.home"), os), runtime.getStartTime(),
                    ProcessHandle.current().pid());
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
        if (!env.sharing() || env.jar() == null || !env.jar().toString().toLowerCase(Locale.ROOT).endsWith(".jar")
                || !Files.isRegularFile(env.jar())
                || !Files.isExecutable(env.java()) || env.cacheFolder() == null) {
            return Optional.empty();
        }
        for (String option : env.jvmOptions()) {
            if (option.startsWith("-agentlib") || option.startsWith("-agentpath") || option.startsWith("-javaagent")
                    || option.startsWith("-Xrunjdwp") || option.startsWith("-Xdebug") || option.startsWith("-Xshare")
                    || option.contains("SharedArchiveFile") || option.contains("ArchiveClassesAtExit")
                    || option.startsWith("-D" + LAUNCHED_AT + "=") || option.equals("-D" + OFF_PROPERTY + "=false")) {
                return Optional.empty(); // a debugger's port, an agent or the user's own CDS choice: leave as is
            }
        }
        Path jar = env.jar().toAbsolutePath();
        ArchiveFolder folder = new ArchiveFolder(env.cacheFolder(), jar.toString(),
                Files.size(jar) + "|" + Files.getLastModifiedTime(jar).toMillis() + "|" + env.javaBuild());
        Optional<Path> using = folder.complete();
        Optional<Path> making = Optional.empty();
        List<String> command = new ArrayList<>(List.of(env.java().toString()));
        if (using.isPresent()) {
            command.add("-XX:SharedArchiveFile=" + using.get());
        } else {
            making = folder.failedBefore() ? Optional.empty() : folder.partial(env.pid());
            if (making.isEmpty()) {
                return Optional.empty(); // no archive to use or to make: a second JVM would only cost time
            }
            command.add("-XX:ArchiveClassesAtExit=" + making.get());
        }
        // the archive's own notes (classes it skips) are not for the user's terminal, nor a crash log for their folder
        command.add("-Xlog:cds=off");
        command.add("-Xlog:cds+dynamic=off");
        command.add("-XX:ErrorFile=" + folder.folder().resolve("hs_err_pid%p.log"));
        command.addAll(env.jvmOptions()); // after ours: the user's own choices win
        command.add("-D" + LAUNCHED_AT + "=" + env.launchedAt());
        command.add("-jar");
        command.add(jar.toString());
        command.addAll(Arrays.asList(args));
        return Optional.of(new Plan(List.copyOf(command), folder, making, using));
    }
}
