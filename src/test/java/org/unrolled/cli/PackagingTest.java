package org.unrolled.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * What the Linux package is made of, tested without building it (jpackage takes minutes): the menu
 * entry opens a file ({@code %f}) and offers itself for JSON, the scripts that put {@code unrolled} on
 * the PATH are valid shell and touch only their own link, the build hands them to jpackage, and the
 * installed launcher's version is the package's.
 */
class PackagingTest {
    private static final Path LINUX = Path.of("src/packaging/linux");

    @Test
    void theMenuEntryOpensTheFileItIsGivenAndOffersItselfForJson() throws Exception {
        String desktop = Files.readString(LINUX.resolve("Unrolled.desktop"));
        assertTrue(desktop.lines().anyMatch(l -> l.startsWith("Exec=") && l.endsWith(" %f")), desktop);
        assertTrue(desktop.lines().anyMatch(l -> l.equals("MimeType=application/json;")), desktop);
    }

    @Test
    void theInstallScriptsAreValidShellAndManageOnlyTheirOwnLink() throws Exception {
        for (String script : new String[] {"postinst", "prerm"}) {
            Process p = new ProcessBuilder("sh", "-n", LINUX.resolve(script).toString()).redirectErrorStream(true).start();
            assertTrue(p.waitFor(10, TimeUnit.SECONDS));
            assertEquals(0, p.exitValue(), script + ": " + new String(p.getInputStream().readAllBytes()));
        }
        String postinst = Files.readString(LINUX.resolve("postinst"));
        assertTrue(postinst.contains("DESKTOP_COMMANDS_INSTALL"), "jpackage's menu and MIME registration kept");
        assertTrue(postinst.contains("ln -sf /opt/unrolled/bin/Unrolled /usr/bin/unrolled"), postinst);
        // a machine with no menu folder (xdg-desktop-menu exits 3) still gets the program installed
        assertTrue(postinst.indexOf("ln -sf") < postinst.indexOf("DESKTOP_COMMANDS_INSTALL"), "the link comes first");
        assertTrue(postinst.contains("if ! (\nDESKTOP_COMMANDS_INSTALL\n        ); then"), postinst);
        String prerm = Files.readString(LINUX.resolve("prerm"));
        assertTrue(prerm.contains("if ! (\nDESKTOP_COMMANDS_UNINSTALL\n        ); then"), prerm);
        assertTrue(prerm.contains("= /opt/unrolled/bin/Unrolled ]; then\n            rm -f /usr/bin/unrolled"), prerm);
    }

    @Test
    void theBuildHandsThemToJpackageAndSetsTheVersion() throws Exception {
        String pom = Files.readString(Path.of("pom.xml"));
        assertTrue(pom.contains("--resource-dir \"${project.basedir}/src/packaging/linux\""));
        assertTrue(pom.contains("<argument>-Dunrolled.version=${jpackage.appVersion}</argument>"));
    }

    @Test
    void theInstalledLaunchersVersionIsThePackagesNotTheSnapshot() {
        String before = System.getProperty("unrolled.version");
        try {
            System.setProperty("unrolled.version", "0.1.0");
            assertEquals("Unrolled 0.1.0", new Main.Version().getVersion()[0]);
        } finally {
            if (before == null) {
                System.clearProperty("unrolled.version");
            } else {
                System.setProperty("unrolled.version", before);
            }
        }
    }
}
