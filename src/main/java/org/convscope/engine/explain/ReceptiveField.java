package org.convscope.engine.explain;

import java.util.ArrayList;
import java.util.List;
import org.convscope.engine.Dims;
import org.convscope.engine.spec.ActivationSpec;
import org.convscope.engine.spec.ConvSpec;
import org.convscope.engine.spec.DenseSpec;
import org.convscope.engine.spec.FlattenSpec;
import org.convscope.engine.spec.LayerSpec;
import org.convscope.engine.spec.NetworkSpec;
import org.convscope.engine.spec.PoolSpec;
import org.convscope.engine.spec.SoftmaxSpec;

/** Which input pixels and which units of the previous layer a unit depends on. */
public final class ReceptiveField {
    private ReceptiveField() {}

    /** A rectangle of input pixels: rows [top, bottom), columns [left, right), clipped to the image. */
    public record Region(int top, int left, int bottom, int right) {
        public int height() {
            return bottom - top;
        }

        public int width() {
            return right - left;
        }
    }

    /**
     * The input pixels that can influence the unit. Walking back layer by layer, a conv output row o covers input rows
     * [o·S − P, o·S − P + K) and a pool output row [o·S, o·S + window), each clipped to the layer's input (padding
     * positions are not pixels); a flatten unit is its (C, H, W) unit; a dense or softmax unit sees the whole image.
     */
    public static Region inputRegion(NetworkSpec spec, UnitRef unit) {
        List<NetworkSpec.LayerInfo> infos = spec.infer();
        check(spec, infos, unit);
        Dims image = spec.input();
        int channel = unit.channel();
        boolean channelsMixed = false; // after a conv the region no longer belongs to one channel
        int top = unit.y();
        int bottom = unit.y();     // inclusive while walking
        int left = unit.x();
        int right = unit.x();
        for (int layer = unit.layer(); layer >= 0; layer--) {
            NetworkSpec.LayerInfo info = infos.get(layer);
            Dims in = info.input();
            switch (info.spec()) {
                case ConvSpec c -> {
                    channelsMixed = true;
                    top = Math.max(0, top * c.stride() - c.padding());
                    bottom = Math.min(in.height() - 1, bottom * c.stride() - c.padding() + c.kernelHeight() - 1);
                    left = Math.max(0, left * c.stride() - c.padding());
                    right = Math.min(in.width() - 1, right * c.stride() - c.padding() + c.kernelWidth() - 1);
                }
                case PoolSpec p -> {
                    top *= p.stride();
                    bottom = bottom * p.stride() + p.window() - 1;
                    left *= p.stride();
                    right = right * p.stride() + p.window() - 1;
                }
                case ActivationSpec a -> { }
                case FlattenSpec f -> {
                    if (channelsMixed) return whole(image);
                    UnitRef source = unflatten(in, layer - 1, channel);
                    channel = source.channel();
                    top = bottom = source.y();
                    left = right = source.x();
                }
                case DenseSpec d -> {
                    return whole(image);
                }
                case SoftmaxSpec s -> {
                    return whole(image);
                }
            }
        }
        return new Region(top, left, bottom + 1, right + 1);
    }

    /**
     * The units of layer unit.layer() − 1 (or the input, layer −1) that feed the unit directly: for a conv unit the
     * kH×kW window over every input channel (channel by channel, row-major) without the padding positions; for a pool
     * unit its window in its own channel; for an activation the same unit; for a flatten unit its (C, H, W) unit; for a
     * dense or softmax unit every unit of the previous layer. The input image (layer −1) has none.
     */
    public static List<UnitRef> previousUnits(NetworkSpec spec, UnitRef unit) {
        List<NetworkSpec.LayerInfo> infos = spec.infer();
        check(spec, infos, unit);
        if (unit.layer() < 0) return List.of();
        NetworkSpec.LayerInfo info = infos.get(unit.layer());
        Dims in = info.input();
        int prev = unit.layer() - 1;
        List<UnitRef> units = new ArrayList<>();
        switch (info.spec()) {
            case ConvSpec c -> {
                int top = unit.y() * c.stride() - c.padding();
                int left = unit.x() * c.stride() - c.padding();
                for (int ch = 0; ch < in.channels(); ch++) {
                    addWindow(units, in, prev, ch, top, left, c.kernelHeight(), c.kernelWidth());
                }
            }
            case PoolSpec p -> addWindow(units, in, prev, unit.channel(), unit.y() * p.stride(), unit.x() * p.stride(),
                    p.window(), p.window());
            case ActivationSpec a -> units.add(new UnitRef(prev, unit.channel(), unit.y(), unit.x()));
            case FlattenSpec f -> units.add(unflatten(in, prev, unit.channel()));
            case DenseSpec d -> addAll(units, in, prev);
            case SoftmaxSpec s -> addAll(units, in, prev);
        }
        return List.copyOf(units);
    }

    /** The (C, H, W) unit of a C×H×W layer that flatten unit i copies. */
    static UnitRef unflatten(Dims in, int layer, int i) {
        int plane = in.height() * in.width();
        return new UnitRef(layer, i / plane, i % plane / in.width(), i % in.width());
    }

    private static void addWindow(List<UnitRef> units, Dims in, int layer, int channel, int top, int left, int h, int w) {
        for (int y = Math.max(0, top); y < Math.min(in.height(), top + h); y++) {
            for (int x = Math.max(0, left); x < Math.min(in.width(), left + w); x++) {
                units.add(new UnitRef(layer, channel, y, x));
            }
        }
    }

    private static void addAll(List<UnitRef> units, Dims in, int layer) {
        for (int c = 0; c < in.channels(); c++) {
            for (int y = 0; y < in.height(); y++) {
                for (int x = 0; x < in.width(); x++) units.add(new UnitRef(layer, c, y, x));
            }
        }
    }

    private static Region whole(Dims image) {
        return new Region(0, 0, image.height(), image.width());
    }

    /** Checks that the unit exists in the network; the message names the layer, the coordinate and its range. */
    static void check(NetworkSpec spec, List<NetworkSpec.LayerInfo> infos, UnitRef unit) {
        if (unit.layer() >= infos.size()) {
            throw new IllegalArgumentException(spec.name() + ": layer " + unit.layer() + " does not exist, expected −1.."
                    + (infos.size() - 1));
        }
        Dims dims = unit.layer() < 0 ? spec.input() : infos.get(unit.layer()).output();
        String name = unit.layer() < 0 ? "input" : infos.get(unit.layer()).spec().name();
        if (unit.channel() >= dims.channels() || unit.y() >= dims.height() || unit.x() >= dims.width()) {
            throw new IllegalArgumentException(spec.name() + ": " + name + " unit (channel " + unit.channel() + ", y "
                    + unit.y() + ", x " + unit.x() + ") is outside its " + dims + " output");
        }
    }
}
