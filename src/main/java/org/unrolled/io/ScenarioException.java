package org.unrolled.io;

/**
 * A scenario file that cannot be used, said plainly: which file, where in it (a JSON path such as
 * {@code $.weights.weight_hh[2]}, or a line and column for a syntax error) and what was expected.
 */
public final class ScenarioException extends Exception {
    private static final long serialVersionUID = 1L;

    private final String source;
    private final String location;
    private final String problem;

    public ScenarioException(String source, String location, String problem) {
        super(format(source, location, problem));
        this.source = Text.quote(source, 1000);
        this.location = location == null ? null : Text.quote(location, 300);
        this.problem = Text.quote(problem, 2000);
    }

    private static String format(String source, String location, String problem) {
        // every part may come from the file or its name: control characters are quoted, lengths bounded
        StringBuilder b = new StringBuilder(Text.quote(source, 1000));
        if (location != null && !location.isEmpty()) {
            b.append(": ").append(Text.quote(location, 300));
        }
        return b.append(": ").append(Text.quote(problem, 2000)).toString();
    }

    /** The file's name as the user gave it. */
    public String source() {
        return source;
    }

    /** The JSON path or line/column of the problem; empty when it concerns the whole file. */
    public String location() {
        return location == null ? "" : location;
    }

    /** What is wrong and what was expected. */
    public String problem() {
        return problem;
    }
}
