package org.convscope.ui.explorer.network;

import java.nio.file.Path;
import org.convscope.engine.ForwardSnapshot;
import org.convscope.engine.Network;
import org.convscope.engine.Workspace;
import org.convscope.engine.kernel.ScalarKernels;
import org.convscope.io.Npy;
import org.convscope.open.Models;

/** Forward passes of the ONNX fixtures on their own inputs, for the graph view's tests. */
final class GraphFixture {
    private GraphFixture() {}

    /** The fixture's network on its input.npy. */
    static ForwardSnapshot snapshot(String fixture) throws Exception {
        Path dir = Path.of("src/test/resources/onnx", fixture);
        Network net = Models.load(dir.resolve("model.onnx")).network();
        return run(net, Npy.read(dir.resolve("input.npy")).data());
    }

    /** One pass of the network on the input. */
    static ForwardSnapshot run(Network net, float[] input) {
        Workspace ws = new Workspace(net, ScalarKernels.INSTANCE, 1);
        System.arraycopy(input, 0, ws.input(), 0, net.input().size());
        ws.forward(1);
        return ForwardSnapshot.capture(ws, 0);
    }
}
