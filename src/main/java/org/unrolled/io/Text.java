package org.unrolled.io;

/**
 * Makes a string from outside (a file's name, a field's value, an option the user typed) safe to put
 * in a message, a manifest or a window: control characters (ESC, BEL, NUL, DEL, C1), line and paragraph
 * separators and bidirectional overrides are written as {@code \u001b}, so that a hostile file cannot
 * move the cursor, retitle the terminal or reorder what is shown; and the length is bounded, so that a
 * 19-million-character value makes a short message.
 */
public final class Text {
    /** The longest quoted value in a message, in characters. */
    public static final int MESSAGE_VALUE_CHARS = 200;

    private Text() {
    }

    /** {@code s} with unsafe characters escaped and at most about {@code max} characters (null stays "null"). */
    public static String quote(String s, int max) {
        if (s == null) {
            return "null";
        }
        boolean cut = s.length() > max;
        String head = cut ? s.substring(0, Math.max(0, max - 3)) : s;
        StringBuilder b = null;
        for (int i = 0; i < head.length(); i++) {
            char c = head.charAt(i);
            if (unsafe(c)) {
                if (b == null) {
                    b = new StringBuilder(head.length() + 16).append(head, 0, i);
                }
                b.append(String.format(java.util.Locale.ROOT, "\\u%04x", (int) c));
            } else if (b != null) {
                b.append(c);
            }
        }
        String out = b == null ? head : b.toString();
        return cut ? out + "... (" + s.length() + " characters)" : out;
    }

    /** {@code s} escaped as {@link #quote} does, but not shortened: for messages whose parts are already bounded. */
    public static String escape(String s) {
        return quote(s, Integer.MAX_VALUE);
    }

    /** A path for a message: escaped and bounded. */
    public static String path(java.nio.file.Path p) {
        return quote(String.valueOf(p), 1000);
    }

    /** Whether {@code s} holds a character that {@link #quote} would escape. */
    public static boolean hasUnsafe(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (unsafe(s.charAt(i))) {
                return true;
            }
        }
        return false;
    }

    private static boolean unsafe(char c) {
        return c < 0x20 || (c >= 0x7f && c <= 0x9f) || c == '\u2028' || c == '\u2029'
                || (c >= '\u202a' && c <= '\u202e') || (c >= '\u2066' && c <= '\u2069') || c == '\u200e'
                || c == '\u200f' || c == '\u061c';
    }
}
