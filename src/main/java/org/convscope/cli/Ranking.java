package org.convscope.cli;

/** The indices of the largest values. */
final class Ranking {
    private Ranking() {}

    /** The indices of the k largest values of p, largest first (ties: lower index first). */
    static int[] top(float[] p, int k) {
        int count = Math.min(k, p.length);
        int[] top = new int[count];
        boolean[] taken = new boolean[p.length];
        for (int g = 0; g < count; g++) {
            int best = -1;
            for (int j = 0; j < p.length; j++) if (!taken[j] && (best < 0 || p[j] > p[best])) best = j;
            taken[best] = true;
            top[g] = best;
        }
        return top;
    }
}
