package org.convscope.ui.training.setup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.convscope.engine.Dims;
import org.convscope.engine.spec.ConvSpec;
import org.convscope.engine.spec.DenseSpec;
import org.convscope.engine.spec.InvalidNetworkException;
import org.convscope.engine.spec.NetworkSpec;
import org.convscope.engine.spec.PoolSpec;
import org.convscope.engine.spec.Presets;
import org.convscope.open.Models;
import org.junit.jupiter.api.Test;

/** The editor's view model without a window: the live table and the verdict after each edit. */
class ArchitectureModelTest {
    @Test
    void lenet5TableMatchesTheEngine() {
        ArchitectureModel model = new ArchitectureModel(Presets.lenet5());
        List<ArchitectureModel.Row> rows = model.analysis().rows();
        List<NetworkSpec.LayerInfo> engine = Presets.lenet5().infer();
        assertEquals(engine.size(), rows.size());
        for (int i = 0; i < rows.size(); i++) {
            assertEquals(engine.get(i).output(), rows.get(i).output(), "output of " + engine.get(i).spec().name());
            assertEquals(engine.get(i).parameters(), rows.get(i).parameters(), "parameters of " + engine.get(i).spec().name());
            assertEquals(engine.get(i).multiplyAdds(), rows.get(i).multiplyAdds(), "MACs of " + engine.get(i).spec().name());
        }
        // The textbook numbers: conv1 6×28×28 with 156 parameters and 117,600 multiply-adds; 61,706 parameters in all.
        assertEquals(new Dims(6, 28, 28), rows.get(0).output());
        assertEquals(156, rows.get(0).parameters());
        assertEquals(117_600, rows.get(0).multiplyAdds());
        assertEquals(61_706, model.analysis().parameters());
        assertTrue(model.analysis().valid());
    }

    @Test
    void everyEditUpdatesTheTable() {
        ArchitectureModel model = new ArchitectureModel(Presets.tiny());
        assertEquals(new Dims(8, 12, 12), model.analysis().rows().get(2).output());
        int at = model.add(LayerKind.CONV, 3); // after pool1: conv 8@3×3 pad 1
        assertEquals("conv2", model.layers().get(at).name());
        assertEquals(new Dims(8, 12, 12), model.analysis().rows().get(at).output());
        assertEquals(8L * 8 * 9 + 8, model.analysis().rows().get(at).parameters());
        model.replace(at, ConvSpec.square("conv2", 16, 3, 1, 0));
        assertEquals(new Dims(16, 10, 10), model.analysis().rows().get(at).output());
        assertEquals(16L * 10 * 10 * 8 * 9, model.analysis().rows().get(at).multiplyAdds());
        assertEquals(1600, model.analysis().rows().get(at + 1).output().channels(), "the flatten follows");
        assertEquals("custom", model.spec().name());

        model.move(at, -1); // conv2 before pool1
        assertEquals("conv2", model.layers().get(at - 1).name());
        assertEquals(new Dims(16, 22, 22), model.analysis().rows().get(at - 1).output());
        model.remove(at - 1);
        assertEquals(Presets.tiny().layers(), model.layers());
        assertEquals(Presets.tiny().parameterCount(), model.analysis().parameters());
    }

    @Test
    void anInvalidNetworkIsExplainedInTheEnginesWords() {
        ArchitectureModel model = new ArchitectureModel(Presets.lenet5());
        model.replace(3, ConvSpec.square("conv2", 16, 17, 1, 0));
        ArchitectureModel.Analysis a = model.analysis();
        assertFalse(a.valid());
        String engine = assertThrows(InvalidNetworkException.class, () -> model.spec().infer()).getMessage();
        assertEquals(engine, a.problem());
        assertEquals("conv2: 17-high kernel does not fit the input height 14; add padding or use a smaller kernel",
                a.problem());
        assertEquals(new Dims(6, 14, 14), a.rows().get(2).output(), "the layers before still have their shapes");
        assertNull(a.rows().get(3).output());
        assertNull(a.rows().get(12).output(), "and none after");

        model.replace(3, ConvSpec.square("conv2", 16, 5, 1, 0));
        assertTrue(model.analysis().valid());
        model.remove(6); // flatten: the dense layer flattens by itself, still valid
        model.remove(model.layers().size() - 1); // softmax
        model.remove(model.layers().size() - 1); // fc3
        model.remove(model.layers().size() - 1); // relu4
        model.remove(model.layers().size() - 1); // fc2
        model.remove(model.layers().size() - 1); // relu3
        model.remove(model.layers().size() - 1); // fc1
        assertTrue(model.analysis().problem().contains("not a vector of class scores"), model.analysis().problem());
    }

    @Test
    void theInputFollowsTheDataAndTheLastLayerItsClasses() {
        ArchitectureModel model = new ArchitectureModel(Presets.lenet5());
        model.setData(3, 4);
        assertEquals(new Dims(3, 28, 28), model.input());
        assertEquals(new DenseSpec("fc3", 4), model.layers().get(11));
        assertEquals(6L * 3 * 25 + 6, model.analysis().rows().get(0).parameters());
        assertTrue(model.analysis().valid());

        model.load(Presets.lenet5x32());
        assertEquals(new Dims(3, 32, 32), model.input(), "the preset's size, the data's channels");
        assertEquals(4, model.spec().numClasses());

        model.replace(11, new DenseSpec("fc3", 10));
        assertEquals("the network gives 10 class scores, the data has 4 classes; set fc3, the fully connected layer that"
                + " gives them, to 4 units", model.analysis().problem());

        model.replace(11, new DenseSpec("fc3", 4));
        model.setInputSize(12, 12);
        assertFalse(model.analysis().valid(), "12×12: conv2 gets 4×4×6, too small for its 5×5 kernel");
        model.replace(2, new PoolSpec("pool1", PoolSpec.Kind.AVERAGE, 2, 2));
        assertEquals("average pool 2×2 stride 2", model.layers().get(2).describe());
    }

    @Test
    void aGraphKeepsItsConnectionsAndTheEnginesShapesThroughEveryEdit() throws Exception {
        NetworkSpec resblock = Models.load(Path.of("src/test/resources/onnx/resblock-opset11/model.onnx")).network().spec();
        ArchitectureModel model = new ArchitectureModel(resblock);
        assertTrue(model.isGraph());
        assertRowsAreTheEngines(model);
        ArchitectureModel.Row add = model.analysis().rows().get(resblock.indexOf("block1.add"));
        assertEquals(List.of("block1.bn2", "stem.2"), add.reads());
        assertEquals(List.of("input"), model.analysis().rows().get(0).reads());

        model.setData(3, 2);
        assertEquals(new DenseSpec("fc", 2), model.layers().get(resblock.indexOf("fc")));
        int conv = resblock.indexOf("block1.conv1");
        model.replace(conv, ConvSpec.square("block1.conv1", 16, 5, 1, 2));
        assertTrue(model.analysis().valid(), model.analysis().problem());
        assertEquals(resblock.sources(), model.spec().sources());
        assertFalse(model.spec().isSequence());
        assertRowsAreTheEngines(model);

        model.replace(conv, ConvSpec.square("block1.conv1", 16, 5, 1, 1));
        String engine = assertThrows(InvalidNetworkException.class, () -> model.spec().infer()).getMessage();
        assertTrue(engine.startsWith("block1.add: "), engine);
        assertEquals(engine, model.analysis().problem());
        assertNull(model.analysis().rows().get(resblock.indexOf("block1.add")).output());
        assertNull(model.analysis().rows().get(resblock.indexOf("block2.shortcut.0")).output(),
                "a layer that reads a layer without a shape has none either");
        assertEquals(new Dims(16, 32, 32), model.analysis().rows().get(resblock.indexOf("stem.2")).output());

        assertThrows(IllegalStateException.class, () -> model.add(LayerKind.CONV, 1));
        assertThrows(IllegalStateException.class, () -> model.remove(1));
        assertThrows(IllegalStateException.class, () -> model.move(1, 1));
        assertEquals(resblock.layers().size(), model.layers().size());

        model.load(Presets.lenet5());
        assertFalse(model.isGraph());
        assertEquals(1, model.add(LayerKind.ACTIVATION, 1), "a sequence can be edited again");
    }

    private static void assertRowsAreTheEngines(ArchitectureModel model) {
        List<NetworkSpec.LayerInfo> engine = model.spec().infer();
        List<ArchitectureModel.Row> rows = model.analysis().rows();
        assertEquals(engine.size(), rows.size());
        for (int i = 0; i < rows.size(); i++) {
            String name = engine.get(i).spec().name();
            assertEquals(engine.get(i).output(), rows.get(i).output(), "output of " + name);
            assertEquals(engine.get(i).parameters(), rows.get(i).parameters(), "parameters of " + name);
            assertEquals(engine.get(i).multiplyAdds(), rows.get(i).multiplyAdds(), "multiply-adds of " + name);
        }
        assertEquals(model.spec().parameterCount(), model.analysis().parameters());
    }

    @Test
    void aNetworkWithoutFullyConnectedLayersGetsItsClassesFromItsLastConvolution() throws Exception {
        NetworkSpec fire = Models.load(Path.of("src/test/resources/onnx/fire/model.onnx")).network().spec();
        ArchitectureModel model = new ArchitectureModel(fire);
        model.setData(3, 4);
        assertEquals(4, ((ConvSpec) model.layers().get(fire.indexOf("classifier"))).filters());
        assertTrue(model.analysis().valid(), model.analysis().problem());
        assertEquals(4, model.spec().numClasses());
    }

    @Test
    void theFixForTheClassCountNamesTheLayerThatGivesTheScores() {
        ArchitectureModel model = new ArchitectureModel(Presets.tiny());
        model.setData(1, 3);
        model.remove(4); // fc1: the network now ends with flatten → softmax
        assertEquals("the network gives 1152 class scores, the data has 3 classes; the network ends with softmax; add"
                + " a fully connected layer of 3 units at the end", model.analysis().problem());
    }

    @Test
    void freezingMarksEveryLayerWithWeightsButTheLastOnes() {
        ArchitectureModel model = new ArchitectureModel(Presets.lenet5());
        assertEquals("trains", model.analysis().rows().get(0).training());
        assertEquals("", model.analysis().rows().get(1).training(), "a ReLU has nothing to train");
        model.setTrainLast(2);
        List<String> training = model.analysis().rows().stream().map(ArchitectureModel.Row::training).toList();
        assertEquals(List.of("frozen", "", "", "frozen", "", "", "", "frozen", "", "trains", "", "trains", ""), training);
    }
}
