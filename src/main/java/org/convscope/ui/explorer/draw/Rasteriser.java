package org.convscope.ui.explorer.draw;

/**
 * Paints strokes into an ink raster as round-capped segments (capsules) with a one-pixel antialiased edge: ink takes
 * the maximum of old and new coverage, the eraser lowers ink to at most 1 − coverage.
 */
final class Rasteriser {
    private Rasteriser() {}

    /** Paints segment i − 1 → i of the stroke (the single dot when i is 0). */
    static void segment(float[] ink, int width, int height, Stroke stroke, int i) {
        int from = Math.max(0, i - 1);
        capsule(ink, width, height, stroke.x(from), stroke.y(from), stroke.x(i), stroke.y(i), stroke.radius(),
                stroke.eraser());
    }

    /** Paints the whole stroke. */
    static void stroke(float[] ink, int width, int height, Stroke stroke) {
        for (int i = 0; i < stroke.size(); i++) segment(ink, width, height, stroke, i);
    }

    /** Coverage of pixel centres by the capsule of radius r around (x0, y0)–(x1, y1). */
    private static void capsule(float[] ink, int width, int height, float x0, float y0, float x1, float y1, float r,
                                boolean eraser) {
        int left = Math.max(0, (int) Math.floor(Math.min(x0, x1) - r - 1));
        int right = Math.min(width - 1, (int) Math.ceil(Math.max(x0, x1) + r + 1));
        int top = Math.max(0, (int) Math.floor(Math.min(y0, y1) - r - 1));
        int bottom = Math.min(height - 1, (int) Math.ceil(Math.max(y0, y1) + r + 1));
        float dx = x1 - x0;
        float dy = y1 - y0;
        float lengthSquared = dx * dx + dy * dy;
        for (int py = top; py <= bottom; py++) {
            float cy = py + 0.5f;
            for (int px = left; px <= right; px++) {
                float cx = px + 0.5f;
                float t = lengthSquared == 0 ? 0 : Math.clamp(((cx - x0) * dx + (cy - y0) * dy) / lengthSquared, 0f, 1f);
                float ex = cx - (x0 + t * dx);
                float ey = cy - (y0 + t * dy);
                float coverage = Math.clamp(r + 0.5f - (float) Math.sqrt(ex * ex + ey * ey), 0f, 1f);
                if (coverage == 0) continue;
                int k = py * width + px;
                ink[k] = eraser ? Math.min(ink[k], 1 - coverage) : Math.max(ink[k], coverage);
            }
        }
    }
}
