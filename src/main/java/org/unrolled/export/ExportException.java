package org.unrolled.export;

/** An export that cannot start or could not finish, said plainly (which folder or file, and why). */
public final class ExportException extends Exception {
    private static final long serialVersionUID = 1L;

    public ExportException(String message) {
        super(message);
    }
}
