package org.convscope.training;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.convscope.engine.Network;
import org.convscope.engine.Param;
import org.convscope.engine.spec.ConvSpec;
import org.convscope.engine.spec.DenseSpec;
import org.convscope.engine.spec.LayerSpec;
import org.convscope.engine.spec.NetworkSpec;
import org.convscope.open.Models;
import org.junit.jupiter.api.Test;

/** Which layers take a model's weights, why the others start fresh, and that the values copied are the model's. */
class StartWeightsTest {
    static final Path LENET = Path.of("src/test/resources/onnx/lenet/model.onnx");
    static final Path RESBLOCK = Path.of("src/test/resources/onnx/resblock-opset11/model.onnx");

    static NetworkSpec with(NetworkSpec spec, String layer, LayerSpec replacement) {
        List<LayerSpec> layers = new ArrayList<>(spec.layers());
        layers.set(spec.indexOf(layer), replacement);
        return new NetworkSpec(spec.name(), spec.input(), layers, spec.sources());
    }

    static Param param(Network net, String name) {
        for (Param p : net.params()) if (p.name().equals(name)) return p;
        for (Param p : net.buffers()) if (p.name().equals(name)) return p;
        throw new AssertionError("no tensor " + name);
    }

    @Test
    void theModelsOwnNetworkTakesEveryLayer() throws Exception {
        Network model = Models.load(LENET).network();
        StartWeights.Match match = StartWeights.of(model, "lenet.onnx").match(model.spec());
        assertEquals(5, match.layers(), "conv1, conv2, fc1, fc2, fc3");
        assertEquals(5, match.taken());
        assertEquals(List.of(), match.fresh());
        assertEquals("Weights from lenet.onnx (every layer)", match.summary());
    }

    @Test
    void changedLayersStartFreshWithTheReasonAndTheOthersTakeTheModelsValues() throws Exception {
        Network model = Models.load(LENET).network();
        NetworkSpec edited = with(with(model.spec(), "fc3", new DenseSpec("fc3", 4)), "conv1",
                ConvSpec.square("conv1", 8, 5, 1, 2));
        StartWeights start = StartWeights.of(model, "lenet.onnx");

        StartWeights.Match match = start.match(edited);
        assertEquals(List.of("conv1 starts fresh: 6 → 8 filters", "conv2 starts fresh: 6 → 8 input channels",
                "fc3 starts fresh: 10 → 4 classes"), match.fresh());
        assertEquals("Weights from lenet.onnx for 2 of 5 layers; conv1 starts fresh: 6 → 8 filters; conv2 starts"
                + " fresh: 6 → 8 input channels; fc3 starts fresh: 10 → 4 classes", match.summary());

        Network fresh = Network.initialized(edited, 7);
        Network started = Network.initialized(edited, 7);
        start.applyTo(started);
        for (String name : List.of("fc1.weight", "fc1.bias", "fc2.weight", "fc2.bias")) {
            assertArrayEquals(param(model, name).value(), param(started, name).value(), name + " is the model's");
        }
        for (String name : List.of("conv1.weight", "conv2.weight", "fc3.weight")) {
            assertArrayEquals(param(fresh, name).value(), param(started, name).value(), name + " is fresh from the seed");
        }
    }

    @Test
    void inAGraphAKernelChangeDropsOnlyThatLayerAndBatchNormStatisticsComeFromTheModel() throws Exception {
        Network model = Models.load(RESBLOCK).network();
        NetworkSpec edited = with(model.spec(), "block1.conv1", ConvSpec.square("block1.conv1", 16, 5, 1, 2));
        StartWeights start = StartWeights.of(model, "resblock.onnx");

        StartWeights.Match match = start.match(edited);
        assertEquals(List.of("block1.conv1 starts fresh: kernel 3×3 → 5×5"), match.fresh());
        assertEquals(13, match.layers(), "6 convolutions, 6 batch norms and the fully connected layer");

        Network started = Network.initialized(edited, 3);
        start.applyTo(started);
        assertArrayEquals(param(model, "block1.bn1.running_var").value(), param(started, "block1.bn1.running_var").value());
        assertArrayEquals(param(model, "block1.conv2.weight").value(), param(started, "block1.conv2.weight").value());
        assertFalse(java.util.Arrays.equals(param(model, "stem.1.running_mean").value(),
                param(Network.initialized(edited, 3), "stem.1.running_mean").value()), "a fresh batch norm has μ = 0");
        assertArrayEquals(param(model, "stem.1.running_mean").value(), param(started, "stem.1.running_mean").value());
    }

    @Test
    void colourDataGivesTheFirstConvolutionFreshWeights() throws Exception {
        Network model = Models.load(LENET).network();
        NetworkSpec colour = new NetworkSpec("colour", new org.convscope.engine.Dims(3, 28, 28), model.spec().layers());
        assertEquals(List.of("conv1 starts fresh: 1 → 3 input channels"),
                StartWeights.of(model, "lenet.onnx").match(colour).fresh());
    }

    @Test
    void aRenamedLayerIsNotInTheModel() throws Exception {
        Network model = Models.load(LENET).network();
        NetworkSpec edited = with(model.spec(), "fc2", new DenseSpec("hidden", 84));
        assertEquals(List.of("hidden starts fresh: not in lenet.onnx"),
                StartWeights.of(model, "lenet.onnx").match(edited).fresh());
    }
}
