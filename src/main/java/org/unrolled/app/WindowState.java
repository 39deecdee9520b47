package org.unrolled.app;

import java.util.Set;
import javafx.beans.InvalidationListener;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import org.unrolled.document.Highlight;
import org.unrolled.document.Vocabulary;
import org.unrolled.view.Palette;
import org.unrolled.view.ViewSettings;

/**
 * How the main window shows the document, apart from the document itself: each piece has one owner,
 * which alone changes it through its setter, and every view binds to the read-only property.
 * <ul>
 * <li>the theme and the text scale (the View menu, the saved preferences, the command line), and the
 * palette that follows from them;</li>
 * <li>presenting, the laser pointer and the gradient plot's visibility (the presenter's keys and
 * buttons);</li>
 * <li>the highlight (the lesson: what its active beat names, or the not-yet-computed values hidden
 * while a question is asked);</li>
 * <li>the zoom and pan (the user: wheel, drag, double-click, Fit and the zoom keys; a newly opened
 * document is fitted);</li>
 * <li>the words that label inputs and classes (the open document's vocabulary).</li>
 * </ul>
 * {@link #viewProperty()} puts the palette, the highlight, the words, the zoom and the smallest text (larger
 * while presenting) together for the painters.
 */
public final class WindowState {
    /**
     * How the picture is zoomed and panned (see {@link ViewSettings}).
     *
     * @param unit   pixels per ordinary column when not fitting
     * @param fit    every step on screen
     * @param follow the pan keeps the current step in view
     * @param pan    pixels scrolled left when not following
     */
    public record Zoom(double unit, boolean fit, boolean follow, double pan) {
        /** The zoom part of what a canvas shows. */
        public static Zoom of(ViewSettings v) {
            return new Zoom(v.unit(), v.fit(), v.follow(), v.pan());
        }

        /** Every step on screen, following the current one (the unit kept for when the user zooms). */
        public Zoom fitted() {
            return new Zoom(unit, true, true, 0);
        }
    }

    private final ReadOnlyStringWrapper theme = new ReadOnlyStringWrapper(this, "theme", "light");
    private final ReadOnlyDoubleWrapper textScale = new ReadOnlyDoubleWrapper(this, "textScale", 1.0);
    private final ReadOnlyObjectWrapper<Palette> palette = new ReadOnlyObjectWrapper<>(this, "palette", Palette.LIGHT);
    private final ReadOnlyBooleanWrapper presenting = new ReadOnlyBooleanWrapper(this, "presenting", false);
    private final ReadOnlyBooleanWrapper laser = new ReadOnlyBooleanWrapper(this, "laser", true);
    private final ReadOnlyBooleanWrapper plotShown = new ReadOnlyBooleanWrapper(this, "plotShown", true);
    private final ReadOnlyObjectWrapper<Set<Highlight>> highlight = new ReadOnlyObjectWrapper<>(this, "highlight", Set.of());
    private final ReadOnlyBooleanWrapper hideUncomputed = new ReadOnlyBooleanWrapper(this, "hideUncomputed", false);
    private final ReadOnlyObjectWrapper<Vocabulary> words = new ReadOnlyObjectWrapper<>(this, "words", Vocabulary.NONE);
    private final ReadOnlyObjectWrapper<Zoom> zoom =
            new ReadOnlyObjectWrapper<>(this, "zoom", Zoom.of(ViewSettings.defaults()));
    private final ReadOnlyObjectWrapper<ViewSettings> view =
            new ReadOnlyObjectWrapper<>(this, "view", ViewSettings.defaults());

    public WindowState() {
        InvalidationListener themed = o -> {
            Palette base = Palette.of(theme.get());
            if (textScale.get() > base.largestTextScale()) {
                textScale.set(base.largestTextScale()); // a theme with larger text leaves less to enlarge
            }
            palette.set(base.withTextScale(textScale.get()));
        };
        theme.addListener(themed);
        textScale.addListener(themed);
        InvalidationListener combine = o -> {
            Zoom z = zoom.get();
            ViewSettings v = new ViewSettings(z.unit(), z.fit(), z.follow(), z.pan(), palette.get(), highlight.get(),
                    hideUncomputed.get(), words.get()).presenting(presenting.get()); // the back row's smallest text
            if (!v.equals(view.get())) {
                view.set(v);
            }
        };
        zoom.addListener(combine);
        palette.addListener(combine);
        highlight.addListener(combine);
        hideUncomputed.addListener(combine);
        presenting.addListener(combine);
        words.addListener(combine);
    }

    // The theme menu (and the preferences and command line that remember or choose a theme)

    /** "light", "dark" or "projector". */
    public void setTheme(String name) {
        theme.set(name);
    }

    /**
     * The text and line scale on top of the theme's own, from 0.7 up to where the picture reaches
     * {@link Palette#LARGEST_SCALE} (beyond it its labels would run into each other).
     */
    public void setTextScale(double scale) {
        textScale.set(Math.max(0.7, Math.min(Palette.of(theme.get()).largestTextScale(), scale)));
    }

    // The presenter

    public void setPresenting(boolean on) {
        presenting.set(on);
    }

    public void setLaser(boolean on) {
        laser.set(on);
    }

    public void setPlotShown(boolean on) {
        plotShown.set(on);
    }

    // The lesson

    /**
     * What the active beat names, and whether the values not yet computed are left blank (while a
     * question is asked, so that the picture does not give the answer away).
     */
    public void setHighlight(Set<Highlight> rings, boolean hide) {
        Set<Highlight> copy = Set.copyOf(rings);
        if (!copy.equals(highlight.get())) {
            highlight.set(copy);
        }
        hideUncomputed.set(hide);
    }

    // The document

    /** The open document's vocabulary, which labels the one-hot inputs and the classes. */
    public void setWords(Vocabulary v) {
        Vocabulary is = v == null ? Vocabulary.NONE : v;
        if (!is.equals(words.get())) {
            words.set(is);
        }
    }

    // The user

    public void setZoom(Zoom z) {
        if (!z.equals(zoom.get())) {
            zoom.set(z);
        }
    }

    /** Every step on screen (F, double-click, the Fit button, a newly opened document). */
    public void fit() {
        setZoom(zoom.get().fitted());
    }

    public ReadOnlyStringProperty themeProperty() {
        return theme.getReadOnlyProperty();
    }

    public ReadOnlyDoubleProperty textScaleProperty() {
        return textScale.getReadOnlyProperty();
    }

    /** The theme's palette at the chosen text scale: the canvas's, the plot's and the panels' colours. */
    public ReadOnlyObjectProperty<Palette> paletteProperty() {
        return palette.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty presentingProperty() {
        return presenting.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty laserProperty() {
        return laser.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty plotShownProperty() {
        return plotShown.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Set<Highlight>> highlightProperty() {
        return highlight.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty hideUncomputedProperty() {
        return hideUncomputed.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Zoom> zoomProperty() {
        return zoom.getReadOnlyProperty();
    }

    /** The palette, the highlight and the zoom together: what the painters draw with. */
    public ReadOnlyObjectProperty<ViewSettings> viewProperty() {
        return view.getReadOnlyProperty();
    }
}
