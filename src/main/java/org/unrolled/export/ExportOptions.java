package org.unrolled.export;

import org.unrolled.io.Text;
import org.unrolled.view.Phase;

/**
 * What to export: frame size and rate, which part of the timeline, the look, and the file names.
 *
 * @param stepSeconds how long one step lasts in the animation
 * @param fromStep    first step of a range (1-based, in the order of the forward pass), 0 for all
 * @param toStep      last step of a range, 0 for all
 * @param theme       "light" or "dark"
 * @param pattern     file name with one {@code %d}-style field, e.g. {@code frame_%04d.png}
 * @param layout      what a frame holds: the network picture alone, or the presentation-mode screen
 */
public record ExportOptions(int width, int height, int fps, double stepSeconds, Phase phase, int fromStep, int toStep,
        String theme, String pattern, Layout layout) {

    /**
     * What a frame holds. {@code NETWORK}: the network picture, as the window's canvas draws it.
     * {@code PRESENTATION}: what presentation mode (F5) shows: the picture, the captions or the lesson's
     * question in large type, and the gradient plot, in one frame; a beat is held on screen, a question
     * beat asked (answer hidden), then revealed.
     */
    public enum Layout {
        NETWORK, PRESENTATION;

        /** The option's word: {@code network} or {@code presentation}. */
        public String word() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }

        @Override
        public String toString() {
            return word(); // picocli lists the choices by this: "expected one of [network, presentation]"
        }
    }

    /** Options with the network layout (today's picture). */
    public ExportOptions(int width, int height, int fps, double stepSeconds, Phase phase, int fromStep, int toStep,
            String theme, String pattern) {
        this(width, height, fps, stepSeconds, phase, fromStep, toStep, theme, pattern, Layout.NETWORK);
    }

    /** The same options with another layout. */
    public ExportOptions withLayout(Layout l) {
        return new ExportOptions(width, height, fps, stepSeconds, phase, fromStep, toStep, theme, pattern, l);
    }

    public static final int MAX_SIDE = 7680;

    public ExportOptions {
        layout = layout == null ? Layout.NETWORK : layout;
        if (width < 16 || height < 16 || width > MAX_SIDE || height > MAX_SIDE) {
            throw new IllegalArgumentException("frame size must be between 16 and " + MAX_SIDE + " pixels a side, got "
                    + width + "x" + height);
        }
        if (fps < 1 || fps > 240) {
            throw new IllegalArgumentException("frame rate must be 1 to 240 frames per second, got " + fps);
        }
        if (!(stepSeconds > 0) || stepSeconds > 60) {
            throw new IllegalArgumentException("a step lasts more than 0 and at most 60 seconds, got " + stepSeconds);
        }
        if (fromStep < 0 || toStep < 0 || (toStep > 0 && fromStep > toStep)) {
            throw new IllegalArgumentException("the step range must be FROM-TO with 1 <= FROM <= TO, got "
                    + fromStep + "-" + toStep);
        }
        if (!"light".equals(theme) && !"dark".equals(theme) && !"projector".equals(theme)) {
            throw new IllegalArgumentException("theme must be light, dark or projector, got " + Text.quote(theme, 60));
        }
        String problem = patternProblem(pattern);
        if (problem != null) {
            throw new IllegalArgumentException("the file-name pattern " + problem + ", got \"" + Text.quote(pattern, 60) + "\"");
        }
    }

    /** Longest file-name pattern, in characters. */
    public static final int MAX_PATTERN_CHARS = 120;
    /** The one field a pattern holds: a decimal frame number, optionally zero-padded to at most 20 digits. */
    private static final java.util.regex.Pattern FIELD = java.util.regex.Pattern.compile("%(0?)([1-9][0-9]?)?d");

    /**
     * Why {@code pattern} cannot name frames, or null. Exactly one decimal field (%d, %04d) and nothing
     * else that formats: any other conversion could repeat one name for every frame (frame.png, %n),
     * write characters such as '/' ({@code %c} of 47) or leave the folder; and a plain file name, of a
     * length a person types, so that every frame lands inside the chosen folder.
     */
    static String patternProblem(String pattern) {
        if (pattern == null || pattern.isEmpty()) {
            return "is empty; use one such as frame_%04d.png";
        }
        if (pattern.length() > MAX_PATTERN_CHARS) {
            return "is " + pattern.length() + " characters long; at most " + MAX_PATTERN_CHARS;
        }
        if (Text.hasUnsafe(pattern)) {
            return "holds control characters";
        }
        java.util.regex.Matcher m = FIELD.matcher(pattern);
        if (pattern.chars().filter(c -> c == '%').count() != 1 || !m.find()) {
            return "must hold exactly one number field such as %04d or %d, and no other %";
        }
        if (m.group(2) != null && Integer.parseInt(m.group(2)) > 20) {
            return "pads the number to " + m.group(2) + " digits; at most 20";
        }
        if (!pattern.endsWith(".png") || pattern.contains("/") || pattern.contains("\\") || pattern.startsWith(".")
                || pattern.contains("..")) {
            return "must be a plain file name ending in .png (no folder, not starting with a dot)";
        }
        return null;
    }

    public static ExportOptions defaults() {
        return new ExportOptions(1920, 1080, 30, 1.0, Phase.BOTH, 0, 0, "light", "frame_%04d.png");
    }

    public String fileName(long frame) {
        return String.format(java.util.Locale.ROOT, pattern, frame);
    }
}
