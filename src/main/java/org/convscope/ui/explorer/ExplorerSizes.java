package org.convscope.ui.explorer;

/**
 * The explorer's sizes for a window: the drawing canvas as large as the height allows, with the picture of what the
 * network sees and the preprocessing steps under it (the canvas is always the largest of them), within a share of the
 * width the inspector leaves, so that the network keeps its room; the inspector's width; whether the tool bar drops
 * the words of its buttons. Whether the inspector is open at first: {@link #inspectorAtFirst}.
 *
 * @param canvas         side of the drawing canvas, px
 * @param seen           side of "what the network sees", a whole multiple of the input's side
 * @param step           side of each preprocessing step's picture
 * @param inspector      width of the inspector panel
 * @param compactToolbar whether the tool bar's buttons show only their icons
 */
public record ExplorerSizes(double canvas, double seen, double step, double inspector, boolean compactToolbar) {
    /** Heights around the pictures of the left column: its padding and gap, the panels' padding, borders and titles. */
    static final double LEFT_CHROME = 20 + 10 + 2 * 22 + 30 + 36;
    /** Height around the steps' pictures: caption and size. */
    static final double STEP_CHROME = 38;
    /** Width around the canvas: the column's padding and the panel's. */
    static final double LEFT_SIDES = 10 + 22;
    static final double MIN_CANVAS = 200;
    static final double MAX_CANVAS = 440;
    /** Share of the width the inspector leaves that the canvas may take. */
    static final double CANVAS_SHARE = 0.24;
    /** The inspector is open at first from this width: below it, it would leave the network too little room. */
    static final double INSPECTOR_FROM = 1400;
    /** Below this width the tool bar's buttons show only their icons. */
    static final double COMPACT_BELOW = 1360;
    private static final double GAP = 6;

    /**
     * @param width      the explorer's width
     * @param bodyHeight the height between the tool bar and the status line
     * @param inputSide  side of the picture the network sees, in its own pixels (e.g. 28)
     * @param steps      whether the preprocessing steps are shown
     * @param inspector  whether the inspector is open
     */
    public static ExplorerSizes of(double width, double bodyHeight, int inputSide, boolean steps, boolean inspector) {
        if (inputSide < 1) throw new IllegalArgumentException("inputSide is " + inputSide + ", expected at least 1");
        // Height: canvas + seen (half the canvas) + steps (a third of it, each) and what surrounds them.
        double shares = 1 + 0.5 + (steps ? 1 / 3.0 : 0);
        double byHeight = (bodyHeight - LEFT_CHROME - (steps ? STEP_CHROME : 0)) / shares;
        double panel = inspectorWidth(width);
        double byWidth = (width - (inspector ? panel : 0)) * CANVAS_SHARE;
        double canvas = Math.floor(Math.clamp(Math.min(byHeight, byWidth), MIN_CANVAS, MAX_CANVAS));
        double seen = Math.max(2, Math.floor(canvas * 0.5 / inputSide)) * inputSide;
        double step = Math.floor((canvas - 2 * GAP) / 3);
        return new ExplorerSizes(canvas, seen, step, panel, width < COMPACT_BELOW);
    }

    /**
     * The inspector's width: a quarter of the window's less 20 px, within 290 and 460 px (a conv unit's three
     * matrices of 5×5 values side by side from about 1800 px, two on a line below).
     */
    static double inspectorWidth(double width) {
        return Math.clamp(width * 0.25 - 20, 290, 460);
    }

    /** Whether the inspector is open before the user opens or closes it: when the network keeps room beside it. */
    public static boolean inspectorAtFirst(double width) {
        return width >= INSPECTOR_FROM;
    }
}
