package org.convscope.ui.lecture.diagram;

/** What a diagram draws, in diagram units, in the order given. */
public sealed interface Item {
    /** How text is set: numbers in a monospaced bold face (every character equally wide), words in a sans face. */
    enum Face { MONO, SANS, SANS_BOLD }

    /** Where a text's x is: its left end, its middle or its right end. */
    enum Align { LEFT, CENTER, RIGHT }

    /** A filled rectangle: the ink at {@code alpha} over the page. */
    record Fill(Rect rect, Ink ink, double alpha) implements Item {}

    /** A rectangle's outline, drawn inside it; {@code width} in units. */
    record Outline(Rect rect, Ink ink, double width, boolean dashed) implements Item {}

    /** A straight line; {@code width} in units. */
    record Line(double x1, double y1, double x2, double y2, Ink ink, double width, boolean dashed) implements Item {}

    /** A disc with an outline. */
    record Disc(double cx, double cy, double radius, Ink fill, double alpha, Ink outline) implements Item {}

    /**
     * One line of text, vertically centred on {@code y}; {@code size} in units. {@code role} says what it is ("cell",
     * "heading", "sum", …), for tests that check what was drawn.
     */
    record Text(double x, double y, String text, double size, Face face, Ink ink, Align align, String role)
            implements Item {}

    /**
     * A map drawn as pixels, one per value: tinted by {@link Tint} over ±range (or [0, range]); NaN cells are left
     * empty (the page shows through).
     */
    record Heat(Rect rect, int rows, int cols, float[] values, int offset, float range, Tint tint) implements Item {}

    /** How values become colour: blue below zero and red above, or one channel's own colour for an image. */
    enum Tint {
        DIVERGING(Ink.NEGATIVE, Ink.POSITIVE), RED(Ink.RED, Ink.RED), GREEN(Ink.GREEN, Ink.GREEN), BLUE(Ink.BLUE, Ink.BLUE);

        private final Ink below;
        private final Ink above;

        Tint(Ink below, Ink above) {
            this.below = below;
            this.above = above;
        }

        /** The ink of a value's sign. */
        public Ink ink(float v) {
            return v < 0 ? below : above;
        }

        /** How strongly a value over ±range shows: 0 for 0, up to 0.85 at the range. */
        public static double alpha(float v, float range) {
            if (!(range > 0) || Float.isNaN(v)) return 0;
            return 0.85 * Math.min(1, Math.abs(v) / range);
        }
    }
}
