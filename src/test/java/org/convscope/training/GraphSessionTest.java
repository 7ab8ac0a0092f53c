package org.convscope.training;

import static org.convscope.training.StartWeightsTest.param;
import static org.convscope.training.TrainingSessionTest.assertSameWeights;
import static org.convscope.training.TrainingSessionTest.await;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.nio.file.Path;
import java.util.SplittableRandom;
import org.convscope.engine.Dims;
import org.convscope.engine.Network;
import org.convscope.engine.Workspace;
import org.convscope.engine.kernel.KernelSelection;
import org.convscope.engine.spec.DenseSpec;
import org.convscope.engine.spec.NetworkSpec;
import org.convscope.engine.train.SampleSource;
import org.convscope.model.ModelFile;
import org.convscope.open.Models;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A graph network with batch norms (the resblock fixture, its last layer resized to two classes) trained from the
 * model's weights: the session starts from them and a reset goes back to them, the batch norm statistics stay the
 * model's through training, saving, reopening and exporting (ConvScope or ONNX by the file's name).
 */
class GraphSessionTest {
    private static final TrainingSettings SETTINGS = TrainingSettings.defaults().withBatchSize(8).withSeed(5).withThreads(2);

    @TempDir
    Path dir;

    /** Colour noise, 3×32×32: class 0 reddish, class 1 bluish. */
    record Tints(int size, long seed) implements SampleSource {
        @Override
        public Dims dims() {
            return new Dims(3, 32, 32);
        }

        @Override
        public int numClasses() {
            return 2;
        }

        @Override
        public int label(int index) {
            return index % 2;
        }

        @Override
        public void fill(int[] indices, int from, int count, float[] out) {
            int plane = 32 * 32;
            for (int s = 0; s < count; s++) {
                int index = indices[from + s];
                SplittableRandom random = new SplittableRandom(seed * 7919 + index);
                int bright = label(index) == 0 ? 0 : 2;
                for (int c = 0; c < 3; c++) {
                    for (int i = 0; i < plane; i++) {
                        out[(s * 3 + c) * plane + i] = (c == bright ? 0.7f : 0f) + (float) random.nextDouble(0, 0.3);
                    }
                }
            }
        }
    }

    private static final SessionData TINTS = (dataset, spec, settings) -> new TrainingSession(spec, new Tints(48, 1),
            new Tints(16, 2), settings, KernelSelection.preferred(), dataset);

    private static Network model() throws Exception {
        return Models.load(StartWeightsTest.RESBLOCK).network();
    }

    private static NetworkSpec twoClasses(NetworkSpec spec) {
        return StartWeightsTest.with(spec, "fc", new DenseSpec("fc", 2));
    }

    private static TrainingSession session(Network model) {
        return new TrainingSession(twoClasses(model.spec()), new Tints(48, 1), new Tints(16, 2), SETTINGS,
                KernelSelection.preferred(), "", StartWeights.of(model, "resblock.onnx"));
    }

    private static float[] output(Network net) {
        Workspace ws = new Workspace(net, KernelSelection.preferred(), 1);
        new Tints(1, 9).fill(new int[] {0}, 0, 1, ws.input());
        ws.forward(1);
        return ws.result().clone();
    }

    @Test
    void startsFromTheModelsWeightsAndAResetGoesBackToThem() throws Exception {
        Network model = model();
        try (TrainingSession session = session(model)) {
            Network start = await(session.networkCopy());
            assertEquals(model.spec().sources(), start.spec().sources(), "still a graph");
            assertArrayEquals(param(model, "stem.0.weight").value(), param(start, "stem.0.weight").value());
            assertArrayEquals(param(model, "block2.shortcut.1.running_var").value(),
                    param(start, "block2.shortcut.1.running_var").value(), "batch norm statistics from the model");
            Network fresh = Network.initialized(twoClasses(model.spec()), SETTINGS.seed());
            assertArrayEquals(param(fresh, "fc.weight").value(), param(start, "fc.weight").value(), "fc starts fresh");

            for (int b = 0; b < 3; b++) await(session.stepBatch());
            Network trained = await(session.networkCopy());
            assertFalse(java.util.Arrays.equals(param(model, "stem.0.weight").value(),
                    param(trained, "stem.0.weight").value()), "training moved the weights");
            assertArrayEquals(param(model, "stem.1.running_mean").value(), param(trained, "stem.1.running_mean").value(),
                    "the copy explored or exported keeps the statistics");

            await(session.reset(SETTINGS.seed()));
            assertSameWeights(start.copyParams(), await(session.networkCopy()).copyParams());
        }
    }

    @Test
    void aGraphSessionWithBatchNormRoundTripsThroughItsFile() throws Exception {
        Network model = model();
        Path file = dir.resolve("graph.convscope-session");
        try (TrainingSession original = session(model)) {
            for (int b = 0; b < 2; b++) await(original.stepBatch());
            await(original.save(file));
            SessionState saved = await(original.capture());
            Network before = await(original.networkCopy());

            try (TrainingSession opened = SessionLoader.open(file, TINTS)) {
                SessionState loaded = await(opened.capture());
                assertEquals(saved.spec(), loaded.spec(), "the graph with its connections");
                assertSameWeights(saved.params(), loaded.params());
                assertSameWeights(saved.buffers(), loaded.buffers());
                assertArrayEquals(output(before), output(await(opened.networkCopy())), "the same network");
                assertEquals("resblock.onnx", opened.start().source());

                await(opened.reset(SETTINGS.seed()));
                await(original.reset(SETTINGS.seed()));
                assertSameWeights(await(original.networkCopy()).copyParams(), await(opened.networkCopy()).copyParams());
            }
        }
    }

    @Test
    void exportWritesOnnxOrAConvScopeModelByTheFilesName() throws Exception {
        try (TrainingSession session = session(model())) {
            await(session.stepBatch());
            float[] expected = output(await(session.networkCopy()));
            for (String name : new String[] {"tuned.onnx", "tuned.safetensors"}) {
                Path file = dir.resolve(name);
                await(session.exportModel(file));
                ModelFile.Model exported = Models.load(file);
                assertArrayEquals(expected, output(exported.network()), name);
            }
            assertEquals("resblock.onnx", Models.load(dir.resolve("tuned.safetensors")).metadata().get("started_from"));
        }
    }
}
