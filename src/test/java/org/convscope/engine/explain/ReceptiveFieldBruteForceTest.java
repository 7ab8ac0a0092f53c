package org.convscope.engine.explain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.convscope.engine.Dims;
import org.convscope.engine.ForwardSnapshot;
import org.convscope.engine.Network;
import org.convscope.engine.Param;
import org.convscope.engine.Workspace;
import org.convscope.engine.kernel.ScalarKernels;
import org.convscope.engine.spec.ActivationSpec;
import org.convscope.engine.spec.ConvSpec;
import org.convscope.engine.spec.DenseSpec;
import org.convscope.engine.spec.FlattenSpec;
import org.convscope.engine.spec.GlobalPoolSpec;
import org.convscope.engine.spec.LayerSpec;
import org.convscope.engine.spec.MergeSpec;
import org.convscope.engine.spec.NetworkSpec;
import org.convscope.engine.spec.PadSpec;
import org.convscope.engine.spec.PoolSpec;
import org.convscope.engine.spec.Window;
import org.convscope.open.Models;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The region a graph card marks on the input for a unit (ReceptiveField.inputRegion) against a brute-force reference
 * computed with the engine: with every weight and batch-norm scale positive and every bias and shift zero, a large
 * step at one input pixel of an all-zero input changes exactly the units that depend on it (a positive sum of
 * positive products through every path, far above any unit's value without it, so that ReLU, max pooling, averaging
 * and adding pass it on). For every unit with
 * maps, the region must be the bounding box of the pixels that change it: union over every path, clipped at the
 * input's edges, strides, asymmetric windows, ceil-mode pooling, padding layers and dilation included (a dilated
 * kernel's field has holes; the region is its bounding box).
 */
class ReceptiveFieldBruteForceTest {
    /**
     * Two paths from a dilated convolution, joined by an Add: a ceil-mode 3×3 max pool of stride 2 and a 1×1
     * convolution of stride 2; then a 3×2 convolution of strides 2 and 1, a padding layer, a global pool and a dense.
     */
    static NetworkSpec twoPaths() {
        var floor = Window.Rounding.FLOOR;
        List<LayerSpec> layers = List.of(
                new ConvSpec("dilated", 3, new Window(3, 3, 1, 1, 2, 2, 2, 2, 2, 2, floor), 1),
                new ActivationSpec("relu", ActivationSpec.Kind.RELU),
                new PoolSpec("max", PoolSpec.Kind.MAX, new Window(3, 3, 2, 2, 1, 1, 1, 1, 1, 1, Window.Rounding.CEIL), false),
                new ConvSpec("shortcut", 3, new Window(1, 1, 2, 2, 0, 0, 0, 0, 1, 1, floor), 1),
                new MergeSpec("add", MergeSpec.Kind.ADD),
                new ConvSpec("tall", 4, new Window(3, 2, 2, 1, 0, 1, 0, 1, 1, 1, floor), 1),
                new PadSpec("pad", 1, 0, 0, 2, 0f),
                new ConvSpec("wide", 2, new Window(2, 3, 1, 2, 0, 0, 0, 0, 1, 1, floor), 1),
                new GlobalPoolSpec("gap", PoolSpec.Kind.AVERAGE),
                new FlattenSpec("flat"),
                new DenseSpec("fc", 3));
        List<List<Integer>> sources = List.of(List.of(NetworkSpec.INPUT), List.of(0), List.of(1), List.of(1),
                List.of(2, 3), List.of(4), List.of(5), List.of(6), List.of(7), List.of(8), List.of(9));
        return new NetworkSpec("two paths", new Dims(2, 13, 11), layers, sources);
    }

    @Test
    void aGraphOfStridesDilationCeilPoolingAndPaddingIsExact() {
        assertExact(Network.initialized(twoPaths(), 7));
    }

    @ParameterizedTest
    @ValueSource(strings = {"resblock", "fire", "lenet"})
    void theFixturesAreExact(String fixture) throws Exception {
        assertExact(Models.load(Path.of("src/test/resources/onnx", fixture, "model.onnx")).network());
    }

    private static void assertExact(Network net) {
        for (Param p : net.params()) {
            float[] v = p.value();
            boolean zero = p.name().endsWith(".bias");
            for (int i = 0; i < v.length; i++) v[i] = zero ? 0 : 0.5f + (i * 37 % 11) / 20f;
            p.changed();
        }
        Dims in = net.input();
        int layers = net.layers().size();
        // Per layer, per unit: the bounding box of the input pixels whose change changes it {top, left, bottom, right}.
        int[][][] boxes = new int[layers][][];
        for (int l = 0; l < layers; l++) {
            boxes[l] = new int[net.layers().get(l).output().size()][];
        }
        Workspace ws = new Workspace(net, ScalarKernels.INSTANCE, 1);
        ws.forward(1);
        ForwardSnapshot base = ForwardSnapshot.capture(ws, 0);
        for (int c = 0; c < in.channels(); c++) {
            for (int y = 0; y < in.height(); y++) {
                for (int x = 0; x < in.width(); x++) {
                    java.util.Arrays.fill(ws.input(), 0f);
                    ws.input()[(c * in.height() + y) * in.width() + x] = 1e6f;
                    ws.forward(1);
                    ForwardSnapshot s = ForwardSnapshot.capture(ws, 0);
                    for (int l = 0; l < layers; l++) {
                        float[] out = s.source(l);
                        float[] without = base.source(l);
                        for (int u = 0; u < boxes[l].length; u++) {
                            if (out[u] == without[u]) continue;
                            int[] b = boxes[l][u];
                            boxes[l][u] = b == null ? new int[] {y, x, y, x} : new int[] {Math.min(b[0], y),
                                    Math.min(b[1], x), Math.max(b[2], y), Math.max(b[3], x)};
                        }
                    }
                }
            }
        }
        int checked = 0;
        for (int l = 0; l < layers; l++) {
            Dims d = net.layers().get(l).output();
            if (d.isVector() || net.spec().layers().get(l) instanceof GlobalPoolSpec) continue;
            for (int u = 0; u < boxes[l].length; u++) {
                int[] b = boxes[l][u];
                UnitRef unit = new UnitRef(l, u / (d.height() * d.width()), u % (d.height() * d.width()) / d.width(),
                        u % d.width());
                ReceptiveField.Region r = ReceptiveField.inputRegion(net.spec(), unit);
                String name = net.spec().layers().get(l).name() + " " + unit;
                if (b == null) {
                    assertTrue(r.height() == 0 || r.width() == 0, name + " reads no pixel (padding), region " + r);
                    continue;
                }
                assertEquals(new ReceptiveField.Region(b[0], b[1], b[2] + 1, b[3] + 1), r, name);
                checked++;
            }
        }
        assertTrue(checked > 100, "units checked: " + checked);
    }
}
