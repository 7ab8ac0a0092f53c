package org.convscope.engine.explain;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.convscope.engine.Dims;
import org.convscope.engine.ForwardSnapshot;
import org.convscope.engine.explain.UnitExplanation.Activated;
import org.convscope.engine.explain.UnitExplanation.ActivationUnit;
import org.convscope.engine.explain.UnitExplanation.ChannelTerms;
import org.convscope.engine.explain.UnitExplanation.ConvUnit;
import org.convscope.engine.explain.UnitExplanation.DenseUnit;
import org.convscope.engine.explain.UnitExplanation.FlattenUnit;
import org.convscope.engine.explain.UnitExplanation.InputUnit;
import org.convscope.engine.explain.UnitExplanation.PoolUnit;
import org.convscope.engine.explain.UnitExplanation.SoftmaxUnit;
import org.convscope.engine.spec.ActivationSpec;
import org.convscope.engine.spec.ConvSpec;
import org.convscope.engine.spec.DenseSpec;
import org.convscope.engine.spec.FlattenSpec;
import org.convscope.engine.spec.LayerSpec;
import org.convscope.engine.spec.NetworkSpec;
import org.convscope.engine.spec.PoolSpec;
import org.convscope.engine.spec.SoftmaxSpec;

/**
 * Recomputes one unit of a {@link ForwardSnapshot} term by term from the snapshot's parameters and the previous
 * layer's outputs, so that a view can show the arithmetic with the numbers the engine used.
 */
public final class Explainer {
    private Explainer() {}

    public static UnitExplanation explain(ForwardSnapshot snapshot, UnitRef unit) {
        NetworkSpec spec = snapshot.spec();
        List<NetworkSpec.LayerInfo> infos = spec.infer();
        ReceptiveField.check(spec, infos, unit);
        if (unit.layer() < 0) {
            return new InputUnit(unit, snapshot.input()[index(spec.input(), unit)]);
        }
        int layer = unit.layer();
        NetworkSpec.LayerInfo info = infos.get(layer);
        float[] x = layer == 0 ? snapshot.input() : snapshot.output(layer - 1);
        String name = info.spec().name();
        return switch (info.spec()) {
            case ConvSpec c -> conv(snapshot, infos, unit, c, x);
            case PoolSpec p -> pool(unit, p, info.input(), x);
            case ActivationSpec a -> new ActivationUnit(unit, name, a.kind(), x[index(info.input(), unit)],
                    snapshot.output(layer)[index(info.output(), unit)]);
            case FlattenSpec f -> {
                UnitRef source = ReceptiveField.unflatten(info.input(), layer - 1, unit.channel());
                yield new FlattenUnit(unit, name, source, x[unit.channel()]);
            }
            case DenseSpec d -> dense(snapshot, infos, unit, d, x);
            case SoftmaxSpec s -> softmax(unit, name, x);
        };
    }

    private static int index(Dims dims, UnitRef unit) {
        return (unit.channel() * dims.height() + unit.y()) * dims.width() + unit.x();
    }

    private static ConvUnit conv(ForwardSnapshot snapshot, List<NetworkSpec.LayerInfo> infos, UnitRef unit,
                                 ConvSpec c, float[] x) {
        Dims in = infos.get(unit.layer()).input();
        float[][] params = layerParams(snapshot, infos, unit.layer());
        float[] weight = params[0]; // [outC][inC][kH][kW]
        int kh = c.kernelHeight();
        int kw = c.kernelWidth();
        int top = unit.y() * c.stride() - c.padding();
        int left = unit.x() * c.stride() - c.padding();
        List<ChannelTerms> channels = new ArrayList<>(in.channels());
        double total = 0;
        for (int ch = 0; ch < in.channels(); ch++) {
            float[] w = new float[kh * kw];
            float[] inputs = new float[kh * kw];
            boolean[] padding = new boolean[kh * kw];
            float[] products = new float[kh * kw];
            System.arraycopy(weight, (unit.channel() * in.channels() + ch) * kh * kw, w, 0, kh * kw);
            double sum = 0;
            for (int i = 0; i < kh; i++) {
                for (int j = 0; j < kw; j++) {
                    int k = i * kw + j;
                    int y = top + i;
                    int xx = left + j;
                    padding[k] = y < 0 || y >= in.height() || xx < 0 || xx >= in.width();
                    inputs[k] = padding[k] ? 0f : x[(ch * in.height() + y) * in.width() + xx];
                    products[k] = w[k] * inputs[k];
                    sum += (double) w[k] * inputs[k];
                }
            }
            channels.add(new ChannelTerms(ch, kh, kw, w, inputs, padding, products, (float) sum));
            total += sum;
        }
        float bias = params[1][unit.channel()];
        return new ConvUnit(unit, c.name(), c, top, left, List.copyOf(channels), (float) total, bias,
                (float) (total + bias), activated(snapshot, infos, unit));
    }

    private static PoolUnit pool(UnitRef unit, PoolSpec p, Dims in, float[] x) {
        int n = p.window();
        int top = unit.y() * p.stride();
        int left = unit.x() * p.stride();
        float[] window = new float[n * n];
        int winner = -1;
        double sum = 0;
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                int k = i * n + j;
                window[k] = x[(unit.channel() * in.height() + top + i) * in.width() + left + j];
                if (winner < 0 || window[k] > window[winner]) winner = k; // first maximum, as the engine's backward
                sum += p.kind() == PoolSpec.Kind.L2 ? (double) window[k] * window[k] : window[k];
            }
        }
        return switch (p.kind()) {
            case MAX -> new PoolUnit(unit, p.name(), p, top, left, window, winner, Float.NaN, window[winner]);
            case AVERAGE -> new PoolUnit(unit, p.name(), p, top, left, window, -1, (float) sum, (float) (sum / (n * n)));
            case L2 -> new PoolUnit(unit, p.name(), p, top, left, window, -1, (float) sum, (float) Math.sqrt(sum));
        };
    }

    private static DenseUnit dense(ForwardSnapshot snapshot, List<NetworkSpec.LayerInfo> infos, UnitRef unit,
                                   DenseSpec d, float[] x) {
        int in = infos.get(unit.layer()).input().size();
        float[][] params = layerParams(snapshot, infos, unit.layer());
        float[] w = new float[in];
        System.arraycopy(params[0], unit.channel() * in, w, 0, in); // weight: [out][in]
        float[] inputs = x.clone();
        float[] products = new float[in];
        double sum = 0;
        for (int i = 0; i < in; i++) {
            products[i] = w[i] * inputs[i];
            sum += (double) w[i] * inputs[i];
        }
        float bias = params[1][unit.channel()];
        return new DenseUnit(unit, d.name(), w, inputs, products, (float) sum, bias, (float) (sum + bias),
                activated(snapshot, infos, unit));
    }

    private static SoftmaxUnit softmax(UnitRef unit, String name, float[] logits) {
        float max = Float.NEGATIVE_INFINITY;
        for (float z : logits) max = Math.max(max, z);
        float[] exps = new float[logits.length];
        double sum = 0;
        for (int j = 0; j < logits.length; j++) {
            exps[j] = (float) Math.exp(logits[j] - max);
            sum += exps[j];
        }
        return new SoftmaxUnit(unit, name, logits.clone(), max, exps, (float) sum, (float) (exps[unit.channel()] / sum));
    }

    /** The activation layer right after the unit's layer, with the engine's output for the same unit. */
    private static Optional<Activated> activated(ForwardSnapshot snapshot, List<NetworkSpec.LayerInfo> infos,
                                                 UnitRef unit) {
        int next = unit.layer() + 1;
        if (next >= infos.size() || !(infos.get(next).spec() instanceof ActivationSpec a)) return Optional.empty();
        float value = snapshot.output(next)[index(infos.get(next).output(), unit)];
        return Optional.of(new Activated(a.name(), a.kind(), value));
    }

    /** The snapshot's parameter arrays of one layer (weight, bias), found by counting the layers before it. */
    private static float[][] layerParams(ForwardSnapshot snapshot, List<NetworkSpec.LayerInfo> infos, int layer) {
        int first = 0;
        for (int i = 0; i < layer; i++) first += paramCount(infos.get(i).spec());
        return new float[][] {snapshot.params()[first], snapshot.params()[first + 1]};
    }

    private static int paramCount(LayerSpec spec) {
        return spec instanceof ConvSpec || spec instanceof DenseSpec ? 2 : 0;
    }
}
