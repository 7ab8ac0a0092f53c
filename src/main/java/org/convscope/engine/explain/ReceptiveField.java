package org.convscope.engine.explain;

import java.util.ArrayList;
import java.util.List;
import org.convscope.engine.Dims;
import org.convscope.engine.spec.ActivationSpec;
import org.convscope.engine.spec.BatchNormSpec;
import org.convscope.engine.spec.ConstantOpSpec;
import org.convscope.engine.spec.ConvSpec;
import org.convscope.engine.spec.DenseSpec;
import org.convscope.engine.spec.FlattenSpec;
import org.convscope.engine.spec.GlobalPoolSpec;
import org.convscope.engine.spec.MergeSpec;
import org.convscope.engine.spec.NetworkSpec;
import org.convscope.engine.spec.PadSpec;
import org.convscope.engine.spec.PoolSpec;
import org.convscope.engine.spec.ReshapeSpec;
import org.convscope.engine.spec.SoftmaxSpec;
import org.convscope.engine.spec.Window;

/** Which input pixels and which units of the layers it reads a unit depends on. */
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
     * Rows [top, bottom] and columns [left, right] (inclusive) of one layer's output that the unit depends on, and the
     * channel they are in (−1: several). {@code whole}: the unit depends on everything before this layer.
     */
    private record Box(int channel, int top, int left, int bottom, int right, boolean whole) {
        static final Box WHOLE = new Box(-1, 0, 0, 0, 0, true);

        Box union(Box other) {
            if (other == null) return this;
            if (whole || other.whole) return WHOLE;
            return new Box(channel == other.channel ? channel : -1, Math.min(top, other.top), Math.min(left, other.left),
                    Math.max(bottom, other.bottom), Math.max(right, other.right), false);
        }

        Box clip(Dims d) {
            if (whole) return this;
            return new Box(channel, Math.max(0, top), Math.max(0, left), Math.min(d.height() - 1, bottom),
                    Math.min(d.width() - 1, right), false);
        }

        boolean empty() {
            return !whole && (top > bottom || left > right);
        }
    }

    /**
     * The input pixels that can influence the unit. Walking back from the unit's layer through every layer it reads
     * (the union over every path): a conv output row o reads input rows o·S − P + k·D (k = 0 … K − 1) and a pool's
     * likewise, of which only those inside the layer's input count (padding positions are not pixels); the region
     * is the bounding box of what is read, exact at every edge (a dilated kernel's holes inside it included); a
     * flatten or reshape unit is its (C, H, W) unit; a dense, softmax or global pooling unit sees the whole image; a
     * unit of a padding layer's border reads no pixel (an empty region).
     */
    public static Region inputRegion(NetworkSpec spec, UnitRef unit) {
        List<NetworkSpec.LayerInfo> infos = spec.infer();
        check(spec, infos, unit);
        Dims image = spec.input();
        if (unit.layer() < 0) return new Region(unit.y(), unit.x(), unit.y() + 1, unit.x() + 1);
        Box[] boxes = new Box[unit.layer() + 1];
        boxes[unit.layer()] = new Box(unit.channel(), unit.y(), unit.x(), unit.y(), unit.x(), false);
        Box atInput = null;
        for (int layer = unit.layer(); layer >= 0; layer--) {
            Box box = boxes[layer];
            if (box == null) continue;
            NetworkSpec.LayerInfo info = infos.get(layer);
            List<Integer> sources = info.sources();
            for (int j = 0; j < sources.size(); j++) {
                Box back = back(info, j, box);
                if (back == null) continue;
                back = back.clip(info.inputs().get(j));
                if (back.empty()) continue;
                int s = sources.get(j);
                if (s == NetworkSpec.INPUT) atInput = back.union(atInput);
                else boxes[s] = back.union(boxes[s]);
            }
        }
        if (atInput == null) return new Region(0, 0, 0, 0); // every path ends in padding: a pad layer's border
        if (atInput.whole()) return new Region(0, 0, image.height(), image.width());
        return new Region(atInput.top(), atInput.left(), atInput.bottom() + 1, atInput.right() + 1);
    }

    /** The part of input j of a layer that its output's box depends on (null: none), before clipping. */
    private static Box back(NetworkSpec.LayerInfo info, int j, Box box) {
        if (box.whole()) return Box.WHOLE;
        Dims in = info.inputs().get(j);
        return switch (info.spec()) {
            case ConvSpec c -> window(-1, c.kernel(), box, in);
            case PoolSpec p -> window(box.channel(), p.kernel(), box, in);
            case PadSpec p -> new Box(box.channel(), box.top() - p.top(), box.left() - p.left(), box.bottom() - p.top(),
                    box.right() - p.left(), false);
            case ActivationSpec a -> box;
            case BatchNormSpec b -> box;
            case ConstantOpSpec c -> box;
            case FlattenSpec f -> unflattened(in, box);
            case ReshapeSpec r -> box.top() == box.bottom() && box.left() == box.right() && box.channel() >= 0
                    ? unflattened(in, new Box((box.channel() * info.output().height() + box.top()) * info.output().width()
                    + box.left(), 0, 0, 0, 0, false)) : Box.WHOLE;
            case MergeSpec m -> {
                if (m.kind() != MergeSpec.Kind.CONCAT) {
                    yield new Box(in.channels() == 1 ? 0 : box.channel(), in.height() == 1 ? 0 : box.top(),
                            in.width() == 1 ? 0 : box.left(), in.height() == 1 ? 0 : box.bottom(),
                            in.width() == 1 ? 0 : box.right(), false);
                }
                if (box.channel() < 0) yield box;
                int offset = 0;
                for (int k = 0; k < j; k++) offset += info.inputs().get(k).channels();
                int c = box.channel() - offset;
                yield c >= 0 && c < in.channels() ? new Box(c, box.top(), box.left(), box.bottom(), box.right(), false) : null;
            }
            case DenseSpec d -> Box.WHOLE;
            case SoftmaxSpec s -> Box.WHOLE;
            case GlobalPoolSpec g -> new Box(box.channel(), 0, 0, in.height() - 1, in.width() - 1, false);
        };
    }

    /**
     * The part of a window layer's input that outputs [top, bottom] × [left, right] read: along each axis from the
     * first to the last tap o·S − P + k·D (k = 0 … K − 1) that falls inside the input, not in its padding (with
     * dilation the first tap inside need not be at the edge); null when every tap is padding.
     */
    private static Box window(int channel, Window w, Box box, Dims in) {
        int[] rows = taps(box.top(), box.bottom(), w.kernelH(), w.strideH(), w.dilationH(), w.padTop(), in.height());
        int[] cols = taps(box.left(), box.right(), w.kernelW(), w.strideW(), w.dilationW(), w.padLeft(), in.width());
        if (rows == null || cols == null) return null;
        return new Box(channel, rows[0], cols[0], rows[1], cols[1], false);
    }

    /** Along one axis: {first, last} input position inside [0, size) that outputs [from, to] read; null for none. */
    private static int[] taps(int from, int to, int k, int stride, int dilation, int pad, int size) {
        int first = Integer.MAX_VALUE;
        int last = Integer.MIN_VALUE;
        for (int o = from; o <= to; o++) {
            for (int t = 0; t < k; t++) {
                int at = o * stride - pad + t * dilation;
                if (at < 0 || at >= size) continue;
                first = Math.min(first, at);
                last = Math.max(last, at);
            }
        }
        return first > last ? null : new int[] {first, last};
    }

    /** The (C, H, W) unit that a vector unit (channel = index) copies, when the box is one vector unit. */
    private static Box unflattened(Dims in, Box box) {
        if (box.channel() < 0) return Box.WHOLE;
        UnitRef u = unflatten(in, 0, box.channel());
        return new Box(u.channel(), u.y(), u.x(), u.y(), u.x(), false);
    }

    /**
     * The units of the layers that a unit reads directly (or none for the input, layer −1): for a conv unit the
     * kH×kW window (taps D apart) over every channel of its group, channel by channel, row-major, without the padding
     * positions; for a pool unit its window in its own channel; for an element-wise layer (activation, batch norm,
     * constant operation) the same unit; for an element-wise merge the unit of each input it reads (the repeated
     * one where an input is broadcast); for a concatenation the unit of the input the channel came from; for a pad
     * the unit it copies, if any; for a flatten or reshape its (C, H, W) unit; for a global pool its whole channel;
     * for a dense or softmax unit every unit of the layer before.
     */
    public static List<UnitRef> previousUnits(NetworkSpec spec, UnitRef unit) {
        List<NetworkSpec.LayerInfo> infos = spec.infer();
        check(spec, infos, unit);
        if (unit.layer() < 0) return List.of();
        NetworkSpec.LayerInfo info = infos.get(unit.layer());
        List<UnitRef> units = new ArrayList<>();
        List<Integer> sources = info.sources();
        for (int j = 0; j < sources.size(); j++) addPrevious(units, info, j, sources.get(j), unit);
        return List.copyOf(units);
    }

    private static void addPrevious(List<UnitRef> units, NetworkSpec.LayerInfo info, int j, int prev, UnitRef unit) {
        Dims in = info.inputs().get(j);
        UnitRef same = new UnitRef(prev, unit.channel(), unit.y(), unit.x());
        switch (info.spec()) {
            case ConvSpec c -> {
                Window w = c.kernel();
                int group = in.channels() / c.groups();
                int first = unit.channel() / (c.filters() / c.groups()) * group;
                int top = unit.y() * w.strideH() - w.padTop();
                int left = unit.x() * w.strideW() - w.padLeft();
                for (int ch = first; ch < first + group; ch++) addWindow(units, in, prev, ch, top, left, w);
            }
            case PoolSpec p -> addWindow(units, in, prev, unit.channel(), unit.y() * p.kernel().strideH() - p.kernel().padTop(),
                    unit.x() * p.kernel().strideW() - p.kernel().padLeft(), p.kernel());
            case ActivationSpec a -> units.add(same);
            case BatchNormSpec b -> units.add(same);
            case ConstantOpSpec c -> units.add(same);
            case PadSpec p -> {
                int y = unit.y() - p.top();
                int x = unit.x() - p.left();
                if (y >= 0 && y < in.height() && x >= 0 && x < in.width()) units.add(new UnitRef(prev, unit.channel(), y, x));
            }
            case FlattenSpec f -> units.add(unflatten(in, prev, unit.channel()));
            case ReshapeSpec r -> units.add(unflatten(in, prev,
                    (unit.channel() * info.output().height() + unit.y()) * info.output().width() + unit.x()));
            case MergeSpec m -> {
                if (m.kind() != MergeSpec.Kind.CONCAT) {
                    units.add(new UnitRef(prev, in.channels() == 1 ? 0 : unit.channel(), in.height() == 1 ? 0 : unit.y(),
                            in.width() == 1 ? 0 : unit.x()));
                    return;
                }
                int offset = 0;
                for (int k = 0; k < j; k++) offset += info.inputs().get(k).channels();
                int c = unit.channel() - offset;
                if (c >= 0 && c < in.channels()) units.add(new UnitRef(prev, c, unit.y(), unit.x()));
            }
            case GlobalPoolSpec g -> addWindow(units, in, prev, unit.channel(), 0, 0,
                    Window.square(1, 1, 0, Window.Rounding.FLOOR), in.height(), in.width());
            case DenseSpec d -> addAll(units, in, prev);
            case SoftmaxSpec s -> addAll(units, in, prev);
        }
    }

    /** The (C, H, W) unit of a C×H×W layer that flatten unit i copies. */
    static UnitRef unflatten(Dims in, int layer, int i) {
        int plane = in.height() * in.width();
        return new UnitRef(layer, i / plane, i % plane / in.width(), i % in.width());
    }

    private static void addWindow(List<UnitRef> units, Dims in, int layer, int channel, int top, int left, Window w) {
        addWindow(units, in, layer, channel, top, left, w, w.kernelH(), w.kernelW());
    }

    /** The rows×cols taps of w's dilation from (top, left) that lie inside the input. */
    private static void addWindow(List<UnitRef> units, Dims in, int layer, int channel, int top, int left, Window w,
                                  int rows, int cols) {
        for (int i = 0; i < rows; i++) {
            int y = top + i * w.dilationH();
            if (y < 0 || y >= in.height()) continue;
            for (int k = 0; k < cols; k++) {
                int x = left + k * w.dilationW();
                if (x >= 0 && x < in.width()) units.add(new UnitRef(layer, channel, y, x));
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
