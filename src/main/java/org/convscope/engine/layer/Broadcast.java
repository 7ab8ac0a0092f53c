package org.convscope.engine.layer;

import org.convscope.engine.Dims;
import org.convscope.engine.spec.Arithmetic;

/**
 * Element-wise y = a ∘ b over one sample, where a and b each have the output's size along every axis or 1 (then the
 * value repeats along it), and the adjoints that add dL/da and dL/db into arrays of a's and b's shapes.
 */
final class Broadcast {
    private Broadcast() {}

    /** y[out] at yOff = a[A] at aOff ∘ b[B] at bOff. */
    static void apply(Arithmetic op, float[] a, int aOff, Dims da, float[] b, int bOff, Dims db, float[] y, int yOff, Dims out) {
        if (da.equals(out) && db.equals(out)) {
            int size = out.size();
            switch (op) {
                case ADD -> { for (int i = 0; i < size; i++) y[yOff + i] = a[aOff + i] + b[bOff + i]; }
                case SUB -> { for (int i = 0; i < size; i++) y[yOff + i] = a[aOff + i] - b[bOff + i]; }
                case MUL -> { for (int i = 0; i < size; i++) y[yOff + i] = a[aOff + i] * b[bOff + i]; }
                case DIV -> { for (int i = 0; i < size; i++) y[yOff + i] = a[aOff + i] / b[bOff + i]; }
            }
            return;
        }
        int o = yOff;
        int sa = da.width() == 1 ? 0 : 1;
        int sb = db.width() == 1 ? 0 : 1;
        for (int c = 0; c < out.channels(); c++) {
            for (int r = 0; r < out.height(); r++) {
                int ra = aOff + row(da, c, r);
                int rb = bOff + row(db, c, r);
                for (int x = 0; x < out.width(); x++) y[o++] = op.apply(a[ra + x * sa], b[rb + x * sb]);
            }
        }
    }

    /**
     * Adds dy·∂(a ∘ b)/∂a into ga (when not null, shape A) and dy·∂(a ∘ b)/∂b into gb (when not null, shape B),
     * summing over the axes along which the operand was repeated.
     */
    static void adjoint(Arithmetic op, float[] a, int aOff, Dims da, float[] b, int bOff, Dims db, float[] dy, int dyOff,
                        Dims out, float[] ga, float[] gb) {
        int o = dyOff;
        int sa = da.width() == 1 ? 0 : 1;
        int sb = db.width() == 1 ? 0 : 1;
        for (int c = 0; c < out.channels(); c++) {
            for (int r = 0; r < out.height(); r++) {
                int ra = aOff + row(da, c, r);
                int rb = bOff + row(db, c, r);
                for (int x = 0; x < out.width(); x++, o++) {
                    float g = dy[o];
                    int ia = ra + x * sa;
                    int ib = rb + x * sb;
                    switch (op) {
                        case ADD -> {
                            if (ga != null) ga[ia] += g;
                            if (gb != null) gb[ib] += g;
                        }
                        case SUB -> {
                            if (ga != null) ga[ia] += g;
                            if (gb != null) gb[ib] -= g;
                        }
                        case MUL -> {
                            if (ga != null) ga[ia] += g * b[ib];
                            if (gb != null) gb[ib] += g * a[ia];
                        }
                        case DIV -> {
                            if (ga != null) ga[ia] += g / b[ib];
                            if (gb != null) gb[ib] -= g * a[ia] / (b[ib] * b[ib]);
                        }
                    }
                }
            }
        }
    }

    /** Offset of row r of channel c of an operand of shape d, repeated where d has size 1. */
    private static int row(Dims d, int c, int r) {
        int cc = d.channels() == 1 ? 0 : c;
        int rr = d.height() == 1 ? 0 : r;
        return (cc * d.height() + rr) * d.width();
    }
}
