package org.convscope.ui.explorer;

import java.util.ArrayList;
import java.util.List;
import org.convscope.ui.explorer.draw.Drawing;

/** Hand-drawn-like digits as polylines in a unit box (x right, y down; digits are about 0.6 wide), for tests. */
final class DigitStrokes {
    private DigitStrokes() {}

    /** The strokes of a digit, each a list of {x, y} points. */
    static List<float[][]> of(int digit) {
        return switch (digit) {
            case 0 -> List.<float[][]>of(ellipse(0.5f, 0.5f, 0.28f, 0.45f));
            case 1 -> List.<float[][]>of(line(0.42f, 0.18f, 0.55f, 0.02f), line(0.55f, 0.02f, 0.5f, 0.98f));
            case 2 -> List.<float[][]>of(join(arc(0.5f, 0.3f, 0.26f, 0.26f, 200, 380, 12), line(0.75f, 0.38f, 0.22f, 0.96f),
                    line(0.22f, 0.96f, 0.82f, 0.96f)));
            case 3 -> List.<float[][]>of(join(arc(0.48f, 0.27f, 0.25f, 0.24f, 210, 450, 14), arc(0.48f, 0.73f, 0.28f, 0.25f, 270, 510, 14)));
            case 4 -> List.<float[][]>of(join(line(0.6f, 0.02f, 0.18f, 0.62f), line(0.18f, 0.62f, 0.85f, 0.62f)),
                    line(0.62f, 0.3f, 0.62f, 0.98f));
            case 6 -> List.<float[][]>of(join(arc(0.62f, 0.55f, 0.38f, 0.5f, 255, 180, 10),
                    arc(0.5f, 0.72f, 0.26f, 0.25f, 180, 540, 24)));
            case 7 -> List.<float[][]>of(join(line(0.18f, 0.05f, 0.82f, 0.05f), line(0.82f, 0.05f, 0.4f, 0.98f)));
            case 8 -> List.<float[][]>of(join(arc(0.5f, 0.26f, 0.21f, 0.22f, 90, 450, 24),
                    arc(0.5f, 0.72f, 0.26f, 0.25f, 270, 630, 24)));
            case 9 -> List.<float[][]>of(join(arc(0.5f, 0.3f, 0.25f, 0.26f, 0, 360, 24), line(0.75f, 0.3f, 0.7f, 0.98f)));
            default -> throw new IllegalArgumentException("no strokes for digit " + digit);
        };
    }

    /** Draws the digit into the drawing with its box's top-left at (x, y), size pixels tall. */
    static void draw(Drawing drawing, int digit, float x, float y, float size, float radius) {
        for (float[][] stroke : of(digit)) {
            drawing.begin(x + stroke[0][0] * size, y + stroke[0][1] * size, radius, false);
            for (int i = 1; i < stroke.length; i++) drawing.extend(x + stroke[i][0] * size, y + stroke[i][1] * size);
            drawing.end();
        }
    }

    private static float[][] line(float x0, float y0, float x1, float y1) {
        int n = 8;
        float[][] p = new float[n + 1][];
        for (int i = 0; i <= n; i++) p[i] = new float[] {x0 + (x1 - x0) * i / n, y0 + (y1 - y0) * i / n};
        return p;
    }

    private static float[][] ellipse(float cx, float cy, float rx, float ry) {
        return arc(cx, cy, rx, ry, -90, 275, 28);
    }

    /** Angles in degrees, 0 = right, 90 = down. */
    private static float[][] arc(float cx, float cy, float rx, float ry, float from, float to, int n) {
        float[][] p = new float[n + 1][];
        for (int i = 0; i <= n; i++) {
            double a = Math.toRadians(from + (to - from) * i / n);
            p[i] = new float[] {cx + rx * (float) Math.cos(a), cy + ry * (float) Math.sin(a)};
        }
        return p;
    }

    private static float[][] join(float[][]... parts) {
        List<float[]> all = new ArrayList<>();
        for (float[][] part : parts) all.addAll(List.of(part));
        return all.toArray(float[][]::new);
    }
}
