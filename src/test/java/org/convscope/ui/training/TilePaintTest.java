package org.convscope.ui.training;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.util.SplittableRandom;
import org.convscope.engine.Dims;
import org.convscope.training.ConvFilters;
import org.convscope.ui.view.ColorMap;
import org.junit.jupiter.api.Test;

/**
 * The tile painters against a scalar reference: every pixel of a tile at scale s is the colour of the value at
 * (row / s, column / s), written at its place in the buffer and nowhere else.
 */
class TilePaintTest {
    private static final int STRIDE = 150;
    private static final int BACKGROUND = 0xFF123456;

    @Test
    void aFeatureMapIsEachValuesColourInAScaleByScaleBlock() {
        Dims d = new Dims(3, 5, 7);
        float[] data = values(d.size(), 1);
        float[] range = {-1, 1};
        MapTiles tiles = new MapTiles("relu1", data, d, ColorMap.VIRIDIS, range);
        for (int scale : new int[] {1, 3, 4}) {
            int[] painted = background();
            tiles.paint(2, painted, STRIDE, 11, 6, scale, 0);
            int[] expected = background();
            for (int r = 0; r < d.height() * scale; r++) {
                for (int q = 0; q < d.width() * scale; q++) {
                    float v = data[2 * d.height() * d.width() + (r / scale) * d.width() + q / scale];
                    expected[(6 + r) * STRIDE + 11 + q] = ColorMap.VIRIDIS.argb(v, range[0], range[1]);
                }
            }
            assertArrayEquals(expected, painted, "scale " + scale);
        }
    }

    @Test
    void aFilterIsEachWeightsColourInAScaleByScaleBlockOnTheGapColour() {
        ConvFilters f = new ConvFilters("conv1", 4, 1, 3, 5, values(4 * 15, 2));
        FilterTiles tiles = new FilterTiles(f, null, false);
        float extent = tiles.extent();
        for (int scale : new int[] {1, 2, 5}) {
            int[] painted = background();
            tiles.paint(3, painted, STRIDE, 4, 9, scale, 0xFF000000);
            int[] expected = background();
            for (int r = 0; r < 3 * scale; r++) {
                for (int q = 0; q < 5 * scale; q++) {
                    float w = f.weights()[3 * 15 + (r / scale) * 5 + q / scale];
                    expected[(9 + r) * STRIDE + 4 + q] = ColorMap.DIVERGING.argb(w, -extent, extent);
                }
            }
            assertArrayEquals(expected, painted, "scale " + scale);
        }
    }

    @Test
    void aColourFilterTakesItsRedGreenAndBlueFromItsThreeChannels() {
        ConvFilters f = new ConvFilters("conv1", 2, 3, 2, 2, values(2 * 12, 3));
        FilterTiles tiles = new FilterTiles(f, null, true);
        float extent = tiles.extent();
        int scale = 3;
        int[] painted = background();
        tiles.paint(1, painted, STRIDE, 0, 0, scale, 0xFF000000);
        int[] expected = background();
        for (int r = 0; r < 2 * scale; r++) {
            for (int q = 0; q < 2 * scale; q++) {
                int at = 12 + (r / scale) * 2 + q / scale;
                int red = level(f.weights()[at], extent);
                int green = level(f.weights()[at + 4], extent);
                int blue = level(f.weights()[at + 8], extent);
                expected[r * STRIDE + q] = 0xFF000000 | red << 16 | green << 8 | blue;
            }
        }
        assertArrayEquals(expected, painted);
    }

    /** A weight of −extent is 0, 0 is the middle, +extent is 255. */
    private static int level(float w, float extent) {
        return Math.clamp(Math.round(127.5f + 127.5f * w / extent), 0, 255);
    }

    private static float[] values(int n, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        float[] v = new float[n];
        for (int i = 0; i < n; i++) v[i] = (float) random.nextDouble(-1, 1);
        return v;
    }

    private static int[] background() {
        int[] pixels = new int[STRIDE * 60];
        java.util.Arrays.fill(pixels, BACKGROUND);
        return pixels;
    }
}
