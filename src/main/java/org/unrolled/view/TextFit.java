package org.unrolled.view;

import org.unrolled.view.draw.AwtFonts;

/**
 * How wide a string is in the bundled font, so that painters decide what fits from the font's own
 * advances rather than a guess per character (the recording pen measures the same way).
 */
public final class TextFit {
    private TextFit() {
    }

    public static double width(String text, double size, boolean bold) {
        return AwtFonts.width((bold ? AwtFonts.boldFace() : AwtFonts.regularFace()).deriveFont((float) size), text);
    }

    /**
     * The largest size from {@code preferred} down to {@code floor} at which {@code text} is at most
     * {@code room} pixels wide, or NaN when it does not fit even at the floor.
     */
    public static double size(String text, boolean bold, double room, double preferred, double floor) {
        if (preferred < floor) {
            preferred = floor;
        }
        double at = width(text, preferred, bold);
        if (at <= room) {
            return preferred;
        }
        double size = preferred * room / at; // width grows in proportion to size
        return size >= floor ? size : Double.NaN;
    }
}
