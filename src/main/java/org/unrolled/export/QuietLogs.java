package org.unrolled.export;

/**
 * POI and PDFBox (through commons-logging) log through the Log4j API; with no Log4j back end on the class
 * path that API prints an error about the missing back end on every run. Its own simple logger is used, and
 * set to print nothing: what fails in those libraries reaches the export as an exception, which says it in
 * one line (a full disk made POI log a 40-line stack trace first). Called before either library is first used.
 */
final class QuietLogs {
    private QuietLogs() {
    }

    static void install() {
        if (System.getProperty("log4j.provider") == null) {
            System.setProperty("log4j.provider", "org.apache.logging.log4j.simple.internal.SimpleProvider");
        }
        if (System.getProperty("log4j2.simplelogLevel") == null && System.getProperty("org.apache.logging.log4j.simplelog.level") == null) {
            System.setProperty("log4j2.simplelogLevel", "OFF");
            System.setProperty("org.apache.logging.log4j.simplelog.level", "OFF");
        }
    }
}
