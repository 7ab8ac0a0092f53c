package org.convscope.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.convscope.engine.Network;
import org.convscope.engine.Param;
import org.convscope.engine.spec.Presets;
import org.convscope.io.FileException;
import org.convscope.io.NamedTensor;
import org.convscope.io.SafeTensors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ModelFileTest {
    @TempDir
    Path dir;

    @Test
    void savedNetworkLoadsWithTheSameArchitectureAndWeights() throws Exception {
        Network net = Network.initialized(Presets.lenet5(), 7);
        Path file = dir.resolve("m.safetensors");
        ModelFile.save(file, net, Map.of("test_accuracy", "0.5"));
        ModelFile.Model loaded = ModelFile.load(file);
        assertEquals(net.spec(), loaded.network().spec());
        assertEquals("0.5", loaded.metadata().get("test_accuracy"));
        for (int i = 0; i < net.params().size(); i++) {
            assertArrayEquals(net.params().get(i).value(), loaded.network().params().get(i).value());
        }
    }

    @Test
    void bundledModelIsLeNet5() throws Exception {
        ModelFile.Model model = ModelFile.loadDefault();
        assertEquals(Presets.lenet5(), model.network().spec());
    }

    private Path withTensors(List<NamedTensor> tensors, Map<String, String> metadata) throws Exception {
        Path file = dir.resolve("bad.safetensors");
        SafeTensors.write(file, tensors, metadata);
        return file;
    }

    private static List<NamedTensor> tensorsOf(Network net) {
        List<NamedTensor> tensors = new ArrayList<>();
        for (Param p : net.params()) tensors.add(new NamedTensor(p.name(), p.shape(), p.value()));
        return tensors;
    }

    @Test
    void fileWithoutArchitectureIsRefused() throws Exception {
        Path file = withTensors(tensorsOf(Network.initialized(Presets.lenet5(), 1)), Map.of());
        FileException e = assertThrows(FileException.class, () -> ModelFile.load(file));
        assertEquals("bad.safetensors: not a ConvScope model: no \"architecture\" in the metadata", e.getMessage());
    }

    @Test
    void anOnnxModelUnderAnotherNameIsNamedAsOne() throws Exception {
        Path file = Files.copy(Path.of("src/test/resources/onnx/fire/model.onnx"), dir.resolve("fire.bin"));
        FileException e = assertThrows(FileException.class, () -> ModelFile.load(file));
        assertEquals("fire.bin: not a model file (it is an ONNX model: its name must end in .onnx)", e.getMessage());
    }

    @Test
    void tensorWithWrongShapeIsNamed() throws Exception {
        Network net = Network.initialized(Presets.lenet5(), 1);
        List<NamedTensor> tensors = tensorsOf(net);
        tensors.set(0, new NamedTensor("conv1.weight", new int[] {6, 25}, net.params().get(0).value()));
        Path file = withTensors(tensors, Map.of("architecture", org.convscope.engine.spec.NetworkSpecJson.toJson(net.spec())));
        FileException e = assertThrows(FileException.class, () -> ModelFile.load(file));
        assertEquals("bad.safetensors: tensor conv1.weight has shape [6, 25], the architecture needs [6, 1, 5, 5]",
                e.getMessage());
    }

    @Test
    void missingTensorAndNonFiniteValuesAreRefused() throws Exception {
        Network net = Network.initialized(Presets.lenet5(), 1);
        String arch = org.convscope.engine.spec.NetworkSpecJson.toJson(net.spec());
        List<NamedTensor> tensors = tensorsOf(net);
        tensors.remove(1);
        Path missing = withTensors(tensors, Map.of("architecture", arch));
        assertTrue(assertThrows(FileException.class, () -> ModelFile.load(missing)).getMessage()
                .endsWith("tensor conv1.bias is missing"));

        net.params().get(2).value()[3] = Float.NaN;
        Path nan = withTensors(tensorsOf(net), Map.of("architecture", arch));
        assertTrue(assertThrows(FileException.class, () -> ModelFile.load(nan)).getMessage()
                .endsWith("tensor conv2.weight holds NaN or infinite values"));
    }

    /**
     * Issue 14's 248 KB LeNet-5 whose architecture says fc1 has 10⁶ units (or 10⁹): refused by comparing the claim
     * with the 61,706 values the file holds, before a network of 485 million parameters is allocated to learn its
     * shapes (that was an OutOfMemoryError, then "needs 1.8 GB" with advice to enlarge the heap, which would not help).
     */
    @Test
    void anArchitectureClaimingMoreParametersThanTheFileHoldsIsRefusedBeforeAllocating() throws Exception {
        Network net = Network.initialized(Presets.lenet5(), 1);
        String arch = org.convscope.engine.spec.NetworkSpecJson.toJson(net.spec());
        // conv1 6·25 + 6, conv2 16·6·25 + 16, fc1 400·120 + 120, fc2 120·84 + 84, fc3 84·10 + 10
        long held = 156 + 2416 + 48_120 + 10_164 + 850;
        long units = 1_000_000;
        long claimed = 156 + 2416 + (400 * units + units) + (units * 84 + 84) + 850;
        Path file = withTensors(tensorsOf(net), Map.of("architecture", arch.replace("\"units\":120", "\"units\":" + units)));
        FileException e = assertThrows(FileException.class, () -> ModelFile.load(file));
        assertEquals("bad.safetensors: the architecture has " + claimed + " parameters, the file holds " + held + " values",
                e.getMessage());

        Path billion = withTensors(tensorsOf(net), Map.of("architecture", arch.replace("\"units\":120",
                "\"units\":1000000000")));
        assertTrue(assertThrows(FileException.class, () -> ModelFile.load(billion)).getMessage()
                .endsWith("parameters, the file holds " + held + " values"));
    }

    @Test
    void invalidArchitectureIsExplained() throws Exception {
        Path file = withTensors(List.of(), Map.of("architecture",
                "{\"input\":[1,4,4],\"layers\":[{\"type\":\"conv\",\"name\":\"conv1\",\"filters\":2,\"kernel\":[5,5]}]}"));
        FileException e = assertThrows(FileException.class, () -> ModelFile.load(file));
        assertEquals("bad.safetensors: architecture: conv1: 5-high kernel does not fit the input height 4;"
                + " add padding or use a smaller kernel", e.getMessage());
    }
}
