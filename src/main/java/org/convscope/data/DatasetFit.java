package org.convscope.data;

/**
 * Brings a data set to a network's input size: images smaller on both sides are padded with background around them,
 * centred (MNIST's 28×28 digits become the 32×32 of the original LeNet-5, as in the paper); any other size is
 * resampled channel by channel (area averaging where it shrinks, bilinear where it grows).
 */
public final class DatasetFit {
    private DatasetFit() {}

    /** The data set at rows×cols; the same object when it already is. */
    public static Dataset to(Dataset d, int rows, int cols) {
        return fit(d, rows, cols, rows >= d.rows() && cols >= d.cols());
    }

    /** The data set resampled to rows×cols, never padded (pictures of any size fill the input). */
    public static Dataset resized(Dataset d, int rows, int cols) {
        return fit(d, rows, cols, false);
    }

    private static Dataset fit(Dataset d, int rows, int cols, boolean pad) {
        if (rows <= 0 || cols <= 0) {
            throw new IllegalArgumentException(d.name() + ": cannot fit to " + rows + "×" + cols);
        }
        if (d.rows() == rows && d.cols() == cols) return d;
        byte[] out = new byte[Math.multiplyExact(d.size(), d.channels() * rows * cols)];
        int planes = d.size() * d.channels();
        for (int p = 0; p < planes; p++) {
            if (pad) padPlane(d, p, rows, cols, out);
            else resamplePlane(d, p, rows, cols, out);
        }
        String how = (pad ? " padded to " : " resized to ") + rows + "×" + cols;
        return new Dataset(d.name() + how, d.channels(), rows, cols, d.numClasses(), out, d.labels());
    }

    /** How {@link #to} changes images of this size, in words ("padded to 32×32"), or "" when it does not. */
    public static String describe(int fromRows, int fromCols, int rows, int cols) {
        if (fromRows == rows && fromCols == cols) return "";
        boolean pad = rows >= fromRows && cols >= fromCols;
        return fromRows + "×" + fromCols + " images " + (pad ? "padded" : "resized") + " to " + rows + "×" + cols;
    }

    private static void padPlane(Dataset d, int plane, int rows, int cols, byte[] out) {
        int top = (rows - d.rows()) / 2;
        int left = (cols - d.cols()) / 2;
        int src = plane * d.rows() * d.cols();
        int dst = plane * rows * cols;
        for (int y = 0; y < d.rows(); y++) {
            System.arraycopy(d.pixels(), src + y * d.cols(), out, dst + (top + y) * cols + left, d.cols());
        }
    }

    private static void resamplePlane(Dataset d, int plane, int rows, int cols, byte[] out) {
        int size = d.rows() * d.cols();
        float[] values = new float[size];
        for (int i = 0; i < size; i++) values[i] = d.pixels()[plane * size + i] & 0xff;
        float[] scaled = Resample.to(new InkImage(d.cols(), d.rows(), values), cols, rows).ink();
        int dst = plane * rows * cols;
        for (int i = 0; i < scaled.length; i++) out[dst + i] = (byte) Math.clamp(Math.round(scaled[i]), 0, 255);
    }
}
