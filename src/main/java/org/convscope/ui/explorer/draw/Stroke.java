package org.convscope.ui.explorer.draw;

import java.util.Arrays;

/**
 * One stroke of the drawing: the points the pointer passed through, in raster pixels, and the brush it was drawn
 * with. Points are only appended while the stroke is being drawn; once finished it is never changed.
 */
public final class Stroke {
    private final float radius;
    private final boolean eraser;
    private float[] points = new float[32]; // [count][x, y]
    private int count;

    Stroke(float radius, boolean eraser, float x, float y) {
        if (!(radius > 0)) throw new IllegalArgumentException("brush radius must be positive, got " + radius);
        this.radius = radius;
        this.eraser = eraser;
        add(x, y);
    }

    void add(float x, float y) {
        if (2 * count == points.length) points = Arrays.copyOf(points, 2 * points.length);
        points[2 * count] = x;
        points[2 * count + 1] = y;
        count++;
    }

    public float radius() {
        return radius;
    }

    public boolean eraser() {
        return eraser;
    }

    public int size() {
        return count;
    }

    public float x(int i) {
        return points[2 * i];
    }

    public float y(int i) {
        return points[2 * i + 1];
    }
}
