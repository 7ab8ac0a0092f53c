package org.convscope.engine.kernel.simd;

import static org.convscope.engine.kernel.simd.ConvTiles.L;
import static org.convscope.engine.kernel.simd.ConvTiles.S;
import static org.convscope.engine.kernel.simd.ConvTiles.VECTORS;
import static org.convscope.engine.kernel.simd.ConvTiles.WIDTH;

import java.util.Arrays;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorMask;

/**
 * Where the lanes of a tile row go in the output plane: run r covers wide positions q = r·WIDTH + j·L + l (vector
 * j, lane l); a lane is real when q < span and ox = q mod Wq < outW, and then goes to y[oy·outW + ox]. Lanes of one
 * vector and one output row move together: lane l lands at shift + l with shift = r·WIDTH + j·L − oy·(Wq − outW), so
 * each (vector, row) pair is one store under a mask of its real lanes, unmasked when all lanes are real. A run has at
 * most a few such stores per vector; they are listed once, at construction.
 */
final class WideStores {
    private final int[] first;   // [runs + 1]: the stores of run r are [first[r], first[r + 1])
    private final int[] vector;  // [stores]: which vector of the tile row
    private final int[] shift;   // [stores]: lane l goes to y[plane + shift + l]
    private final long[] lanes;  // [stores]: the real lanes, bit l for lane l

    WideStores(int runs, int span, int pitch, int outW) {
        first = new int[runs + 1];
        int[] v = new int[runs * VECTORS * 4];
        int[] s = new int[v.length];
        long[] m = new long[v.length];
        int n = 0;
        for (int r = 0; r < runs; r++) {
            first[r] = n;
            for (int j = 0; j < VECTORS; j++) {
                int start = r * WIDTH + j * L;
                int row = -1;
                for (int l = 0; l < L; l++) {
                    int q = start + l;
                    if (q >= span || q % pitch >= outW) continue;
                    if (q / pitch != row) {
                        row = q / pitch;
                        if (n == v.length) {
                            v = Arrays.copyOf(v, 2 * n);
                            s = Arrays.copyOf(s, 2 * n);
                            m = Arrays.copyOf(m, 2 * n);
                        }
                        v[n] = j;
                        s[n] = start - row * (pitch - outW);
                        n++;
                    }
                    m[n - 1] |= 1L << l;
                }
            }
        }
        first[runs] = n;
        vector = Arrays.copyOf(v, n);
        shift = Arrays.copyOf(s, n);
        lanes = Arrays.copyOf(m, n);
    }

    /** Rows [0, rows) of tile[ROWS][WIDTH], computed for run r, into the output planes y[plane + i·ldy]. */
    void store(int r, float[] tile, int rows, float[] y, int plane, int ldy) {
        long all = (1L << L) - 1;
        for (int k = first[r]; k < first[r + 1]; k++) {
            int from = vector[k] * L;
            int to = plane + shift[k];
            if (lanes[k] == all) {
                for (int i = 0; i < rows; i++) FloatVector.fromArray(S, tile, i * WIDTH + from).intoArray(y, to + i * ldy);
            } else {
                VectorMask<Float> mask = VectorMask.fromLong(S, lanes[k]);
                for (int i = 0; i < rows; i++) FloatVector.fromArray(S, tile, i * WIDTH + from).intoArray(y, to + i * ldy, mask);
            }
        }
    }
}
