package org.unrolled.view;

/** An axis-aligned rectangle in canvas pixels. */
public record Rect(double x, double y, double w, double h) {

    public double right() {
        return x + w;
    }

    public double bottom() {
        return y + h;
    }

    public double centerX() {
        return x + w / 2;
    }

    public double centerY() {
        return y + h / 2;
    }

    public boolean contains(double px, double py) {
        return px >= x && px < x + w && py >= y && py < y + h;
    }

    /** The smallest rectangle holding both. */
    public Rect union(Rect o) {
        double left = Math.min(x, o.x);
        double top = Math.min(y, o.y);
        return new Rect(left, top, Math.max(right(), o.right()) - left, Math.max(bottom(), o.bottom()) - top);
    }

    public Rect inset(double d) {
        return new Rect(x + d, y + d, Math.max(0, w - 2 * d), Math.max(0, h - 2 * d));
    }
}
