package org.unrolled.app;

import javafx.scene.control.Spinner;
import javafx.scene.control.SpinnerValueFactory;
import javafx.util.StringConverter;

/**
 * An editable whole-number spinner that never throws on what is typed: a number outside the range is
 * taken as the nearest end, and text that is not a whole number (or beyond the int range) is put back
 * to the current value (JavaFX's own converter throws
 * NumberFormatException from the commit, which would reach the event thread).
 */
final class SafeSpinner {
    private SafeSpinner() {
    }

    static void guard(Spinner<Integer> spinner) {
        SpinnerValueFactory<Integer> factory = spinner.getValueFactory();
        factory.setConverter(new StringConverter<>() {
            @Override
            public String toString(Integer value) {
                return value == null ? "" : value.toString();
            }

            @Override
            public Integer fromString(String text) {
                try {
                    int typed = Integer.parseInt(text.strip());
                    if (factory instanceof SpinnerValueFactory.IntegerSpinnerValueFactory range) {
                        // clamped here, so that no listener ever sees a value outside the range
                        typed = Math.max(range.getMin(), Math.min(range.getMax(), typed));
                    }
                    return typed;
                } catch (NumberFormatException e) {
                    spinner.getEditor().setText(toString(factory.getValue()));
                    return factory.getValue();
                }
            }
        });
    }
}
