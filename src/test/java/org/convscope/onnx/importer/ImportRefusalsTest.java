package org.convscope.onnx.importer;

import static org.convscope.onnx.OnnxTestModels.floatAttr;
import static org.convscope.onnx.OnnxTestModels.intAttr;
import static org.convscope.onnx.OnnxTestModels.intsAttr;
import static org.convscope.onnx.OnnxTestModels.stringAttr;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.convscope.io.FileException;
import org.convscope.onnx.OnnxTestModels;
import org.convscope.open.Models;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Models ConvScope cannot run are refused in one line that names the file, the node, its operator and what is
 * supported, before the network is built: unknown operators and domains, attribute values, dynamic sizes, several
 * inputs or outputs, weights that do not fit, activations larger than the heap.
 */
class ImportRefusalsTest {
    @TempDir
    Path dir;

    /** A 3×8×8 input through one node of the given kind into the output. */
    private static OnnxTestModels oneNode(String op, List<String> inputs, org.convscope.onnx.proto.Onnx.AttributeProto... attributes) {
        return OnnxTestModels.model().input("x", 1, 3, 8, 8).node(op, inputs, List.of("y"), attributes).output("y", 1, 10);
    }

    private String refusal(OnnxTestModels model, String file) throws Exception {
        Path path = model.write(dir.resolve(file));
        FileException e = assertThrows(FileException.class, () -> Models.load(path));
        String message = e.getMessage();
        assertTrue(message.startsWith(file + ": "), message);
        assertTrue(!message.contains("\n") && message.length() <= 400, message);
        assertTrue(!message.matches(".*\\b[a-z]+\\.[a-z]+\\.[A-Z]\\w+Exception.*"), "no Java class names: " + message);
        return message;
    }

    private static void assertContains(String message, String... parts) {
        for (String p : parts) assertTrue(message.contains(p), "\"" + p + "\" missing from: " + message);
    }

    @Test
    void anUnknownOperatorNamesTheNodeAndWhatIsSupported() throws Exception {
        String m = refusal(OnnxTestModels.model().input("x", 1, 3, 8, 8)
                .namedNode("/up/Resize", "Resize", List.of("x"), List.of("y")).output("y", 1, 3, 16, 16), "resize.onnx");
        assertContains(m, "'/up/Resize'", "Resize", "not supported", "Conv", "BatchNormalization", "Gemm", "README");
        assertTrue(!m.contains("…"), "the list of what is supported is whole, not cut: " + m);
    }

    @Test
    void anOperatorOfAnotherDomainIsRefused() throws Exception {
        String m = refusal(OnnxTestModels.model().opset("", 13).opset("com.microsoft", 1).input("x", 1, 3, 8, 8)
                .node(org.convscope.onnx.proto.Onnx.NodeProto.newBuilder().setOpType("FusedConv").setDomain("com.microsoft")
                        .addInput("x").addOutput("y").build()).output("y", 1, 3, 8, 8), "fused.onnx");
        assertContains(m, "FusedConv", "com.microsoft");
    }

    @Test
    void unsupportedAttributeValuesAreNamed() throws Exception {
        assertContains(refusal(OnnxTestModels.model().input("x", 1, 3, 8, 8)
                .initializer("w", new long[] {2, 3, 3, 3}, new float[54])
                .node("Conv", List.of("x", "w"), List.of("y"), stringAttr("auto_pad", "SAME_SIDEWAYS"))
                .output("y", 1, 2, 8, 8), "autopad.onnx"), "auto_pad", "SAME_SIDEWAYS");
        assertContains(refusal(oneNode("LpPool", List.of("x"), intsAttr("kernel_shape", 2, 2), intAttr("p", 3)),
                "lp3.onnx"), "LpPool", "p = 3");
        assertContains(refusal(oneNode("Pad", List.of("x", "pads"), stringAttr("mode", "reflect"))
                .longInitializer("pads", new long[] {8}, 0, 0, 1, 1, 0, 0, 1, 1), "reflect.onnx"), "reflect", "constant");
        assertContains(refusal(oneNode("Concat", List.of("x", "x"), intAttr("axis", 2)), "concat.onnx"),
                "axis 2", "channels");
        assertContains(refusal(oneNode("Softmax", List.of("x"), intAttr("axis", 1)), "softmax.onnx"), "Softmax", "class scores");
    }

    @Test
    void batchNormExportedInTrainingModeSaysHowToExport() throws Exception {
        OnnxTestModels m = OnnxTestModels.model().opset("", 14).input("x", 1, 3, 8, 8);
        for (String n : List.of("s", "b", "mean", "var")) m.initializer(n, new long[] {3}, 1, 1, 1);
        m.node("BatchNormalization", List.of("x", "s", "b", "mean", "var"), List.of("y"), intAttr("training_mode", 1))
                .output("y", 1, 3, 8, 8);
        assertContains(refusal(m, "train.onnx"), "training mode", "model.eval()");
    }

    @Test
    void dropoutInTrainingModeIsRefusedAndInInferenceDropped() throws Exception {
        OnnxTestModels training = OnnxTestModels.model().opset("", 12).input("x", 1, 3, 8, 8)
                .initializer("ratio", new long[] {}, 0.5f)
                .initializer(OnnxTestModels.rawTensor("train", new long[] {},
                        org.convscope.onnx.proto.Onnx.TensorProto.DataType.BOOL, new byte[] {1}))
                .node("Dropout", List.of("x", "ratio", "train"), List.of("y")).output("y", 1, 3, 8, 8);
        assertContains(refusal(training, "dropout.onnx"), "Dropout", "training mode", "model.eval()");
        Path inference = OnnxTestModels.model().opset("", 12).input("x", 1, 4)
                .initializer("ratio", new long[] {}, 0.5f)
                .initializer(OnnxTestModels.rawTensor("train", new long[] {},
                        org.convscope.onnx.proto.Onnx.TensorProto.DataType.BOOL, new byte[] {0}))
                .node("Dropout", List.of("x", "ratio", "train"), List.of("d"))
                .node("Relu", List.of("d"), List.of("y")).output("y", 1, 4).write(dir.resolve("eval.onnx"));
        assertTrue(Models.load(inference).network().spec().layers().size() == 1, "only the ReLU is left");
    }

    @Test
    void aSizeLeftOpenIsRefusedSayingHowToFixIt() throws Exception {
        String m = refusal(OnnxTestModels.model().input("x", "N", 3, "H", "W").node("Relu", List.of("x"), List.of("y"))
                .output("y", "N", 3, "H", "W"), "dynamic.onnx");
        assertContains(m, "dimension 3 open", "--input-size");
    }

    @Test
    void severalInputsOrOutputsAreRefused() throws Exception {
        assertContains(refusal(OnnxTestModels.model().input("a", 1, 3, 8, 8).input("b", 1, 3, 8, 8)
                .node("Add", List.of("a", "b"), List.of("y")).output("y", 1, 3, 8, 8), "two-in.onnx"), "2 inputs");
        assertContains(refusal(OnnxTestModels.model().input("a", 1, 4).node("Relu", List.of("a"), List.of("y"))
                .node("Sigmoid", List.of("a"), List.of("z")).output("y", 1, 4).output("z", 1, 4), "two-out.onnx"), "2 outputs");
    }

    @Test
    void weightsThatDoNotFitTheInputAreNamed() throws Exception {
        String m = refusal(OnnxTestModels.model().input("x", 1, 3, 8, 8)
                .initializer("w", new long[] {2, 4, 3, 3}, new float[72])
                .namedNode("/conv1/Conv", "Conv", List.of("x", "w"), List.of("y")).output("y", 1, 2, 6, 6), "wide.onnx");
        assertContains(m, "'/conv1/Conv'", "[2, 4, 3, 3]", "input has 3");
    }

    @Test
    void activationsLargerThanTheHeapAreRefusedBeforeTheyAreAllocated() throws Exception {
        String m = refusal(OnnxTestModels.model().input("x", 1, 64, 4000, 4000)
                .node("Relu", List.of("x"), List.of("r"))
                .node("Relu", List.of("r"), List.of("s"))
                .node("GlobalAveragePool", List.of("s"), List.of("g"))
                .node("Flatten", List.of("g"), List.of("y")).output("y", 1, 64), "huge.onnx");
        assertContains(m, "need", "GB", "the heap allows");
    }

    @Test
    void anOldOperatorSetIsRefused() throws Exception {
        assertContains(refusal(OnnxTestModels.model().opset("", 6).input("x", 1, 4).node("Relu", List.of("x"), List.of("y"))
                .output("y", 1, 4), "old.onnx"), "operator set 6", "opsets 7 to 21");
    }

    @Test
    void aCycleIsRefusedByTheReader() throws Exception {
        String m = refusal(OnnxTestModels.model().input("x", 1, 4)
                .namedNode("a", "Add", List.of("x", "b_out"), List.of("a_out"))
                .namedNode("b", "Relu", List.of("a_out"), List.of("b_out"))
                .output("b_out", 1, 4), "cycle.onnx");
        assertContains(m, "cycle");
    }

    @Test
    void anOutputThatIsNotComputedFromTheImageIsRefused() throws Exception {
        assertContains(refusal(OnnxTestModels.model().input("x", 1, 4).initializer("c", new long[] {1, 4}, 1, 2, 3, 4)
                .node("Identity", List.of("c"), List.of("y")).node("Relu", List.of("x"), List.of("unused"))
                .output("y", 1, 4), "constant-out.onnx"), "constant", "not computed from the image");
    }

    @Test
    void unusedFloatAttributesDoNotMatter() throws Exception {
        Path path = OnnxTestModels.model().input("x", 1, 4).node("LeakyRelu", List.of("x"), List.of("y"), floatAttr("alpha", 0.2f))
                .output("y", 1, 4).write(dir.resolve("ok.onnx"));
        assertTrue(Models.load(path).network().layers().size() == 1);
    }
}
