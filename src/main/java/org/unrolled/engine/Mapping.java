package org.unrolled.engine;

/** How input and output sequences correspond (the lecture's sequence mappings). */
public enum Mapping implements JsonNamed {
    ONE_TO_ONE("one-to-one"),
    ONE_TO_MANY("one-to-many"),
    MANY_TO_ONE("many-to-one"),
    MANY_TO_MANY("many-to-many"),
    SEQ2SEQ("seq2seq");

    private final String jsonName;

    Mapping(String jsonName) {
        this.jsonName = jsonName;
    }

    @Override
    public String jsonName() {
        return jsonName;
    }

    /** Whether later inputs come from {@link Feedback} (one-to-many and the seq2seq decoder). */
    public boolean usesFeedback() {
        return this == ONE_TO_MANY || this == SEQ2SEQ;
    }

    /** Whether a separate encoder cell reads the inputs first. */
    public boolean hasEncoder() {
        return this == SEQ2SEQ;
    }
}
