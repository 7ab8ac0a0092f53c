package org.convscope.ui.lecture;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.convscope.engine.Dims;
import org.convscope.engine.Network;
import org.convscope.engine.spec.ActivationSpec;
import org.convscope.engine.spec.ConvSpec;
import org.convscope.engine.spec.DenseSpec;
import org.convscope.engine.spec.FlattenSpec;
import org.convscope.engine.spec.GlobalPoolSpec;
import org.convscope.engine.spec.LayerSpec;
import org.convscope.engine.spec.NetworkSpec;
import org.convscope.engine.spec.PoolSpec;
import org.convscope.engine.spec.Window;
import org.convscope.io.Npy;
import org.convscope.lecture.Frame;
import org.convscope.lecture.LayerConv;
import org.convscope.lecture.LayerStepper;
import org.convscope.lecture.LessonSources;
import org.convscope.lecture.NetworkInput;
import org.convscope.lecture.NetworkPass;
import org.convscope.lecture.Preprocessing;
import org.convscope.open.Models;

/**
 * Frames of real networks for the screen tests: the colour fixture's first convolution (three channels, R, G and B)
 * and a 32-channel one, the mobile fixture's grouped and depthwise convolutions, and a 224×224×3 network like
 * ResNet's stem (7×7, stride 2, 64 filters) followed by a 3×3 convolution over its 64 channels.
 */
final class NetworkFrames {
    private static final Path ONNX = Path.of("src/test/resources/onnx");
    private static List<Frame> frames;

    private NetworkFrames() {}

    /** The fixture over its own input. */
    static NetworkPass fixture(String name) throws Exception {
        Network net = Models.load(ONNX.resolve(name).resolve("model.onnx")).network();
        float[] input = Npy.read(ONNX.resolve(name).resolve("input.npy")).data();
        return NetworkPass.run(name + ".onnx", net, new NetworkInput.Given("the fixture's input", input), LessonSources.NONE);
    }

    /** A stem like ResNet's over a 224×224×3 photo (the colour pattern, ImageNet preprocessing), seeded weights. */
    static NetworkPass large() {
        List<LayerSpec> layers = List.of(
                new ConvSpec("conv1", 64, Window.square(7, 2, 3, Window.Rounding.FLOOR), 1),
                new ActivationSpec("relu", ActivationSpec.Kind.RELU),
                new ConvSpec("layer1.conv", 64, Window.square(3, 2, 1, Window.Rounding.FLOOR), 1),
                new GlobalPoolSpec("pool", PoolSpec.Kind.AVERAGE), new FlattenSpec("flatten"), new DenseSpec("fc", 10));
        Network net = Network.initialized(new NetworkSpec("stem-224", new Dims(3, 224, 224), layers), 7);
        return NetworkPass.run("stem-224", net, new NetworkInput.Pattern(Preprocessing.IMAGENET), LessonSources.NONE);
    }

    /** The frames, made once: the passes behind them take a moment. */
    static synchronized List<Frame> all() throws Exception {
        if (frames != null) return frames;
        List<Frame> made = new ArrayList<>();
        NetworkPass resblock = fixture("resblock");
        List<Integer> convs = LayerConv.convolutions(resblock.network().spec());
        made.add(frame(LayerConv.of(resblock, convs.getFirst(), 4)));
        made.add(frame(LayerConv.of(resblock, convs.get(4), 0)));
        NetworkPass mobile = fixture("mobile");
        for (int layer : LayerConv.convolutions(mobile.network().spec())) {
            ConvSpec c = (ConvSpec) mobile.network().spec().layers().get(layer);
            if (c.groups() == 4 || c.groups() > 1 && c.kernel().strideH() == 2) made.add(frame(LayerConv.of(mobile, layer, 9)));
        }
        NetworkPass large = large();
        made.add(frame(LayerConv.of(large, 0, 0)));
        made.add(frame(LayerConv.of(large, 2, 3)));
        frames = List.copyOf(made);
        return frames;
    }

    private static Frame frame(LayerConv conv) {
        return new Frame("", "", LayerStepper.start(conv));
    }
}
