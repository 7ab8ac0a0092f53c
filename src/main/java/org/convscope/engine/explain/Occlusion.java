package org.convscope.engine.explain;

import java.util.Arrays;
import java.util.stream.IntStream;
import org.convscope.engine.Dims;
import org.convscope.engine.Network;
import org.convscope.engine.Workspace;
import org.convscope.engine.kernel.KernelSelection;

/**
 * Saliency by occlusion: how much the probability of a class drops when each part of the input is hidden. A
 * square patch of zeros (no ink on a digit; the mean colour of a normalised photo; in every channel) slides over the
 * image, the last row and column of patches flush with the border so every pixel is covered; each patch's drop
 * p(class | image) − p(class | occluded image) is shared by the pixels it covers, and a pixel's saliency is the mean
 * drop of the patches covering it. Negative where hiding a part makes the class more likely. Patches over blank parts
 * of the image are not run: hiding them changes nothing. The patch is {@value #PATCH} pixels with stride
 * {@value #STRIDE} on a digit; on larger inputs it grows with the image (an eighth of its shorter side, stride half
 * that), so a 224×224 photo takes 13×13 passes, not 111×111.
 *
 * <p>An instance owns its workspace (the occluded images run in batches): reuse it, one per thread.
 */
public final class Occlusion {
    public static final int PATCH = 4;
    public static final int STRIDE = 2;
    static final int BATCH = 100;

    private final Network network;
    private final Workspace workspace;
    private final int patch;
    private final int stride;

    public Occlusion(Network network) {
        this.network = network;
        Dims in = network.input();
        int shorter = Math.min(in.height(), in.width());
        this.patch = shorter <= 32 ? PATCH : Math.max(PATCH, shorter / 8);
        this.stride = shorter <= 32 ? STRIDE : Math.max(STRIDE, patch / 2);
        int batch = (int) Math.clamp(BATCH * 784L / Math.max(1, in.size()), 1, BATCH);
        this.workspace = new Workspace(network, KernelSelection.preferred(), batch);
    }

    /** The side of the patches hidden, in pixels. */
    public int patch() {
        return patch;
    }

    /** A map of the input's size (row-major H×W) with a fresh workspace; see {@link #saliency}. */
    public static float[] map(Network network, float[] input, int classIndex) {
        return new Occlusion(network).saliency(input, classIndex);
    }

    /** A map of the input's size (row-major H×W); larger values mark pixels that drive the class more. */
    public float[] saliency(float[] input, int classIndex) {
        Dims dims = network.input();
        if (input.length != dims.size()) {
            throw new IllegalArgumentException("occlusion: input has " + input.length + " values, the network's "
                    + dims + " input needs " + dims.size());
        }
        if (classIndex < 0 || classIndex >= network.numClasses()) {
            throw new IllegalArgumentException("occlusion: class " + classIndex + " outside 0.." + (network.numClasses() - 1));
        }
        int[] rows = corners(dims.height(), patch, stride);
        int[] cols = corners(dims.width(), patch, stride);
        float[] drops = new float[rows.length * cols.length];
        // Hiding a patch that is already blank changes nothing: its drop is exactly 0 and it needs no forward pass.
        int[] inked = IntStream.range(0, drops.length)
                .filter(q -> !blank(input, dims, rows[q / cols.length], cols[q % cols.length], patch)).toArray();
        float base = Float.NaN;
        int classes = network.numClasses();
        int batch = workspace.maxBatch();
        org.convscope.engine.Loss.Output output = org.convscope.engine.Loss.Output.of(network.spec());
        float[] p = new float[classes];
        // Sample 0 of the first batch is the untouched image; inked patch i is sample i + 1 overall.
        for (int first = -1; first < inked.length; first += batch) {
            int count = Math.min(batch, inked.length - first);
            float[] x = workspace.input();
            for (int s = 0; s < count; s++) {
                int i = first + s;
                System.arraycopy(input, 0, x, s * dims.size(), dims.size());
                if (i >= 0) hide(x, s * dims.size(), dims, rows[inked[i] / cols.length], cols[inked[i] % cols.length], patch);
            }
            workspace.forward(count);
            float[] y = workspace.result();
            for (int s = 0; s < count; s++) {
                int i = first + s;
                output.probabilities(y, s * classes, classes, p);
                float prob = p[classIndex];
                if (i < 0) base = prob;
                else drops[inked[i]] = base - prob;
            }
        }
        return spread(drops, rows, cols, dims, patch);
    }

    /** Top rows (or left columns) of the patches: 0, stride, … and one flush with the far border. */
    static int[] corners(int size, int patch, int stride) {
        int last = Math.max(0, size - patch);
        int[] corners = new int[last / stride + 1 + (last % stride == 0 ? 0 : 1)];
        for (int i = 0; i < corners.length; i++) corners[i] = Math.min(i * stride, last);
        return corners;
    }

    private static boolean blank(float[] x, Dims dims, int top, int left, int patch) {
        int h = dims.height();
        int w = dims.width();
        for (int c = 0; c < dims.channels(); c++) {
            for (int y = top; y < Math.min(h, top + patch); y++) {
                for (int i = (c * h + y) * w + left, end = i + Math.min(patch, w - left); i < end; i++) {
                    if (x[i] != 0f) return false;
                }
            }
        }
        return true;
    }

    private static void hide(float[] x, int off, Dims dims, int top, int left, int patch) {
        int h = dims.height();
        int w = dims.width();
        for (int c = 0; c < dims.channels(); c++) {
            for (int y = top; y < Math.min(h, top + patch); y++) {
                int row = off + (c * h + y) * w;
                Arrays.fill(x, row + left, row + Math.min(w, left + patch), 0f);
            }
        }
    }

    /** Mean drop of the patches covering each pixel. */
    private static float[] spread(float[] drops, int[] rows, int[] cols, Dims dims, int patch) {
        int h = dims.height();
        int w = dims.width();
        float[] sum = new float[h * w];
        int[] covered = new int[h * w];
        for (int r = 0; r < rows.length; r++) {
            for (int c = 0; c < cols.length; c++) {
                float drop = drops[r * cols.length + c];
                for (int y = rows[r]; y < Math.min(h, rows[r] + patch); y++) {
                    for (int x = cols[c]; x < Math.min(w, cols[c] + patch); x++) {
                        sum[y * w + x] += drop;
                        covered[y * w + x]++;
                    }
                }
            }
        }
        for (int i = 0; i < sum.length; i++) sum[i] /= covered[i];
        return sum;
    }
}
