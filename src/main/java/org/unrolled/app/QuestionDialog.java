package org.unrolled.app;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javafx.geometry.Insets;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;
import javafx.stage.Window;
import org.unrolled.document.Check;
import org.unrolled.document.DocumentTrace;
import org.unrolled.document.Question;
import org.unrolled.document.Questions;

/**
 * Edit ▸ Add question here: a question for the current lesson beat. The lecturer writes the prompt and
 * says what decides the answer, a computed quantity (one of the generated kinds) or their own choices
 * each with a number's range; the answer on the numbers on screen is shown as it is typed, and the
 * question can be added only when exactly one choice is right.
 */
final class QuestionDialog {
    private QuestionDialog() {
    }

    /** The kinds as the dialog offers them, and what the "quantity" fields mean for each. */
    private static final String[][] KINDS = {
        {"value", "Where a number lies (sign / rough size)", "number, e.g. h[3][0]", "cuts, e.g. -0.5, 0, 0.5"},
        {"ratio", "How one number compares with another (decades)", "first, e.g. norm(dL_dh[1])", "second, e.g. norm(dL_dh[T])"},
        {"gate", "Whether a gate is near 0, in between or near 1", "gate letter, e.g. f", "step, e.g. 5"},
        {"output", "Which class an output picks", "output, e.g. y[3]", ""},
        {"rho", "What a number does when ρ is dragged", "number, e.g. norm(dL_dh[1])", "new ρ, e.g. 1.5"},
        {"choices", "My own choices, each with a number's range", "", ""},
    };

    /** Asks for a question on the beat; empty if cancelled. */
    static Optional<Question> ask(Window owner, DocumentTrace trace, String where) {
        Dialog<ButtonType> dialog = new Dialog<>();
        dialog.initOwner(owner);
        dialog.setTitle("Add a question");
        dialog.setHeaderText("A question at " + where + ": Page Down asks it one step before, then reveals");
        TextField prompt = new TextField();
        prompt.setId("question-prompt-input");
        prompt.setPromptText("What to ask, e.g. \"How does ‖∂L/∂h_1‖ compare with ‖∂L/∂h_30‖?\"");
        ChoiceBox<String> kind = new ChoiceBox<>();
        kind.setId("question-kind");
        for (String[] k : KINDS) {
            kind.getItems().add(k[1]);
        }
        kind.getSelectionModel().select(0);
        TextField first = new TextField();
        first.setId("question-first");
        TextField second = new TextField();
        second.setId("question-second");
        Label firstLabel = new Label();
        Label secondLabel = new Label();
        GridPane own = new GridPane();
        own.setHgap(8);
        own.setVgap(6);
        own.addRow(0, new Label("Choice"), new Label("number"), new Label("above"), new Label("below"));
        List<TextField[]> rows = new ArrayList<>();
        for (int k = 0; k < Question.MAX_CHOICES; k++) {
            TextField[] row = {new TextField(), new TextField(), new TextField(), new TextField()};
            for (int j = 0; j < 4; j++) {
                row[j].setId("choice-" + k + "-" + j);
                row[j].setPrefColumnCount(j == 0 ? 16 : j == 1 ? 12 : 5);
            }
            rows.add(row);
            own.addRow(k + 1, row);
        }
        Label preview = new Label();
        preview.setId("question-preview");
        preview.setWrapText(true);
        preview.setMinHeight(60);
        GridPane fields = new GridPane();
        fields.setHgap(8);
        fields.setVgap(6);
        fields.addRow(0, firstLabel, first);
        fields.addRow(1, secondLabel, second);
        VBox content = new VBox(10, new Label("Question"), prompt, new Label("What decides the answer"), kind, fields, own,
                preview);
        content.setPadding(new Insets(12));
        content.setPrefWidth(680);
        dialog.getDialogPane().setContent(content);
        ButtonType add = new ButtonType("Add question", ButtonBar.ButtonData.OK_DONE);
        dialog.getDialogPane().getButtonTypes().addAll(add, ButtonType.CANCEL);
        Question[] built = new Question[1];
        long[] asked = {0}; // the newest preview asked of the worker: older answers are dropped
        Runnable refresh = () -> {
            String[] k = KINDS[kind.getSelectionModel().getSelectedIndex()];
            boolean mine = k[0].equals("choices");
            firstLabel.setText(k[2]);
            secondLabel.setText(k[3]);
            fields.setVisible(!mine);
            fields.setManaged(!mine);
            second.setVisible(!k[3].isEmpty());
            secondLabel.setVisible(!k[3].isEmpty());
            own.setVisible(mine);
            own.setManaged(mine);
            built[0] = null;
            try {
                Question q = build(k[0], TypedText.readable(prompt.getText(), true), first.getText().strip(),
                        second.getText().strip(), rows);
                Questions.validate(q, trace.trace().scenario());
                long ask = ++asked[0];
                if (prompt.getText().isBlank()) {
                    preview.setText("Write the question.");
                } else if (Questions.runsEngine(q)) {
                    // ρ, a race or an ablation runs the engine: on the lessons' worker, never while typing here
                    preview.setText(LessonAnswers.WORKING);
                    Background.lessonWorker().execute(() -> {
                        Questions.Answer a = answerOrNull(q, trace);
                        javafx.application.Platform.runLater(() -> {
                            if (ask == asked[0]) {
                                built[0] = showPreview(preview, q, a);
                                dialog.getDialogPane().lookupButton(add).setDisable(built[0] == null);
                            }
                        });
                    });
                } else {
                    built[0] = showPreview(preview, q, Questions.answer(q, trace));
                }
            } catch (IllegalArgumentException e) {
                ++asked[0];
                preview.setText("Not yet: " + e.getMessage());
            }
            dialog.getDialogPane().lookupButton(add).setDisable(built[0] == null);
        };
        prompt.textProperty().addListener(o -> refresh.run());
        kind.getSelectionModel().selectedIndexProperty().addListener(o -> refresh.run());
        first.textProperty().addListener(o -> refresh.run());
        second.textProperty().addListener(o -> refresh.run());
        rows.forEach(r -> {
            for (TextField f : r) {
                f.textProperty().addListener(o -> refresh.run());
            }
        });
        refresh.run();
        javafx.application.Platform.runLater(prompt::requestFocus);
        Optional<ButtonType> answer = dialog.showAndWait();
        if (answer.isEmpty() || answer.get() != add || built[0] == null) {
            return Optional.empty();
        }
        return Optional.of(built[0]);
    }

    /** The question the fields describe. @throws IllegalArgumentException saying what is missing */
    static Question build(String kind, String prompt, String first, String second, List<TextField[]> rows) {
        return switch (kind) {
            case "value" -> Question.value(prompt, required(first, "the number"),
                    second.isEmpty() ? List.of(-0.5, 0.0, 0.5) : numbers(second));
            case "ratio" -> Question.ratio(prompt, required(first, "the first number"), required(second, "the second number"));
            case "gate" -> Question.gate(prompt, required(first, "the gate"), (int) number(second, "the step"));
            case "output" -> Question.output(prompt, required(first, "the output"));
            case "rho" -> Question.rho(prompt, number(second, "the new ρ"), required(first, "the number"));
            default -> {
                List<Question.Choice> choices = new ArrayList<>();
                for (TextField[] r : rows) {
                    if (r[0].getText().isBlank()) {
                        continue;
                    }
                    Double above = r[2].getText().isBlank() ? null : number(r[2].getText(), "above");
                    Double below = r[3].getText().isBlank() ? null : number(r[3].getText(), "below");
                    if (above == null && below == null) {
                        throw new IllegalArgumentException("choice \"" + r[0].getText().strip()
                                + "\": give the number's range (above and/or below)");
                    }
                    choices.add(new Question.Choice(TypedText.readable(r[0].getText(), false), new Check.Value("",
                            required(r[1].getText().strip(), "the number of choice \"" + r[0].getText().strip() + "\""),
                            new Check.Bound(null, null, above, below))));
                }
                yield Question.written(prompt, choices);
            }
        };
    }

    private static String required(String text, String what) {
        if (text.isEmpty()) {
            throw new IllegalArgumentException("give " + what);
        }
        return text;
    }

    private static double number(String text, String what) {
        try {
            return Double.parseDouble(required(text.strip().replace('−', '-'), what));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(what + ": expected a number, found \"" + text.strip() + "\"");
        }
    }

    private static List<Double> numbers(String text) {
        List<Double> out = new ArrayList<>();
        for (String part : text.split(",")) {
            out.add(number(part, "cuts"));
        }
        return out;
    }

    /** The answer worked out on the worker, or null when the question cannot be answered on these numbers. */
    private static Questions.Answer answerOrNull(Question q, org.unrolled.document.DocumentTrace trace) {
        try {
            return Questions.answer(q, trace, org.unrolled.io.SampleTraces.BUILT_IN);
        } catch (RuntimeException e) {
            return null;
        }
    }

    /** Says what the question's answer is on these numbers; returns the question if it can be added, else null. */
    private static Question showPreview(Label preview, Question q, Questions.Answer a) {
        if (a == null) {
            preview.setText("Not yet: these numbers cannot answer it.");
            return null;
        }
        if (!a.decided()) {
            preview.setText("Not yet: " + a.explanation());
            return null;
        }
        preview.setText("On these numbers the answer is " + Questions.Answer.letter(a.correct()) + ", "
                + a.choices().get(a.correct()) + ": " + a.explanation());
        return q;
    }
}
