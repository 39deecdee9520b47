package org.unrolled.view;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;
import javafx.application.Platform;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.unrolled.document.DocumentTrace;
import org.unrolled.export.HeadlessFx;
import org.unrolled.io.Samples;
import org.unrolled.view.draw.RecordingPen;

/** While a question is asked, the numbers of the steps not yet computed are not drawn, not even faded. */
class HideUncomputedTest {
    @BeforeAll
    static void startFx() throws Exception {
        HeadlessFx.start();
    }

    /** The texts drawn (the squares' numbers, the words) with their alphas. */
    private static List<RecordingPen.DrawnText> paint(DocumentTrace shown, boolean hide, double position)
            throws Exception {
        AtomicReference<List<RecordingPen.DrawnText>> texts = new AtomicReference<>();
        CountDownLatch done = new CountDownLatch(1);
        Platform.runLater(() -> {
            try {
                ViewSettings view = ViewSettings.defaults().withHideUncomputed(hide).withWords(shown.vocabulary());
                NetworkLayout layout = NetworkLayout.compute(shown.trace(), view, position, 1600, 900);
                RecordingPen pen = new RecordingPen(null);
                NetworkPainter.paint(pen, layout, position, view.palette(), null, view.highlight(), view.hideUncomputed(),
                        view.words());
                texts.set(pen.texts());
            } finally {
                done.countDown();
            }
        });
        done.await();
        return texts.get();
    }

    private static boolean drawn(List<RecordingPen.DrawnText> texts, String text) {
        return texts.stream().anyMatch(d -> d.text().startsWith(text) && d.alpha() > 0);
    }

    @Test
    void theTaggersThirdStepIsBlankUntilItIsComputed() throws Exception {
        DocumentTrace tagging = DocumentTrace.run(Samples.load("tagging.json")); // its words label the picture
        // at position 2 steps 1 and 2 are computed; step 3 is otherwise drawn faded
        // y_3 = (−3.4, −2.5, 8.1): VERB, the target, drawn faded (colours without numbers) with "VERB ✓" under it
        List<RecordingPen.DrawnText> shown = paint(tagging, false, 2.0);
        assertTrue(drawn(shown, "VERB ✓"), "faded, but there: " + shown);
        List<RecordingPen.DrawnText> asked = paint(tagging, true, 2.0);
        assertFalse(drawn(asked, "VERB"), "neither the target word nor the output's word (the answer)");
        assertFalse(drawn(asked, "8.1"), "nor y_3's numbers");
        assertTrue(drawn(shown, "VERB") && !drawn(asked, "ℓ = 3.5"), "nor step 3's loss");
        assertTrue(drawn(asked, "fish"), "the input the question speaks of stays");
        assertTrue(drawn(asked, "NOUN") && drawn(asked, "7.7"), "and what is computed stays");
    }

    @Test
    void aDecoderInputFedBackFromAStepNotYetComputedIsBlankToo() throws Exception {
        DocumentTrace translation = DocumentTrace.run(Samples.load("translation.json"));
        // at position 4 the encoder has read its four words; the decoder's first output ("merci") is asked. With
        // teacher forcing x_2 is target_1, "merci", and x_3 is "beaucoup": drawn faded, they would answer it
        List<RecordingPen.DrawnText> shown = paint(translation, false, 4.0);
        assertTrue(drawn(shown, "merci") && drawn(shown, "beaucoup"), "faded, but there: " + shown);
        List<RecordingPen.DrawnText> asked = paint(translation, true, 4.0);
        assertFalse(drawn(asked, "merci") || drawn(asked, "beaucoup"), "no word the decoder will read: " + asked);
        assertTrue(drawn(asked, "thank") && drawn(asked, "much"), "the encoder's words, read, stay");
    }
}
