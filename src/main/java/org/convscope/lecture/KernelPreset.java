package org.convscope.lecture;

import java.util.Locale;

/**
 * Kernels for the playground: the classic image-processing filters and the 7×7 curve detector. Each is defined at
 * every size K, so a larger kernel is the same preset extended: identity keeps one 1 in the middle, box blur is 1/K²
 * everywhere, the Gaussian blur takes binomial weights over 4^(K−1), the edge and sharpen kernels keep summing to 0 and
 * 1, the diagonal edge keeps ±1 in the corners and the curve detector is its 7×7 curve cropped or bordered with zeros.
 */
public enum KernelPreset {
    IDENTITY("identity", 3),
    EDGE_DIAGONAL("edge (diagonal)", 3),
    EDGE_CROSS("edge (4 neighbours)", 3),
    EDGE_ALL("edge (8 neighbours)", 3),
    SHARPEN("sharpen", 3),
    BOX_BLUR("box blur", 3),
    GAUSSIAN_BLUR("Gaussian blur", 3),
    CURVE_DETECTOR("curve detector", 7);

    /** The curve detector's cells of 30 in its 7×7: (0,5), (1,4), then down column 3 from row 2 to row 5. */
    private static final int[][] CURVE = {{0, 5}, {1, 4}, {2, 3}, {3, 3}, {4, 3}, {5, 3}};

    private final String label;
    private final int size;

    KernelPreset(String label, int size) {
        this.label = label;
        this.size = size;
    }

    public String label() {
        return label;
    }

    /** The size the classic texts give it: 3, or 7 for the curve detector. */
    public int size() {
        return size;
    }

    /** The kernel at its classic size as a one-channel volume, the scale (e.g. 1/9) already applied. */
    public Volume kernel() {
        return kernel(size);
    }

    /** The preset extended (or reduced) to k×k. */
    public Volume kernel(int k) {
        if (k < 1) throw new IllegalArgumentException(label + " kernel of size " + k + ", expected at least 1");
        float[][] m = new float[k][k];
        int mid = (k - 1) / 2;
        switch (this) {
            case IDENTITY -> m[mid][mid] = 1;
            case EDGE_DIAGONAL -> {
                m[0][0] += 1;
                m[k - 1][k - 1] += 1;
                m[0][k - 1] -= 1;
                m[k - 1][0] -= 1;
            }
            case EDGE_CROSS -> m[mid][mid] = cross(m, mid, -1);
            case SHARPEN -> m[mid][mid] = cross(m, mid, -1) + 1;
            case EDGE_ALL -> {
                for (float[] row : m) java.util.Arrays.fill(row, -1);
                m[mid][mid] = k * k - 1;
            }
            case BOX_BLUR -> {
                for (float[] row : m) java.util.Arrays.fill(row, 1f / (k * k));
            }
            case GAUSSIAN_BLUR -> {
                double[] row = binomial(k - 1);
                double norm = Math.pow(4, k - 1);
                for (int y = 0; y < k; y++) for (int x = 0; x < k; x++) m[y][x] = (float) (row[y] * row[x] / norm);
            }
            case CURVE_DETECTOR -> {
                int offset = (k - size) / 2;
                for (int[] cell : CURVE) {
                    int y = cell[0] + offset;
                    int x = cell[1] + offset;
                    if (y >= 0 && y < k && x >= 0 && x < k) m[y][x] = 30;
                }
            }
        }
        return Volume.of(m);
    }

    /** Sets the middle cell's four neighbours (those inside) to {@code value}; returns −value × their count. */
    private static float cross(float[][] m, int mid, float value) {
        int[][] around = {{-1, 0}, {1, 0}, {0, -1}, {0, 1}};
        int n = 0;
        for (int[] d : around) {
            int y = mid + d[0];
            int x = mid + d[1];
            if (y >= 0 && y < m.length && x >= 0 && x < m.length) {
                m[y][x] = value;
                n++;
            }
        }
        return -value * n;
    }

    /** Row n of Pascal's triangle. */
    private static double[] binomial(int n) {
        double[] row = new double[n + 1];
        row[0] = 1;
        for (int i = 1; i <= n; i++) row[i] = row[i - 1] * (n - i + 1) / i;
        return row;
    }

    /** The preset whose kernel at this size equals {@code kernel} in every channel, or null. */
    public static KernelPreset matching(Volume kernel) {
        if (kernel.height() != kernel.width()) return null;
        for (KernelPreset p : values()) {
            if (Origin.repeated(p.kernel(kernel.height()), kernel.channels()).equals(kernel)) return p;
        }
        return null;
    }

    /** The preset with this name (e.g. "curve-detector") or label; null when there is none. */
    public static KernelPreset byName(String name) {
        for (KernelPreset p : values()) {
            if (p.fileName().equals(name) || p.label.equals(name)) return p;
        }
        return null;
    }

    /** The name lesson files use: "box-blur", "edge-diagonal", … */
    public String fileName() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    @Override
    public String toString() {
        return label;
    }
}
