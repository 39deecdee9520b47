package org.unrolled.io;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.unrolled.document.TrainingRecord;
import org.unrolled.engine.train.History;

/** The optional {@code training} field (docs/scenario-fields.md): read strictly, written back. */
final class TrainingField {
    static final String NAME = "training";
    private static final String[] FIELDS = {"command", "score", "heldOut", "shown", "history"};
    private static final int MAX_POINTS = 100_000;

    private TrainingField() {
    }

    static TrainingRecord read(JsonFields json, JsonNode node) throws ScenarioException {
        String p = "$." + NAME;
        json.requireObject(node, p, "an object {\"command\": ..., \"score\": ..., \"heldOut\": ..., \"shown\": ..., "
                + "\"history\": [[sequences, score, seconds], ...]}");
        json.checkKnownFields(node, p, FIELDS);
        String command = json.requiredString(node, "command", p);
        String score = json.requiredString(node, "score", p);
        if (!TrainingRecord.SCORES.contains(score)) {
            throw json.error(p + ".score", "expected \"rmse\" or \"accuracy\", found \"" + score + "\"");
        }
        int heldOut = json.requiredInt(node, "heldOut", p, 1, 100_000);
        int shown = json.requiredInt(node, "shown", p, 0, heldOut - 1);
        JsonNode history = json.required(node, "history", p);
        json.requireArray(history, p + ".history", "an array of [sequences, score, seconds]");
        json.checkLength(history.size(), MAX_POINTS, p + ".history", "points");
        List<History.Point> points = new ArrayList<>(history.size());
        long lastSequences = -1;
        for (int k = 0; k < history.size(); k++) {
            String at = p + ".history[" + k + "]";
            double[] v = json.vector(history.get(k), at, 3, "sequences, score, seconds");
            if (v[0] < 0 || v[0] != Math.rint(v[0]) || v[0] <= lastSequences) {
                throw json.error(at + "[0]", "expected a whole number of sequences above the previous point's, found "
                        + v[0]);
            }
            if (v[2] < 0) {
                throw json.error(at + "[2]", "expected seconds ≥ 0, found " + v[2]);
            }
            lastSequences = (long) v[0];
            points.add(new History.Point(lastSequences, v[1], v[2]));
        }
        return new TrainingRecord(command, score, heldOut, shown, points);
    }

    static void write(TrainingRecord t, JsonGenerator g) throws IOException {
        g.writeObjectFieldStart(NAME);
        g.writeStringField("command", t.command());
        g.writeStringField("score", t.score());
        g.writeNumberField("heldOut", t.heldOut());
        g.writeNumberField("shown", t.shown());
        g.writeArrayFieldStart("history");
        for (History.Point pt : t.history()) {
            g.writeStartArray();
            g.writeNumber(pt.sequences());
            g.writeNumber(pt.score());
            g.writeNumber(pt.seconds());
            g.writeEndArray();
        }
        g.writeEndArray();
        g.writeEndObject();
    }
}
