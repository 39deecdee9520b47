package org.unrolled.export;

/**
 * What to export: frame size and rate, which part of the timeline, the look, and the file names.
 *
 * @param stepSeconds how long one step lasts in the animation
 * @param fromStep    first step of a range (1-based, in the order of the forward pass), 0 for all
 * @param toStep      last step of a range, 0 for all
 * @param theme       "light" or "dark"
 * @param pattern     file name with one {@code %d}-style field, e.g. {@code frame_%04d.png}
 */
public record ExportOptions(int width, int height, int fps, double stepSeconds, Phase phase, int fromStep, int toStep,
        String theme, String pattern) {

    /** Which part of the animation. */
    public enum Phase { FORWARD, BACKWARD, BOTH }

    public static final int MAX_SIDE = 7680;

    public ExportOptions {
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
            throw new IllegalArgumentException("theme must be light, dark or projector, got " + theme);
        }
        try {
            String.format(java.util.Locale.ROOT, pattern, 1);
        } catch (java.util.IllegalFormatException e) {
            throw new IllegalArgumentException("the file-name pattern needs one number field such as %04d, got " + pattern);
        }
        if (!pattern.endsWith(".png") || pattern.contains("/") || pattern.contains("\\")) {
            throw new IllegalArgumentException("the file-name pattern must be a file name ending in .png, got " + pattern);
        }
    }

    public static ExportOptions defaults() {
        return new ExportOptions(1920, 1080, 30, 1.0, Phase.BOTH, 0, 0, "light", "frame_%04d.png");
    }

    public String fileName(int frame) {
        return String.format(java.util.Locale.ROOT, pattern, frame);
    }
}
