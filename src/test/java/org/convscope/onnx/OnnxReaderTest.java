package org.convscope.onnx;

import static org.convscope.onnx.OnnxTestModels.floatAttr;
import static org.convscope.onnx.OnnxTestModels.floatsAttr;
import static org.convscope.onnx.OnnxTestModels.intAttr;
import static org.convscope.onnx.OnnxTestModels.intsAttr;
import static org.convscope.onnx.OnnxTestModels.longTensor;
import static org.convscope.onnx.OnnxTestModels.stringAttr;
import static org.convscope.onnx.OnnxTestModels.tensorAttr;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.convscope.onnx.OnnxTensor.DataType;
import org.convscope.onnx.OnnxValue.Dim;
import org.convscope.onnx.proto.Onnx.AttributeProto;
import org.convscope.onnx.proto.Onnx.AttributeProto.AttributeType;
import org.convscope.onnx.proto.Onnx.GraphProto;
import org.convscope.onnx.proto.Onnx.NodeProto;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What a well-formed file reads as. */
class OnnxReaderTest {
    @TempDir
    Path dir;

    @Test
    void modelFieldsOpsetsAndMetadata() throws Exception {
        OnnxModel model = OnnxReader.read(OnnxTestModels.model()
                .irVersion(7)
                .opset("ai.onnx", 11)
                .opset("com.example", 2)
                .metadata("labels", "cat,dog")
                .metadata("author", "me")
                .input("x", 1, 2)
                .node("Relu", List.of("x"), List.of("y"))
                .output("y", 1, 2)
                .write(dir.resolve("m.onnx")));

        assertEquals(dir.resolve("m.onnx"), model.file());
        assertEquals(7, model.irVersion());
        assertEquals(Map.of("", 11L, "com.example", 2L), model.opsets());
        assertEquals(11, model.defaultOpset());
        assertEquals("OnnxTestModels", model.producer());
        assertEquals(List.of("labels", "author"), List.copyOf(model.metadata().keySet()));
        assertEquals("cat,dog", model.metadata().get("labels"));
        assertEquals("test", model.graph().name());
    }

    @Test
    void initializersAreNotInputsEvenWhenListedAsInputs() throws Exception {
        // Files for IR version 3 list every initializer among the graph inputs too.
        OnnxModel model = OnnxReader.read(OnnxTestModels.model()
                .input("x", 1, 3)
                .input("w", 2, 3)
                .initializer("w", new long[] {2, 3}, 1, 2, 3, 4, 5, 6)
                .node("MatMul", List.of("x", "w"), List.of("y"))
                .output("y", 1, 2)
                .write(dir.resolve("m.onnx")));

        assertEquals(List.of("x"), model.graph().inputs().stream().map(OnnxValue::name).toList());
        OnnxTensor w = model.graph().initializers().get("w");
        assertArrayEquals(new long[] {2, 3}, w.dims());
        assertEquals(DataType.FLOAT, w.dataType());
        assertArrayEquals(new float[] {1, 2, 3, 4, 5, 6}, w.toFloats());
    }

    @Test
    void nodesComeOutSortedAndUnnamedNodesGetTheirOperatorAndIndex() throws Exception {
        OnnxModel model = OnnxReader.read(OnnxTestModels.model()
                .input("x", 4)
                .node("Relu", List.of("a"), List.of("b"))
                .namedNode("first", "Neg", List.of("x"), List.of("a"))
                .node("Add", List.of("a", "b"), List.of("c"))
                .output("c", 4)
                .write(dir.resolve("m.onnx")));

        assertEquals(List.of("first", "Relu #0", "Add #2"),
                model.graph().nodes().stream().map(OnnxNode::name).toList());
        OnnxNode add = model.graph().nodes().get(2);
        assertEquals("Add", add.opType());
        assertEquals("", add.domain());
        assertEquals(List.of("a", "b"), add.inputs());
        assertEquals(List.of("c"), add.outputs());
    }

    @Test
    void omittedOptionalInputsKeepTheirPlace() throws Exception {
        OnnxModel model = OnnxReader.read(OnnxTestModels.model()
                .input("x", 4)
                .longInitializer("pads", new long[] {2}, 1, 1)
                .node("Pad", List.of("x", "pads", "", "axes"), List.of("y"))
                .node("Constant", List.of(), List.of("axes"),
                        tensorAttr("value", longTensor("", new long[] {1}, 0)))
                .output("y", 6)
                .write(dir.resolve("m.onnx")));

        OnnxNode pad = model.graph().nodes().get(1);
        assertEquals(List.of("x", "pads", "", "axes"), pad.inputs());
        assertArrayEquals(new long[] {0},
                model.graph().nodes().get(0).tensorAttr("value", null).toLongs());
    }

    @Test
    void everyAttributeKind() throws Exception {
        NodeProto node = NodeProto.newBuilder().setOpType("Custom").setDomain("ai.onnx")
                .addInput("x").addOutput("y")
                .addAttribute(intAttr("i", -3))
                .addAttribute(floatAttr("f", 0.25f))
                .addAttribute(intsAttr("is", 1, -2, 3))
                .addAttribute(floatsAttr("fs", 0.5f, -1.5f))
                .addAttribute(stringAttr("s", "SAME_UPPER"))
                .addAttribute(tensorAttr("t", OnnxTestModels.tensor("", new long[] {2}, 7, 8)))
                .addAttribute(AttributeProto.newBuilder().setName("g").setType(AttributeType.GRAPH)
                        .setG(GraphProto.newBuilder().setName("body")))
                .addAttribute(AttributeProto.newBuilder().setName("ss").setType(AttributeType.STRINGS))
                .build();
        OnnxNode read = OnnxReader.read(OnnxTestModels.model().input("x", 1).node(node).output("y", 1)
                .write(dir.resolve("m.onnx"))).graph().nodes().getFirst();

        assertEquals("", read.domain());
        assertEquals(new OnnxAttribute.Int("i", -3), read.attribute("i"));
        assertEquals(new OnnxAttribute.Float("f", 0.25f), read.attribute("f"));
        assertEquals(new OnnxAttribute.Ints("is", new long[] {1, -2, 3}), read.attribute("is"));
        assertEquals(new OnnxAttribute.Floats("fs", new float[] {0.5f, -1.5f}), read.attribute("fs"));
        assertEquals(new OnnxAttribute.Str("s", "SAME_UPPER"), read.attribute("s"));
        assertArrayEquals(new float[] {7, 8}, read.tensorAttr("t", null).toFloats());
        assertEquals(new OnnxAttribute.Other("g", "GRAPH"), read.attribute("g"));
        assertEquals(new OnnxAttribute.Other("ss", "STRINGS"), read.attribute("ss"));
        assertEquals(List.of("i", "f", "is", "fs", "s", "t", "g", "ss"),
                List.copyOf(read.attributes().keySet()));
    }

    @Test
    void attributesWithoutTypeAsOldFilesWriteThem() throws Exception {
        NodeProto node = NodeProto.newBuilder().setOpType("LeakyRelu").addInput("x").addOutput("y")
                .addAttribute(AttributeProto.newBuilder().setName("alpha").setF(0.1f))
                .addAttribute(AttributeProto.newBuilder().setName("axes").addInts(1).addInts(2))
                .build();
        OnnxNode read = OnnxReader.read(OnnxTestModels.model().input("x", 1).node(node).output("y", 1)
                .write(dir.resolve("m.onnx"))).graph().nodes().getFirst();

        assertEquals(0.1f, read.floatAttr("alpha", 0));
        assertArrayEquals(new long[] {1, 2}, read.intsAttr("axes", null));
    }

    @Test
    void valueShapes() throws Exception {
        OnnxModel model = OnnxReader.read(OnnxTestModels.model()
                .input("x", "batch", 3, null, 8)
                .input(OnnxTestModels.value("noShape").toBuilder()
                        .setType(OnnxTestModels.value("noShape").getType().toBuilder()
                                .setTensorType(OnnxTestModels.value("noShape").getType()
                                        .getTensorType().toBuilder().clearShape()))
                        .build())
                .node("Add", List.of("x", "noShape"), List.of("y"))
                .output(org.convscope.onnx.proto.Onnx.ValueInfoProto.newBuilder().setName("y").build())
                .write(dir.resolve("m.onnx")));

        OnnxValue x = model.graph().inputs().get(0);
        assertEquals(DataType.FLOAT, x.elementType());
        assertEquals(List.of(new Dim.Symbolic("batch"), new Dim.Fixed(3), new Dim.Unknown(),
                new Dim.Fixed(8)), x.shape());
        assertNull(x.fixedDims());
        assertNull(model.graph().inputs().get(1).shape());
        assertEquals(DataType.FLOAT, model.graph().inputs().get(1).elementType());
        assertEquals(new OnnxValue("y", null, null), model.graph().outputs().getFirst());
    }

    @Test
    void scalarsAndEmptyTensors() throws IOException, Exception {
        OnnxModel model = OnnxReader.read(OnnxTestModels.model()
                .input("x", 2)
                .initializer("scalar", new long[] {}, 2.5f)
                .initializer("empty", new long[] {0, 3})
                .node("Mul", List.of("x", "scalar"), List.of("y"))
                .output("y", 2)
                .write(dir.resolve("m.onnx")));

        OnnxTensor scalar = model.graph().initializers().get("scalar");
        assertEquals(1, scalar.elementCount());
        assertArrayEquals(new float[] {2.5f}, scalar.toFloats());
        assertEquals(0, model.graph().initializers().get("empty").elementCount());
        assertArrayEquals(new float[0], model.graph().initializers().get("empty").toFloats());
    }
}
