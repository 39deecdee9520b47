package org.unrolled.cli;

import java.io.PrintWriter;
import org.unrolled.io.Text;

/**
 * How a command says what went wrong: one line, "unrolled COMMAND: message", with every control
 * character quoted (a file's name or value may hold ESC or BEL) and the length bounded.
 */
final class Messages {
    /** Longest message line, in characters. */
    static final int MAX_CHARS = 4000;

    private Messages() {
    }

    static void error(PrintWriter err, String command, String message) {
        err.println("unrolled " + command + ": " + Text.quote(message, MAX_CHARS));
        err.flush();
    }
}
