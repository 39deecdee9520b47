package org.unrolled.app;

import javafx.geometry.Insets;
import javafx.scene.control.Alert;
import javafx.scene.control.Label;
import javafx.stage.Stage;

/**
 * What the user does with the lesson: walking it with the clicker (Page Down / Page Up, which also
 * walk a quiz), adding and removing beats and questions, and Quiz me with its score.
 */
final class LessonActions {
    private final Stage stage;
    private final AppModel model;
    private final Lesson lesson;
    private final Quiz quiz;

    LessonActions(Stage stage, AppModel model, Lesson lesson) {
        this.stage = stage;
        this.model = model;
        this.lesson = lesson;
        this.quiz = new Quiz(lesson);
        model.openedProperty().addListener(o -> quiz.stop()); // a quiz is about the file it started on
    }

    /** Page Down: the quiz's next question, or the lesson's next beat; without either, a step. */
    void next() {
        if (quiz.runningProperty().get()) {
            if (!quiz.next()) {
                showQuizScore();
            }
            return;
        }
        if (!lesson.next()) {
            model.playback().stepForward(); // no lesson, or past its last beat: a clicker goes on stepping
        }
    }

    /** Page Up: the lesson's previous beat, or a step back. */
    void previous() {
        if (!lesson.previous()) {
            model.playback().stepBack();
        }
    }

    /** Removes the lesson beat on screen: an ordinary, undoable edit. */
    void removeBeat() {
        int k = lesson.indexProperty().get();
        if (lesson.activeBeatProperty().get() != null && k >= 0) {
            model.editDocument("beat-" + System.nanoTime(), s -> {
                lesson.captions().lessonEdited(s.scenario());
                return s.withoutBeat(k);
            });
        }
    }

    /**
     * Asks for a beat at the current place on the timeline and inserts it after the beat last walked to
     * (or at the end): an ordinary, undoable edit, saved with the scenario.
     */
    void addBeatHere() {
        Document d = model.document();
        if (d == null) {
            return;
        }
        org.unrolled.view.StepSchedule t = new org.unrolled.view.StepSchedule(d.trace());
        double p = model.playback().positionProperty().get();
        boolean backward = t.inBackward(p);
        int step = backward ? t.backwardCurrent(p) : Math.max(0, org.unrolled.view.StepSchedule.current(p));
        String where = step == 0 ? "the start (h₀)" : (backward ? "the backward pass, step " : "step ") + step;
        BeatDialog.ask(stage, d.scenario(), step, backward, where).ifPresent(beat -> {
            int at = lesson.indexProperty().get() < 0 ? d.content().lesson().size()
                    : Math.min(lesson.indexProperty().get() + 1, d.content().lesson().size());
            model.editDocument("beat-" + System.nanoTime(), s -> {
                lesson.captions().lessonEdited(s.scenario());
                return s.withBeat(at, beat);
            });
            if (lesson.beats().size() > at && lesson.beats().get(at).equals(beat)) {
                lesson.goTo(at); // (a large scenario recomputes in the background: then it is not there yet)
            }
        });
    }

    /**
     * Asks for a question on the lesson beat on screen and sets it there (replacing one it had): an
     * ordinary, undoable edit, saved with the scenario.
     */
    void addQuestionHere() {
        Document d = model.document();
        org.unrolled.document.Beat beat = lesson.activeBeatProperty().get();
        int k = lesson.indexProperty().get();
        if (d == null || beat == null || k < 0) {
            return;
        }
        String where = "beat " + (k + 1) + " (" + (beat.step() == 0 ? "the start" : (beat.backward()
                ? "the backward pass, step " : "step ") + beat.step()) + ")";
        QuestionDialog.ask(stage, d.shown(), where).ifPresent(q -> model.editDocument("question-" + System.nanoTime(),
                s -> {
            lesson.captions().lessonEdited(s.scenario());
            return s.withoutBeat(k).withBeat(k, s.lesson().get(k).withQuestion(q));
        }));
    }

    Quiz quiz() {
        return quiz;
    }

    /** View ▸ Quiz me: walks the open sample's questions as a self-test. */
    void startQuiz() {
        if (!quiz.start()) {
            Alert none = new Alert(Alert.AlertType.INFORMATION, "This scenario asks no questions: its lesson has none."
                    + " Edit ▸ Add question here writes one on a beat.");
            none.initOwner(stage);
            none.show();
        }
    }

    /** The score at the end of a quiz, with a link back to each missed question. */
    void showQuizScore() {
        javafx.scene.layout.VBox box = new javafx.scene.layout.VBox(8);
        box.setId("quiz-score");
        box.setPadding(new Insets(12));
        Label score = new Label(quiz.score() + " of " + quiz.results().size() + " right");
        score.setId("quiz-score-text");
        score.getStyleClass().add("details-title");
        box.getChildren().add(score);
        javafx.scene.control.Dialog<Void> dialog = new javafx.scene.control.Dialog<>();
        dialog.initOwner(stage);
        dialog.setTitle("Quiz me: your score");
        for (Quiz.Result r : quiz.results()) {
            if (r.right()) {
                continue;
            }
            org.unrolled.document.Beat b = r.question();
            javafx.scene.control.Hyperlink link = new javafx.scene.control.Hyperlink("Beat " + (r.beat() + 1) + ": "
                    + b.question().prompt() + " (you chose " + (r.picked() < 0 ? "nothing"
                    : org.unrolled.document.Questions.Answer.letter(r.picked())) + "; the answer is "
                    + (r.correct() < 0 ? "undecided" : org.unrolled.document.Questions.Answer.letter(r.correct())) + ")");
            link.setId("quiz-missed-" + r.beat());
            link.setWrapText(true);
            link.setOnAction(e -> {
                dialog.close();
                quiz.review(r);
            });
            box.getChildren().add(link);
        }
        if (quiz.score() == quiz.results().size()) {
            box.getChildren().add(new Label("Every one right."));
        }
        box.setPrefWidth(640);
        dialog.getDialogPane().setContent(box);
        dialog.getDialogPane().getButtonTypes().add(javafx.scene.control.ButtonType.CLOSE);
        dialog.show();
    }
}
