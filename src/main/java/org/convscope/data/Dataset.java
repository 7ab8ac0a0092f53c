package org.convscope.data;

/**
 * A labelled image dataset held in memory as bytes; images become floats one batch at a time
 * ({@link #toFloats}), so that 60000 MNIST digits take 47 MB rather than 188 MB.
 *
 * <p>The arrays are shared, not copied: treat them as read-only.
 *
 * @param name       shown to the user, e.g. "mnist train"
 * @param channels   1 for grayscale (all IDX data), 3 for colour
 * @param pixels     [count][channels][rows][cols], 0 = background … 255 = full intensity
 * @param labels     [count], unsigned, each below numClasses
 */
public record Dataset(String name, int channels, int rows, int cols, int numClasses,
                      byte[] pixels, byte[] labels) {

    private static final float[] TO_UNIT = unitTable();

    public Dataset {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("name must not be blank");
        }
        if (channels <= 0 || rows <= 0 || cols <= 0) {
            throw new IllegalArgumentException(name + ": channels, rows, cols must be > 0, found "
                    + channels + ", " + rows + ", " + cols);
        }
        if (numClasses <= 0 || numClasses > 256) {
            throw new IllegalArgumentException(name + ": numClasses is " + numClasses + ", expected 1..256");
        }
        long expected = (long) labels.length * channels * rows * cols;
        if (pixels.length != expected) {
            throw new IllegalArgumentException(name + ": pixels.length is " + pixels.length + ", expected "
                    + labels.length + "×" + channels + "×" + rows + "×" + cols + " = " + expected);
        }
        for (int i = 0; i < labels.length; i++) {
            if ((labels[i] & 0xff) >= numClasses) {
                throw new IllegalArgumentException(name + ": label " + i + " is " + (labels[i] & 0xff)
                        + ", expected < numClasses = " + numClasses);
            }
        }
    }

    /** Number of images. */
    public int size() {
        return labels.length;
    }

    /** Floats per image: channels × rows × cols. */
    public int imageSize() {
        return channels * rows * cols;
    }

    /** The class of image i, 0 .. numClasses - 1. */
    public int label(int i) {
        return labels[i] & 0xff;
    }

    /**
     * Converts the images {@code indices[from .. from+count)} to floats in [0, 1] (byte / 255):
     * image k of the batch goes to {@code out[k*imageSize() .. (k+1)*imageSize())}, each image
     * in [channels][rows][cols] order.
     */
    public void toFloats(int[] indices, int from, int count, float[] out) {
        checkBatch(indices, from, count, (long) count * imageSize(), out.length);
        int size = imageSize();
        for (int k = 0; k < count; k++) {
            int src = checkIndex(indices[from + k]) * size;
            int dst = k * size;
            for (int p = 0; p < size; p++) {
                out[dst + p] = TO_UNIT[pixels[src + p] & 0xff];
            }
        }
    }

    /** Copies the labels of {@code indices[from .. from+count)} to {@code out[0 .. count)}. */
    public void copyLabels(int[] indices, int from, int count, int[] out) {
        checkBatch(indices, from, count, count, out.length);
        for (int k = 0; k < count; k++) {
            out[k] = labels[checkIndex(indices[from + k])] & 0xff;
        }
    }

    /** Image i as ink coverage, for display and preprocessing; grayscale datasets only. */
    public InkImage inkImage(int i) {
        if (channels != 1) {
            throw new IllegalStateException(name + ": inkImage needs 1 channel, found " + channels);
        }
        float[] ink = new float[rows * cols];
        toFloats(new int[] {i}, 0, 1, ink);
        return new InkImage(cols, rows, ink);
    }

    private int checkIndex(int i) {
        if (i < 0 || i >= labels.length) {
            throw new IndexOutOfBoundsException(name + ": image index " + i + ", expected 0.." + (labels.length - 1));
        }
        return i;
    }

    private static void checkBatch(int[] indices, int from, int count, long needed, int available) {
        if (from < 0 || count < 0 || from + count > indices.length) {
            throw new IndexOutOfBoundsException("batch " + from + ".." + (from + count)
                    + " outside indices[0.." + indices.length + ")");
        }
        if (available < needed) {
            throw new IllegalArgumentException("out has " + available + " elements, batch needs " + needed);
        }
    }

    private static float[] unitTable() {
        float[] table = new float[256];
        for (int b = 0; b < 256; b++) {
            table[b] = b / 255f;
        }
        return table;
    }
}
