package org.convscope.engine.explain;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.SplittableRandom;
import org.convscope.engine.Dims;
import org.convscope.engine.Network;
import org.convscope.engine.Param;
import org.convscope.engine.Workspace;
import org.convscope.engine.kernel.KernelSelection;
import org.convscope.engine.spec.ActivationSpec;
import org.convscope.engine.spec.ConvSpec;
import org.convscope.engine.spec.DenseSpec;
import org.convscope.engine.spec.FlattenSpec;
import org.convscope.engine.spec.GlobalPoolSpec;
import org.convscope.engine.spec.NetworkSpec;
import org.convscope.engine.spec.PoolSpec;
import org.convscope.engine.spec.SoftmaxSpec;
import org.convscope.engine.train.SampleSource;
import org.junit.jupiter.api.Test;

/**
 * Grad-CAM, feature visualisation and the most exciting images, on a colour network: conv → ReLU → global average
 * pool → dense → softmax, where Grad-CAM has a closed form (the class activation map), a channel's visualisation must
 * raise the channel, and a one-weight filter's favourite images are known.
 */
class AnyNetworkExplanationsTest {
    private static final Dims IN = new Dims(3, 12, 10);

    private static Network camNet(long seed) {
        return Network.initialized(new NetworkSpec("cam", IN, List.of(
                ConvSpec.square("conv", 4, 3, 1, 1),
                new ActivationSpec("relu", ActivationSpec.Kind.RELU),
                new GlobalPoolSpec("gap", PoolSpec.Kind.AVERAGE),
                new FlattenSpec("flatten"),
                new DenseSpec("fc", 5),
                new SoftmaxSpec("softmax"))), seed);
    }

    private static void randomInput(Workspace ws, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        for (int i = 0; i < IN.size(); i++) ws.input()[i] = (float) r.nextDouble(-1, 1);
    }

    @Test
    void gradCamOnTheLastMapsIsTheClassActivationMap() {
        Network net = camNet(3);
        Workspace ws = new Workspace(net, KernelSelection.preferred(), 1);
        randomInput(ws, 4);
        ws.forward(1);
        int relu = 1;
        for (int c = 0; c < 5; c++) {
            GradCam.Result r = GradCam.of(ws, relu, c);
            // y_c = Σ_k w_ck · mean(A_k) + b_c, so α_k = w_ck / (H·W) and the map is ReLU(Σ_k w_ck A_k)/(H·W).
            float[] w = net.params().get(2).value(); // fc.weight [5][4]
            float[] a = ws.output(relu);
            int plane = IN.height() * IN.width();
            for (int k = 0; k < 4; k++) assertEquals(w[c * 4 + k] / plane, r.weights()[k], 1e-6f, "α_" + k);
            for (int i = 0; i < plane; i++) {
                double v = 0;
                for (int k = 0; k < 4; k++) v += w[c * 4 + k] * a[k * plane + i];
                assertEquals(Math.max(0, v / plane), r.map()[i], 1e-5, "map at " + i);
            }
            float[] logits = ws.output(4);
            assertEquals(logits[c], r.score(), "the class score is the logit");
        }
        float[] up = GradCam.upsample(new float[] {0, 1, 2, 3}, 2, 2, 4, 4);
        assertEquals(0f, up[0]);
        assertEquals(3f, up[15]);
        // Row 1, column 1 sits a quarter of the way from value 0 towards 1 and 2: 0.75·0.75·0 + …
        assertEquals(0.75f * 0.75f * 0 + 0.75f * 0.25f * 1 + 0.25f * 0.75f * 2 + 0.25f * 0.25f * 3, up[5], 1e-6f);
    }

    @Test
    void aChannelsVisualisationRaisesItAndStaysInRange() {
        Network net = camNet(5);
        Workspace ws = new Workspace(net, KernelSelection.preferred(), 1);
        FeatureVisualization.Settings s = FeatureVisualization.Settings.forNormalised(IN,
                new float[] {0.5f, 0.5f, 0.5f}, new float[] {0.25f, 0.25f, 0.25f}, 40);
        float[] first = new float[1];
        float[] last = new float[1];
        int[] steps = new int[1];
        float[] image = FeatureVisualization.run(ws, FeatureVisualization.Target.channel(1, 2), s, (step, objective, x) -> {
            if (step == 1) first[0] = objective;
            last[0] = objective;
            steps[0] = step;
        }, () -> false);
        assertEquals(40, steps[0]);
        assertTrue(last[0] > first[0] + 0.1f, "the channel's mean went from " + first[0] + " to " + last[0]);
        for (float v : image) assertTrue(v >= -2f && v <= 2f, "in range: " + v);
        float[] again = FeatureVisualization.run(new Workspace(net, KernelSelection.preferred(), 1),
                FeatureVisualization.Target.channel(1, 2), s, null, () -> false);
        assertArrayEquals(image, again, "the same seed draws the same picture");
        int[] stopped = new int[1];
        FeatureVisualization.run(ws, FeatureVisualization.Target.classScore(net, 3), s, (step, o, x) -> stopped[0] = step,
                () -> stopped[0] >= 5);
        assertEquals(5, stopped[0], "cancelled after the fifth step");
    }

    @Test
    void theMostExcitingImagesOfAOneWeightFilterAreTheBrightestThere() {
        Network net = camNet(7);
        Param w = net.params().get(0); // conv.weight [4][3][3][3]
        java.util.Arrays.fill(w.value(), 0f);
        w.value()[(2 * 3 + 1) * 9 + 4] = 1f; // filter 2 copies the green channel's centre tap
        w.changed();
        int count = 23;
        float[][] images = new float[count][IN.size()];
        SplittableRandom r = new SplittableRandom(9);
        for (float[] img : images) for (int i = 0; i < img.length; i++) img[i] = (float) r.nextDouble(0, 1);
        SampleSource data = new SampleSource() {
            public int size() { return count; }
            public Dims dims() { return IN; }
            public int numClasses() { return 5; }
            public int label(int index) { return 0; }
            public void fill(int[] indices, int from, int n, float[] out) {
                for (int i = 0; i < n; i++) System.arraycopy(images[indices[from + i]], 0, out, i * IN.size(), IN.size());
            }
        };
        Workspace ws = new Workspace(net, KernelSelection.preferred(), 4);
        List<TopActivations.Hit> hits = TopActivations.find(ws, data, 0, 2, 5, null, () -> false);
        assertEquals(5, hits.size());
        int plane = IN.height() * IN.width();
        float[] brightest = new float[count];
        for (int s = 0; s < count; s++) for (int i = 0; i < plane; i++) brightest[s] = Math.max(brightest[s], images[s][plane + i]);
        Integer[] order = new Integer[count];
        for (int i = 0; i < count; i++) order[i] = i;
        java.util.Arrays.sort(order, (a, b) -> Float.compare(brightest[b], brightest[a]));
        for (int i = 0; i < 5; i++) {
            TopActivations.Hit h = hits.get(i);
            assertEquals(order[i], h.sample(), "rank " + i);
            assertEquals(brightest[h.sample()], h.value(), 1e-6f);
            assertEquals(images[h.sample()][plane + h.y() * IN.width() + h.x()], h.value(), 1e-6f, "at its unit");
            assertEquals(new ReceptiveField.Region(Math.max(0, h.y() - 1), Math.max(0, h.x() - 1),
                    Math.min(IN.height(), h.y() + 2), Math.min(IN.width(), h.x() + 2)), h.region());
        }
    }
}
