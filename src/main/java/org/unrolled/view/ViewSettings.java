package org.unrolled.view;

import java.util.Set;
import org.unrolled.document.Highlight;
import org.unrolled.document.Vocabulary;

/**
 * How the network is looked at, apart from the trace and the position: zoom, pan and theme. With
 * {@code fit} the zoom is chosen so that every step is on screen (within limits); with
 * {@code follow} the pan keeps the current step in view, so playback scrolls by itself.
 *
 * @param unit    pixels per ordinary column when not fitting
 * @param pan       pixels the content is scrolled left when not following
 * @param highlight what a lesson beat points at
 * @param hideUncomputed leave blank the values of the steps not yet computed (their states, outputs,
 *                  output words and targets), which are otherwise drawn faded. On while a lesson's
 *                  question is asked, so that the picture does not give the answer away.
 * @param words     the document's vocabulary: the one-hot inputs and the classes are labelled with its
 *                  words (none: {@link Vocabulary#NONE})
 */
public record ViewSettings(double unit, boolean fit, boolean follow, double pan, Palette palette, Set<Highlight> highlight,
        boolean hideUncomputed, Vocabulary words) {
    public static final double MIN_UNIT = 12;
    public static final double MAX_UNIT = 260;

    public ViewSettings {
        highlight = highlight == null ? Set.of() : Set.copyOf(highlight);
        words = words == null ? Vocabulary.NONE : words;
    }

    public static ViewSettings defaults() {
        return new ViewSettings(170, true, true, 0, Palette.LIGHT, Set.of(), false, Vocabulary.NONE);
    }

    public ViewSettings withHighlight(Set<Highlight> rings) {
        return new ViewSettings(unit, fit, follow, pan, palette, rings, hideUncomputed, words);
    }

    public ViewSettings withHideUncomputed(boolean hide) {
        return new ViewSettings(unit, fit, follow, pan, palette, highlight, hide, words);
    }

    public ViewSettings withZoom(double newUnit, double newPan) {
        return new ViewSettings(Math.max(MIN_UNIT, Math.min(MAX_UNIT, newUnit)), false, false, newPan, palette, highlight,
                hideUncomputed, words);
    }

    public ViewSettings withPan(double newPan, double currentUnit) {
        return new ViewSettings(currentUnit, false, false, newPan, palette, highlight, hideUncomputed, words);
    }

    public ViewSettings fitted() {
        return new ViewSettings(unit, true, true, 0, palette, highlight, hideUncomputed, words);
    }

    public ViewSettings following(double currentUnit) {
        return new ViewSettings(currentUnit, false, true, pan, palette, highlight, hideUncomputed, words);
    }

    public ViewSettings withWords(Vocabulary v) {
        return new ViewSettings(unit, fit, follow, pan, palette, highlight, hideUncomputed, v);
    }

    public ViewSettings withPalette(Palette p) {
        return new ViewSettings(unit, fit, follow, pan, p, highlight, hideUncomputed, words);
    }
}
