package org.convscope.engine.explain;

import java.util.SplittableRandom;
import java.util.function.BooleanSupplier;
import org.convscope.engine.Dims;
import org.convscope.engine.Network;
import org.convscope.engine.Workspace;
import org.convscope.engine.spec.SoftmaxSpec;

/**
 * What a channel or a class "looks for": an input made by gradient ascent from faint noise on the channel's mean
 * activation (or the class's score, the logit), x ← x + η·g/rms(g) with g = ∂objective/∂x. Plain ascent makes
 * high-frequency noise that no photo has; as in Olah et al.'s "Feature Visualization" (2017), each step sees the image
 * shifted by a random few pixels (jitter: the gradient of a shifted copy, shifted back), every few steps the image is
 * blurred a little, and values stay within the input's range (for a normalised photo, what the colours 0…1 become).
 */
public final class FeatureVisualization {
    /** What to maximise: the mean of channel {@code index} of a layer with maps, or class {@code index}'s score. */
    public record Target(int layer, int index, boolean classScore) {
        public static Target channel(int layer, int channel) {
            return new Target(layer, channel, false);
        }

        public static Target classScore(Network net, int classIndex) {
            int last = net.layers().size() - 1;
            int scores = net.spec().layers().get(last) instanceof SoftmaxSpec ? net.sources(last)[0] : last;
            return new Target(scores, classIndex, true);
        }
    }

    /**
     * @param steps      ascent steps
     * @param rate       η, in units of the input's range per step
     * @param jitter     the largest random shift, in pixels
     * @param blurEvery  blur after every this many steps (0: never)
     * @param low        each channel's lowest value
     * @param high       each channel's highest value
     */
    public record Settings(int steps, float rate, int jitter, int blurEvery, float[] low, float[] high, long seed) {
        /** For an input whose channels are 0…1 values normalised by mean and std (all zeros and ones: plain 0…1). */
        public static Settings forNormalised(Dims in, float[] mean, float[] std, int steps) {
            float[] low = new float[in.channels()];
            float[] high = new float[in.channels()];
            for (int c = 0; c < low.length; c++) {
                float m = mean.length == low.length ? mean[c] : 0f;
                float s = std.length == low.length ? std[c] : 1f;
                low[c] = (0 - m) / s;
                high[c] = (1 - m) / s;
            }
            int jitter = Math.max(1, Math.min(in.height(), in.width()) / 28);
            return new Settings(steps, 0.05f, jitter, 4, low, high, 1);
        }
    }

    /** The image so far, after {@code step} of the steps, and the objective's value at that step. */
    public interface Progress {
        void step(int step, float objective, float[] image);
    }

    private FeatureVisualization() {}

    /**
     * Runs the ascent in the workspace (batch 1; its input, gradients and parameter gradients are overwritten) and
     * returns the image [C][H][W]; stops early, returning the image so far, when {@code cancelled} says so.
     */
    public static float[] run(Workspace ws, Target target, Settings s, Progress progress, BooleanSupplier cancelled) {
        Network net = ws.network();
        Dims in = net.input();
        Dims out = net.layers().get(target.layer()).output();
        int plane = out.height() * out.width();
        if (target.index() < 0 || target.index() >= (target.classScore() ? out.size() : out.channels())) {
            throw new IllegalArgumentException("no " + (target.classScore() ? "class " : "channel ") + target.index());
        }
        float[] seed = new float[out.size()];
        if (target.classScore()) seed[target.index()] = 1f;
        else for (int i = target.index() * plane; i < (target.index() + 1) * plane; i++) seed[i] = 1f / plane;
        SplittableRandom random = new SplittableRandom(s.seed());
        int size = in.size();
        float[] x = new float[size];
        int inPlane = in.height() * in.width();
        for (int i = 0; i < size; i++) {
            int c = i / inPlane;
            float mid = (s.low()[c] + s.high()[c]) / 2;
            x[i] = mid + (float) random.nextGaussian() * 0.05f * (s.high()[c] - s.low()[c]);
        }
        float range = 0;
        for (int c = 0; c < in.channels(); c++) range = Math.max(range, s.high()[c] - s.low()[c]);
        ws.setInputGradient(true);
        float[] shifted = new float[size];
        for (int step = 1; step <= s.steps() && !cancelled.getAsBoolean(); step++) {
            int dy = random.nextInt(2 * s.jitter() + 1) - s.jitter();
            int dx = random.nextInt(2 * s.jitter() + 1) - s.jitter();
            roll(x, shifted, in, dy, dx);
            System.arraycopy(shifted, 0, ws.input(), 0, size);
            ws.forward(1);
            float objective = target.classScore() ? ws.output(target.layer())[target.index()]
                    : mean(ws.output(target.layer()), target.index() * plane, plane);
            ws.zeroGrads();
            ws.backwardFrom(target.layer(), seed);
            roll(ws.inputGrad(), shifted, in, -dy, -dx);
            double squares = 0;
            for (int i = 0; i < size; i++) squares += (double) shifted[i] * shifted[i];
            float scale = (float) (s.rate() * range / (Math.sqrt(squares / size) + 1e-12));
            for (int i = 0; i < size; i++) {
                int c = i / inPlane;
                x[i] = Math.clamp(x[i] + scale * shifted[i], s.low()[c], s.high()[c]);
            }
            if (s.blurEvery() > 0 && step % s.blurEvery() == 0) blur(x, in);
            if (progress != null) progress.step(step, objective, x.clone());
        }
        return x;
    }

    private static float mean(float[] v, int from, int count) {
        double sum = 0;
        for (int i = from; i < from + count; i++) sum += v[i];
        return (float) (sum / count);
    }

    /** out = x shifted down by dy rows and right by dx columns, wrapping around (a roll), per channel. */
    static void roll(float[] x, float[] out, Dims d, int dy, int dx) {
        int h = d.height();
        int w = d.width();
        for (int c = 0; c < d.channels(); c++) {
            int base = c * h * w;
            for (int y = 0; y < h; y++) {
                int sy = Math.floorMod(y - dy, h);
                for (int xx = 0; xx < w; xx++) out[base + y * w + xx] = x[base + sy * w + Math.floorMod(xx - dx, w)];
            }
        }
    }

    /** A 3×3 blur with weights 1-2-1 along each axis (edges repeated), per channel, in place. */
    static void blur(float[] x, Dims d) {
        int h = d.height();
        int w = d.width();
        float[] row = new float[h * w];
        for (int c = 0; c < d.channels(); c++) {
            int base = c * h * w;
            for (int y = 0; y < h; y++) {
                for (int xx = 0; xx < w; xx++) {
                    int l = base + y * w + Math.max(0, xx - 1);
                    int r = base + y * w + Math.min(w - 1, xx + 1);
                    row[y * w + xx] = 0.25f * x[l] + 0.5f * x[base + y * w + xx] + 0.25f * x[r];
                }
            }
            for (int y = 0; y < h; y++) {
                int up = Math.max(0, y - 1) * w;
                int down = Math.min(h - 1, y + 1) * w;
                for (int xx = 0; xx < w; xx++) {
                    x[base + y * w + xx] = 0.25f * row[up + xx] + 0.5f * row[y * w + xx] + 0.25f * row[down + xx];
                }
            }
        }
    }
}
