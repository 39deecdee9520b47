package org.unrolled.view;

/**
 * The band a ring's stroke covers: a rounded rectangle's outline ({@code arc} its corners' diameter, as
 * JavaFX takes it) widened by {@code halfWidth} on both sides. A rounded rectangle is a core rectangle
 * grown by a radius, so the band's outer edge is the core grown by radius + halfWidth, and its inner edge
 * the outline shrunk by halfWidth with corners of radius − halfWidth.
 */
record RingBand(Rect outline, double arc, double halfWidth) {
    /** Whether {@code box} reaches into the band: neither wholly inside its inner edge nor wholly outside its outer one. */
    boolean crosses(Rect box) {
        double radius = Math.min(arc / 2, Math.min(outline.w(), outline.h()) / 2);
        Rect core = new Rect(outline.x() + radius, outline.y() + radius, outline.w() - 2 * radius,
                outline.h() - 2 * radius);
        if (distance(box, core) >= radius + halfWidth) {
            return false; // outside
        }
        double inset = Math.max(radius, halfWidth);
        Rect innerCore = new Rect(outline.x() + inset, outline.y() + inset, outline.w() - 2 * inset,
                outline.h() - 2 * inset);
        if (innerCore.w() < 0 || innerCore.h() < 0) {
            return true; // the band fills the ring
        }
        double innerRadius = Math.max(0, radius - halfWidth);
        // inside a convex shape when all four corners are
        return !(corner(box.x(), box.y(), innerCore) <= innerRadius && corner(box.right(), box.y(), innerCore) <= innerRadius
                && corner(box.x(), box.bottom(), innerCore) <= innerRadius
                && corner(box.right(), box.bottom(), innerCore) <= innerRadius);
    }

    private static double corner(double x, double y, Rect r) {
        return distance(new Rect(x, y, 0, 0), r);
    }

    /** The distance between two rectangles, 0 when they meet. */
    private static double distance(Rect a, Rect b) {
        double dx = Math.max(0, Math.max(b.x() - a.right(), a.x() - b.right()));
        double dy = Math.max(0, Math.max(b.y() - a.bottom(), a.y() - b.bottom()));
        return Math.hypot(dx, dy);
    }
}
