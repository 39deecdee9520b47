package org.unrolled.app;

import javafx.scene.control.ComboBox;
import javafx.scene.control.ListCell;
import javafx.util.StringConverter;
import org.unrolled.engine.Feedback;
import org.unrolled.engine.JsonNamed;
import org.unrolled.engine.Mapping;

/**
 * A drop-down of an enum's values by their names in the scenario file, each with the lecture notes' word
 * for it ("many-to-many (aligned)"). The chosen value keeps its word while the box is wide enough for it,
 * and shows its name alone when not ("seq2seq", rather than "seq2seq (encoder–decod...").
 */
final class EnumChoice {
    private EnumChoice() {
    }

    /** The lecture notes' word for a mapping or a feedback, shown beside the file's name. */
    static String notesWord(Object e) {
        return e == Mapping.MANY_TO_MANY ? " (aligned)" : e == Mapping.SEQ2SEQ ? " (encoder–decoder)"
                : e == Feedback.FREE_RUNNING ? " (test time)" : e == Feedback.TEACHER_FORCING ? " (training)" : "";
    }

    static <E extends Enum<E> & JsonNamed> ComboBox<E> of(Class<E> type) {
        ComboBox<E> box = new ComboBox<>();
        box.getItems().addAll(type.getEnumConstants());
        box.setConverter(new StringConverter<>() {
            @Override
            public String toString(E e) {
                return e == null ? "" : e.jsonName() + notesWord(e);
            }

            @Override
            public E fromString(String s) {
                return JsonNamed.parse(type, s.replaceFirst(" \\(.*", "")).orElse(null);
            }
        });
        box.setMaxWidth(Double.MAX_VALUE);
        box.setButtonCell(new ListCell<>() {
            {
                widthProperty().addListener((o, was, is) -> show());
            }

            @Override
            protected void updateItem(E e, boolean empty) {
                super.updateItem(e, empty);
                show();
            }

            private void show() {
                E e = getItem();
                if (e == null || isEmpty()) {
                    setText(null);
                    return;
                }
                double room = getWidth() - snappedLeftInset() - snappedRightInset();
                setText(room <= 0 ? e.jsonName() + notesWord(e)
                        : FitText.first(getFont(), room, e.jsonName() + notesWord(e), e.jsonName()));
            }
        });
        return box;
    }
}
