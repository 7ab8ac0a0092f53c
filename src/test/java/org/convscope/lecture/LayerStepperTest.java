package org.convscope.lecture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.SplittableRandom;
import javax.imageio.ImageIO;
import org.convscope.data.DatasetException;
import org.convscope.data.PhotoPreprocess;
import org.convscope.engine.Dims;
import org.convscope.engine.Network;
import org.convscope.engine.Workspace;
import org.convscope.engine.explain.UnitExplanation.ChannelTerms;
import org.convscope.engine.explain.UnitExplanation.ConvUnit;
import org.convscope.engine.kernel.ScalarKernels;
import org.convscope.engine.spec.ActivationSpec;
import org.convscope.engine.spec.ConvSpec;
import org.convscope.engine.spec.FlattenSpec;
import org.convscope.engine.spec.DenseSpec;
import org.convscope.engine.spec.LayerSpec;
import org.convscope.engine.spec.NetworkSpec;
import org.convscope.engine.spec.Window;
import org.convscope.io.Npy;
import org.convscope.open.Models;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 11 §3: a real network's filter stepped over its layer's real input. Every step's output cell is the engine's
 * own output for that unit (an independent forward pass on a {@link Workspace} with the scalar kernels), on the colour
 * fixture models and on a layer with asymmetric padding, strides per axis, dilation and groups; grouped and depthwise
 * filters see only their group's channels; labels, the formula and the predict-mode question follow the state.
 */
class LayerStepperTest {
    private static final Path ONNX = Path.of("src/test/resources/onnx");

    static NetworkPass fixture(String name) throws Exception {
        Network net = Models.load(ONNX.resolve(name).resolve("model.onnx")).network();
        float[] input = Npy.read(ONNX.resolve(name).resolve("input.npy")).data();
        return NetworkPass.run(name, net, new NetworkInput.Given("the fixture's input", input), LessonSources.NONE);
    }

    /** The engine's output of every layer for the pass's input, computed again apart from the pass. */
    private static Workspace engine(NetworkPass pass) {
        Workspace ws = new Workspace(pass.network(), ScalarKernels.INSTANCE, 1);
        System.arraycopy(pass.values(), 0, ws.input(), 0, pass.values().length);
        ws.forward(1);
        return ws;
    }

    /** Every step of the filter: its cell equals the engine's, to float rounding of the terms it adds up. */
    private static void everyStepIsTheEngines(LayerStepper start, Workspace ws) {
        LayerConv conv = start.conv();
        Dims out = conv.output();
        float[] engine = ws.output(conv.layer());
        for (int i = 1; i <= start.count(); i++) {
            LayerStepper s = start.at(i);
            ConvUnit unit = s.current().orElseThrow();
            int row = s.row(i - 1);
            int col = s.col(i - 1);
            float expected = engine[(conv.filter() * out.height() + row) * out.width() + col];
            double magnitude = Math.abs(unit.bias());
            for (ChannelTerms t : unit.channels()) for (float p : t.products()) magnitude += Math.abs(p);
            String where = conv.name() + " filter " + (conv.filter() + 1) + " " + s.cellName(i - 1);
            assertEquals(expected, unit.value(), 1e-5 * magnitude + 1e-6, where);
            assertEquals(expected, s.output()[i - 1], 1e-5 * magnitude + 1e-6, where + ": the map shows the engine's output");
        }
    }

    @Test
    void everyCellOfEveryConvolutionOfTheResidualFixtureIsTheEngines() throws Exception {
        NetworkPass pass = fixture("resblock");
        Workspace ws = engine(pass);
        List<Integer> convs = LayerConv.convolutions(pass.network().spec());
        assertEquals(6, convs.size());
        for (int layer : convs) {
            int filters = ((ConvSpec) pass.network().spec().layers().get(layer)).filters();
            for (int f : new int[] {0, filters - 1}) everyStepIsTheEngines(LayerStepper.start(LayerConv.of(pass, layer, f)), ws);
        }
    }

    @Test
    void theColourStemShowsRedGreenAndBlueEachWithItsSum() throws Exception {
        NetworkPass pass = fixture("resblock");
        LayerStepper s = LayerStepper.start(LayerConv.of(pass, LayerConv.convolutions(pass.network().spec()).getFirst(), 4));
        assertTrue(s.conv().colour());
        assertEquals(List.of(0, 1, 2), s.shown(), "all three channels at once");
        assertFalse(s.summarised());
        assertEquals(List.of("ΣR", "ΣG", "ΣB", "b"), s.termNames());
        LayerStepper third = s.at(3);
        String line = third.explain();
        assertTrue(line.startsWith("out[1, 3, 5] = ΣR + ΣG + ΣB + b = "), line);
        ConvUnit unit = third.current().orElseThrow();
        NumberStyle style = third.numberStyle();
        String total = style.format(third.conv().engineOutput(0, 2));
        assertTrue(line.endsWith(" " + total), line + " ends with the engine's output " + total);
        for (ChannelTerms t : unit.channels()) assertTrue(line.contains(style.format(t.sum())), line);
        assertEquals("out[1, 3, 5] = ΣR + ΣG + ΣB + b = ?", third.question(), "predict mode hides the result");
        assertEquals("O = (W − K + 2P)/S + 1 = (32 − 3 + 2×1)/1 + 1 = 32", s.formula());
    }

    @Test
    void groupedAndDepthwiseFiltersSeeOnlyTheirGroupsChannels() throws Exception {
        NetworkPass pass = fixture("mobile");
        Workspace ws = engine(pass);
        NetworkSpec spec = pass.network().spec();
        int grouped = -1;
        int depthwise = -1;
        for (int layer : LayerConv.convolutions(spec)) {
            ConvSpec c = (ConvSpec) spec.layers().get(layer);
            if (c.groups() == 4 && grouped < 0) grouped = layer;
            if (c.groups() == c.filters() && c.groups() > 1 && depthwise < 0) depthwise = layer;
        }
        LayerConv g = LayerConv.of(pass, grouped, 9); // filter 10 of 24: group 2 of 4, input channels 7 to 12
        assertEquals(6, g.depth());
        assertEquals(6, g.firstChannel());
        LayerStepper gs = LayerStepper.start(g).at(5);
        assertEquals(List.of(6, 7, 8, 9, 10, 11), gs.current().orElseThrow().channels().stream().map(ChannelTerms::channel).toList());
        assertTrue(gs.caption().contains("Groups: 4, so filter 10 (group 2) sees input channels 7 to 12 only"), gs.caption());
        assertTrue(gs.summarised(), "six channels of 3×3: three at a time, every Σ beside them");
        assertEquals(List.of(0, 1, 2), gs.shown());
        assertEquals(List.of(3, 4, 5), gs.withPage(1).shown());
        assertEquals(5, gs.withPage(1).position(), "paging keeps the step");
        assertTrue(gs.withPage(1).caption().contains("In detail: channels 10 to 12"), gs.withPage(1).caption());
        assertEquals(List.of("Σ of 6 channels", "b"), gs.termNames());
        everyStepIsTheEngines(LayerStepper.start(g), ws);

        LayerConv d = LayerConv.of(pass, depthwise, 20);
        assertEquals(1, d.depth());
        assertEquals(20, d.firstChannel());
        LayerStepper ds = LayerStepper.start(d).at(7);
        assertEquals(List.of(20), ds.current().orElseThrow().channels().stream().map(ChannelTerms::channel).toList());
        assertTrue(ds.caption().contains("Depthwise: filter 21 sees input channel 21 only"), ds.caption());
        assertEquals(List.of("Σ w·x", "b"), ds.termNames());
        everyStepIsTheEngines(LayerStepper.start(d), ws);
    }

    /** A layer with every kind of window: 3×2 taps, strides 2 and 1, padding 0/1/2/0, dilation 2 and 1, two groups. */
    static NetworkPass oddWindow() {
        Window window = new Window(3, 2, 2, 1, 0, 1, 2, 0, 2, 1, Window.Rounding.FLOOR);
        List<LayerSpec> layers = List.of(new ConvSpec("odd", 4, window, 2), new ActivationSpec("relu", ActivationSpec.Kind.RELU),
                new FlattenSpec("flatten"), new DenseSpec("fc", 3));
        Network net = Network.initialized(new NetworkSpec("odd-window", new Dims(4, 9, 7), layers), 11);
        float[] input = new float[4 * 9 * 7];
        SplittableRandom random = new SplittableRandom(5);
        for (int i = 0; i < input.length; i++) input[i] = (float) random.nextGaussian();
        return NetworkPass.run("odd-window", net, new NetworkInput.Given("seeded random numbers", input), LessonSources.NONE);
    }

    @Test
    void windowsWithAsymmetricPaddingStridesPerAxisDilationAndGroupsStepAsTheEngine() {
        NetworkPass pass = oddWindow();
        Workspace ws = engine(pass);
        for (int f = 0; f < 4; f++) everyStepIsTheEngines(LayerStepper.start(LayerConv.of(pass, 0, f)), ws);
        LayerStepper s = LayerStepper.start(LayerConv.of(pass, 0, 3));
        assertEquals(2, s.conv().depth());
        assertEquals(2, s.conv().firstChannel(), "filter 4 is in the second group: input channels 3 and 4");
        assertEquals("3×2, stride 2 down and 1 across, padding 0 above, 2 below, 1 left, 0 right, dilation 2×1",
                s.windowWords());
        assertEquals("height: O = (W + P₁ + P₂ − D×(K − 1) − 1)/S + 1 = (9 + 0 + 2 − 2×(3 − 1) − 1)/2 + 1 = 4\n"
                + "width: O = (W + P₁ + P₂ − D×(K − 1) − 1)/S + 1 = (7 + 1 + 0 − 1×(2 − 1) − 1)/1 + 1 = 7", s.formula());
        assertEquals(new Dims(4, 4, 7), s.conv().output());
        assertTrue(s.explain().contains("padded by 0 above, 2 below, 1 left and 0 right"), s.explain());
    }

    @Test
    void theTitleAndCaptionSayWhatIsShownNow() throws Exception {
        NetworkPass pass = fixture("resblock");
        int second = LayerConv.convolutions(pass.network().spec()).get(1);
        LayerStepper s = LayerStepper.start(LayerConv.of(pass, second, 0));
        String layer = s.conv().name();
        assertEquals(layer + " of resblock: filter 1 of 16", s.title());
        assertTrue(s.caption().startsWith("Trained weights 3×3×16 (3×3, stride 1, padding 1) over the output of "), s.caption());
        assertTrue(s.caption().contains("32×32×16, for the fixture's input; output 32×32, map 1 of 16."), s.caption());
        assertTrue(s.caption().contains("In detail: channels 1 to 3"), s.caption());
        LayerStepper other = new LayerStepper(s.conv().withFilter(15), 0, 5);
        assertEquals(layer + " of resblock: filter 16 of 16", other.title());
        assertTrue(other.caption().contains("map 16 of 16") && other.caption().contains("In detail: channel 16 ("),
                other.caption());
        assertEquals(6, other.pages(), "16 channels, three at a time");
        assertThrows(IllegalArgumentException.class, () -> LayerConv.of(pass, second, 16));
        assertThrows(IllegalArgumentException.class, () -> LayerConv.of(pass, second + 1, 0), "a batch norm is no convolution");
    }

    @Test
    void photosAndTestDigitsBecomeTheModelsInputAndABadFileIsOneLine(@TempDir Path dir) throws Exception {
        NetworkPass fixture = fixture("resblock");
        Network net = fixture.network();
        BufferedImage picture = new BufferedImage(48, 40, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < 40; y++) for (int x = 0; x < 48; x++) picture.setRGB(x, y, (x * 5) << 16 | (y * 6) << 8 | 90);
        Path file = dir.resolve("stripes.png");
        ImageIO.write(picture, "png", file.toFile());
        NetworkPass photo = NetworkPass.run("resblock", net, new NetworkInput.PhotoFile(file, Preprocessing.IMAGENET),
                LessonSources.NONE);
        float[] expected = PhotoPreprocess.imagenet(net.input()).apply(org.convscope.data.Photo.load(file), net.input());
        assertEquals(java.util.Arrays.toString(expected), java.util.Arrays.toString(photo.values()));
        assertEquals("stripes.png, ImageNet preprocessing", photo.input());

        Path text = dir.resolve("notes.png");
        Files.writeString(text, "not a picture");
        DatasetException bad = assertThrows(DatasetException.class, () -> NetworkPass.run("resblock", net,
                new NetworkInput.PhotoFile(text, Preprocessing.IMAGENET), LessonSources.NONE));
        assertTrue(bad.getMessage().contains("notes.png") && !bad.getMessage().contains("\n"), bad.getMessage());

        float[] ink = new float[28 * 28];
        for (int i = 0; i < 28; i++) ink[i * 28 + 14] = 1;
        LessonSources digits = new LessonSources() {
            @Override
            public Volume testDigit(int index) {
                return new Volume(new Dims(1, 28, 28), ink);
            }

            @Override
            public Volume explorerDrawing() {
                throw new IllegalStateException();
            }
        };
        NetworkPass digit = NetworkPass.run("resblock", net, new NetworkInput.TestDigit(3, Preprocessing.IMAGENET), digits);
        float[] x = digit.values();
        int plane = 32 * 32;
        for (int i = 0; i < plane; i++) {
            float r = x[i] * PhotoPreprocess.IMAGENET_STD[0] + PhotoPreprocess.IMAGENET_MEAN[0];
            float b = x[2 * plane + i] * PhotoPreprocess.IMAGENET_STD[2] + PhotoPreprocess.IMAGENET_MEAN[2];
            assertEquals(r, b, 1e-5, "a gray digit is the same in red and blue before the normalisation");
        }
        assertEquals("test digit 3, ImageNet preprocessing", digit.input());
        IllegalArgumentException digitSized = assertThrows(IllegalArgumentException.class, () -> NetworkPass.run("resblock",
                net, new NetworkInput.Given("the explorer's input", new float[28 * 28]), LessonSources.NONE));
        assertEquals("the explorer's input has 784 numbers; the model takes 32×32×3 = 3072", digitSized.getMessage());
    }
}
