package org.unrolled.export;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.unrolled.document.DocumentTrace;
import org.unrolled.io.Samples;

/** The race lesson's handout asks who wins the race before telling, and answers with the deciding numbers. */
class RaceHandoutTest {
    @Test
    void theRaceQuestionIsAskedWithItsNetworksAndAnsweredAtTheEnd() {
        String md = Handout.markdown(DocumentTrace.run(Samples.load("adding-lstm.json")));
        int question = md.indexOf("**Question 1.** The race at T = 100");
        int answers = md.indexOf("## Answers");
        assertTrue(question > 0 && answers > question, md);
        assertTrue(md.contains("- A. RNN tanh (adding-rnn.json)\n- B. LSTM (this network)\n- C. GRU (adding-gru.json)\n"), md);
        // the held-out RMSEs the race recorded for the three shipped networks (README: 0.3996, 0.0495, 0.0430)
        assertTrue(md.contains("1. **C**, GRU (adding-gru.json). On 1,000 held-out sequences of the race at T = 100, seed 1"
                + " (never trained on): RNN tanh (adding-rnn.json) RMSE 0.3996, LSTM (this network) RMSE 0.0495,"
                + " GRU (adding-gru.json) RMSE 0.0430: GRU (adding-gru.json) has the lowest RMSE."), md);
        int caption = md.indexOf("The LSTM answers y = 1.388 for 1.273.");
        assertTrue(caption > answers, "the caption of the race beat, which gives its own RMSE, is with the answers");
    }
}
