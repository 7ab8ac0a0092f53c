package org.convscope.onnx.importer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.convscope.engine.Network;
import org.convscope.engine.Workspace;
import org.convscope.engine.kernel.Kernels;
import org.convscope.engine.spec.BatchNormSpec;
import org.convscope.io.Npy;
import org.convscope.io.NpyArray;
import org.convscope.open.Models;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every fixture PyTorch made (src/test/python/make_onnx_fixtures.py, see src/test/resources/onnx/README.md) opened
 * as a ConvScope network and run on its input, with the scalar and the vector kernels: the output agrees with
 * PyTorch's own to 1e-4 of its largest magnitude.
 */
class PyTorchFixturesTest {
    static final Path ROOT = org.convscope.onnx.Fixtures.ROOT;

    static Stream<String> fixtures() throws Exception {
        return org.convscope.onnx.Fixtures.names();
    }

    static Stream<Arguments> cases() throws Exception {
        List<String> names = fixtures().toList();
        return org.convscope.engine.TestKernels.all().flatMap(k -> names.stream().map(n -> Arguments.of(n, k)));
    }

    /** The network's output for the fixture's input (every sample of its batch). */
    static float[] run(Network net, NpyArray input, Kernels k) {
        int batch = input.shape()[0];
        Workspace ws = new Workspace(net, k, batch);
        System.arraycopy(input.data(), 0, ws.input(), 0, input.data().length);
        ws.forward(batch);
        return java.util.Arrays.copyOf(ws.result(), batch * net.numClasses());
    }

    static void assertAgrees(float[] expected, float[] got, double tolerance, String what) {
        assertEquals(expected.length, got.length, what + ": output size");
        double max = 0;
        for (float e : expected) max = Math.max(max, Math.abs(e));
        for (int i = 0; i < expected.length; i++) {
            assertTrue(Math.abs(got[i] - expected[i]) <= tolerance * max, what + ": output " + i + " is " + got[i]
                    + ", PyTorch's " + expected[i] + " (tolerance " + tolerance * max + ")");
        }
    }

    @ParameterizedTest(name = "{0} with {1}")
    @MethodSource("cases")
    void theOutputIsPyTorchs(String fixture, Kernels k) throws Exception {
        Path dir = ROOT.resolve(fixture);
        Network net = Models.load(dir.resolve("model.onnx")).network();
        NpyArray input = Npy.read(dir.resolve("input.npy"));
        NpyArray expected = Npy.read(dir.resolve("output.npy"));
        assertAgrees(expected.data(), run(net, input, k), 1e-4, fixture + " with " + k.name());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("fixtures")
    void onnxRuntimeAgreesWithTheImport(String fixture) throws Exception {
        Path dir = ROOT.resolve(fixture);
        NpyArray input = Npy.read(dir.resolve("input.npy"));
        long[] shape = java.util.Arrays.stream(input.shape()).asLongStream().toArray();
        float[] ort = org.convscope.onnx.OrtReference.run(dir.resolve("model.onnx"), input.data(), shape);
        Network net = Models.load(dir.resolve("model.onnx")).network();
        assertAgrees(ort, run(net, input, org.convscope.engine.kernel.KernelSelection.preferred()), 1e-4,
                fixture + " against ONNX Runtime");
    }

    @Test
    void batchNormsStayLayersAndTheFusedExportComputesTheSame() throws Exception {
        Network kept = Models.load(ROOT.resolve("resblock/model.onnx")).network();
        Network fused = Models.load(ROOT.resolve("resblock-fused/model.onnx")).network();
        assertEquals(6, kept.spec().layers().stream().filter(l -> l instanceof BatchNormSpec).count());
        assertEquals(0, fused.spec().layers().stream().filter(l -> l instanceof BatchNormSpec).count());
        NpyArray input = Npy.read(ROOT.resolve("resblock/input.npy"));
        Kernels k = org.convscope.engine.kernel.ScalarKernels.INSTANCE;
        assertAgrees(run(kept, input, k), run(fused, input, k), 1e-5, "fused against kept");
    }

    @Test
    void classNamesComeFromTheMetadataOrALabelsFile() throws Exception {
        List<String> expected = List.of("cat", "dog", "horse", "sea lion", "okapi", "emu", "axolotl", "quokka", "narwhal",
                "ñandú");
        assertEquals(expected, Models.load(ROOT.resolve("labels-metadata/model.onnx")).classNames());
        assertEquals(expected, Models.load(ROOT.resolve("labels-file/model.onnx")).classNames());
        assertEquals("class 3", Models.load(ROOT.resolve("resblock/model.onnx")).className(3));
    }
}
