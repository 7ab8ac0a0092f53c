package org.convscope.onnx;

import static org.convscope.onnx.OnnxTestModels.rawTensor;
import static org.convscope.onnx.OnnxTestModels.tensorAttr;
import static org.convscope.onnx.Refusals.problem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.protobuf.ByteString;
import com.google.protobuf.CodedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.convscope.onnx.proto.Onnx.AttributeProto;
import org.convscope.onnx.proto.Onnx.AttributeProto.AttributeType;
import org.convscope.onnx.proto.Onnx.GraphProto;
import org.convscope.onnx.proto.Onnx.ModelProto;
import org.convscope.onnx.proto.Onnx.NodeProto;
import org.convscope.onnx.proto.Onnx.TensorProto;
import org.convscope.onnx.proto.Onnx.TypeProto;
import org.convscope.onnx.proto.Onnx.ValueInfoProto;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Files that are not ONNX models, or lie about what they hold, end in one line. */
class OnnxHostileFilesTest {
    @TempDir
    Path dir;

    @Test
    void notAModelFile() throws IOException {
        assertEquals("is a folder, not an ONNX model file", problem(dir));
        assertEquals("cannot read: no such file or directory", problem(dir.resolve("missing.onnx")));
        assertEquals("empty file, not an ONNX model", problem(Files.write(dir.resolve("e.onnx"), new byte[0])));
    }

    @Test
    void otherFormats() throws IOException {
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 13, 'I', 'H', 'D', 'R'};
        assertTrue(problem(Files.write(dir.resolve("png.onnx"), png)).startsWith("not an ONNX model: "));
        byte[] text = "{\"this\": \"is JSON, not protobuf\"}\n".getBytes(StandardCharsets.UTF_8);
        assertTrue(problem(Files.write(dir.resolve("json.onnx"), text)).startsWith("not an ONNX model: "));
    }

    @Test
    void aProtobufWithoutGraph() throws IOException {
        assertEquals("not an ONNX model: it has no graph", problem(Files.write(dir.resolve("m.onnx"),
                ModelProto.newBuilder().setIrVersion(8).build().toByteArray())));
        assertEquals("not an ONNX model: ir_version 0 is not a version", problem(Files.write(
                dir.resolve("m.onnx"), minimal().clearIrVersion().build().toByteArray())));
    }

    @Test
    void fileLargerThanTheHeapIsRefusedBeforeReading() throws IOException {
        long size = Runtime.getRuntime().maxMemory() + (512L << 20);
        Path file = sparse("big.onnx", size);
        String problem = problem(file);
        assertTrue(problem.startsWith("reading this " + org.convscope.io.Heap.size(size)
                + " file needs about "), problem);
        assertTrue(problem.endsWith("free (start Java with a larger -Xmx)"), problem);
    }

    @Test
    void fileLargerThanProtobufAllows() throws IOException {
        assertEquals("3.0 GB is more than a protobuf file can hold (2 GB);"
                        + " larger ONNX models keep their weights in external data files",
                problem(sparse("huge.onnx", 3_000_000_000L)));
    }

    @Test
    void lengthBeyondTheEnd() throws IOException {
        byte[] whole = minimal().build().toByteArray();
        byte[] cut = java.util.Arrays.copyOf(whole, whole.length - 3);
        assertTrue(problem(Files.write(dir.resolve("cut.onnx"), cut))
                .matches("not an ONNX model: a field at byte \\d+ claims \\d+ bytes, \\d+ are left"
                        + " \\(truncated or damaged\\)"));
    }

    @Test
    void subgraphsNestedTooDeep() throws IOException {
        GraphProto graph = minimal().getGraph();
        for (int i = 0; i < 30; i++) {
            graph = minimal().getGraph().toBuilder().setNode(0, minimal().getGraph().getNode(0).toBuilder()
                    .addAttribute(AttributeProto.newBuilder().setName("body")
                            .setType(AttributeType.GRAPH).setG(graph))).build();
        }
        Path file = Files.write(dir.resolve("deep.onnx"), minimal().setGraph(graph).build().toByteArray());
        assertTrue(problem(file).matches("not an ONNX model: messages nested deeper than 64 levels at byte \\d+"),
                problem(file));
    }

    @Test
    void groupsNestedTooDeep() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        CodedOutputStream out = CodedOutputStream.newInstance(bytes);
        for (int i = 0; i < 100_000; i++) {
            out.writeTag(99, 3); // start group 99, never ended
        }
        out.flush();
        assertEquals("not an ONNX model: messages nested deeper than 64 levels at byte 130",
                problem(Files.write(dir.resolve("groups.onnx"), bytes.toByteArray())));
    }

    @Test
    void parseThatWouldNotFitInTheHeapIsRefusedBeforeParsing() throws IOException {
        // An empty node takes 2 bytes in the file and far more once parsed.
        long nodes = Runtime.getRuntime().maxMemory() / ParseCost.MESSAGE_BYTES + 1;
        ByteArrayOutputStream graph = new ByteArrayOutputStream();
        CodedOutputStream out = CodedOutputStream.newInstance(graph);
        for (long i = 0; i < nodes; i++) {
            out.writeTag(1, 2);
            out.writeUInt32NoTag(0);
        }
        out.flush();
        ModelProto model = minimal().setGraph(GraphProto.newBuilder()).build();
        byte[] head = model.toBuilder().clearGraph().build().toByteArray();
        ByteArrayOutputStream file = new ByteArrayOutputStream();
        file.write(head);
        CodedOutputStream whole = CodedOutputStream.newInstance(file);
        whole.writeBytes(7, ByteString.copyFrom(graph.toByteArray()));
        whole.flush();
        Path path = Files.write(dir.resolve("nodes.onnx"), file.toByteArray());

        String problem = Refusals.refuse(path, 2L * Files.size(path) + Refusals.SMALL_ALLOCATION).problem();
        assertTrue(problem.startsWith("parsing this " + org.convscope.io.Heap.size(Files.size(path))
                + " file needs about "), problem);
    }

    @Test
    void aBillionFloatsClaimedWithFourBytes() throws IOException {
        Path file = model(rawTensor("w", new long[] {1_000_000_000}, TensorProto.DataType.FLOAT, new byte[4]));
        assertEquals("tensor 'w': dims [1000000000] of FLOAT need 4000000000 bytes, raw_data has 4",
                problem(file));
    }

    @Test
    void dimsThatOverflowOrAreNegative() throws IOException {
        long big = 1L << 40;
        assertEquals("tensor 'w': dims [1099511627776, 1099511627776] claim more than 2^56 elements",
                problem(model(rawTensor("w", new long[] {big, big}, TensorProto.DataType.FLOAT, new byte[4]))));
        assertEquals("tensor 'w': dims [2, -3] has a negative dimension",
                problem(model(rawTensor("w", new long[] {2, -3}, TensorProto.DataType.FLOAT, new byte[4]))));
        assertEquals("tensor 'w': dims [2, 3] of FLOAT need 24 bytes, raw_data has 20",
                problem(model(rawTensor("w", new long[] {2, 3}, TensorProto.DataType.FLOAT, new byte[20]))));
    }

    @Test
    void typedFieldsThatDisagree() throws IOException {
        TensorProto.Builder w = TensorProto.newBuilder().setName("w").addDims(2).addDims(3)
                .setDataType(TensorProto.DataType.FLOAT_VALUE);
        assertEquals("tensor 'w': dims [2, 3] hold 6 FLOAT values, float_data has 5",
                problem(model(w.clone().addAllFloatData(List.of(1f, 2f, 3f, 4f, 5f)).build())));
        assertEquals("tensor 'w' is INT64 but its values are in float_data", problem(model(w.clone()
                .setDataType(TensorProto.DataType.INT64_VALUE).addAllFloatData(List.of(1f)).build())));
        assertEquals("tensor 'w' has values in both raw_data and float_data", problem(model(w.clone()
                .setRawData(ByteString.copyFrom(new byte[24])).addFloatData(1).build())));
        assertEquals("tensor 'w': dims [2, 3] hold 6 elements, but it has no data", problem(model(w.build())));
        assertEquals("tensor 'w': element type 99 is not an ONNX type",
                problem(model(w.clone().setDataType(99).build())));
        assertEquals("tensor 'w' has no element type", problem(model(w.clone().clearDataType().build())));
        assertEquals("tensor 'w': int32_data value 300 is out of range for INT8", problem(model(w.clone()
                .setDataType(TensorProto.DataType.INT8_VALUE).addAllInt32Data(List.of(1, 2, 3, 300, 5, 6))
                .build())));
        assertEquals("tensor 'w' is stored in segments, which ConvScope does not read", problem(model(w.clone()
                .setSegment(TensorProto.Segment.newBuilder().setBegin(0).setEnd(6)).build())));
    }

    @Test
    void aConstantNodesTensorIsCheckedToo() throws IOException {
        Path file = OnnxTestModels.model()
                .node("Constant", List.of(), List.of("c"), tensorAttr("value",
                        rawTensor("", new long[] {1_000_000_000}, TensorProto.DataType.FLOAT, new byte[4])))
                .output("c", 1_000_000_000)
                .write(dir.resolve("m.onnx"));
        assertEquals("node 'Constant #0' (Constant), attribute 'value': dims [1000000000] of FLOAT"
                + " need 4000000000 bytes, raw_data has 4", problem(file));
    }

    @Test
    void graphWiring() throws IOException {
        assertEquals("node 'Relu #0' (Relu) reads 'ghost', which no node, graph input or initializer"
                + " produces", problem(OnnxTestModels.model().input("x", 1)
                .node("Relu", List.of("ghost"), List.of("y")).output("y", 1).write(file())));
        assertEquals("value 'y' is written by both node 'Relu #0' (Relu) and node 'Neg #1' (Neg)",
                problem(OnnxTestModels.model().input("x", 1)
                        .node("Relu", List.of("x"), List.of("y"))
                        .node("Neg", List.of("x"), List.of("y")).output("y", 1).write(file())));
        assertEquals("node 'Relu #0' (Relu) writes 'x', which is a graph input or initializer",
                problem(OnnxTestModels.model().input("x", 1)
                        .node("Relu", List.of("x"), List.of("x")).output("x", 1).write(file())));
        assertEquals("graph output 'z' is not produced by any node", problem(OnnxTestModels.model()
                .input("x", 1).node("Relu", List.of("x"), List.of("y")).output("z", 1).write(file())));
        assertEquals("the graph has no nodes",
                problem(OnnxTestModels.model().input("x", 1).output("x", 1).write(file())));
        assertEquals("node #0 has no op_type", problem(OnnxTestModels.model().input("x", 1)
                .node("", List.of("x"), List.of("y")).output("y", 1).write(file())));
        assertEquals("initializer 'w' appears twice", problem(OnnxTestModels.model().input("x", 1)
                .initializer("w", new long[] {1}, 1).initializer("w", new long[] {1}, 2)
                .node("Mul", List.of("x", "w"), List.of("y")).output("y", 1).write(file())));
    }

    @Test
    void cyclesAreNamed() throws IOException {
        assertEquals("the graph has a cycle: node 'a' (Add) → node 'b' (Relu) → node 'a' (Add)",
                problem(OnnxTestModels.model().input("x", 1)
                        .namedNode("a", "Add", List.of("x", "b_out"), List.of("a_out"))
                        .namedNode("b", "Relu", List.of("a_out"), List.of("b_out"))
                        .output("a_out", 1).write(file())));
        assertEquals("the graph has a cycle: node 'self' (Relu) → node 'self' (Relu)",
                problem(OnnxTestModels.model().input("x", 1)
                        .namedNode("self", "Relu", List.of("y"), List.of("y"))
                        .output("y", 1).write(file())));
    }

    @Test
    void tooManyNodes() throws IOException {
        OnnxTestModels model = OnnxTestModels.model().input("x", 1);
        String value = "x";
        for (int i = 0; i <= ModelDecoder.MAX_NODES; i++) {
            model.node("Relu", List.of(value), List.of("v" + i));
            value = "v" + i;
        }
        assertEquals("the graph has 100001 nodes, more than the 100000 ConvScope reads",
                problem(model.output(value, 1).write(file())));
    }

    @Test
    void aLongChainIsSortedAndRead() throws Exception {
        // The deepest graph allowed, nodes in reverse order: the sort must neither recurse nor be quadratic.
        OnnxTestModels model = OnnxTestModels.model().input("x", 1);
        for (int i = ModelDecoder.MAX_NODES - 1; i >= 0; i--) {
            model.node("Relu", List.of(i == 0 ? "x" : "v" + (i - 1)), List.of("v" + i));
        }
        OnnxModel read = OnnxReader.read(model.output("v" + (ModelDecoder.MAX_NODES - 1), 1).write(file()));
        assertEquals("Relu #" + (ModelDecoder.MAX_NODES - 1), read.graph().nodes().getFirst().name());
        assertEquals(List.of("x"), read.graph().nodes().getFirst().inputs());
    }

    @Test
    void nonTensorValues() throws IOException {
        ValueInfoProto sequence = ValueInfoProto.newBuilder().setName("x").setType(TypeProto.newBuilder()
                .setSequenceType(TypeProto.Sequence.newBuilder())).build();
        assertEquals("graph input 'x' is a sequence; ConvScope reads tensors only",
                problem(OnnxTestModels.model().input(sequence)
                        .node("Relu", List.of("x"), List.of("y")).output("y", 1).write(file())));
    }

    @Test
    void longNamesAreCut() throws IOException {
        String name = "n".repeat(500) + "\n\u0000";
        String problem = problem(OnnxTestModels.model().input("x", 1)
                .namedNode(name, "Relu", List.of(name), List.of("y")).output("y", 1).write(file()));
        assertEquals("node '" + "n".repeat(47) + "…' (Relu) reads '" + "n".repeat(47) + "…', which no node,"
                + " graph input or initializer produces", problem);
    }

    private Path file() {
        return dir.resolve("m.onnx");
    }

    /** A valid model around one initializer {@code w} (which its Mul node reads). */
    private Path model(TensorProto w) throws IOException {
        return OnnxTestModels.model().input("x", 1).initializer(w)
                .node("Mul", List.of("x", w.getName()), List.of("y")).output("y", 1).write(file());
    }

    private static ModelProto.Builder minimal() {
        return OnnxTestModels.model().input("x", 1)
                .node(NodeProto.newBuilder().setOpType("Relu").addInput("x").addOutput("y").build())
                .output("y", 1).proto().toBuilder();
    }

    private Path sparse(String name, long size) throws IOException {
        Path file = dir.resolve(name);
        try (RandomAccessFile sparse = new RandomAccessFile(file.toFile(), "rw")) {
            sparse.setLength(size);
        }
        return file;
    }
}
