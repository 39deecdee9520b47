package org.unrolled.app;

/**
 * Text typed or pasted into a dialog, less what the scenario reader refuses in a document's texts: pasted text
 * can carry control characters (a form feed from a PDF, U+0085) or a direction override, and a saved file (or
 * the autosave crash recovery reads back) holding one would not open again.
 */
final class TypedText {
    private TypedText() {
    }

    /** {@code typed} without such characters, stripped; line breaks and tabs kept where {@code lines}. */
    static String readable(String typed, boolean lines) {
        String kept = typed.replaceAll("[[\\p{Cntrl}\\x{80}-\\x{9F}]&&[^\\n\\t\\r]]|[\\u202d\\u202e]", "");
        if (!lines) {
            kept = kept.replaceAll("[\\n\\t\\r]", " ");
        }
        return kept.strip();
    }
}
