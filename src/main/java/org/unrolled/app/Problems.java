package org.unrolled.app;

import org.unrolled.io.Text;

/**
 * What a failure means, in words for the window's banner and dialogs: never a class name such as
 * "java.lang.OutOfMemoryError", and every control character of a message quoted.
 */
final class Problems {
    private Problems() {
    }

    static String describe(Throwable e) {
        if (e instanceof OutOfMemoryError) {
            return "there is not enough memory for this (Java may use " + Runtime.getRuntime().maxMemory() / (1024 * 1024)
                    + " MB; a smaller scenario needs less)";
        }
        if (e instanceof StackOverflowError) {
            return "it is nested or recursive beyond what the program can follow";
        }
        String m = e.getMessage();
        return m == null || m.isBlank() ? "an unexpected problem (" + e.getClass().getSimpleName() + ")" : Text.quote(m, 500);
    }
}
