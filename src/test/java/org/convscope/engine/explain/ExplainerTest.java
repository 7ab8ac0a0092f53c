package org.convscope.engine.explain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.SplittableRandom;
import org.convscope.engine.Dims;
import org.convscope.engine.ForwardSnapshot;
import org.convscope.engine.Network;
import org.convscope.engine.explain.UnitExplanation.ActivationUnit;
import org.convscope.engine.explain.UnitExplanation.ChannelTerms;
import org.convscope.engine.explain.UnitExplanation.ConvUnit;
import org.convscope.engine.explain.UnitExplanation.DenseUnit;
import org.convscope.engine.explain.UnitExplanation.FlattenUnit;
import org.convscope.engine.explain.UnitExplanation.InputUnit;
import org.convscope.engine.explain.UnitExplanation.PoolUnit;
import org.convscope.engine.explain.UnitExplanation.SoftmaxUnit;
import org.convscope.engine.spec.ActivationSpec;
import org.convscope.engine.spec.ConvSpec;
import org.convscope.engine.spec.DenseSpec;
import org.convscope.engine.spec.FlattenSpec;
import org.convscope.engine.spec.NetworkSpec;
import org.convscope.engine.spec.PoolSpec;
import org.convscope.engine.spec.SoftmaxSpec;
import org.junit.jupiter.api.Test;

/** The explanation's numbers are the engine's: its inputs are the previous layer's outputs, its total the unit's. */
class ExplainerTest {
    // LeNet-5 layer indices
    static final int CONV1 = 0, RELU1 = 1, POOL1 = 2, CONV2 = 3, POOL2 = 5, FLATTEN = 6, FC1 = 7, FC3 = 11, SOFTMAX = 12;

    private final ForwardSnapshot snap = LeNetSample.snapshot(LeNetSample.DIGIT);

    private static float engineValue(ForwardSnapshot snap, UnitRef u) {
        return LeNetSample.value(snap, u);
    }

    /**
     * A sum in another order differs by float rounding, relative to the size of its terms (not of the result, which
     * may cancel to near zero): 1e-5 of Σ|terms|.
     */
    private static void assertSum(float engine, float explained, double termMagnitude) {
        double tolerance = 1e-5 * Math.max(Math.abs(engine), termMagnitude);
        assertEquals(engine, explained, tolerance, "explained total vs engine output");
    }

    private float previous(int layer, int channel, int y, int x) {
        return engineValue(snap, new UnitRef(layer - 1, channel, y, x));
    }

    @Test
    void conv1UnitAddsTheWeightedPixelsAndTheBias() {
        UnitRef u = new UnitRef(CONV1, 3, 10, 12);
        ConvUnit conv = assertInstanceOf(ConvUnit.class, Explainer.explain(snap, u));
        assertEquals("conv1", conv.layer());
        assertEquals(1, conv.channels().size());
        assertEquals(8, conv.top());
        assertEquals(10, conv.left());
        ChannelTerms terms = conv.channels().get(0);
        double magnitude = Math.abs(conv.bias());
        for (int i = 0; i < 5; i++) {
            for (int j = 0; j < 5; j++) {
                int k = i * 5 + j;
                assertFalse(terms.padding()[k]);
                assertEquals(previous(CONV1, 0, 8 + i, 10 + j), terms.inputs()[k]);
                assertEquals(snap.params()[0][(3 * 25) + k], terms.weights()[k]);
                assertEquals(terms.weights()[k] * terms.inputs()[k], terms.products()[k]);
                magnitude += Math.abs(terms.products()[k]);
            }
        }
        assertEquals(snap.params()[1][3], conv.bias());
        assertSum(engineValue(snap, u), conv.value(), magnitude);
        assertEquals(conv.channelSum() + conv.bias(), conv.value(), 1e-6 * magnitude);
        assertTrue(magnitude > 0.1, "the unit sees ink");
        UnitExplanation.Activated relu = conv.activated().orElseThrow();
        assertEquals("relu1", relu.layer());
        assertEquals(ActivationSpec.Kind.RELU, relu.kind());
        assertEquals(engineValue(snap, new UnitRef(RELU1, 3, 10, 12)), relu.value());
    }

    @Test
    void conv1CornerMarksThePaddingAsZeros() {
        ConvUnit conv = (ConvUnit) Explainer.explain(snap, new UnitRef(CONV1, 0, 0, 0));
        assertEquals(-2, conv.top());
        ChannelTerms terms = conv.channels().get(0);
        int padded = 0;
        for (int k = 0; k < 25; k++) {
            boolean expected = k / 5 < 2 || k % 5 < 2;
            assertEquals(expected, terms.padding()[k], "padding at " + k);
            if (expected) {
                padded++;
                assertEquals(0f, terms.inputs()[k]);
            }
        }
        assertEquals(16, padded);
        assertSum(engineValue(snap, conv.unit()), conv.value(), Math.abs(conv.bias()) + 1);
    }

    @Test
    void conv2UnitSumsOverSixChannels() {
        UnitRef u = new UnitRef(CONV2, 5, 4, 3);
        ConvUnit conv = (ConvUnit) Explainer.explain(snap, u);
        assertEquals(6, conv.channels().size());
        double magnitude = Math.abs(conv.bias());
        double channelSum = 0;
        for (ChannelTerms terms : conv.channels()) {
            for (int k = 0; k < 25; k++) {
                assertEquals(previous(CONV2, terms.channel(), 4 + k / 5, 3 + k % 5), terms.inputs()[k]);
                magnitude += Math.abs(terms.products()[k]);
            }
            channelSum += terms.sum();
        }
        assertEquals(channelSum, conv.channelSum(), 1e-6 * magnitude);
        assertSum(engineValue(snap, u), conv.value(), magnitude);
        assertTrue(magnitude > 0.1, "the unit sees ink");
    }

    @Test
    void maxPoolUnitTakesTheFirstMaximumOfItsWindow() {
        UnitRef u = new UnitRef(POOL1, 3, 5, 6);
        PoolUnit pool = (PoolUnit) Explainer.explain(snap, u);
        assertEquals(4, pool.window().length);
        for (int k = 0; k < 4; k++) assertEquals(previous(POOL1, 3, 10 + k / 2, 12 + k % 2), pool.window()[k]);
        assertEquals(engineValue(snap, u), pool.value());
        assertEquals(pool.window()[pool.winner()], pool.value());
        for (int k = 0; k < pool.winner(); k++) assertTrue(pool.window()[k] < pool.value(), "winner is the first maximum");
        assertTrue(Float.isNaN(pool.sum()));
    }

    @Test
    void flattenAndActivationUnitsCopyTheirSource() {
        FlattenUnit flat = (FlattenUnit) Explainer.explain(snap, UnitRef.vector(FLATTEN, 2 * 25 + 3 * 5 + 4));
        assertEquals(new UnitRef(POOL2, 2, 3, 4), flat.source());
        assertEquals(engineValue(snap, flat.source()), flat.value());
        ActivationUnit relu = (ActivationUnit) Explainer.explain(snap, new UnitRef(RELU1, 3, 10, 12));
        assertEquals(previous(RELU1, 3, 10, 12), relu.input());
        assertEquals(Math.max(0, relu.input()), relu.value());
        InputUnit pixel = (InputUnit) Explainer.explain(snap, new UnitRef(-1, 0, 14, 14));
        assertEquals(snap.input()[14 * 28 + 14], pixel.value());
    }

    @Test
    void fc1NeuronSumsAllFourHundredInputs() {
        for (int neuron : new int[] {0, 17, 119}) {
            UnitRef u = UnitRef.vector(FC1, neuron);
            DenseUnit dense = (DenseUnit) Explainer.explain(snap, u);
            assertEquals(400, dense.inputs().length);
            double magnitude = Math.abs(dense.bias());
            for (int i = 0; i < 400; i++) {
                assertEquals(snap.output(FLATTEN)[i], dense.inputs()[i]);
                assertEquals(snap.params()[4][neuron * 400 + i], dense.weights()[i]);
                magnitude += Math.abs(dense.products()[i]);
            }
            assertSum(engineValue(snap, u), dense.value(), magnitude);
            assertEquals(engineValue(snap, UnitRef.vector(FC1 + 1, neuron)), dense.activated().orElseThrow().value());
            int[] top = dense.topContributors(5);
            assertEquals(5, top.length);
            for (int k = 1; k < 5; k++) {
                assertTrue(Math.abs(dense.products()[top[k - 1]]) >= Math.abs(dense.products()[top[k]]));
            }
        }
        DenseUnit logit = (DenseUnit) Explainer.explain(snap, UnitRef.vector(FC3, 7));
        assertTrue(logit.activated().isEmpty(), "softmax is not an element-wise activation");
    }

    @Test
    void softmaxClassProbabilityIsItsShareOfTheExponentials() {
        int label = LeNetSample.TEST.label(LeNetSample.DIGIT);
        UnitRef u = UnitRef.vector(SOFTMAX, label);
        SoftmaxUnit softmax = (SoftmaxUnit) Explainer.explain(snap, u);
        assertEquals(10, softmax.logits().length);
        for (int j = 0; j < 10; j++) assertEquals(snap.output(FC3)[j], softmax.logits()[j]);
        assertEquals(1f, softmax.exponentials()[snap.topClass()]);
        assertEquals(engineValue(snap, u), softmax.value(), 1e-5 * Math.max(1e-3, engineValue(snap, u)));
        assertEquals(label, softmax.ranking()[0]);
        for (int j = 0; j < 10; j++) {
            float p = ((SoftmaxUnit) Explainer.explain(snap, UnitRef.vector(SOFTMAX, j))).value();
            assertEquals(snap.result()[j], p, 1e-5 * Math.max(snap.result()[j], 1e-6));
        }
    }

    @Test
    void unitsOutsideTheirLayerAreRefusedByName() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Explainer.explain(snap, new UnitRef(CONV1, 6, 0, 0)));
        assertEquals("lenet5: conv1 unit (channel 6, y 0, x 0) is outside its 28×28×6 output", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Explainer.explain(snap, UnitRef.vector(13, 0)));
    }

    /** Every unit of a small network with the other kinds: strided conv, average and L2 pooling, tanh, sigmoid. */
    @Test
    void everyUnitOfEveryKindMatchesTheEngine() {
        NetworkSpec spec = new NetworkSpec("mixed", new Dims(2, 11, 11), List.of(
                ConvSpec.square("conv_a", 4, 3, 2, 1),
                new ActivationSpec("tanh", ActivationSpec.Kind.TANH),
                new PoolSpec("avg", PoolSpec.Kind.AVERAGE, 2, 2),
                ConvSpec.square("conv_b", 3, 2, 1, 0),
                new ActivationSpec("sigmoid", ActivationSpec.Kind.SIGMOID),
                new PoolSpec("l2", PoolSpec.Kind.L2, 2, 1),
                new FlattenSpec("flatten"),
                new DenseSpec("fc", 5),
                new SoftmaxSpec("softmax")));
        Network net = Network.initialized(spec, 3);
        float[] image = new float[2 * 11 * 11];
        SplittableRandom random = new SplittableRandom(5);
        for (int i = 0; i < image.length; i++) image[i] = (float) random.nextDouble();
        ForwardSnapshot mixed = LeNetSample.snapshot(net, image);
        for (int layer = 0; layer < spec.layers().size(); layer++) {
            Dims d = mixed.shapes().get(layer);
            for (int c = 0; c < d.channels(); c++) {
                for (int y = 0; y < d.height(); y++) {
                    for (int x = 0; x < d.width(); x++) {
                        UnitRef u = new UnitRef(layer, c, y, x);
                        float engine = engineValue(mixed, u);
                        assertEquals(engine, Explainer.explain(mixed, u).value(), 1e-5 * Math.max(1, Math.abs(engine)),
                                u.toString());
                    }
                }
            }
        }
    }
}
