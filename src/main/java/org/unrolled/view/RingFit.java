package org.unrolled.view;

import java.util.Arrays;
import java.util.List;

/**
 * Where a lesson's ring goes round a thing so that no label lies under its stroke. The ring starts
 * {@code pad} outside the thing. Two tries:
 * <ul>
 * <li>grow: every label the ring crosses is taken in, the ring growing round it, until it crosses none, it
 * reaches the picture's edge, or a dozen rounds have passed;
 * <li>pull: each side is pushed in from the labels mostly outside the thing, down to a stroke's width
 * inside its edge but never across a label inside (a label outside that would need that is taken in
 * instead: a gate's letter just above its bar, whose value is written just inside its top), and only the
 * labels mostly inside are taken in.
 * </ul>
 * In both, where a rounded corner still cuts a label already inside, the corners are made square. Each
 * try is made in each of the styles asked for (a wide ring with room, a closer one, a thinner one), and
 * the best ring kept ({@link #place}): growing alone would take in a row of neighbours' step numbers one
 * by one, which the ranking of the two tries prevents.
 */
final class RingFit {
    private static final int ROUNDS = 12;

    private RingFit() {
    }

    /** One way to draw a ring: half its stroke's width, and the room it leaves round what it rings. */
    record Style(double halfWidth, double room) {
    }

    /** A ring placed: where, and in which style. */
    record Placed(RingBand band, Style style) {
    }

    /**
     * The ring round {@code thing} that crosses the fewest labels, then takes in the fewest labels of other
     * things (a row's name, a neighbour's number), then is drawn in the earliest of {@code styles} (the
     * roomiest), then is the closer. {@code largestArc} is its corners' largest diameter, {@code labels}
     * the boxes to keep clear of it, {@code picture} what it must stay inside.
     */
    static Placed place(Rect thing, List<Style> styles, double largestArc, List<Rect> labels, Rect picture) {
        Placed best = null;
        double[] bestScore = null;
        for (int i = 0; i < styles.size(); i++) {
            Style style = styles.get(i);
            double pad = style.halfWidth() + style.room();
            for (boolean pullIn : new boolean[] {false, true}) {
                RingBand band = fit(thing, pad, style.halfWidth(), largestArc, labels, picture, pullIn);
                double[] score = {crossings(band, labels), takenIn(band, thing, labels), i, area(band)};
                if (bestScore == null || java.util.Arrays.compare(score, bestScore) < 0) {
                    best = new Placed(band, style);
                    bestScore = score;
                }
            }
        }
        return best;
    }

    /** Labels inside the ring that are not on the thing itself. */
    private static int takenIn(RingBand band, Rect thing, List<Rect> labels) {
        int n = 0;
        for (Rect box : labels) {
            boolean onThing = box.x() < thing.right() && thing.x() < box.right() && box.y() < thing.bottom()
                    && thing.y() < box.bottom();
            if (!onThing && !band.crosses(box) && band.outline().contains(box.centerX(), box.centerY())) {
                n++;
            }
        }
        return n;
    }

    private static double area(RingBand band) {
        return band.outline().w() * band.outline().h();
    }

    static int crossings(RingBand band, List<Rect> labels) {
        int n = 0;
        for (Rect box : labels) {
            n += band.crosses(box) ? 1 : 0;
        }
        return n;
    }

    /** Grows the ring round the labels it crosses; with {@code pullIn}, pushes sides in from labels mostly outside. */
    private static RingBand fit(Rect thing, double pad, double halfWidth, double largestArc, List<Rect> labels,
            Rect picture, boolean pullIn) {
        Rect area = thing;
        double[] pads = {pad, pad, pad, pad}; // left, top, right, bottom
        double arc = largestArc;
        for (int round = 0; round < ROUNDS; round++) {
            RingBand band = band(area, pads, halfWidth, arc);
            Rect grown = area;
            double[] pulled = pads.clone();
            double nextArc = arc;
            // how far in each side may come before it crosses a label inside
            double[] floor = {-2 * halfWidth, -2 * halfWidth, -2 * halfWidth, -2 * halfWidth};
            for (Rect box : labels) {
                if (inside(box, area)) {
                    double[] clearing = {area.x() - box.x(), area.y() - box.y(), box.right() - area.right(),
                            box.bottom() - area.bottom()};
                    for (int k = 0; k < 4; k++) {
                        floor[k] = Math.max(floor[k], clearing[k] + halfWidth + 0.5);
                    }
                }
            }
            for (Rect box : labels) {
                if (!band.crosses(box)) {
                    continue;
                }
                boolean mostlyInside = !pullIn || area.contains(box.centerX(), box.centerY());
                int side = mostlyInside ? -1 : side(area, box);
                double need = side < 0 ? Double.NaN : padClearing(side, area, box, halfWidth);
                // a side that cannot come in far enough without crossing a label inside takes the outside one in
                if (side >= 0 && need >= floor[side]) {
                    // a side may come in over the thing's edge by a stroke's width: a neighbour's step number that
                    // reaches over the end of a gradient arrow keeps clear of the ring that way, the arrow's tip under it
                    pulled[side] = Math.min(pulled[side], need);
                } else if (!inside(box, area)) {
                    grown = grown.union(box);
                } else if (arc > 0) {
                    nextArc = 0; // inside, but where a rounded corner curves in
                } else {
                    // inside, but a side was pushed in over it: that side goes back out far enough to clear it
                    double[] clearing = {area.x() - box.x(), area.y() - box.y(), box.right() - area.right(),
                            box.bottom() - area.bottom()};
                    for (int k = 0; k < 4; k++) {
                        pulled[k] = Math.max(pulled[k], clearing[k] + halfWidth + 0.5);
                    }
                }
            }
            grown = within(grown, thing, picture, pad + halfWidth);
            if (grown.equals(area) && Arrays.equals(pulled, pads) && nextArc == arc) {
                break;
            }
            area = grown;
            pads = pulled;
            arc = nextArc;
        }
        return band(area, pads, halfWidth, arc);
    }

    /** Wholly inside {@code area}, to a hair (coordinates are fractional). */
    private static boolean inside(Rect box, Rect area) {
        double e = 1e-9;
        return box.x() >= area.x() - e && box.y() >= area.y() - e && box.right() <= area.right() + e
                && box.bottom() <= area.bottom() + e;
    }

    /**
     * The ring {@code pads} outside {@code area}; sides pushed in from both ends of a narrow thing never make it
     * narrower than its own stroke (nor turn it inside out).
     */
    private static RingBand band(Rect area, double[] pads, double halfWidth, double largestArc) {
        Rect o = new Rect(area.x() - pads[0], area.y() - pads[1], area.w() + pads[0] + pads[2],
                area.h() + pads[1] + pads[3]);
        double least = 2 * halfWidth;
        if (o.w() < least) {
            o = new Rect(o.centerX() - least / 2, o.y(), least, o.h());
        }
        if (o.h() < least) {
            o = new Rect(o.x(), o.centerY() - least / 2, o.w(), least);
        }
        return new RingBand(o, Math.max(0, Math.min(largestArc, Math.min(o.w(), o.h()) / 2)), halfWidth);
    }

    /** The side of {@code area} the box lies furthest beyond: 0 left, 1 top, 2 right, 3 bottom. */
    private static int side(Rect area, Rect box) {
        int best = 0;
        for (int i = 1; i < 4; i++) {
            if (gap(i, area, box) > gap(best, area, box)) {
                best = i;
            }
        }
        return best;
    }

    /** The pad on {@code side} that puts the band's outer edge just short of the box (negative: over the area). */
    private static double padClearing(int side, Rect area, Rect box, double halfWidth) {
        return gap(side, area, box) - halfWidth - 0.5;
    }

    /** How far the box lies beyond the area's {@code side} (negative: it reaches over that edge). */
    private static double gap(int side, Rect area, Rect box) {
        return switch (side) {
            case 0 -> area.x() - box.right();
            case 1 -> area.y() - box.bottom();
            case 2 -> box.x() - area.right();
            default -> box.y() - area.bottom();
        };
    }

    /** {@code grown} cut back so that its ring stays in the picture, though never to less than {@code thing}. */
    private static Rect within(Rect grown, Rect thing, Rect picture, double margin) {
        double left = Math.max(grown.x(), Math.min(thing.x(), picture.x() + margin));
        double top = Math.max(grown.y(), Math.min(thing.y(), picture.y() + margin));
        double right = Math.min(grown.right(), Math.max(thing.right(), picture.right() - margin));
        double bottom = Math.min(grown.bottom(), Math.max(thing.bottom(), picture.bottom() - margin));
        return new Rect(left, top, right - left, bottom - top);
    }
}
