package org.unrolled.export;

/** An export that cannot start or could not finish, said plainly (which folder or file, and why). */
public final class ExportException extends Exception {
    private static final long serialVersionUID = 1L;

    private final boolean outOfMemory;

    public ExportException(String message) {
        this(message, false);
    }

    public ExportException(String message, boolean outOfMemory) {
        super(message);
        this.outOfMemory = outOfMemory;
    }

    /** Whether the export stopped because the Java heap ran out (the command exits with its own status). */
    public boolean outOfMemory() {
        return outOfMemory;
    }
}
