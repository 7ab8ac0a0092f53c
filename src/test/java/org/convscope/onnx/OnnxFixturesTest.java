package org.convscope.onnx;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.convscope.onnx.OnnxTensor.DataType;
import org.convscope.onnx.OnnxValue.Dim;
import org.junit.jupiter.api.Test;

/**
 * Files written by other tools (onnx's Python helpers, PyTorch's exporter; see
 * {@code src/test/resources/onnx/reader/make_fixtures.py}) read as those tools wrote them.
 */
class OnnxFixturesTest {
    @Test
    void typedFieldsAndAttributesFromOnnxHelpers() throws Exception {
        checkHelperModel(OnnxReader.read(fixture("helper.onnx")));
    }

    @Test
    void externalDataSavedByOnnx() throws Exception {
        checkHelperModel(OnnxReader.read(fixture("external/model.onnx")));
    }

    private static void checkHelperModel(OnnxModel model) throws OnnxException {
        assertEquals("onnx-helper", model.producer());
        assertEquals(Map.of("", 13L), model.opsets());
        assertEquals(Map.of("labels", "a,b"), model.metadata());
        Map<String, OnnxTensor> tensors = model.graph().initializers();
        assertArrayEquals(new float[] {1, 2, 3, 4, 5, 6}, tensors.get("w").toFloats());
        assertArrayEquals(new long[] {1, -1}, tensors.get("s").toLongs());
        assertArrayEquals(new float[] {1, -2, 65504}, tensors.get("h").toFloats());
        assertArrayEquals(new long[] {1, 0, 1}, tensors.get("b").toLongs());
        assertArrayEquals(new float[] {0.5f, -0.25f}, tensors.get("d").toFloats());
        assertArrayEquals(new long[] {-128, 127}, tensors.get("i8").toLongs());
        assertArrayEquals(new float[] {0, 1, 2, 3, 4, 5}, tensors.get("r").toFloats());
        assertArrayEquals(new long[] {2, 3}, tensors.get("r").dims());

        assertEquals(List.of("mm", "Add #1", "Custom #2"),
                model.graph().nodes().stream().map(OnnxNode::name).toList());
        OnnxNode custom = model.graph().nodes().get(2);
        assertEquals("", custom.domain());
        assertEquals(3, custom.intAttr("i", 0));
        assertEquals(0.5f, custom.floatAttr("f", 0));
        assertArrayEquals(new long[] {1, 2}, custom.intsAttr("ints", null));
        assertArrayEquals(new float[] {0.25f}, custom.floatsAttr("floats", null));
        assertEquals("SAME", custom.stringAttr("st", null));
        assertArrayEquals(new float[] {9}, custom.tensorAttr("t", null).toFloats());
        assertEquals(List.of(new Dim.Symbolic("N"), new Dim.Fixed(2)), model.graph().inputs().getFirst().shape());
    }

    @Test
    void pytorchExport() throws Exception {
        OnnxModel model = OnnxReader.read(fixture("torch_tiny.onnx"));

        assertEquals("pytorch 1.13.0", model.producer());
        assertEquals(13, model.defaultOpset());
        assertEquals(List.of("Conv", "Relu", "Constant", "Constant", "Clip", "MaxPool", "Flatten", "Gemm"),
                model.graph().nodes().stream().map(OnnxNode::opType).toList());
        assertEquals(new OnnxValue("image", DataType.FLOAT, List.of(new Dim.Symbolic("batch"),
                new Dim.Fixed(1), new Dim.Fixed(8), new Dim.Fixed(8))), model.graph().inputs().getFirst());
        OnnxNode conv = model.graph().nodes().getFirst();
        assertArrayEquals(new long[] {3, 3}, conv.intsAttr("kernel_shape", null));
        assertArrayEquals(new long[] {1, 1, 1, 1}, conv.intsAttr("pads", null));
        // ReLU6 is exported as Clip between two Constant scalars.
        assertArrayEquals(new float[] {0}, model.graph().nodes().get(2).tensorAttr("value", null).toFloats());
        assertArrayEquals(new float[] {6}, model.graph().nodes().get(3).tensorAttr("value", null).toFloats());

        List<String> expected = Files.readAllLines(fixture("torch_tiny.expected"));
        assertEquals(expected.size(), model.graph().initializers().size());
        for (String line : expected) {
            String[] fields = line.split(" ");
            OnnxTensor tensor = model.graph().initializers().get(fields[0]);
            assertArrayEquals(Arrays.stream(fields[1].split("x")).mapToLong(Long::parseLong).toArray(),
                    tensor.dims(), fields[0]);
            float[] values = tensor.toFloats();
            double sum = 0;
            for (float value : values) {
                sum += value;
            }
            assertEquals(Double.parseDouble(fields[2]), sum, 1e-6, fields[0]);
            for (int i = 3; i < fields.length; i++) {
                assertEquals(Float.parseFloat(fields[i]), values[i - 3], fields[0]);
            }
        }
    }

    private static Path fixture(String name) throws URISyntaxException {
        return Path.of(OnnxFixturesTest.class.getResource("/onnx/reader/" + name).toURI());
    }
}
