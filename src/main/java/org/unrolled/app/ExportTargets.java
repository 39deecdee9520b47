package org.unrolled.app;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonType;
import javafx.stage.Window;
import org.unrolled.export.ExistingExport;
import org.unrolled.export.ExportOptions;
import org.unrolled.export.FormatExport;

/**
 * Where an export goes: the path for the chosen format, what is already there, and a fresh name
 * beside it (an export never overwrites anything).
 */
final class ExportTargets {
    private ExportTargets() {
    }

    /** The target path for a new format: the extension of a file format, none for a folder. */
    static String retarget(String path, FormatExport.Format was, FormatExport.Format is) {
        String stem = path;
        if (was != null && !was.folder() && stem.toLowerCase(Locale.ROOT).endsWith("." + was.word())) {
            stem = stem.substring(0, stem.length() - was.word().length() - 1);
        }
        for (String suffix : new String[] {"-svg", "-beamer"}) {
            if (stem.endsWith(suffix)) {
                stem = stem.substring(0, stem.length() - suffix.length());
            }
        }
        return switch (is) {
            case PNG -> stem;
            case SVG, BEAMER -> stem + "-" + is.word();
            default -> stem + "." + is.word();
        };
    }

    /** name-2.ext, name-3.ext, ...: the first that does not exist. */
    static Path freshFile(Path file) {
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        String stem = dot > 0 ? name.substring(0, dot) : name;
        String ext = dot > 0 ? name.substring(dot) : "";
        for (int k = 2; ; k++) {
            Path candidate = file.resolveSibling(stem + "-" + k + ext);
            if (!Files.exists(candidate)) {
                return candidate;
            }
        }
    }

    /** dir-2, dir-3, ...: the first that does not exist. */
    static Path freshFolder(Path dir) {
        for (int k = 2; ; k++) {
            Path candidate = dir.resolveSibling(dir.getFileName() + "-" + k);
            if (!Files.exists(candidate)) {
                return candidate;
            }
        }
    }

    /**
     * What the folder holds that an export could overwrite ("holds an incomplete export: 37 of 120
     * frames (…)"), or null; looks without creating anything.
     */
    static String occupied(Path dir, ExportOptions o) {
        try {
            return ExistingExport.describe(dir, o);
        } catch (java.io.IOException e) {
            return null; // the export itself reports an unreadable folder plainly
        }
    }

    /**
     * Where to export: {@code dir} itself when it is free, else a fresh name beside it if the user agrees to
     * it (nothing there is ever overwritten); null when they do not.
     */
    static Path askIfTaken(Window owner, Path dir, FormatExport.Format kind, ExportOptions options) {
        String occupied = kind == FormatExport.Format.PNG ? occupied(dir, options) : Files.exists(dir) ? "already exists" : null;
        if (occupied == null) {
            return dir;
        }
        Path fresh = kind.folder() ? freshFolder(dir) : freshFile(dir);
        Alert ask = new Alert(Alert.AlertType.CONFIRMATION,
                dir + " " + occupied + ". Nothing there is overwritten: export into " + fresh + " instead?",
                ButtonType.OK, ButtonType.CANCEL);
        ask.initOwner(owner);
        ask.getDialogPane().setId("export-folder-occupied");
        ask.setHeaderText(occupied.startsWith("holds an incomplete export") ? "That folder holds an incomplete export"
                : kind == FormatExport.Format.PNG ? "That folder is not empty"
                : "That " + (kind.folder() ? "folder" : "file") + " already exists");
        return ask.showAndWait().orElse(ButtonType.CANCEL) == ButtonType.OK
                ? fresh : null;
    }
}
