package org.unrolled.view;

/**
 * How the network is looked at, apart from the trace and the position: zoom, pan and theme. With
 * {@code fit} the zoom is chosen so that every step is on screen (within limits); with
 * {@code follow} the pan keeps the current step in view, so playback scrolls by itself.
 *
 * @param unit    pixels per ordinary column when not fitting
 * @param pan     pixels the content is scrolled left when not following
 */
public record ViewSettings(double unit, boolean fit, boolean follow, double pan, Palette palette) {
    public static final double MIN_UNIT = 12;
    public static final double MAX_UNIT = 260;

    public static ViewSettings defaults() {
        return new ViewSettings(170, true, true, 0, Palette.LIGHT);
    }

    public ViewSettings withZoom(double newUnit, double newPan) {
        return new ViewSettings(Math.max(MIN_UNIT, Math.min(MAX_UNIT, newUnit)), false, false, newPan, palette);
    }

    public ViewSettings withPan(double newPan, double currentUnit) {
        return new ViewSettings(currentUnit, false, false, newPan, palette);
    }

    public ViewSettings fitted() {
        return new ViewSettings(unit, true, true, 0, palette);
    }

    public ViewSettings following(double currentUnit) {
        return new ViewSettings(currentUnit, false, true, pan, palette);
    }

    public ViewSettings withPalette(Palette p) {
        return new ViewSettings(unit, fit, follow, pan, p);
    }
}
