package org.convscope.fuzz;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import javax.imageio.ImageIO;
import org.convscope.data.Idx;
import org.convscope.data.IdxFiles;
import org.convscope.data.Pngs;
import org.convscope.engine.Dims;
import org.convscope.engine.Network;
import org.convscope.engine.Param;
import org.convscope.engine.optim.OptimizerConfig;
import org.convscope.engine.spec.ActivationSpec;
import org.convscope.engine.spec.ConvSpec;
import org.convscope.engine.spec.DenseSpec;
import org.convscope.engine.spec.FlattenSpec;
import org.convscope.engine.spec.NetworkSpec;
import org.convscope.engine.spec.NetworkSpecJson;
import org.convscope.engine.spec.Presets;
import org.convscope.engine.spec.SoftmaxSpec;
import org.convscope.io.NamedTensor;
import org.convscope.io.SafeTensors;
import org.convscope.io.SafeTensorsFile;
import org.convscope.model.ModelFile;
import org.convscope.onnx.OnnxTestModels;
import org.convscope.training.ConvFilters;
import org.convscope.training.CurveSnapshot;
import org.convscope.training.EpochPoint;
import org.convscope.training.SessionFile;
import org.convscope.training.SessionState;
import org.convscope.training.TimelineFrame;
import org.convscope.training.TrainingSettings;

/**
 * Writes the fuzz targets' seed corpora to {@code src/test/resources}: well-formed inputs for the fuzzer to mutate,
 * and the hostile inputs of issue 14 (a header claiming 46000×46000 pixels, a billion labels in 8 bytes, a shape of
 * thousands of dimensions, a 20000×20000 PNG, a NaN weight, a session without settings…), each named for its case.
 * The regression run of {@code mvn test} replays them all. Run from the project's root:
 * {@code java -cp target/classes:target/test-classes:<dependencies> org.convscope.fuzz.FuzzSeeds}.
 */
public final class FuzzSeeds {
    private static final Path RESOURCES = Path.of("src/test/resources/org/convscope");

    private FuzzSeeds() {}

    public static void main(String[] args) throws Exception {
        header(RESOURCES.resolve("io/SafeTensorsHeaderFuzzTestInputs/header"));
        models(RESOURCES.resolve("fuzz/ModelFileFuzzTestInputs/load"));
        idx(RESOURCES.resolve("fuzz/IdxFuzzTestInputs/read"));
        images(RESOURCES.resolve("fuzz/ImageFuzzTestInputs/load"));
        architectures(RESOURCES.resolve("cli/ArchitectureFuzzTestInputs/read"));
        sessions(RESOURCES.resolve("fuzz/SessionFileFuzzTestInputs/read"));
        lessons(RESOURCES.resolve("fuzz/LessonFuzzTestInputs/parse"));
        onnx(RESOURCES.resolve("fuzz/OnnxFuzzTestInputs/load"));
    }

    /**
     * ONNX seeds: a small model (conv, batch norm, ReLU, pooling, Gemm) and the fixtures' smallest graphs, then damaged
     * and hostile ones: cut short, weights that claim far more values than they hold, a shape of 10¹² elements, an
     * input of 10⁵×10⁵ pixels, external data outside the model's folder, an unknown operator, a group of 0 and a
     * kernel larger than its input.
     */
    private static void onnx(Path dir) throws IOException {
        OnnxTestModels small = OnnxTestModels.model().input("x", 1, 1, 6, 6)
                .initializer("w", new long[] {2, 1, 3, 3}, new float[18])
                .initializer("b", new long[] {2}, 0.5f, -0.5f)
                .node("Conv", List.of("x", "w", "b"), List.of("c"), OnnxTestModels.intsAttr("pads", 1, 1, 1, 1))
                .node("Relu", List.of("c"), List.of("r"))
                .node("MaxPool", List.of("r"), List.of("p"), OnnxTestModels.intsAttr("kernel_shape", 2, 2),
                        OnnxTestModels.intsAttr("strides", 2, 2))
                .node("Flatten", List.of("p"), List.of("f"))
                .initializer("fw", new long[] {3, 18}, new float[54])
                .node("Gemm", List.of("f", "fw"), List.of("y"), OnnxTestModels.intAttr("transB", 1))
                .output("y", 1, 3);
        byte[] model = small.bytes();
        seed(dir, "small", model);
        for (String fixture : List.of("fire", "external-data")) {
            seed(dir, fixture, Files.readAllBytes(Path.of("src/test/resources/onnx", fixture, "model.onnx")));
        }
        seed(dir, "truncated", Arrays.copyOf(model, model.length / 2));
        seed(dir, "empty", new byte[0]);
        seed(dir, "weights-claim-more", OnnxTestModels.model().input("x", 1, 1, 4, 4)
                .initializer(OnnxTestModels.rawTensor("w", new long[] {4096, 1, 3, 3},
                        org.convscope.onnx.proto.Onnx.TensorProto.DataType.FLOAT, new byte[16]))
                .node("Conv", List.of("x", "w"), List.of("y")).output("y", 1, 4096, 2, 2).bytes());
        seed(dir, "tera-shape", OnnxTestModels.model().input("x", 1, 1, 4, 4)
                .initializer(OnnxTestModels.rawTensor("w", new long[] {1_000_000, 1_000_000, 1, 1},
                        org.convscope.onnx.proto.Onnx.TensorProto.DataType.FLOAT, new byte[4]))
                .node("Conv", List.of("x", "w"), List.of("y")).output("y", 1, 1, 4, 4).bytes());
        seed(dir, "huge-input", OnnxTestModels.model().input("x", 1, 3, 100_000, 100_000)
                .node("Relu", List.of("x"), List.of("y")).output("y", 1, 3, 100_000, 100_000).bytes());
        seed(dir, "external-outside", OnnxTestModels.model().input("x", 1, 1, 4, 4)
                .initializer(org.convscope.onnx.proto.Onnx.TensorProto.newBuilder().setName("w")
                        .addAllDims(List.of(1L, 1L, 3L, 3L))
                        .setDataType(org.convscope.onnx.proto.Onnx.TensorProto.DataType.FLOAT.getNumber())
                        .setDataLocation(org.convscope.onnx.proto.Onnx.TensorProto.DataLocation.EXTERNAL)
                        .addExternalData(org.convscope.onnx.proto.Onnx.StringStringEntryProto.newBuilder()
                                .setKey("location").setValue("../../../etc/passwd"))
                        .build())
                .node("Conv", List.of("x", "w"), List.of("y")).output("y", 1, 1, 2, 2).bytes());
        seed(dir, "unknown-operator", OnnxTestModels.model().input("x", 1, 3, 8, 8)
                .node("Resize", List.of("x"), List.of("y")).output("y", 1, 3, 16, 16).bytes());
        seed(dir, "group-zero", OnnxTestModels.model().input("x", 1, 2, 4, 4)
                .initializer("w", new long[] {2, 1, 3, 3}, new float[18])
                .node("Conv", List.of("x", "w"), List.of("y"), OnnxTestModels.intAttr("group", 0))
                .output("y", 1, 2, 2, 2).bytes());
        seed(dir, "kernel-larger-than-input", OnnxTestModels.model().input("x", 1, 1, 4, 4)
                .initializer("w", new long[] {1, 1, 9, 9}, new float[81])
                .node("Conv", List.of("x", "w"), List.of("y")).output("y", 1, 1, 1, 1).bytes());
    }

    /** input 1×4×4, conv 2@3×3, ReLU, flatten, FC 3, softmax: 20 + 27 parameters. */
    static NetworkSpec tiny() {
        return new NetworkSpec("tiny", new Dims(1, 4, 4), List.of(ConvSpec.square("conv", 2, 3, 1, 0),
                new ActivationSpec("relu", ActivationSpec.Kind.RELU), new FlattenSpec("flatten"),
                new DenseSpec("fc", 3), new SoftmaxSpec("softmax")));
    }

    private static void header(Path dir) throws IOException {
        String a = "\"a\":{\"dtype\":\"F32\",\"shape\":[2,1],\"data_offsets\":[0,8]}";
        String b = "\"b\":{\"dtype\":\"F32\",\"shape\":[4],\"data_offsets\":[8,24]}";
        seed(dir, "two-tensors-and-metadata", header(24, "{\"__metadata__\":{\"format\":\"convscope-model\"}," + a + "," + b
                + "}"));
        seed(dir, "shape-of-5000-dimensions", header(4, "{\"w\":{\"dtype\":\"F32\",\"shape\":[" + "1,".repeat(4999)
                + "1],\"data_offsets\":[0,4]}}"));
        seed(dir, "dtype-of-20000-characters", header(4, "{\"w\":{\"dtype\":\"" + "F".repeat(20_000)
                + "\",\"shape\":[1],\"data_offsets\":[0,4]}}"));
        seed(dir, "trailing-comma", header(8, "{" + a + ",}"));
        seed(dir, "name-twice", header(8, "{" + a + "," + a + "}"));
        seed(dir, "overlapping-tensors", header(16, "{" + a + "," + b.replace("[8,24]", "[4,20]") + "}"));
        seed(dir, "offset-of-40-digits", header(8, "{" + a.replace("[0,8]", "[0," + "9".repeat(40) + "]") + "}"));
        seed(dir, "nested-1000-deep", header(0, "{\"m\":" + "[".repeat(1000) + "]".repeat(1000) + "}"));
        byte[] latin1 = header(8, "{" + a.replace("\"a\"", "\"\u00e9\"") + "}");
        seed(dir, "not-utf8", new String(latin1, StandardCharsets.UTF_8).replace("é", "\u00ff")
                .getBytes(StandardCharsets.ISO_8859_1));
    }

    private static byte[] header(long dataBytes, String json) {
        byte[] text = json.getBytes(StandardCharsets.UTF_8);
        return ByteBuffer.allocate(8 + text.length).putLong(dataBytes).put(text).array();
    }

    private static void models(Path dir) throws Exception {
        Path file = Files.createTempFile("seed", ".safetensors");
        ModelFile.save(file, Network.initialized(tiny(), 1), Map.of("trained_on", "nothing"));
        byte[] model = Files.readAllBytes(file);
        seed(dir, "tiny-model", model);
        seed(dir, "truncated-model", Arrays.copyOf(model, model.length - 10));
        seed(dir, "png-given-as-model", Pngs.of(28, 28));
        seed(dir, "format-version-2", edited(file, meta -> {
            meta.put("format_version", "2");
            return meta;
        }, tensors -> tensors));
        seed(dir, "nan-weight", edited(file, meta -> meta, tensors -> withNan(tensors, "conv.weight")));
        seed(dir, "no-architecture", edited(file, meta -> {
            meta.remove("architecture");
            return meta;
        }, tensors -> tensors));
        Files.delete(file);
        // Issue 14's 248 KB LeNet-5 whose architecture says fc1 has a million units, or a billion.
        Path lenet = Files.createTempFile("seed", ".safetensors");
        ModelFile.save(lenet, Network.initialized(Presets.lenet5(), 1), Map.of());
        for (String units : List.of("1000000", "1000000000")) {
            seed(dir, "lenet5-fc1-of-" + units + "-units", edited(lenet, meta -> {
                meta.put("architecture", meta.get("architecture").replace("\"units\":120", "\"units\":" + units));
                return meta;
            }, tensors -> tensors));
        }
        Files.delete(lenet);
    }

    private static void idx(Path dir) throws IOException {
        byte[] images = IdxFiles.images(2, 3, 3, IdxFiles.pattern(2, 3, 3));
        byte[] labels = IdxFiles.labels((byte) 1, (byte) 7);
        seed(dir, "images-raw", images);
        seed(dir, "images-gzip", IdxFiles.gzip(images));
        seed(dir, "labels-raw", labels);
        seed(dir, "labels-gzip", IdxFiles.gzip(labels));
        seed(dir, "header-of-1x46000x46000", IdxFiles.idx(Idx.IMAGES_MAGIC, new int[] {1, 46000, 46000}, new byte[0]));
        seed(dir, "a-billion-labels-in-8-bytes", IdxFiles.idx(Idx.LABELS_MAGIC, new int[] {1_000_000_000}, new byte[0]));
        seed(dir, "gzip-claiming-300-million-labels", IdxFiles.gzip(IdxFiles.idx(Idx.LABELS_MAGIC,
                new int[] {300_000_000}, new byte[] {1, 2, 3})));
        byte[] zipped = IdxFiles.gzip(labels);
        seed(dir, "gzip-with-junk-after", Arrays.copyOf(zipped, zipped.length + 7));
        byte[] three = IdxFiles.labels((byte) 1, (byte) 2, (byte) 3);
        seed(dir, "gzip-two-members", concat(IdxFiles.gzip(Arrays.copyOf(three, 10)),
                IdxFiles.gzip(Arrays.copyOfRange(three, 10, three.length))));
    }

    private static void images(Path dir) throws IOException {
        BufferedImage digit = new BufferedImage(16, 16, BufferedImage.TYPE_BYTE_GRAY);
        var g = digit.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, 16, 16);
        g.setColor(Color.BLACK);
        g.fillRect(6, 3, 3, 10);
        g.dispose();
        byte[] png = encode(digit, "png");
        byte[] jpeg = encode(digit, "jpg");
        seed(dir, "digit-png", png);
        seed(dir, "digit-jpeg", jpeg);
        seed(dir, "png-of-20000x20000", Pngs.of(20000, 20000));
        byte[] crc = png.clone();
        crc[crc.length - 13] ^= 1;
        seed(dir, "png-with-a-wrong-crc", crc);
        seed(dir, "png-without-iend", Arrays.copyOf(png, png.length - 12));
        seed(dir, "png-with-data-after-iend", Arrays.copyOf(png, png.length + 4));
        seed(dir, "truncated-jpeg", Arrays.copyOf(jpeg, jpeg.length * 2 / 3));
        seed(dir, "jpeg-with-a-video-after", Arrays.copyOf(jpeg, jpeg.length + 64));
        seed(dir, "gif", encode(digit, "gif"));
        seed(dir, "bmp", encode(digit, "bmp"));
        seed(dir, "tiff", encode(digit, "tiff"));
    }

    private static void architectures(Path dir) throws IOException {
        seed(dir, "lenet5", text(NetworkSpecJson.toJson(Presets.lenet5())));
        seed(dir, "tiny", text(NetworkSpecJson.toJson(tiny())));
        seed(dir, "unknown-layer-type", text("{\"input\":[1,28,28],\"layers\":[{\"type\":\"FOO\",\"name\":\"x\"}]}"));
        seed(dir, "stride-does-not-fit", text("{\"input\":[1,28,28],\"layers\":[{\"type\":\"conv\",\"name\":\"c\","
                + "\"filters\":2,\"kernel\":[5,5],\"stride\":2}]}"));
        seed(dir, "input-of-150x150", text("{\"input\":[1,150,150],\"layers\":[{\"type\":\"flatten\",\"name\":\"f\"},"
                + "{\"type\":\"dense\",\"name\":\"fc\",\"units\":10}]}"));
        seed(dir, "not-an-object", text("[1,28,28]"));
        seed(dir, "layer-with-a-blank-name", text("{\"input\":[1,28,28],\"layers\":[{\"type\":\"conv\",\"name\":\"\","
                + "\"filters\":2,\"kernel\":[5,5],\"st2ide\":2}]}"));
        seed(dir, "nested-1000-deep", text("{\"layers\":" + "[".repeat(1000) + "]".repeat(1000) + "}"));
    }

    private static void sessions(Path dir) throws Exception {
        NetworkSpec spec = tiny();
        Network net = Network.initialized(spec, 1);
        List<Param> params = net.params();
        float[][] values = net.copyParams();
        float[][][] state = new float[2][params.size()][];
        for (int i = 0; i < params.size(); i++) state[0][i] = new float[params.get(i).size()];
        TrainingSettings settings = TrainingSettings.defaults().withThreads(2)
                .withOptimizer(OptimizerConfig.momentum(0.05f, 0.9f));
        CurveSnapshot curves = new CurveSnapshot(new long[] {1, 2}, new float[] {2.3f, 2.1f}, new float[] {2.3f, 2.2f},
                new float[] {0.1f, 0.2f}, List.of(new EpochPoint(0, 2, 2.2, 0.15, 2.0, 0.2)));
        List<TimelineFrame> timeline = List.of(new TimelineFrame(0, ConvFilters.of(net, ConvFilters.convWeightIndices(net),
                values)));
        Path file = Files.createTempFile("seed", ".convscope-session");
        SessionFile.write(file, new SessionState(spec, settings, values, state, 2, 2, 0, 2, curves, timeline, 10, "",
                new float[0][], null));
        seed(dir, "tiny-session", Files.readAllBytes(file));
        seed(dir, "nan-parameter", edited(file, meta -> meta, tensors -> withNan(tensors, "param.conv.weight")));
        seed(dir, "format-version-2", edited(file, meta -> {
            meta.put("format_version", "2");
            return meta;
        }, tensors -> tensors));
        seed(dir, "no-settings", editedSession(file, json -> json.replaceFirst("\"settings\":\\{[^}]*\\},", "")));
        seed(dir, "optimizer-FOO", editedSession(file, json -> json.replace("\"MOMENTUM\"", "\"FOO\"")));
        seed(dir, "trailing-comma-in-session", editedSession(file, json -> json.replaceFirst("}$", ",}")));
        seed(dir, "threads-a-billion", editedSession(file, json -> json.replace("\"threads\":2", "\"threads\":1000000000")));
        seed(dir, "train-last-beyond-the-layers", editedSession(file, json -> json.replace("\"train_last\":0",
                "\"train_last\":99")));
        seed(dir, "epoch-correct-above-its-images", editedSession(file, json -> json.replace("\"epoch_correct\":0",
                "\"epoch_correct\":5")));
        seed(dir, "architecture-of-a-billion-units", edited(file, meta -> {
            meta.put("architecture", meta.get("architecture").replace("\"units\":3", "\"units\":1000000000"));
            return meta;
        }, tensors -> tensors));
        Files.delete(file);
    }

    private static void lessons(Path dir) throws IOException {
        seed(dir, "layers-after-convolution", Files.readAllBytes(Path.of("samples/lessons/layers-after-convolution.json")));
        seed(dir, "every-view", text("""
                {"title":"t","frames":[
                 {"view":"conv","input":{"random":[2,5,5],"seed":3},"kernels":["identity",{"random":[2,3,3]}],
                  "bias":[1,2],"stride":2,"padding":1,"position":"end"},
                 {"view":"relu","input":[[1,-2],[-3,4]]},
                 {"view":"pool","kind":"l2","window":2,"input":{"testDigit":3}},
                 {"view":"dense","inputs":[1,2],"weights":[[1,0],[0,1]],"bias":[0,1],"neuron":1},
                 {"view":"softmax","logits":[1,2,3]},
                 {"view":"network","network":"lenet5"},
                 {"view":"relu","input":"explorer"}]}"""));
        seed(dir, "random-1000-cubed", text("{\"title\":\"t\",\"frames\":[{\"view\":\"relu\",\"input\":{\"random\":"
                + "[1000,1000,1000]}}]}"));
        seed(dir, "padding-of-2-to-the-30", text("{\"title\":\"t\",\"frames\":[{\"view\":\"conv\",\"input\":[[1]],"
                + "\"kernel\":[[1]],\"padding\":1073741824}]}"));
        seed(dir, "a-comment", text("{\"title\":\"t\", // comment\n\"frames\":[{\"view\":\"relu\",\"input\":[[1]]}]}"));
        seed(dir, "stride-two-in-words", text("{\"title\":\"t\",\"frames\":[{\"view\":\"conv\",\"input\":[[1,2],[3,4]],"
                + "\"kernel\":[[1]],\"stride\":\"two\"}]}"));
        seed(dir, "test-digit-that-does-not-exist", text("{\"title\":\"t\",\"frames\":[{\"view\":\"relu\",\"input\":"
                + "{\"testDigit\":10}}]}"));
    }

    private static byte[] edited(Path file, UnaryOperator<Map<String, String>> metadata,
                                 UnaryOperator<List<NamedTensor>> tensors) throws Exception {
        SafeTensorsFile content = SafeTensors.read(file);
        Path out = Files.createTempFile("seed", ".safetensors");
        SafeTensors.write(out, tensors.apply(new ArrayList<>(content.tensors().values())),
                metadata.apply(new LinkedHashMap<>(content.metadata())));
        byte[] bytes = Files.readAllBytes(out);
        Files.delete(out);
        return bytes;
    }

    private static byte[] editedSession(Path file, UnaryOperator<String> session) throws Exception {
        return edited(file, meta -> {
            meta.put("session", session.apply(meta.get("session")));
            return meta;
        }, tensors -> tensors);
    }

    private static List<NamedTensor> withNan(List<NamedTensor> tensors, String name) {
        List<NamedTensor> out = new ArrayList<>();
        for (NamedTensor t : tensors) {
            float[] data = t.data().clone();
            if (t.name().equals(name)) data[0] = Float.NaN;
            out.add(new NamedTensor(t.name(), t.shape(), data));
        }
        return out;
    }

    private static byte[] encode(BufferedImage image, String format) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        if (!ImageIO.write(image, format, out)) throw new IOException("no writer for " + format);
        return out.toByteArray();
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    private static byte[] text(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static void seed(Path dir, String name, byte[] bytes) throws IOException {
        Files.createDirectories(dir);
        Files.write(dir.resolve(name), bytes);
    }
}
