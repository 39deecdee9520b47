package org.unrolled.export;

/**
 * POI and PDFBox (through commons-logging) log through the Log4j API; with no Log4j back end on the class
 * path that API prints an error about the missing back end on every run. Its own simple logger is
 * enough here (errors only, on stderr). Called before either library is first used.
 */
final class QuietLogs {
    private QuietLogs() {
    }

    static void install() {
        if (System.getProperty("log4j.provider") == null) {
            System.setProperty("log4j.provider", "org.apache.logging.log4j.simple.internal.SimpleProvider");
        }
    }
}
