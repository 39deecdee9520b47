package org.unrolled.engine;

/** What a decoding step after the first receives as input. */
public enum Feedback implements JsonNamed {
    TEACHER_FORCING("teacher-forcing"),
    FREE_RUNNING("free-running"),
    ZEROS("zeros");

    private final String jsonName;

    Feedback(String jsonName) {
        this.jsonName = jsonName;
    }

    @Override
    public String jsonName() {
        return jsonName;
    }
}
