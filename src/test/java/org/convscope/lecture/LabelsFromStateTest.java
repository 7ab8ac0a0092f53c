package org.convscope.lecture;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.convscope.engine.Dims;
import org.convscope.engine.spec.PoolSpec;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Items 3 and 5 of the lecture issue: every label comes from the frame's current state, and what a larger size adds
 * follows a rule the caption states. Labels are read as the screen shows them (FrameText), sizes as H×W×D.
 */
class LabelsFromStateTest {
    private static Lesson classic;
    private static Lesson playground;

    @BeforeAll
    static void load() throws Exception {
        classic = LessonFile.load(Path.of("samples/lessons/classic-examples.json"), LessonSources.NONE);
        playground = LessonFile.load(Path.of("samples/lessons/kernel-playground.json"), LessonSources.NONE);
    }

    private static Frame frame(Lesson lesson, String title) {
        return lesson.frames().stream().filter(f -> f.title().equals(title)).findFirst().orElseThrow();
    }

    private static Frame edited(Frame f, ConvSetup setup) {
        return f.with(ConvStepper.start(setup));
    }

    @Test
    void anUneditedFrameShowsTheLessonsOwnWords() {
        Frame f = frame(classic, "Convolution of a binary image");
        assertFalse(f.edited());
        assertEquals("Convolution of a binary image", FrameText.title(f));
        assertEquals(f.caption(), FrameText.caption(f));
        assertFalse(f.with(f.stepper().at(5)).edited(), "stepping is no edit");
    }

    @Test
    void aLargerKernelOrInputDropsTheLessonsCaptionAndSaysWhatWasAdded() {
        Frame f = frame(classic, "Convolution of a binary image");
        ConvSetup s = ((ConvStepper) f.stepper()).setup();
        Frame wider = edited(f, new ConvParameters(7, 5, 1, 0, 1, 1).applyTo(s));
        String caption = FrameText.caption(wider);
        assertFalse(caption.contains("3×3 kernel"), caption);
        assertFalse(caption.contains("5×5 image"), caption);
        assertTrue(caption.contains("7×7×1"), caption);
        assertTrue(caption.contains("5×5×1 filter"), caption);
        assertTrue(caption.contains("input: new cells are 0"), caption);
        assertTrue(caption.contains("filters: new cells are 0"), caption);
        ConvSetup grown = ((ConvStepper) wider.stepper()).setup();
        assertEquals(0, grown.input().at(0, 6, 6), "a new input cell");
        assertEquals(1, grown.input().at(0, 0, 0), "an old one keeps its number");
        assertEquals(0, grown.filters().getFirst().at(0, 4, 4), "a new kernel cell is 0, as the caption says");
        assertTrue(FrameText.title(wider).startsWith("Edited: "), FrameText.title(wider));
    }

    @Test
    void aPresetKernelGrowsAsThePresetAndTheTitleFollowsTheKernel() {
        Frame identity = frame(playground, "Identity");
        ConvSetup s = ((ConvStepper) identity.stepper()).setup();
        assertEquals(KernelPreset.IDENTITY, ((Origin.Preset) s.filterOrigin().growth()).preset());
        ConvSetup five = new ConvParameters(10, 5, 1, 1, 1, 1).applyTo(s);
        assertEquals(KernelPreset.IDENTITY.kernel(5), five.filters().getFirst(), "identity at 5×5: one 1 in the middle");
        assertTrue(FrameText.caption(edited(identity, five)).contains("the identity preset at the new size"));
        ConvSetup edge = new ConvSetup(s.input(), List.of(KernelPreset.EDGE_ALL.kernel()), new float[1], 1, 1,
                s.inputOrigin(), new Origin("the edge (8 neighbours) preset", new Origin.Preset(KernelPreset.EDGE_ALL)));
        String title = FrameText.title(edited(identity, edge));
        assertFalse(title.contains("Identity"), title);
        assertTrue(title.contains("edge (8 neighbours)"), title);
    }

    @Test
    void presetsExtendToAnySize() {
        assertEquals(KernelPreset.BOX_BLUR.kernel(5).values()[0], 1 / 25f);
        float[] gauss = KernelPreset.GAUSSIAN_BLUR.kernel(5).values();
        assertEquals(36 / 256f, gauss[12], "6 × 6 / 4⁴ in the middle");
        float sum = 0;
        for (float v : gauss) sum += v;
        assertEquals(1, sum, 1e-6);
        float edge = 0;
        for (float v : KernelPreset.EDGE_ALL.kernel(5).values()) edge += v;
        assertEquals(0, edge, "an edge kernel sums to 0 at any size");
        float sharpen = 0;
        for (float v : KernelPreset.SHARPEN.kernel(5).values()) sharpen += v;
        assertEquals(1, sharpen);
        assertEquals(KernelPreset.CURVE_DETECTOR.kernel(), KernelPreset.CURVE_DETECTOR.kernel(7));
        assertEquals(KernelPreset.IDENTITY, KernelPreset.matching(KernelPreset.IDENTITY.kernel(5)));
    }

    @Test
    void aColourImageRepeatsTheFiltersChannelAndSaysSo() {
        Frame f = frame(classic, "Convolution of a binary image");
        ConvSetup s = ((ConvStepper) f.stepper()).setup();
        Volume rgb = RandomVolume.integers(new Dims(3, 5, 5), 0, 255, 2);
        ConvSetup p = new ConvParameters(5, 3, 1, 0, 1, 3).applyTo(s);
        ConvSetup colour = new ConvSetup(rgb, p.filters(), p.bias(), 1, 0, Origin.written("cat.png (its middle square)"),
                p.filterOrigin());
        Volume k = colour.filters().getFirst();
        for (int c = 1; c < 3; c++) {
            for (int i = 0; i < 9; i++) assertEquals(k.values()[i], k.values()[c * 9 + i], "channel " + (c + 1));
        }
        String caption = FrameText.caption(edited(f, colour));
        assertTrue(caption.startsWith("Cat.png (its middle square), 5×5×3"), caption);
        assertTrue(caption.contains("new channels repeat the first"), caption);
        assertFalse(caption.contains("32×32×3"), caption);
    }

    @Test
    void randomInputsGrowWithTheirSeedAndMoreFiltersAreSaidToBeRandom() {
        Frame f = frame(classic, "Stride 1");
        ConvSetup s = ((ConvStepper) f.stepper()).setup();
        ConvSetup grown = new ConvParameters(9, 3, 1, 0, 2, 1).applyTo(s);
        Volume seeded = RandomVolume.integers(new Dims(1, 9, 9), 0, 9, 7);
        assertEquals(seeded.at(0, 8, 8), grown.input().at(0, 8, 8), "a new cell: the seed's number there");
        assertEquals(s.input().at(0, 0, 0), grown.input().at(0, 0, 0));
        String caption = FrameText.caption(edited(f, grown));
        assertTrue(caption.contains("random whole numbers 0 to 9 (seed 7)"), caption);
        assertTrue(caption.contains(ConvParameters.NEW_FILTERS), caption);
    }

    @Test
    void editedPoolingIsTitledByItsKindWindowAndStride() {
        Frame max = frame(classic, "Max pooling 2×2, stride 2");
        PoolStepper p = ((PoolStepper) max.stepper()).with(PoolSpec.Kind.AVERAGE, 3, 1);
        Frame edited = max.with(p);
        assertEquals("Average pooling 3×3, stride 1 (edited)", FrameText.title(edited));
        assertTrue(FrameText.caption(edited).contains("output 2×2×1"), FrameText.caption(edited));
    }

    @Test
    void positionsCountFromOneInWordsAndIndices() {
        ConvStepper s = (ConvStepper) frame(classic, "Depth: six filters").stepper();
        ConvStep last = s.step(s.count() - 1);
        assertEquals("out[28, 28, 6]", s.cellName(last));
        assertEquals("28×28×6", Notation.size(s.outputDims().orElseThrow()));
        assertEquals("2 of 6", Notation.of(1, 6));
        assertEquals("row 1, column 3", Notation.position(0, 2));
        NetworkStepper net = (NetworkStepper) frame(classic, "LeNet-5, layer by layer").stepper();
        NetworkStepper.Row conv1 = net.rows().getFirst();
        assertEquals("(28 − 5 + 2×2)/1 + 1 = 28", conv1.sizeFormula());
        assertEquals("6 × (5×5×1 + 1) = 156", conv1.parameterFormula());
        assertEquals("14×14×6", Notation.size(net.rows().get(2).output()));
        assertEquals("5×5×16 = 400", net.rows().get(6).sizeFormula());
        assertEquals("120 × (400 + 1) = 48,120", net.rows().get(7).parameterFormula());
        assertTrue(net.at(0).explain().contains("28×28×1 (height × width × depth)"));
    }

    @Test
    void theFollowUpOfAConvolutionIsReluOfItsWholeResult() {
        Frame f = frame(classic, "Convolution of a binary image");
        Frame relu = FollowUp.next(f).orElseThrow();
        assertEquals("Then ReLU", FollowUp.name(f).orElseThrow());
        assertArrayEquals(new float[] {4, 3, 4, 2, 4, 3, 2, 3, 4}, ((ReluStepper) relu.stepper()).input().values());
        assertTrue(relu.caption().contains("3×3×1 output of \"Convolution of a binary image\""), relu.caption());
        Frame pool = FollowUp.next(relu).orElseThrow();
        assertTrue(pool.stepper() instanceof PoolStepper);
        assertTrue(FollowUp.next(frame(classic, "LeNet-5, layer by layer")).isEmpty());
    }
}
