package org.convscope.onnx;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.convscope.onnx.OnnxTensor.DataType;
import org.convscope.onnx.OnnxValue.Dim;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What is written reads back equal. */
class OnnxWriterTest {
    @TempDir
    Path dir;

    @Test
    void everyAttributeKindAndTensorRoundTrips() throws Exception {
        Path file = dir.resolve("out.onnx");
        OnnxTensor weights = OnnxTensor.ofFloats("conv.weight", new long[] {2, 1, 1, 1},
                new float[] {Float.NaN, -0.0f});
        OnnxTensor shape = OnnxTensor.ofLongs("shape", new long[] {2}, new long[] {1, -1});
        OnnxTensor labels = OnnxTensor.ofStrings("labels", new long[] {2}, List.of("cat", "чаша"));
        List<OnnxNode> nodes = List.of(
                node("conv", "Conv", List.of("x", "conv.weight"), List.of("c"),
                        new OnnxAttribute.Int("group", 1),
                        new OnnxAttribute.Ints("kernel_shape", new long[] {1, 1}),
                        new OnnxAttribute.Float("alpha", 0.1f),
                        new OnnxAttribute.Floats("scales", new float[] {0.5f, 2}),
                        new OnnxAttribute.Str("auto_pad", "NOTSET")),
                node("const", "Constant", List.of(), List.of("k"),
                        new OnnxAttribute.Tensor("value", OnnxTensor.ofFloats("", new long[] {}, new float[] {2}))),
                node("names", "Constant", List.of(), List.of("n"), new OnnxAttribute.Tensor("value", labels)),
                new OnnxNode("mul", "Mul", "com.example", List.of("c", "k", ""), List.of("m"), Map.of()),
                node("reshape", "Reshape", List.of("m", "shape"), List.of("y")));
        Map<String, OnnxTensor> initializers = new LinkedHashMap<>();
        initializers.put("conv.weight", weights);
        initializers.put("shape", shape);
        OnnxGraph graph = new OnnxGraph("net", nodes, initializers,
                List.of(new OnnxValue("x", DataType.FLOAT, List.of(new Dim.Symbolic("batch"),
                        new Dim.Fixed(1), new Dim.Unknown(), new Dim.Fixed(3)))),
                List.of(OnnxValue.fixed("y", DataType.FLOAT, 1, 18), new OnnxValue("n", null, null)));
        OnnxModel model = new OnnxModel(file, 8, Map.of("", 13L, "com.example", 1L), "ConvScope 0.1",
                Map.of("labels", "zero,one"), graph);

        OnnxWriter.write(file, model);
        OnnxModel read = OnnxReader.read(file);

        assertEquals(model, read);
        assertArrayEquals(new float[] {Float.NaN, -0.0f}, read.graph().initializers().get("conv.weight").toFloats());
    }

    @Test
    void aModelReadFromAFileIsWrittenAsItWasRead() throws Exception {
        Path original = OnnxTestModels.model()
                .input("x", 1, 4)
                .initializer("w", new long[] {4, 2}, 1, 2, 3, 4, 5, 6, 7, 8)
                .node("MatMul", List.of("x", "w"), List.of("y"))
                .output("y", 1, 2)
                .write(dir.resolve("in.onnx"));
        OnnxModel read = OnnxReader.read(original);

        OnnxWriter.write(dir.resolve("copy.onnx"), read);
        OnnxModel copy = OnnxReader.read(dir.resolve("copy.onnx"));

        assertEquals(read.graph(), copy.graph());
        assertEquals(read.opsets(), copy.opsets());
        assertEquals(read.irVersion(), copy.irVersion());
    }

    @Test
    void attributesOfUnusedKindsCannotBeWrittenAndTheOldFileStays() throws Exception {
        Path file = Files.writeString(dir.resolve("out.onnx"), "old");
        OnnxGraph graph = new OnnxGraph("g", List.of(node("loop", "Loop", List.of("x"), List.of("y"),
                new OnnxAttribute.Other("body", "GRAPH"))), Map.of(),
                List.of(OnnxValue.fixed("x", DataType.FLOAT, 1)), List.of(OnnxValue.fixed("y", DataType.FLOAT, 1)));
        OnnxModel model = new OnnxModel(file, 8, Map.of("", 13L), "", Map.of(), graph);

        assertEquals("node 'loop' (Loop): attribute 'body' of kind GRAPH cannot be written",
                assertThrows(IllegalArgumentException.class, () -> OnnxWriter.write(file, model)).getMessage());
        assertEquals("old", Files.readString(file));
    }

    private static OnnxNode node(String name, String op, List<String> inputs, List<String> outputs,
            OnnxAttribute... attributes) {
        Map<String, OnnxAttribute> byName = new LinkedHashMap<>();
        for (OnnxAttribute attribute : attributes) {
            byName.put(attribute.name(), attribute);
        }
        return new OnnxNode(name, op, "", inputs, outputs, byName);
    }
}
