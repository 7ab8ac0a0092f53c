package org.convscope.engine.spec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.List;
import org.convscope.engine.Dims;
import org.convscope.engine.Network;
import org.convscope.engine.kernel.KernelSelection;
import org.convscope.engine.train.BatchResult;
import org.convscope.engine.train.RandomImages;
import org.convscope.engine.train.TrainConfig;
import org.convscope.engine.train.Trainer;
import org.junit.jupiter.api.Test;

class PresetsTest {
    @Test
    void everyPresetInfersToTenClassesAndHasATitleAndADescription() {
        List<Preset> all = Presets.all();
        assertEquals(List.of("lenet5", "tiny", "lenet5-32", "wide"), all.stream().map(Preset::key).toList());
        for (Preset p : all) {
            assertEquals(10, p.spec().numClasses(), p.key());
            assertFalse(p.description().isBlank(), p.key());
            assertFalse(p.description().contains("\n"), p.key());
            assertEquals(p.spec(), Presets.byName(p.key()));
        }
        assertEquals(4, new HashSet<>(all.stream().map(Preset::title).toList()).size());
        assertSame(null, Presets.byName("no-such-net"));
    }

    @Test
    void tinyHasOneConvolution() {
        long convs = Presets.tiny().layers().stream().filter(l -> l instanceof ConvSpec).count();
        assertEquals(1, convs);
    }

    @Test
    void lenet32TakesThirtyTwoPixelsAndHasFullyConnected120_100_10() {
        NetworkSpec spec = Presets.lenet5x32();
        assertEquals(new Dims(1, 32, 32), spec.input());
        List<NetworkSpec.LayerInfo> infos = spec.infer();
        assertEquals(new Dims(16, 5, 5), infos.get(5).output());
        List<Integer> units = spec.layers().stream().filter(l -> l instanceof DenseSpec).map(l -> ((DenseSpec) l).units())
                .toList();
        assertEquals(List.of(120, 100, 10), units);
        // 156 + 2,416 + 48,120 + 12,100 + 1,010
        assertEquals(63_802, spec.parameterCount());
    }

    @Test
    void wideDoesMoreWorkThanLenet() {
        long lenet = macs(Presets.lenet5());
        long wide = macs(Presets.wide());
        assertTrue(wide > 5 * lenet, wide + " vs " + lenet);
    }

    @Test
    void everyPresetTrainsAStep() {
        for (Preset p : Presets.all()) {
            NetworkSpec spec = p.spec();
            RandomImages data = new RandomImages(spec.input(), 10, 8, 3);
            Network net = Network.initialized(spec, 1);
            float[][] before = net.copyParams();
            TrainConfig config = TrainConfig.defaults().withThreads(1).withBatchSize(8);
            try (Trainer trainer = new Trainer(net, config, KernelSelection.preferred())) {
                BatchResult r = trainer.trainBatch(data, new int[] {0, 1, 2, 3, 4, 5, 6, 7}, 0, 8);
                assertTrue(Double.isFinite(r.loss()) && r.loss() > 0, p.key() + " loss " + r.loss());
            }
            float[][] after = net.copyParams();
            for (int i = 0; i < before.length; i++) {
                assertNotEquals(java.util.Arrays.toString(before[i]), java.util.Arrays.toString(after[i]),
                        p.key() + ": parameter " + net.params().get(i).name() + " did not change");
            }
        }
    }

    private static long macs(NetworkSpec spec) {
        return spec.infer().stream().mapToLong(NetworkSpec.LayerInfo::multiplyAdds).sum();
    }
}
