package org.unrolled.engine;

import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;

/** An enum constant with the spelling used for it in scenario and trace files. */
public interface JsonNamed {

    String jsonName();

    /** The constant of {@code type} spelt {@code name} in a file, if any. */
    static <E extends Enum<E> & JsonNamed> Optional<E> parse(Class<E> type, String name) {
        return Arrays.stream(type.getEnumConstants()).filter(e -> e.jsonName().equals(name)).findFirst();
    }

    /** The accepted spellings, quoted and comma-separated, for error messages. */
    static <E extends Enum<E> & JsonNamed> String choices(Class<E> type) {
        return Arrays.stream(type.getEnumConstants())
                .map(e -> '"' + e.jsonName() + '"')
                .collect(Collectors.joining(", "));
    }
}
