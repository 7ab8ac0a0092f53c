package org.convscope.ui.lecture.diagram;

/**
 * The colours a diagram is drawn in, by meaning; {@link Palette} turns them into the theme's colours (read from the
 * CSS), so the same diagram is right in the dark, light and high-contrast themes and in exports.
 */
public enum Ink {
    /** Numbers and headings. */
    TEXT,
    /** Secondary text: headings over grids, padding zeros, operators. */
    MUTED,
    /** The current output cell, the winner of max pooling, the current product. */
    ACCENT,
    /** The filter's window over the input. */
    WINDOW,
    /** Lines between cells. */
    GRID,
    /** Zero padding. */
    PAD,
    /** Cells no window reaches, ignored when the output is rounded down. */
    IGNORED,
    /** Text of a problem. */
    PROBLEM,
    /** The page behind the diagram. */
    BACKGROUND,
    /** Tint of positive values. */
    POSITIVE,
    /** Tint of negative values. */
    NEGATIVE,
    /** Tints of the red, green and blue channels of a colour image. */
    RED,
    GREEN,
    BLUE
}
