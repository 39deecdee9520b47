package org.unrolled.app;

import java.util.ArrayDeque;
import java.util.Deque;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import org.unrolled.document.ScenarioDocument;

/**
 * Undo and redo of a document's edits, as the scenarios before them. Edits with the same key in quick
 * succession (a slider being dragged) make one undo step.
 */
final class EditHistory {
    /** Slider drags within this time are one undo step. */
    private static final long COALESCE_NANOS = 1_500_000_000L;
    private final Deque<ScenarioDocument> undo = new ArrayDeque<>();
    private final Deque<ScenarioDocument> redo = new ArrayDeque<>();
    private final ReadOnlyBooleanWrapper canUndo = new ReadOnlyBooleanWrapper(this, "canUndo", false);
    private final ReadOnlyBooleanWrapper canRedo = new ReadOnlyBooleanWrapper(this, "canRedo", false);
    private String lastEditKey;
    private long lastEditNanos;

    /** An edit called {@code key} replaces {@code base}: undo goes back to it (unless it continues a drag). */
    void edited(String key, ScenarioDocument base) {
        long now = System.nanoTime();
        boolean coalesce = key.equals(lastEditKey) && now - lastEditNanos < COALESCE_NANOS;
        if (!coalesce) {
            undo.push(base);
            redo.clear();
        }
        lastEditKey = key;
        lastEditNanos = now;
        update();
    }

    /** The scenario before {@code current} (which redo then brings back), or null if there is none. */
    ScenarioDocument undo(ScenarioDocument current) {
        return step(undo, redo, current);
    }

    /** The scenario undone from {@code current}, or null if there is none. */
    ScenarioDocument redo(ScenarioDocument current) {
        return step(redo, undo, current);
    }

    private ScenarioDocument step(Deque<ScenarioDocument> from, Deque<ScenarioDocument> to, ScenarioDocument current) {
        if (from.isEmpty()) {
            return null;
        }
        to.push(current);
        lastEditKey = null;
        ScenarioDocument s = from.pop();
        update();
        return s;
    }

    /** A new document: nothing to undo. */
    void clear() {
        undo.clear();
        redo.clear();
        lastEditKey = null;
        update();
    }

    private void update() {
        canUndo.set(!undo.isEmpty());
        canRedo.set(!redo.isEmpty());
    }

    ReadOnlyBooleanProperty canUndoProperty() {
        return canUndo.getReadOnlyProperty();
    }

    ReadOnlyBooleanProperty canRedoProperty() {
        return canRedo.getReadOnlyProperty();
    }
}
