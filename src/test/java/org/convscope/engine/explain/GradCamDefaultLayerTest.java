package org.convscope.engine.explain;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import org.convscope.engine.Dims;
import org.convscope.engine.Network;
import org.convscope.engine.spec.ActivationSpec;
import org.convscope.engine.spec.ConvSpec;
import org.convscope.engine.spec.DenseSpec;
import org.convscope.engine.spec.FlattenSpec;
import org.convscope.engine.spec.GlobalPoolSpec;
import org.convscope.engine.spec.NetworkSpec;
import org.convscope.engine.spec.PoolSpec;
import org.convscope.open.Models;
import org.junit.jupiter.api.Test;

/**
 * The layer Grad-CAM opens at is the one its users expect: a residual network's last block output (after its Add and
 * ReLU), not the block's 1×1 shortcut that comes last in topological order; in a sequence or a network ending in a
 * convolution and its activation, that convolution.
 */
class GradCamDefaultLayerTest {
    private static String defaultOf(String fixture) throws Exception {
        Network net = Models.load(Path.of("src/test/resources/onnx", fixture, "model.onnx")).network();
        return net.spec().layers().get(GradCam.defaultLayer(net)).name();
    }

    @Test
    void aResidualNetworkExplainsAtItsLastBlocksOutputNotItsShortcut() throws Exception {
        // resblock: … block2.conv2 → bn2 ┐, block1.relu → block2.shortcut.0 (1×1 conv) → shortcut.1 ┘ → add → relu → pool
        assertEquals("block2.relu", defaultOf("resblock"));
    }

    @Test
    void aSequenceExplainsAtItsLastConvolution() throws Exception {
        // LeNet: conv2 → relu → max pool → flatten → dense: the pooled maps go back to conv2 through one-input layers.
        assertEquals("conv2", defaultOf("lenet"));
    }

    @Test
    void aConvolutionActivationAndGlobalPoolExplainsAtTheConvolution() throws Exception {
        // The MobileNet fixture's head: 1×1 conv → batch norm → hard swish → global average pool → fc.
        assertEquals("head.0", defaultOf("mobile"));
        NetworkSpec spec = new NetworkSpec("small", new Dims(3, 12, 12), List.of(
                ConvSpec.square("c1", 4, 3, 1, 1), new ActivationSpec("r1", ActivationSpec.Kind.RELU),
                ConvSpec.square("c2", 6, 3, 1, 1), new ActivationSpec("r2", ActivationSpec.Kind.RELU),
                new GlobalPoolSpec("gap", PoolSpec.Kind.AVERAGE), new FlattenSpec("flat"), new DenseSpec("fc", 5)));
        Network net = Network.initialized(spec, 1);
        assertEquals("c2", net.spec().layers().get(GradCam.defaultLayer(net)).name());
    }

    @Test
    void aNetworkWithoutMapsHasNone() {
        NetworkSpec spec = new NetworkSpec("mlp", Dims.vector(8), List.of(new DenseSpec("fc1", 4),
                new ActivationSpec("r", ActivationSpec.Kind.RELU), new DenseSpec("fc2", 3)));
        assertEquals(-1, GradCam.defaultLayer(Network.initialized(spec, 1)));
    }
}
