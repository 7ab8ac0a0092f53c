package org.convscope.ui.explorer.network;

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
import org.convscope.ui.view.ColorMap;

/**
 * Chooses the columns of a network and their sizes: the input; per convolution its maps before the activation with
 * the filters beside them; maps after the activation; pooling; the flattened vector; every fully connected layer
 * with its activation as one grid; the logits; the prediction. Sizes fit a body height, whole pixels per value
 * where they can.
 */
final class Columns {
    /** What a column shows, from the specification. */
    record Info(int layer, String name, String kind, Dims input, Dims output, long parameters, String explanation,
                int kernelHeight, int kernelWidth) {}

    private static final double MAX_TILE = 88;
    private static final double GAP = 4;
    private static final double MIN_WIDTH = 50;
    private static final double GRID_WIDTH = 56;
    private static final double PREDICTION_WIDTH = 136;
    /** The logits: a strip of 22 px cells, each with its class and value ("9 +22.30") beside it. */
    private static final double LABELLED_WIDTH = 78;

    private Columns() {}

    static List<Column> of(NetworkSpec spec, double bodyHeight, Column.Selection selection) {
        List<NetworkSpec.LayerInfo> infos = spec.infer();
        List<Column> columns = new ArrayList<>();
        Dims in = spec.input();
        columns.add(maps(new Info(-1, "input", "scaled, centred", in, in, 0,
                "What the network sees: the drawing cropped, scaled to 20 px and centred by mass", 0, 0),
                ColorMap.INK, bodyHeight, -1, selection));
        int param = 0;
        for (int i = 0; i < infos.size(); i++) {
            NetworkSpec.LayerInfo li = infos.get(i);
            LayerSpec s = li.spec();
            boolean activationNext = i + 1 < infos.size() && infos.get(i + 1).spec() instanceof ActivationSpec;
            boolean last = i == infos.size() - 1 || (i == infos.size() - 2 && spec.endsWithSoftmax());
            switch (s) {
                case ConvSpec c -> {
                    // The activation after it has a column of its own, named: its maps are shown there.
                    String kind = c.kernelHeight() + "×" + c.kernelWidth() + " conv"
                            + (c.stride() > 1 ? " s" + c.stride() : "") + (c.padding() > 0 ? " pad " + c.padding() : "");
                    Info info = info(i, li, kind,
                            "Each filter slides over all input maps; a map is one filter's response (blue negative, red positive)",
                            c.kernelHeight(), c.kernelWidth());
                    columns.add(maps(info, ColorMap.DIVERGING, bodyHeight, param, selection));
                    param += 2;
                }
                case DenseSpec d -> {
                    if (last) {
                        columns.add(units(info(i, li, "logits",
                                "The class scores before softmax", 0, 0), i, ColorMap.DIVERGING, bodyHeight, true, selection));
                    } else if (activationNext) {
                        // One column for the layer and its activation: both names in its title, as the inspector
                        // names them ("fc1 → relu3"), the activation's output in its colours.
                        LayerSpec act = infos.get(i + 1).spec();
                        Info info = info(i, li, "dense, then " + act.describe(),
                                "Every unit weighs all inputs; shown after " + act.describe() + " (" + act.name() + ")",
                                0, 0);
                        columns.add(units(new Info(info.layer(), info.name() + " → " + act.name(), info.kind(),
                                info.input(), infos.get(i + 1).output(), info.parameters(), info.explanation(), 0, 0),
                                i + 1, ColorMap.VIRIDIS, bodyHeight, false, selection));
                        i++;
                    } else {
                        columns.add(units(info(i, li, "dense", "Every unit weighs all inputs", 0, 0), i,
                                ColorMap.DIVERGING, bodyHeight, false, selection));
                    }
                    param += 2;
                }
                case ActivationSpec a -> {
                    Info info = info(i, li, a.describe(), "Element-wise " + a.describe() + " of the maps before", 0, 0);
                    columns.add(li.output().isVector()
                            ? units(info, i, ColorMap.VIRIDIS, bodyHeight, false, selection)
                            : maps(info, ColorMap.VIRIDIS, bodyHeight, -1, selection));
                }
                case PoolSpec p -> columns.add(maps(info(i, li, p.kind().name().toLowerCase(java.util.Locale.ROOT) + " pool "
                        + p.window() + "×" + p.window(),
                        "Keeps the strongest (or mean) response of each window: smaller maps, same channels", 0, 0),
                        ColorMap.VIRIDIS, bodyHeight, -1, selection));
                case FlattenSpec f -> columns.add(units(info(i, li, "flatten",
                        "The maps laid end to end as one vector", 0, 0), i, ColorMap.VIRIDIS, bodyHeight, false, selection));
                case SoftmaxSpec sm -> columns.add(new PredictionColumn(info(i, li, sm.describe(),
                        "Probabilities: e^logit normalised to sum to 1", 0, 0), PREDICTION_WIDTH, selection));
                default -> {
                    Info info = info(i, li, s.describe(), explanation(s), 0, 0);
                    columns.add(li.output().isVector()
                            ? units(info, i, ColorMap.DIVERGING, bodyHeight, false, selection)
                            : maps(info, ColorMap.DIVERGING, bodyHeight, -1, selection));
                    if (s instanceof org.convscope.engine.spec.BatchNormSpec) param += 2;
                }
            }
        }
        if (!spec.endsWithSoftmax()) {
            NetworkSpec.LayerInfo li = infos.getLast();
            columns.add(new PredictionColumn(info(infos.size() - 1, li, "prediction",
                    "softmax of the last layer", 0, 0), PREDICTION_WIDTH, selection));
        }
        return columns;
    }

    /** What a layer of the graph kinds does, in a sentence. */
    private static String explanation(LayerSpec s) {
        return switch (s) {
            case org.convscope.engine.spec.BatchNormSpec b -> "Each channel centred and scaled by its training statistics, then a learned scale and shift";
            case org.convscope.engine.spec.MergeSpec m -> m.kind() == org.convscope.engine.spec.MergeSpec.Kind.CONCAT
                    ? "The channels of its inputs stacked" : "Two earlier layers combined unit by unit";
            case org.convscope.engine.spec.GlobalPoolSpec g -> "Each map turned into one number";
            case org.convscope.engine.spec.PadSpec p -> "Each map bordered with a constant";
            case org.convscope.engine.spec.ConstantOpSpec c -> "Every unit combined with a constant saved with the model";
            default -> s.describe();
        };
    }

    private static Info info(int i, NetworkSpec.LayerInfo li, String kind, String explanation, int kh, int kw) {
        return new Info(i, li.spec().name(), kind, li.input(), li.output(), li.parameters(), explanation, kh, kw);
    }

    private static MapColumn maps(Info info, ColorMap map, double body, int weightParam, Column.Selection selection) {
        Dims d = info.output();
        // The input is shown large beside the canvas already: here it only starts the row.
        double target = Math.min(info.layer() < 0 ? 2 * d.height() : MAX_TILE, Math.floor(body / d.channels()) - GAP);
        double tile = fit(target, Math.max(d.height(), d.width()));
        double kernel = 0;
        int kernelColumns = 1;
        double width = tile;
        if (weightParam >= 0) {
            int inC = info.input().channels();
            kernelColumns = inC <= 2 ? inC : Math.ceilDiv(inC, 2);
            int kernelRows = Math.ceilDiv(inC, kernelColumns);
            kernel = fit(Math.min(40, Math.floor((tile - 2 * (kernelRows - 1)) / kernelRows)),
                    Math.max(info.kernelHeight(), info.kernelWidth()));
            width += kernelColumns * kernel + 2 * (kernelColumns - 1) + 8;
        }
        return new MapColumn(info, map, new MapColumn.Layout(tile, kernel, kernelColumns, Math.max(MIN_WIDTH, width)),
                weightParam, selection);
    }

    private static UnitColumn units(Info info, int shown, ColorMap map, double body, boolean labelled,
                                    Column.Selection selection) {
        int n = info.output().size();
        if (labelled) {
            return new UnitColumn(info, shown, map, new UnitColumn.Layout(1, 22, true, LABELLED_WIDTH), selection);
        }
        int cols = gridColumns(n);
        int rows = Math.ceilDiv(n, cols);
        double cell = Math.clamp(Math.min(Math.floor(GRID_WIDTH / cols), Math.floor(body * 0.8 / rows)), 2, 14);
        return new UnitColumn(info, shown, map, new UnitColumn.Layout(cols, cell, false, Math.max(MIN_WIDTH, cols * cell)),
                selection);
    }

    /** A divisor of n near √(n/2), so the grid is about twice as tall as wide and has no ragged last row. */
    static int gridColumns(int n) {
        double ideal = Math.sqrt(n / 2.0);
        int best = 1;
        for (int d = 1; d <= n; d++) {
            if (n % d == 0 && Math.abs(d - ideal) < Math.abs(best - ideal)) best = d;
        }
        return best;
    }

    /** A display size up to target that is a whole multiple of the native size when at least one fits. */
    private static double fit(double target, int nativeSize) {
        double multiple = Math.floor(target / nativeSize);
        return multiple >= 1 ? multiple * nativeSize : Math.max(4, target);
    }
}
