package org.convscope.data;

import java.util.Locale;
import org.convscope.engine.MemoryBudget;

/**
 * Brings a data set to a network's input size: images smaller on both sides are padded with background around them,
 * centred (MNIST's 28×28 digits become the 32×32 of the original LeNet-5, as in the paper); any other size is
 * resampled channel by channel (area averaging where it shrinks, bilinear where it grows). The whole set is brought to
 * the new size at once, so what that costs is computed first, in {@code long}, and compared with the largest array
 * and the heap: an architecture whose input is 150×150 asks for 1.5 GB of MNIST, one of 3000×3000 for 587 GB, and
 * in the launcher's 2 GB heap both are refused in words instead of ending in an {@link OutOfMemoryError} or an
 * overflow.
 */
public final class DatasetFit {
    private DatasetFit() {}

    /**
     * A training set and its test set at rows×cols (see {@link #to(Dataset, int, int)}) to train on, both checked
     * together before either is made: against half the heap, since training needs the rest (the network, its
     * optimizer and every layer's outputs for a batch on each thread), and against what the heap has free.
     *
     * @throws IllegalArgumentException "mnist: its 70,000 images padded to 150×150 need 1.5 GB, more than half the heap
     *                                  (0.9 GB); training needs the rest"
     */
    public static TrainTest to(TrainTest sets, int rows, int cols) {
        Dataset train = sets.train();
        if (train.rows() != rows || train.cols() != cols) {
            String name = train.name().replaceFirst(" train$", "");
            long images = (long) train.size() + sets.test().size();
            String how = how(rows >= train.rows() && cols >= train.cols(), rows, cols);
            long bytes = MemoryBudget.product(images, train.channels(), rows, cols);
            long half = Runtime.getRuntime().maxMemory() / 2;
            if (bytes > half) {
                throw new IllegalArgumentException(String.format(Locale.ROOT, "%s: its %,d images%s need %s, more than"
                        + " half the heap (%s); training needs the rest", name, images, how, size(bytes), size(half)));
            }
            require(name, images, train.channels(), rows, cols, how, false);
        }
        return new TrainTest(to(train, rows, cols), to(sets.test(), rows, cols));
    }

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
        String how = how(pad, rows, cols);
        byte[] out = new byte[(int) require(d.name(), d.size(), d.channels(), rows, cols, how, true)];
        int planes = d.size() * d.channels();
        for (int p = 0; p < planes; p++) {
            if (pad) padPlane(d, p, rows, cols, out);
            else resamplePlane(d, p, rows, cols, out);
        }
        return new Dataset(d.name() + how, d.channels(), rows, cols, d.numClasses(), out, d.labels());
    }

    private static String size(long bytes) {
        return bytes == Long.MAX_VALUE ? "more than 8 EB" : org.convscope.io.MemoryBudget.size(bytes);
    }

    private static String how(boolean pad, int rows, int cols) {
        return (pad ? " padded to " : " resized to ") + rows + "×" + cols;
    }

    /**
     * The bytes of {@code images} images of channels×rows×cols, as one array or, for a training and a test set together,
     * as several; refused in words when the heap (or one array) cannot hold them.
     */
    private static long require(String name, long images, int channels, int rows, int cols, String how,
                                boolean oneArray) {
        long bytes = MemoryBudget.product(images, channels, rows, cols);
        long asked = bytes == Long.MAX_VALUE ? -1 : bytes; // saturated: "more than 8 EB"
        String shortfall = oneArray ? org.convscope.io.MemoryBudget.shortfallOfOneArray(asked)
                : org.convscope.io.MemoryBudget.shortfall(asked);
        if (shortfall != null) {
            throw new IllegalArgumentException(String.format(Locale.ROOT, "%s: its %,d images%s %s", name, images, how,
                    shortfall.replaceFirst("^needs ", "need ")));
        }
        return bytes;
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
