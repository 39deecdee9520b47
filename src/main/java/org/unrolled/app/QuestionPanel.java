package org.unrolled.app;

import javafx.beans.Observable;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.unrolled.document.Beat;
import org.unrolled.document.Questions;

/**
 * A lesson's question, large enough for the back of a hall: the prompt, the choices A–D with a tally
 * of hands for each (+1, or type the number), and after the reveal the right choice marked and the
 * line of numbers that decides it, the tally still beside each choice.
 */
final class QuestionPanel extends VBox {
    private final Lesson lesson;
    private final Label prompt = new Label();
    private final GridPane choices = new GridPane();
    private final Label explanation = new Label();
    private final Label hint = new Label();

    QuestionPanel(AppModel model, Lesson lesson) {
        this.lesson = lesson;
        setId("question-panel");
        getStyleClass().add("question-panel");
        setSpacing(10);
        prompt.setId("question-prompt");
        prompt.getStyleClass().add("question-prompt");
        prompt.setWrapText(true);
        prompt.setMinHeight(USE_PREF_SIZE);
        choices.setHgap(18);
        choices.setVgap(6);
        explanation.setId("question-explanation");
        explanation.getStyleClass().add("question-explanation");
        explanation.setWrapText(true);
        explanation.setMinHeight(USE_PREF_SIZE);
        hint.getStyleClass().add("question-hint");
        hint.setText("Keys 1–4 or A–D mark a guess · +1 counts a hand · Page Down reveals");
        getChildren().addAll(prompt, choices, hint, explanation);
        setMaxWidth(Double.MAX_VALUE);
        VBox.setVgrow(this, Priority.NEVER);
        Observable[] deps = {lesson.askingProperty(), lesson.revealedProperty(), lesson.guessProperty(),
                model.documentProperty(), lesson.captions().factsProperty()};
        for (Observable o : deps) {
            o.addListener(x -> rebuild());
        }
        for (int k = 0; k < 4; k++) {
            lesson.tallyProperty(k).addListener(x -> refreshTally());
        }
        visibleProperty().bind(lesson.askingProperty().isNotNull());
        managedProperty().bind(visibleProperty());
        rebuild();
    }

    private final TextField[] counts = new TextField[4];
    private final Label[] shares = new Label[4];

    private void rebuild() {
        choices.getChildren().clear();
        Beat b = lesson.askingProperty().get();
        Questions.Answer a = lesson.answer();
        if (b == null || a == null) {
            return;
        }
        boolean shown = lesson.revealedProperty().get();
        prompt.setText(b.question().prompt());
        for (int k = 0; k < a.choices().size(); k++) {
            int choice = k;
            Label text = new Label(Questions.Answer.letter(k) + "   " + a.choices().get(k));
            text.setId("question-choice-" + k);
            text.getStyleClass().add("question-choice");
            text.setMaxWidth(Double.MAX_VALUE);
            if (lesson.guessProperty().get() == k) {
                text.getStyleClass().add("question-guess");
            }
            if (shown && a.correct() == k) {
                text.setText("✓ " + text.getText());
                text.getStyleClass().add("question-right");
            } else if (shown && lesson.guessProperty().get() == k) {
                text.getStyleClass().add("question-wrong");
            }
            text.setMinWidth(USE_PREF_SIZE); // the choice is read in full, never cut to "…"
            text.setOnMouseClicked(e -> lesson.guess(choice));
            GridPane.setHgrow(text, Priority.ALWAYS);
            Button plus = new Button("+1");
            plus.setId("tally-plus-" + k);
            plus.setTooltip(new Tooltip("One more hand for " + Questions.Answer.letter(k)));
            plus.setOnAction(e -> lesson.countHand(choice));
            plus.setMinWidth(USE_PREF_SIZE);
            plus.setVisible(!shown); // the hands are counted before the reveal; after it their share stands there
            plus.setManaged(!shown);
            TextField count = new TextField(Integer.toString(lesson.tallyProperty(k).get()));
            count.setId("tally-" + k);
            count.getStyleClass().add("question-tally");
            count.setPrefColumnCount(3);
            count.setTextFormatter(new javafx.scene.control.TextFormatter<>(c ->
                    c.getControlNewText().matches("\\d{0,4}") ? c : null));
            count.textProperty().addListener((o, was, is) -> {
                int n = is.isEmpty() ? 0 : Integer.parseInt(is);
                if (lesson.tallyProperty(choice).get() != n) {
                    lesson.tallyProperty(choice).set(n);
                }
            });
            counts[k] = count;
            Label share = new Label();
            share.setId("tally-share-" + k);
            share.getStyleClass().add("question-hint");
            share.setMinWidth(USE_PREF_SIZE);
            shares[k] = share;
            choices.addRow(k, text, plus, count, share);
        }
        hint.setVisible(!shown);
        hint.setManaged(!shown);
        explanation.setText(shown ? (a.decided() ? "Answer " + Questions.Answer.letter(a.correct()) + ": " : "")
                + a.explanation() : "");
        explanation.setVisible(shown);
        explanation.setManaged(shown);
        refreshTally();
    }

    private void refreshTally() {
        Questions.Answer a = lesson.answer();
        if (a == null) {
            return;
        }
        int total = 0;
        for (int k = 0; k < a.choices().size(); k++) {
            total += lesson.tallyProperty(k).get();
        }
        for (int k = 0; k < a.choices().size() && counts[k] != null; k++) {
            int n = lesson.tallyProperty(k).get();
            if (!counts[k].getText().equals(Integer.toString(n)) && !(n == 0 && counts[k].getText().isEmpty())) {
                counts[k].setText(Integer.toString(n));
            }
            // after the reveal the room's answer stands beside the truth
            shares[k].setText(lesson.revealedProperty().get() && total > 0
                    ? Math.round(100.0 * n / total) + "% of hands" + (k == a.correct() ? " — right" : "") : "");
        }
    }
}
