package org.convscope.ui.lecture.diagram;

/** A rectangle in diagram units (one unit is the height of a grid cell). */
public record Rect(double x, double y, double width, double height) {
    public double right() {
        return x + width;
    }

    public double bottom() {
        return y + height;
    }

    public double centerX() {
        return x + width / 2;
    }

    public double centerY() {
        return y + height / 2;
    }

    public boolean contains(double px, double py) {
        return px >= x && px < x + width && py >= y && py < y + height;
    }

    /** The smallest rectangle holding both. */
    public Rect union(Rect o) {
        if (o == null) return this;
        double left = Math.min(x, o.x);
        double top = Math.min(y, o.y);
        return new Rect(left, top, Math.max(right(), o.right()) - left, Math.max(bottom(), o.bottom()) - top);
    }
}
