package org.unrolled.view;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Where a ring goes, on hand-placed boxes: a thing at x 100..200, y 100..150, a ring 4 px outside it with a
 * stroke 8 px wide (so its band runs from 0 to 8 px outside the thing), corners of diameter 24.
 */
class RingFitTest {
    private static final Rect THING = new Rect(100, 100, 100, 50);
    private static final Rect PICTURE = new Rect(0, 0, 1000, 1000);

    private static final List<RingFit.Style> ONE_STYLE = List.of(new RingFit.Style(4, 0));

    private static RingBand place(Rect... labels) {
        return RingFit.place(THING, ONE_STYLE, 24, List.of(labels), PICTURE).band();
    }

    @Test
    void withNothingNearTheRingIsPadOutsideTheThing() {
        RingBand band = place(new Rect(400, 400, 30, 10));
        assertEquals(new Rect(96, 96, 108, 58), band.outline());
        assertEquals(24, band.arc());
    }

    @Test
    void aLabelTheBandWouldCrossIsTakenInOrLeftClear() {
        // the thing's name, just under it: 2 px below, where the band runs
        Rect name = new Rect(120, 152, 60, 14);
        RingBand band = place(name);
        assertFalse(band.crosses(name), band.toString());
        // round the thing still: a side pushed in comes at most a stroke's width (8 px) over its edge
        Rect core = new Rect(THING.x() + 8, THING.y() + 8, THING.w() - 16, THING.h() - 16);
        Rect o = band.outline();
        assertTrue(o.x() <= core.x() && o.y() <= core.y() && o.right() >= core.right() && o.bottom() >= core.bottom(),
                band.toString());
    }

    @Test
    void aRowOfNeighboursIsNotSwallowedOneByOne() {
        // step numbers in a row at the thing's right, 10 px apart, each reaching 4 px over the thing's edge
        Rect[] row = new Rect[8];
        for (int i = 0; i < row.length; i++) {
            row[i] = new Rect(196 + 30 * i, 130, 20, 14);
        }
        RingBand band = place(row);
        assertEquals(0, RingFit.crossings(band, List.of(row)), band.toString());
        assertTrue(band.outline().right() < 260, "the ring stops at the first neighbour or before: " + band);
    }

    @Test
    void aLabelInACornerSquaresTheCorners() {
        // inside the thing's top-left corner, where a round corner of the ring would cut it
        Rect corner = new Rect(97, 97, 20, 10);
        RingBand band = place(corner);
        assertEquals(0, RingFit.crossings(band, List.of(corner)), band.toString());
        assertEquals(0, band.arc(), "square corners: " + band);
    }

    @Test
    void theRingStaysInThePicture() {
        // the thing's own label over its bottom edge, in a picture that ends 10 px below the thing: growing round
        // the label would take the ring out of the picture, so it stops at the edge
        Rect ownLabel = new Rect(120, 140, 60, 14);
        RingBand band = RingFit.place(THING, ONE_STYLE, 24, List.of(ownLabel), new Rect(0, 0, 1000, 160)).band();
        assertTrue(band.outline().bottom() + band.halfWidth() <= 160 + 1e-9, band.toString());
    }

    @Test
    void aNarrowThingBetweenTwoLabelsKeepsARing() {
        // 4 px wide, a label 2 px off each side: both sides pushed in would turn the ring inside out
        Rect narrow = new Rect(100, 100, 4, 50);
        List<Rect> labels = List.of(new Rect(80, 118, 18, 14), new Rect(106, 118, 18, 14));
        RingBand band = RingFit.place(narrow, ONE_STYLE, 24, labels, PICTURE).band();
        assertTrue(band.outline().w() >= 8 - 1e-9 && band.outline().h() >= 8 - 1e-9, band.toString());
        assertTrue(band.arc() >= 0, band.toString());
    }

    @Test
    void anotherThingsLabelIsLeftOutside() {
        // a row label 10 px above the thing: the roomy ring (4 px) would take it in; its top comes in instead
        Rect rowLabel = new Rect(110, 80, 40, 12);
        List<RingFit.Style> styles = List.of(new RingFit.Style(4, 4), new RingFit.Style(4, 0));
        RingFit.Placed placed = RingFit.place(THING, styles, 24, List.of(rowLabel), PICTURE);
        assertFalse(placed.band().crosses(rowLabel));
        assertFalse(placed.band().outline().contains(rowLabel.centerX(), rowLabel.centerY()), placed.toString());
        assertEquals(92, placed.band().outline().x(), 1e-9, "the other sides keep their room: " + placed);
        // with nothing near, the roomy style
        assertEquals(styles.get(0), RingFit.place(THING, styles, 24, List.of(), PICTURE).style());
    }

    @Test
    void aGatesLetterJustAboveItsValueIsTakenInWithoutTheNeighbours() {
        // a gate's bar, its value written just inside its top, its letter 2 px above it, the next gate's label
        // 6 px to its right: no side can come in between the letter and the value, so the letter is taken in,
        // and the neighbour stays outside (growing round every label would swallow it)
        Rect bar = new Rect(100, 100, 40, 80);
        Rect value = new Rect(105, 102, 30, 12);
        Rect letter = new Rect(112, 86, 16, 12);
        Rect neighbour = new Rect(146, 96, 50, 12);
        List<Rect> labels = List.of(value, letter, neighbour);
        RingBand band = RingFit.place(bar, ONE_STYLE, 24, labels, PICTURE).band();
        assertEquals(0, RingFit.crossings(band, labels), band.toString());
        assertTrue(band.outline().contains(letter.centerX(), letter.centerY()), "the letter inside: " + band);
        assertFalse(band.outline().contains(neighbour.centerX(), neighbour.centerY()), "the neighbour outside: " + band);
    }
}
