package org.convscope.engine.layer;

import java.util.Arrays;
import org.convscope.engine.Dims;
import org.convscope.engine.kernel.Kernels;
import org.convscope.engine.spec.PoolSpec;

/**
 * Pooling of each channel over window×window regions moved by stride. Max: y = max x, the gradient goes to the
 * winner (the first maximum). Average: y = Σx / window², the gradient is shared evenly. L2: y = √Σx², dy/dx = x / y.
 */
public record PoolLayer(PoolSpec spec, Dims input, Dims output) implements Layer {
    public static PoolLayer create(PoolSpec spec, Dims input) {
        return new PoolLayer(spec, input, spec.outputDims(input));
    }

    /** For max pooling: the input index of each output's winner. */
    record Winners(int[] index) implements Scratch {}

    @Override
    public Scratch newScratch(int maxBatch) {
        return spec.kind() == PoolSpec.Kind.MAX ? new Winners(new int[maxBatch * output.size()]) : Scratch.NONE;
    }

    /** Input index of the top-left corner of output (plane, oy, ox)'s window. */
    private int corner(int plane, int oy, int ox) {
        return (plane * input.height() + oy * spec.stride()) * input.width() + ox * spec.stride();
    }

    @Override
    public void forward(Kernels k, float[] x, float[] y, int n, Scratch scratch) {
        int window = spec.window();
        int inW = input.width();
        int planes = n * input.channels();
        int out = 0;
        for (int plane = 0; plane < planes; plane++) {
            for (int oy = 0; oy < output.height(); oy++) {
                for (int ox = 0; ox < output.width(); ox++, out++) {
                    int corner = corner(plane, oy, ox);
                    switch (spec.kind()) {
                        case MAX -> {
                            int best = corner;
                            for (int wy = 0; wy < window; wy++) {
                                for (int wx = 0; wx < window; wx++) {
                                    int idx = corner + wy * inW + wx;
                                    if (x[idx] > x[best]) best = idx;
                                }
                            }
                            ((Winners) scratch).index[out] = best;
                            y[out] = x[best];
                        }
                        case AVERAGE, L2 -> {
                            float sum = 0f;
                            boolean l2 = spec.kind() == PoolSpec.Kind.L2;
                            for (int wy = 0; wy < window; wy++) {
                                for (int wx = 0; wx < window; wx++) {
                                    float v = x[corner + wy * inW + wx];
                                    sum += l2 ? v * v : v;
                                }
                            }
                            y[out] = l2 ? (float) Math.sqrt(sum) : sum / (window * window);
                        }
                    }
                }
            }
        }
    }

    @Override
    public void backward(Kernels k, float[] x, float[] y, float[] dy, float[] dx, int n, Scratch scratch, float[][] grads) {
        if (dx == null) return;
        Arrays.fill(dx, 0, n * input.size(), 0f);
        int total = n * output.size();
        if (spec.kind() == PoolSpec.Kind.MAX) {
            int[] winners = ((Winners) scratch).index;
            for (int out = 0; out < total; out++) dx[winners[out]] += dy[out];
            return;
        }
        int window = spec.window();
        int inW = input.width();
        float share = 1f / (window * window);
        int out = 0;
        for (int plane = 0; plane < n * input.channels(); plane++) {
            for (int oy = 0; oy < output.height(); oy++) {
                for (int ox = 0; ox < output.width(); ox++, out++) {
                    int corner = corner(plane, oy, ox);
                    for (int wy = 0; wy < window; wy++) {
                        for (int wx = 0; wx < window; wx++) {
                            int idx = corner + wy * inW + wx;
                            dx[idx] += switch (spec.kind()) {
                                case AVERAGE -> dy[out] * share;
                                case L2 -> y[out] > 0f ? dy[out] * x[idx] / y[out] : 0f;
                                case MAX -> throw new AssertionError();
                            };
                        }
                    }
                }
            }
        }
    }
}
