package org.convscope.training;

import static org.convscope.training.TrainingSessionTest.assertSameWeights;
import static org.convscope.training.TrainingSessionTest.await;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Files;
import java.nio.file.Path;
import org.convscope.engine.kernel.KernelSelection;
import org.convscope.engine.optim.OptimizerConfig;
import org.convscope.io.FileException;
import org.convscope.model.ModelFile;
import org.convscope.open.Models;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A session survives save and load unchanged, and trains on exactly as it would have. */
class SessionFileTest {
    private static final TrainingSettings ADAM = TrainingSessionTest.SETTINGS.withOptimizer(OptimizerConfig.adam(0.01f));

    @TempDir
    Path dir;

    private static TrainingSession session() {
        return new TrainingSession(Stripes.net(), new Stripes(160, 17), new Stripes(90, 18), ADAM,
                KernelSelection.preferred(), "some/folder");
    }

    @Test
    void aSessionSurvivesSaveAndLoadUnchanged() throws Exception {
        Path file = dir.resolve("run.convscope-session");
        try (TrainingSession original = session(); TrainingSession resumed = session()) {
            for (int b = 0; b < 13; b++) await(original.stepBatch());
            await(original.save(file));
            SessionState saved = await(original.capture());
            SessionState loaded = SessionFile.read(file);

            assertSameWeights(saved.params(), loaded.params());
            for (int k = 0; k < 2; k++) assertSameWeights(saved.optimizerState()[k], loaded.optimizerState()[k]);
            assertEquals(saved.settings(), loaded.settings());
            assertEquals(saved.spec(), loaded.spec());
            assertEquals(saved.optimizerSteps(), loaded.optimizerSteps());
            assertEquals(saved.step(), loaded.step());
            assertEquals(saved.epoch(), loaded.epoch());
            assertEquals(saved.position(), loaded.position());
            assertEquals("some/folder", loaded.dataset());
            assertArrayEquals(saved.curves().steps(), loaded.curves().steps());
            assertArrayEquals(saved.curves().batchLoss(), loaded.curves().batchLoss());
            assertArrayEquals(saved.curves().smoothedLoss(), loaded.curves().smoothedLoss());
            assertEquals(saved.curves().epochs(), loaded.curves().epochs());
            assertEquals(saved.timeline().size(), loaded.timeline().size());
            assertEquals(2, loaded.timeline().size(), "snapshots at steps 0 and 10");
            for (int t = 0; t < saved.timeline().size(); t++) {
                assertEquals(saved.timeline().get(t).step(), loaded.timeline().get(t).step());
                assertArrayEquals(saved.timeline().get(t).filters().get(0).weights(),
                        loaded.timeline().get(t).filters().get(0).weights());
            }

            await(resumed.restore(loaded));
            for (int b = 0; b < 3; b++) {
                await(original.stepBatch());
                await(resumed.stepBatch());
            }
            assertSameWeights(await(original.networkCopy()).copyParams(), await(resumed.networkCopy()).copyParams());
            assertEquals(original.latestFrame().step(), resumed.latestFrame().step());
        }
    }

    @Test
    void anEpochSavedHalfwayEndsWithTheSameTrainingStatisticsAsOneThatWasNot() throws Exception {
        Path file = dir.resolve("halfway.convscope-session");
        try (TrainingSession original = session(); TrainingSession resumed = session()) {
            for (int b = 0; b < 6; b++) await(original.stepBatch()); // 96 of the epoch's 160 images
            await(original.save(file));
            await(resumed.restore(SessionFile.read(file)));
            for (int b = 0; b < 4; b++) {
                await(original.stepBatch());
                await(resumed.stepBatch());
            }
            EpochPoint whole = original.latestFrame().curves().epochs().get(0);
            EpochPoint halves = resumed.latestFrame().curves().epochs().get(0);
            assertEquals(whole.trainLoss(), halves.trainLoss(), 1e-9);
            assertEquals(whole.trainAccuracy(), halves.trainAccuracy(), 1e-12);
            assertEquals(true, halves.trainAccuracy() > 0.3, "trained on, not 0: " + halves.trainAccuracy());
        }
    }

    @Test
    void theLayersThatTrainAreSavedWithTheSettings() throws Exception {
        Path file = dir.resolve("frozen.convscope-session");
        try (TrainingSession s = new TrainingSession(Stripes.net(), new Stripes(160, 17), new Stripes(90, 18),
                ADAM.withTrainLast(1), KernelSelection.preferred(), "")) {
            await(s.stepBatch());
            await(s.save(file));
        }
        assertEquals(1, SessionFile.read(file).settings().trainLast());
    }

    @Test
    void theModelExportsInTheExplorersFormat() throws Exception {
        Path file = dir.resolve("model.safetensors");
        try (TrainingSession s = session()) {
            await(s.stepBatch());
            await(s.exportModel(file));
            assertSameWeights(await(s.networkCopy()).copyParams(), Models.load(file).network().copyParams());
        }
    }

    @Test
    void aModelFileIsNotASession() throws Exception {
        Path file = dir.resolve("model.safetensors");
        try (TrainingSession s = session()) {
            await(s.exportModel(file));
        }
        FileException e = assertThrows(FileException.class, () -> SessionFile.read(file));
        assertEquals(true, e.getMessage().contains("not a ConvScope session"), e.getMessage());
        Files.delete(file);
    }
}
