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
 *                  output words and targets, and inputs fed back from the step before: a decoder's), which
 *                  are otherwise drawn faded. On while a lesson's
 *                  question is asked, so that the picture does not give the answer away.
 * @param minText   the smallest text the painters may draw, in pixels: {@link #WINDOW_MIN_TEXT} at a desk,
 *                  {@link #PRESENTATION_MIN_TEXT} for the back row; a label that does not fit at it is left out
 * @param words     the document's vocabulary: the one-hot inputs and the classes are labelled with its
 *                  words (none: {@link Vocabulary#NONE})
 */
public record ViewSettings(double unit, boolean fit, boolean follow, double pan, Palette palette, Set<Highlight> highlight,
        boolean hideUncomputed, double minText, Vocabulary words) {
    public static final double MIN_UNIT = 12;
    public static final double MAX_UNIT = 260;
    /** The smallest text in the window, read from a desk. */
    public static final double WINDOW_MIN_TEXT = 11;
    /** The smallest text in presentation mode, read from the back of a lecture hall. */
    public static final double PRESENTATION_MIN_TEXT = 14;

    public ViewSettings {
        highlight = highlight == null ? Set.of() : Set.copyOf(highlight);
        words = words == null ? Vocabulary.NONE : words;
    }

    /** A view for the window (the smallest text a desk reads). */
    public ViewSettings(double unit, boolean fit, boolean follow, double pan, Palette palette, Set<Highlight> highlight,
            boolean hideUncomputed, Vocabulary words) {
        this(unit, fit, follow, pan, palette, highlight, hideUncomputed, WINDOW_MIN_TEXT, words);
    }

    public static ViewSettings defaults() {
        return new ViewSettings(170, true, true, 0, Palette.LIGHT, Set.of(), false, Vocabulary.NONE);
    }

    /** The same view for the window ({@code false}) or presentation mode ({@code true}). */
    public ViewSettings presenting(boolean on) {
        return new ViewSettings(unit, fit, follow, pan, palette, highlight, hideUncomputed,
                on ? PRESENTATION_MIN_TEXT : WINDOW_MIN_TEXT, words);
    }

    public ViewSettings withHighlight(Set<Highlight> rings) {
        return new ViewSettings(unit, fit, follow, pan, palette, rings, hideUncomputed, minText, words);
    }

    public ViewSettings withHideUncomputed(boolean hide) {
        return new ViewSettings(unit, fit, follow, pan, palette, highlight, hide, minText, words);
    }

    public ViewSettings withZoom(double newUnit, double newPan) {
        return new ViewSettings(Math.max(MIN_UNIT, Math.min(MAX_UNIT, newUnit)), false, false, newPan, palette, highlight,
                hideUncomputed, minText, words);
    }

    public ViewSettings withPan(double newPan, double currentUnit) {
        return new ViewSettings(currentUnit, false, false, newPan, palette, highlight, hideUncomputed, minText, words);
    }

    public ViewSettings fitted() {
        return new ViewSettings(unit, true, true, 0, palette, highlight, hideUncomputed, minText, words);
    }

    public ViewSettings following(double currentUnit) {
        return new ViewSettings(currentUnit, false, true, pan, palette, highlight, hideUncomputed, minText, words);
    }

    public ViewSettings withWords(Vocabulary v) {
        return new ViewSettings(unit, fit, follow, pan, palette, highlight, hideUncomputed, minText, v);
    }

    public ViewSettings withPalette(Palette p) {
        return new ViewSettings(unit, fit, follow, pan, p, highlight, hideUncomputed, minText, words);
    }
}
