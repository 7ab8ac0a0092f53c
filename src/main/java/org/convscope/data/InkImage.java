package org.convscope.data;

/**
 * A grayscale image as ink coverage: 0 = background, 1 = full ink, whatever the colours of the
 * original. A size of 0 × 0 stands for "no ink found" in the steps of {@link Preprocess}.
 */
public record InkImage(int width, int height, float[] ink /* [height][width] */) {

    public InkImage {
        if (width < 0 || height < 0) {
            throw new IllegalArgumentException("width and height must be >= 0, found " + width + "×" + height);
        }
        if (ink.length != (long) width * height) {
            throw new IllegalArgumentException("ink.length is " + ink.length + ", expected "
                    + width + "×" + height + " = " + (long) width * height);
        }
    }

    /** A blank image (all background) of the given size. */
    public static InkImage blank(int width, int height) {
        return new InkImage(width, height, new float[Math.multiplyExact(width, height)]);
    }

    /** The ink at column x, row y. */
    public float at(int x, int y) {
        return ink[y * width + x];
    }

    public boolean isEmpty() {
        return width == 0 || height == 0;
    }
}
