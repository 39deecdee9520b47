package org.unrolled.app;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.prefs.Preferences;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/** The most recently opened scenario files, newest first, kept in the user's preferences. */
public final class RecentFiles {
    private static final String KEY = "recentFiles";
    private static final int MAX = 8;

    private final Preferences prefs;
    private final ObservableList<Path> files = FXCollections.observableArrayList();

    public RecentFiles(Preferences prefs) {
        this.prefs = prefs;
        String stored = prefs == null ? "" : prefs.get(KEY, "");
        for (String line : stored.split("\n")) {
            if (!line.isBlank()) {
                files.add(Path.of(line));
            }
        }
    }

    public ObservableList<Path> files() {
        return FXCollections.unmodifiableObservableList(files);
    }

    public void add(Path file) {
        Path abs = file.toAbsolutePath().normalize();
        files.remove(abs);
        files.add(0, abs);
        while (files.size() > MAX) {
            files.remove(files.size() - 1);
        }
        save();
    }

    public void remove(Path file) {
        files.remove(file);
        save();
    }

    private void save() {
        if (prefs == null) {
            return;
        }
        List<String> lines = new ArrayList<>();
        files.forEach(p -> lines.add(p.toString()));
        prefs.put(KEY, String.join("\n", lines));
    }
}
