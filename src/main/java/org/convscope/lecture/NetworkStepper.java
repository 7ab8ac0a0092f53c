package org.convscope.lecture;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.convscope.engine.Dims;
import org.convscope.engine.spec.ActivationSpec;
import org.convscope.engine.spec.ConvSpec;
import org.convscope.engine.spec.DenseSpec;
import org.convscope.engine.spec.FlattenSpec;
import org.convscope.engine.spec.LayerSpec;
import org.convscope.engine.spec.NetworkSpec;
import org.convscope.engine.spec.PoolSpec;
import org.convscope.engine.spec.SoftmaxSpec;

/**
 * A network's volumes layer by layer: position p shows the first p layers, each with its output volume and the
 * formula that gives it, and its parameter count with the formula that gives that. Shapes come from each layer's
 * {@link LayerSpec#outputDims}, so any chain works, not only complete classifiers.
 */
public record NetworkStepper(NetworkSpec network, int position) implements Stepper<NetworkStepper> {
    /** One layer as the table shows it: what it does, how its output size and its parameter count come about. */
    public record Row(String name, String operation, Dims input, Dims output, String sizeFormula, long parameters,
                      String parameterFormula) {}

    public NetworkStepper {
        position = Stepper.clamp(position, network.layers().size());
    }

    public static NetworkStepper start(NetworkSpec network) {
        return new NetworkStepper(network, 0);
    }

    @Override
    public int count() {
        return network.layers().size();
    }

    @Override
    public NetworkStepper at(int p) {
        return new NetworkStepper(network, p);
    }

    /** Every layer's row, shown or not. */
    public List<Row> rows() {
        List<Row> rows = new ArrayList<>();
        Dims dims = network.input();
        for (LayerSpec layer : network.layers()) {
            Dims out = layer.outputDims(dims);
            long params = layer.parameterCount(dims);
            rows.add(new Row(layer.name(), operation(layer, dims), dims, out, sizeFormula(layer, dims, out), params,
                    parameterFormula(layer, dims, params)));
            dims = out;
        }
        return rows;
    }

    private static String operation(LayerSpec layer, Dims in) {
        return switch (layer) {
            case ConvSpec c -> "convolution, " + Notation.count(c.filters(), "filter", "filters") + " of "
                    + Notation.size(c.kernelHeight(), c.kernelWidth(), in.channels()) + ", stride " + c.stride()
                    + ", padding " + c.padding();
            case ActivationSpec a -> switch (a.kind()) {
                case RELU -> "ReLU, max(0, x)";
                case TANH -> "tanh";
                case SIGMOID -> "sigmoid, 1/(1 + e^−x)";
                default -> a.describe();
            };
            case PoolSpec p -> (p.kind() == PoolSpec.Kind.L2 ? "L2" : p.kind().name().toLowerCase(Locale.ROOT))
                    + " pooling " + Notation.size(p.window(), p.window()) + ", stride " + p.stride();
            case FlattenSpec f -> "flatten";
            case DenseSpec d -> "fully connected, " + Notation.count(d.units(), "unit", "units");
            case SoftmaxSpec s -> "softmax";
            default -> layer.describe();
        };
    }

    /** How the output size comes about, e.g. "(28 − 5 + 2×2)/1 + 1 = 28" or "5×5×16 = 400". */
    private static String sizeFormula(LayerSpec layer, Dims in, Dims out) {
        return switch (layer) {
            case ConvSpec c -> side("(" + in.width() + " − " + c.kernelWidth() + " + 2×" + c.padding() + ")/" + c.stride()
                    + " + 1", out.width(), "(" + in.height() + " − " + c.kernelHeight() + " + 2×" + c.padding() + ")/"
                    + c.stride() + " + 1", out.height(), in);
            case PoolSpec p -> side("(" + in.width() + " − " + p.window() + ")/" + p.stride() + " + 1", out.width(),
                    "(" + in.height() + " − " + p.window() + ")/" + p.stride() + " + 1", out.height(), in);
            case FlattenSpec f -> Notation.size(in) + " = " + String.format(Locale.ROOT, "%,d", out.channels());
            case DenseSpec d -> d.units() + " units";
            case ActivationSpec a -> "same size, one value per input";
            case SoftmaxSpec s -> "same size, adds up to 1";
            default -> "from its inputs";
        };
    }

    private static String side(String width, int w, String height, int h, Dims in) {
        return in.height() == in.width() && width.equals(height) ? width + " = " + w
                : "width " + width + " = " + w + ", height " + height + " = " + h;
    }

    /** How the parameter count comes about, e.g. "6 × (5×5×1 + 1) = 156" or "none". */
    private static String parameterFormula(LayerSpec layer, Dims in, long params) {
        String total = String.format(Locale.ROOT, "%,d", params);
        return switch (layer) {
            case ConvSpec c -> c.filters() + " × (" + Notation.size(c.kernelHeight(), c.kernelWidth(), in.channels())
                    + " + 1) = " + total;
            case DenseSpec d -> d.units() + " × (" + String.format(Locale.ROOT, "%,d", in.size()) + " + 1) = " + total;
            default -> "none";
        };
    }

    /** Parameters of the layers shown so far. */
    public long parametersSoFar() {
        return rows().subList(0, position).stream().mapToLong(Row::parameters).sum();
    }

    @Override
    public String explain() {
        if (position == 0) return "Input " + Notation.size(network.input()) + " (height × width × depth).";
        Row r = rows().get(position - 1);
        return r.name() + ": " + r.operation() + " → " + Notation.size(r.output()) + " with "
                + String.format(Locale.ROOT, "%,d", r.parameters()) + " parameters; "
                + String.format(Locale.ROOT, "%,d", parametersSoFar()) + " so far.";
    }

    @Override
    public String question() {
        if (position == 0) return explain();
        Row r = rows().get(position - 1);
        return r.name() + ": " + r.operation() + " → ?";
    }
}
