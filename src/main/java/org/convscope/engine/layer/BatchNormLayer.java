package org.convscope.engine.layer;

import java.util.List;
import org.convscope.engine.Dims;
import org.convscope.engine.Param;
import org.convscope.engine.kernel.Kernels;
import org.convscope.engine.kernel.Parallel;
import org.convscope.engine.spec.BatchNormSpec;

/**
 * Batch normalisation with the running statistics: per channel c, y = x·s_c + t_c with s_c = γ_c/√(σ²_c + ε) and
 * t_c = β_c − μ_c·s_c. Backward: dγ_c += Σ dy·(x − μ_c)/√(σ²_c + ε), dβ_c += Σ dy, dx = dy·s_c; μ and σ² are
 * buffers and do not change.
 */
public record BatchNormLayer(BatchNormSpec spec, Dims input, Dims output, Param weight, Param bias, Param mean,
                             Param variance) implements UnaryLayer {
    // weight γ, bias β, mean μ, variance σ²: [C] each

    public static BatchNormLayer create(BatchNormSpec spec, Dims input) {
        int c = input.channels();
        return new BatchNormLayer(spec, input, spec.outputDims(input), Param.zeros(spec.name() + ".weight", c),
                Param.zeros(spec.name() + ".bias", c), Param.zeros(spec.name() + ".running_mean", c),
                Param.zeros(spec.name() + ".running_var", c));
    }

    @Override
    public List<Param> params() {
        return List.of(weight, bias);
    }

    @Override
    public List<Param> buffers() {
        return List.of(mean, variance);
    }

    @Override
    public Scratch newScratch(int maxBatch, Kernels kernels, Parallel parallel) {
        return new Threads(parallel);
    }

    /** 1/√(σ²_c + ε), computed as the engine and the inspector both use it. */
    public float inverseStd(int c) {
        return (float) (1.0 / Math.sqrt((double) variance.value()[c] + spec.epsilon()));
    }

    @Override
    public void forward(Kernels k, float[] x, float[] y, int n, Scratch scratch) {
        int channels = input.channels();
        int plane = input.height() * input.width();
        Threads.split(scratch, n * channels, (long) n * input.size(), (from, to) -> {
            for (int p = from; p < to; p++) {
                int c = p % channels;
                float inv = inverseStd(c);
                float s = weight.value()[c] * inv;
                float t = bias.value()[c] - mean.value()[c] * s;
                for (int i = p * plane, end = i + plane; i < end; i++) y[i] = x[i] * s + t;
            }
        });
    }

    @Override
    public void backward(Kernels k, float[] x, float[] y, float[] dy, float[] dx, int n, Scratch scratch, float[][] grads) {
        int channels = input.channels();
        int plane = input.height() * input.width();
        float[] dGamma = grads[0];
        float[] dBeta = grads[1];
        for (int p = 0; p < n * channels; p++) {
            int c = p % channels;
            float inv = inverseStd(c);
            float mu = mean.value()[c];
            float s = weight.value()[c] * inv;
            float sumDy = 0f;
            float sumDyXhat = 0f;
            for (int i = p * plane, end = i + plane; i < end; i++) {
                sumDy += dy[i];
                sumDyXhat += dy[i] * (x[i] - mu) * inv;
                if (dx != null) dx[i] = dy[i] * s;
            }
            dGamma[c] += sumDyXhat;
            dBeta[c] += sumDy;
        }
    }
}
