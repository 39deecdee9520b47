package org.unrolled.app;

import javafx.beans.binding.Bindings;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.unrolled.document.Beat;
import org.unrolled.view.Captions;

/**
 * Above the canvas: the active lesson beat's caption (bold) over the captions generated for the
 * position, and, when the scenario has a lesson, the beat buttons and "Beat 2 of 5".
 */
final class CaptionBar extends HBox {

    CaptionBar(AppModel model, Lesson lesson) {
        getStyleClass().add("caption-bar");
        setId("caption-bar");
        setSpacing(16);
        setAlignment(Pos.CENTER_LEFT);

        Label beatText = new Label();
        beatText.setId("beat-caption");
        beatText.getStyleClass().add("beat-text");
        beatText.setWrapText(true);
        beatText.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE); // wrap, never cut to "…"
        beatText.textProperty().bind(Bindings.createStringBinding(() -> {
            Beat b = lesson.activeBeatProperty().get();
            if (lesson.askingProperty().get() != null && !lesson.revealedProperty().get()) {
                return ""; // the question panel asks; the beat's caption would give the answer away
            }
            if (b != null) {
                // the lesson speaks of the sample as written; after a change its checks say whether it still holds
                return lesson.captions().captionOf(b);
            }
            Document d = model.document();
            // the title slide: before the first step, what the sample is about
            return d != null && atStart(model) ? d.content().title() : "";
        }, lesson.activeBeatProperty(), lesson.indexProperty(), model.documentProperty(),
                model.playback().positionProperty(), lesson.askingProperty(), lesson.revealedProperty(),
                lesson.captions().factsProperty()));
        shownWhenNotEmpty(beatText);

        Label captions = new Label();
        captions.setId("captions");
        captions.getStyleClass().add("caption-text");
        captions.setWrapText(true);
        captions.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        captions.textProperty().bind(Bindings.createStringBinding(() -> {
            Document d = model.document();
            if (d == null || lesson.askingProperty().get() != null) {
                return ""; // a question on screen: nothing else to read
            }
            java.util.List<String> lines = new java.util.ArrayList<>();
            if (atStart(model) && lesson.activeBeatProperty().get() == null) {
                lines.add(firstSentence(d.content().description()));
                int n = lesson.beats().size();
                if (n > 0 && lesson.indexProperty().get() < 0) {
                    lines.add("This sample has a lesson of " + n + (n == 1 ? " beat" : " beats") + ": press Page Down to walk through it.");
                }
            }
            // a plain line of what the step does where nothing else would be said (no beat, nothing notable)
            lines.addAll(Captions.shown(d.trace(), model.playback().positionProperty().get(),
                    lesson.activeBeatProperty().get() != null));
            lines.removeIf(String::isEmpty);
            return String.join("\n", lines);
        }, model.documentProperty(), model.playback().positionProperty(), lesson.activeBeatProperty(),
                lesson.indexProperty(), lesson.askingProperty()));
        shownWhenNotEmpty(captions);

        QuestionPanel question = new QuestionPanel(model, lesson);
        VBox texts = new VBox(4, question, beatText, captions);
        CaptionFit fit = new CaptionFit(texts, texts.getSpacing(), beatText, captions, presenting);
        texts.getChildren().add(fit.probe());
        texts.setMaxWidth(Double.MAX_VALUE);
        HBox.setHgrow(texts, Priority.ALWAYS);

        Button previous = new Button("◀");
        previous.setId("previous-beat");
        previous.setTooltip(new Tooltip("Previous beat of the lesson (Page Up)"));
        previous.setOnAction(e -> lesson.previous());
        Button next = new Button("▶");
        next.setId("next-beat");
        next.setTooltip(new Tooltip("Next beat of the lesson (Page Down)"));
        next.setOnAction(e -> lesson.next());
        Label where = new Label();
        where.setId("beat-number");
        where.getStyleClass().add("caption-text");
        where.textProperty().bind(Bindings.createStringBinding(() -> {
            int n = lesson.beats().size();
            int k = lesson.indexProperty().get();
            // k ≥ n for a moment when an edit shortens the lesson: this runs before the lesson's index follows
            if (k < 0 || k >= n) {
                return n + (n == 1 ? " beat" : " beats");
            }
            if (lesson.askingProperty().get() != null && !lesson.revealedProperty().get()) {
                return "Question, beat " + (k + 1) + " of " + n; // asked a step before its beat, on purpose
            }
            if (lesson.activeBeatProperty().get() != null) {
                return "Beat " + (k + 1) + " of " + n;
            }
            // scrubbed off the beat last chosen (where Page Down and Page Up go on from): say on which side of it
            boolean after = model.playback().positionProperty().get() > lesson.positionOf(lesson.beats().get(k));
            return (after ? "After beat " : "Before beat ") + (k + 1) + " of " + n;
        }, lesson.indexProperty(), lesson.activeBeatProperty(), lesson.askingProperty(), lesson.revealedProperty(),
                model.documentProperty(), model.playback().positionProperty()));
        previous.disableProperty().bind(lesson.indexProperty().lessThanOrEqualTo(0));
        next.disableProperty().bind(Bindings.createBooleanBinding(
                () -> lesson.indexProperty().get() + 1 >= lesson.beats().size(),
                lesson.indexProperty(), model.documentProperty()));
        HBox nav = new HBox(8, previous, where, next);
        nav.setAlignment(Pos.CENTER);
        nav.setMinWidth(HBox.USE_PREF_SIZE);
        nav.visibleProperty().bind(Bindings.createBooleanBinding(() -> !lesson.beats().isEmpty(),
                model.documentProperty()));
        nav.managedProperty().bind(nav.visibleProperty());

        getChildren().addAll(texts, nav);
        // always there, at one height: a caption appearing or growing must not push the picture about
        // while the lecturer scrubs (a longer text is made smaller to fit, down to the smallest legible
        // size: CaptionFit; only past that is it cut with "…", and the side panel shows it whole)
        setMinHeight(USE_PREF_SIZE);
        setMaxHeight(USE_PREF_SIZE);
        // (a question asked grows it: the picture stands still while the room answers)
        prefHeightProperty().bind(Bindings.createDoubleBinding(() -> {
            if (question.isVisible()) {
                return USE_COMPUTED_SIZE;
            }
            // from the stylesheet's size, not the labels' (which shrink to fit): the bar keeps its height
            double line = fit.nominal() * 1.35; // the beat's bold lines and the captions' alike
            // a short window (a 1280×720 projector) keeps room for the picture: three lines, else five
            return Math.ceil(line * (compact.get() ? 3 : 5) + getInsets().getTop() + getInsets().getBottom() + 8);
        }, fit.nominalFont(), insetsProperty(), question.visibleProperty(), compact));
        for (Label l : new Label[] {beatText, captions}) {
            l.setMinHeight(0);
            l.setTextOverrun(javafx.scene.control.OverrunStyle.ELLIPSIS);
        }
        beatText.setMaxHeight(Region.USE_PREF_SIZE);
        // the beat's first line whole: in a short bar the captions under it give way, not the beat
        beatText.minHeightProperty().bind(Bindings.createDoubleBinding(
                () -> Math.ceil(beatText.getFont().getSize() * 1.35), beatText.fontProperty()));
        VBox.setVgrow(captions, Priority.ALWAYS);
        captions.setMaxHeight(Double.MAX_VALUE);
        captions.setAlignment(Pos.TOP_LEFT);
    }

    /** Whether the window is presenting: the captions then shrink to fit down to 14 px, not 11. */
    javafx.beans.property.BooleanProperty presentingProperty() {
        return presenting;
    }

    private final javafx.beans.property.BooleanProperty presenting = new javafx.beans.property.SimpleBooleanProperty(this,
            "presenting", false);

    /** Whether the window is short: the bar then holds fewer lines (its height still never follows its text). */
    javafx.beans.property.BooleanProperty compactProperty() {
        return compact;
    }

    private final javafx.beans.property.BooleanProperty compact = new javafx.beans.property.SimpleBooleanProperty(this,
            "compact", false);

    private static boolean atStart(AppModel model) {
        return model.playback().positionProperty().get() <= 0;
    }

    /** The description's first sentence (up to the first ". " or the end). */
    static String firstSentence(String description) {
        int end = description.indexOf(". ");
        return end < 0 ? description.strip() : description.substring(0, end + 1).strip();
    }

    private static void shownWhenNotEmpty(Label label) {
        label.visibleProperty().bind(label.textProperty().isNotEmpty());
        label.managedProperty().bind(label.visibleProperty());
    }
}
