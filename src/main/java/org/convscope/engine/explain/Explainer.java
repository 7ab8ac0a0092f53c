package org.convscope.engine.explain;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.convscope.engine.Dims;
import org.convscope.engine.ForwardSnapshot;
import org.convscope.engine.explain.UnitExplanation.Activated;
import org.convscope.engine.explain.UnitExplanation.ActivationUnit;
import org.convscope.engine.explain.UnitExplanation.BatchNormUnit;
import org.convscope.engine.explain.UnitExplanation.ChannelTerms;
import org.convscope.engine.explain.UnitExplanation.ConstantOpUnit;
import org.convscope.engine.explain.UnitExplanation.ConvUnit;
import org.convscope.engine.explain.UnitExplanation.DenseUnit;
import org.convscope.engine.explain.UnitExplanation.FlattenUnit;
import org.convscope.engine.explain.UnitExplanation.GlobalPoolUnit;
import org.convscope.engine.explain.UnitExplanation.InputUnit;
import org.convscope.engine.explain.UnitExplanation.MergeUnit;
import org.convscope.engine.explain.UnitExplanation.PadUnit;
import org.convscope.engine.explain.UnitExplanation.PoolUnit;
import org.convscope.engine.explain.UnitExplanation.SoftmaxUnit;
import org.convscope.engine.spec.ActivationSpec;
import org.convscope.engine.spec.BatchNormSpec;
import org.convscope.engine.spec.ConstantOpSpec;
import org.convscope.engine.spec.ConvSpec;
import org.convscope.engine.spec.DenseSpec;
import org.convscope.engine.spec.FlattenSpec;
import org.convscope.engine.spec.GlobalPoolSpec;
import org.convscope.engine.spec.LayerSpec;
import org.convscope.engine.spec.MergeSpec;
import org.convscope.engine.spec.NetworkSpec;
import org.convscope.engine.spec.PadSpec;
import org.convscope.engine.spec.PoolSpec;
import org.convscope.engine.spec.ReshapeSpec;
import org.convscope.engine.spec.SoftmaxSpec;
import org.convscope.engine.spec.Window;

/**
 * Recomputes one unit of a {@link ForwardSnapshot} term by term from the snapshot's parameters and the outputs of the
 * layers the unit reads, so that a view can show the arithmetic with the numbers the engine used.
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
        int source = info.sources().get(0);
        float[] x = snapshot.source(source);
        String name = info.spec().name();
        float value = snapshot.output(layer)[index(info.output(), unit)];
        return switch (info.spec()) {
            case ConvSpec c -> conv(snapshot, infos, unit, c, x);
            case PoolSpec p -> pool(unit, p, info.input(), x, value);
            case ActivationSpec a -> new ActivationUnit(unit, name, a.kind(), x[index(info.input(), unit)], value);
            case FlattenSpec f -> new FlattenUnit(unit, name, ReceptiveField.unflatten(info.input(), source, unit.channel()),
                    x[unit.channel()]);
            case ReshapeSpec r -> {
                int i = index(info.output(), unit);
                yield new FlattenUnit(unit, name, ReceptiveField.unflatten(info.input(), source, i), x[i]);
            }
            case DenseSpec d -> dense(snapshot, infos, unit, d, x);
            case SoftmaxSpec s -> softmax(unit, name, x, s.log());
            case BatchNormSpec b -> {
                float[][] params = layerParams(snapshot, infos, layer);
                float[][] stats = layerBuffers(snapshot, infos, layer);
                int c = unit.channel();
                yield new BatchNormUnit(unit, name, x[index(info.input(), unit)], stats[0][c], stats[1][c], b.epsilon(),
                        params[0][c], params[1][c], value);
            }
            case ConstantOpSpec c -> {
                float[] constant = layerBuffers(snapshot, infos, layer)[0];
                yield new ConstantOpUnit(unit, name, c.op(), c.constantFirst(), x[index(info.input(), unit)],
                        constant[broadcastIndex(c.constant(), unit)], value);
            }
            case MergeSpec m -> merge(snapshot, info, unit, m, value);
            case GlobalPoolSpec g -> {
                Dims in = info.input();
                int plane = in.height() * in.width();
                float[] values = new float[plane];
                System.arraycopy(x, unit.channel() * plane, values, 0, plane);
                double sum = 0;
                for (float v : values) sum += v;
                yield new GlobalPoolUnit(unit, name, g.kind(), in.height(), in.width(), values,
                        g.kind() == PoolSpec.Kind.MAX ? Float.NaN : (float) sum, value);
            }
            case PadSpec p -> {
                Dims in = info.input();
                int y = unit.y() - p.top();
                int xx = unit.x() - p.left();
                boolean inside = y >= 0 && y < in.height() && xx >= 0 && xx < in.width();
                yield new PadUnit(unit, name, inside ? Optional.of(new UnitRef(source, unit.channel(), y, xx))
                        : Optional.empty(), value);
            }
        };
    }

    private static int index(Dims dims, UnitRef unit) {
        return (unit.channel() * dims.height() + unit.y()) * dims.width() + unit.x();
    }

    /** The index in a broadcast operand of shape d of the value that meets the unit. */
    private static int broadcastIndex(Dims d, UnitRef unit) {
        int c = d.channels() == 1 ? 0 : unit.channel();
        int y = d.height() == 1 ? 0 : unit.y();
        int x = d.width() == 1 ? 0 : unit.x();
        return (c * d.height() + y) * d.width() + x;
    }

    private static ConvUnit conv(ForwardSnapshot snapshot, List<NetworkSpec.LayerInfo> infos, UnitRef unit,
                                 ConvSpec c, float[] x) {
        Dims in = infos.get(unit.layer()).input();
        float[][] params = layerParams(snapshot, infos, unit.layer());
        float[] weight = params[0]; // [outC][inC/groups][kH][kW]
        Window w = c.kernel();
        int kh = w.kernelH();
        int kw = w.kernelW();
        int group = in.channels() / c.groups();
        int first = unit.channel() / (c.filters() / c.groups()) * group;
        int top = unit.y() * w.strideH() - w.padTop();
        int left = unit.x() * w.strideW() - w.padLeft();
        List<ChannelTerms> channels = new ArrayList<>(group);
        double total = 0;
        for (int g = 0; g < group; g++) {
            int ch = first + g;
            float[] ws = new float[kh * kw];
            float[] inputs = new float[kh * kw];
            boolean[] padding = new boolean[kh * kw];
            float[] products = new float[kh * kw];
            System.arraycopy(weight, (unit.channel() * group + g) * kh * kw, ws, 0, kh * kw);
            double sum = 0;
            for (int i = 0; i < kh; i++) {
                for (int j = 0; j < kw; j++) {
                    int k = i * kw + j;
                    int y = top + i * w.dilationH();
                    int xx = left + j * w.dilationW();
                    padding[k] = y < 0 || y >= in.height() || xx < 0 || xx >= in.width();
                    inputs[k] = padding[k] ? 0f : x[(ch * in.height() + y) * in.width() + xx];
                    products[k] = ws[k] * inputs[k];
                    sum += (double) ws[k] * inputs[k];
                }
            }
            channels.add(new ChannelTerms(ch, kh, kw, ws, inputs, padding, products, (float) sum));
            total += sum;
        }
        float bias = params[1][unit.channel()];
        return new ConvUnit(unit, c.name(), c, top, left, List.copyOf(channels), (float) total, bias,
                (float) (total + bias), activated(snapshot, infos, unit));
    }

    private static PoolUnit pool(UnitRef unit, PoolSpec p, Dims in, float[] x, float engineValue) {
        Window w = p.kernel();
        int kh = w.kernelH();
        int kw = w.kernelW();
        int top = unit.y() * w.strideH() - w.padTop();
        int left = unit.x() * w.strideW() - w.padLeft();
        float[] window = new float[kh * kw];
        boolean[] padding = new boolean[kh * kw];
        int winner = -1;
        int counted = 0;
        double sum = 0;
        for (int i = 0; i < kh; i++) {
            for (int j = 0; j < kw; j++) {
                int k = i * kw + j;
                int y = top + i * w.dilationH();
                int xx = left + j * w.dilationW();
                padding[k] = y < 0 || y >= in.height() || xx < 0 || xx >= in.width();
                if (padding[k]) continue;
                window[k] = x[(unit.channel() * in.height() + y) * in.width() + xx];
                counted++;
                if (winner < 0 || window[k] > window[winner]) winner = k; // first maximum, as the engine's backward
                sum += p.kind() == PoolSpec.Kind.L2 ? (double) window[k] * window[k] : window[k];
            }
        }
        float divisor = counted;
        if (p.kind() == PoolSpec.Kind.AVERAGE && p.countIncludePad()) {
            int bottom = Math.min(top + kh, in.height() + w.padBottom());
            int right = Math.min(left + kw, in.width() + w.padRight());
            divisor = (float) (bottom - top) * (right - left);
        }
        return switch (p.kind()) {
            case MAX -> new PoolUnit(unit, p.name(), p, top, left, window, winner, Float.NaN,
                    winner < 0 ? engineValue : window[winner], padding, Float.NaN);
            case AVERAGE -> new PoolUnit(unit, p.name(), p, top, left, window, -1, (float) sum,
                    (float) (sum / divisor), padding, divisor);
            case L2 -> new PoolUnit(unit, p.name(), p, top, left, window, -1, (float) sum, (float) Math.sqrt(sum), padding,
                    Float.NaN);
        };
    }

    private static MergeUnit merge(ForwardSnapshot snapshot, NetworkSpec.LayerInfo info, UnitRef unit, MergeSpec m,
                                   float value) {
        List<Integer> sources = info.sources();
        if (m.kind() == MergeSpec.Kind.CONCAT) {
            int c = unit.channel();
            for (int j = 0; j < sources.size(); j++) {
                Dims in = info.inputs().get(j);
                if (c < in.channels()) {
                    UnitRef from = new UnitRef(sources.get(j), c, unit.y(), unit.x());
                    float v = snapshot.source(sources.get(j))[index(in, from)];
                    return new MergeUnit(unit, m.name(), m.kind(), List.of(from), new float[] {v}, value);
                }
                c -= in.channels();
            }
            throw new IllegalStateException(m.name() + ": channel " + unit.channel() + " is in no input");
        }
        List<UnitRef> from = new ArrayList<>(2);
        float[] operands = new float[2];
        for (int j = 0; j < 2; j++) {
            Dims in = info.inputs().get(j);
            UnitRef u = new UnitRef(sources.get(j), in.channels() == 1 ? 0 : unit.channel(), in.height() == 1 ? 0 : unit.y(),
                    in.width() == 1 ? 0 : unit.x());
            from.add(u);
            operands[j] = snapshot.source(sources.get(j))[index(in, u)];
        }
        return new MergeUnit(unit, m.name(), m.kind(), List.copyOf(from), operands, value);
    }

    private static DenseUnit dense(ForwardSnapshot snapshot, List<NetworkSpec.LayerInfo> infos, UnitRef unit,
                                   DenseSpec d, float[] x) {
        int in = infos.get(unit.layer()).input().size();
        float[][] params = layerParams(snapshot, infos, unit.layer());
        float[] w = new float[in];
        System.arraycopy(params[0], unit.channel() * in, w, 0, in); // weight: [out][in]
        float[] inputs = java.util.Arrays.copyOf(x, in);
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

    private static SoftmaxUnit softmax(UnitRef unit, String name, float[] x, boolean log) {
        int classes = x.length; // the snapshot's copy of the layer before: one sample's logits
        float[] logits = x.clone();
        float max = Float.NEGATIVE_INFINITY;
        for (float z : logits) max = Math.max(max, z);
        float[] exps = new float[classes];
        double sum = 0;
        for (int j = 0; j < classes; j++) {
            exps[j] = (float) Math.exp(logits[j] - max);
            sum += exps[j];
        }
        int k = unit.channel();
        float value = log ? (float) (logits[k] - max - Math.log(sum)) : (float) (exps[k] / sum);
        return new SoftmaxUnit(unit, name, logits, max, exps, (float) sum, value, log);
    }

    /** The activation layer that alone reads the unit's layer, with the engine's output for the same unit. */
    private static Optional<Activated> activated(ForwardSnapshot snapshot, List<NetworkSpec.LayerInfo> infos,
                                                 UnitRef unit) {
        int readers = 0;
        int reader = -1;
        for (int j = unit.layer() + 1; j < infos.size(); j++) {
            if (infos.get(j).sources().contains(unit.layer())) {
                readers++;
                reader = j;
            }
        }
        if (readers != 1 || !(infos.get(reader).spec() instanceof ActivationSpec a)) return Optional.empty();
        float value = snapshot.output(reader)[index(infos.get(reader).output(), unit)];
        return Optional.of(new Activated(a.name(), a.kind(), value));
    }

    /** The snapshot's parameter arrays of one layer, found by counting the parameters of the layers before it. */
    private static float[][] layerParams(ForwardSnapshot snapshot, List<NetworkSpec.LayerInfo> infos, int layer) {
        int first = 0;
        for (int i = 0; i < layer; i++) first += paramCount(infos.get(i).spec());
        return new float[][] {snapshot.params()[first], snapshot.params()[first + 1]};
    }

    /** The snapshot's buffer arrays of one layer (a batch norm's μ and σ², a constant). */
    private static float[][] layerBuffers(ForwardSnapshot snapshot, List<NetworkSpec.LayerInfo> infos, int layer) {
        int first = 0;
        for (int i = 0; i < layer; i++) first += bufferCount(infos.get(i).spec());
        int count = bufferCount(infos.get(layer).spec());
        float[][] buffers = new float[count][];
        for (int i = 0; i < count; i++) buffers[i] = snapshot.buffers()[first + i];
        return buffers;
    }

    /** The number of parameter tensors a layer of this kind has (as its run-time layer's params()). */
    static int paramCount(LayerSpec spec) {
        return spec instanceof ConvSpec || spec instanceof DenseSpec || spec instanceof BatchNormSpec ? 2 : 0;
    }

    /** The number of buffers a layer of this kind has (as its run-time layer's buffers()). */
    static int bufferCount(LayerSpec spec) {
        return spec instanceof BatchNormSpec ? 2 : spec instanceof ConstantOpSpec ? 1 : 0;
    }
}
