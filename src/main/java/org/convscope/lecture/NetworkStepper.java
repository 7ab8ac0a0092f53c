package org.convscope.lecture;

import java.util.ArrayList;
import java.util.List;
import org.convscope.engine.Dims;
import org.convscope.engine.spec.LayerSpec;
import org.convscope.engine.spec.NetworkSpec;

/**
 * A network's volumes layer by layer: position p shows the first p layers with their output shape and parameter
 * count. Shapes come from each layer's {@link LayerSpec#outputDims}, so any chain works, not only complete classifiers.
 */
public record NetworkStepper(NetworkSpec network, int position) implements Stepper<NetworkStepper> {
    /** One layer as the table shows it. */
    public record Row(String name, String description, Dims input, Dims output, long parameters) {}

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
            rows.add(new Row(layer.name(), layer.describe(), dims, out, layer.parameterCount(dims)));
            dims = out;
        }
        return rows;
    }

    /** Parameters of the layers shown so far. */
    public long parametersSoFar() {
        return rows().subList(0, position).stream().mapToLong(Row::parameters).sum();
    }

    @Override
    public String explain() {
        if (position == 0) return "Input " + network.input() + " (channels × height × width).";
        Row r = rows().get(position - 1);
        return r.name() + ": " + r.description() + " turns " + r.input() + " into " + r.output() + " with "
                + r.parameters() + " parameters; " + parametersSoFar() + " so far.";
    }
}
