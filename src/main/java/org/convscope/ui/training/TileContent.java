package org.convscope.ui.training;

/**
 * What a {@link LayerTiles} grid shows: a number of tiles of one size (a layer's filters, or its feature maps), each
 * painted on request into a pixel buffer, with a description for its tooltip and, optionally, a key to sort by.
 */
interface TileContent {
    /** How many tiles. */
    int count();

    /** A tile's width in pixels when each value is scale×scale pixels. */
    int width(int scale);

    /** A tile's height in pixels when each value is scale×scale pixels. */
    int height(int scale);

    /** The largest scale worth drawing at (a tile any larger would only be coarser, not clearer). */
    int maxScale();

    /** The smallest scale at which a tile still reads; a page holds only as many tiles as fit at it. */
    int minScale();

    /**
     * Paints tile {@code tile} with its top-left corner at (x, y) of {@code pixels}, a row-major ARGB buffer whose
     * rows are {@code stride} long, each value a scale×scale block; {@code gap} is the colour between its parts.
     */
    void paint(int tile, int[] pixels, int stride, int x, int y, int scale, int gap);

    /** The tile in words, for its tooltip ("filter 5 of 32 · ‖w‖ = 0.83 …"). */
    String describe(int tile);

    /** One number per tile to sort by, largest first ("most changed", "most active"), or null when there is none. */
    double[] keys();
}
