package org.convscope.lecture;

/** Kernels for the playground: the classic image-processing filters and the 7×7 curve detector. */
public enum KernelPreset {
    IDENTITY("identity", 1, new float[][] {{0, 0, 0}, {0, 1, 0}, {0, 0, 0}}),
    EDGE_DIAGONAL("edge (diagonal)", 1, new float[][] {{1, 0, -1}, {0, 0, 0}, {-1, 0, 1}}),
    EDGE_CROSS("edge (4 neighbours)", 1, new float[][] {{0, -1, 0}, {-1, 4, -1}, {0, -1, 0}}),
    EDGE_ALL("edge (8 neighbours)", 1, new float[][] {{-1, -1, -1}, {-1, 8, -1}, {-1, -1, -1}}),
    SHARPEN("sharpen", 1, new float[][] {{0, -1, 0}, {-1, 5, -1}, {0, -1, 0}}),
    BOX_BLUR("box blur", 1 / 9f, new float[][] {{1, 1, 1}, {1, 1, 1}, {1, 1, 1}}),
    GAUSSIAN_BLUR("Gaussian blur", 1 / 16f, new float[][] {{1, 2, 1}, {2, 4, 2}, {1, 2, 1}}),
    CURVE_DETECTOR("curve detector", 1, curve());

    private final String label;
    private final float scale;
    private final float[][] rows;

    KernelPreset(String label, float scale, float[][] rows) {
        this.label = label;
        this.scale = scale;
        this.rows = rows;
    }

    /** 30 along a curve: (0,5), (1,4), then down column 3 from row 2 to row 5. */
    private static float[][] curve() {
        float[][] k = new float[7][7];
        int[][] cells = {{0, 5}, {1, 4}, {2, 3}, {3, 3}, {4, 3}, {5, 3}};
        for (int[] cell : cells) k[cell[0]][cell[1]] = 30;
        return k;
    }

    public String label() {
        return label;
    }

    public int size() {
        return rows.length;
    }

    /** The kernel as a one-channel volume, the scale (e.g. 1/9) already applied. */
    public Volume kernel() {
        float[][] scaled = new float[rows.length][];
        for (int y = 0; y < rows.length; y++) {
            scaled[y] = rows[y].clone();
            for (int x = 0; x < scaled[y].length; x++) scaled[y][x] *= scale;
        }
        return Volume.of(scaled);
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
        return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }

    @Override
    public String toString() {
        return label;
    }
}
