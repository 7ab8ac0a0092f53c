package org.convscope.training;

import static org.convscope.training.TrainingSessionTest.SETTINGS;
import static org.convscope.training.TrainingSessionTest.assertSameWeights;
import static org.convscope.training.TrainingSessionTest.await;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;
import org.convscope.engine.kernel.KernelSelection;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Autosave during training, recovery after a crash, and a folder that cannot be written. */
class AutosaverTest {
    @TempDir
    Path dir;

    static TrainingSession session() {
        return new TrainingSession(Stripes.net(), new Stripes(160, 17), new Stripes(90, 18), SETTINGS,
                KernelSelection.preferred(), "");
    }

    static final SessionData STRIPES = (dataset, spec, settings) -> new TrainingSession(spec, new Stripes(160, 17),
            new Stripes(90, 18), settings, KernelSelection.preferred(), dataset);

    static void waitUntil(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + 60_000_000_000L;
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) throw new AssertionError("timed out");
            Thread.sleep(20);
        }
    }

    @Test
    void autosavesWhileTrainingAndRestoresAfterACrash() throws Exception {
        Path file = dir.resolve("autosave.convscope-session");
        SessionState saved;
        try (TrainingSession s = session()) {
            Autosaver saver = new Autosaver(s, file, 0, text -> {});
            await(s.play());
            waitUntil(() -> Files.exists(file));
            assertTrue(SessionFile.read(file).step() > 0, "an autosave of the running session");
            await(s.pause());
            saver.check();
            saved = await(s.capture());
            assertEquals(saved.step(), SessionFile.read(file).step(), "saved again once paused");
            saver.close(false); // the app dies: no clean close, the autosave stays
        }

        Optional<Autosave.Recovery> recovery = Autosave.recover(file);
        assertTrue(recovery.isPresent());
        assertTrue(recovery.get().readable(), recovery.get().summary());
        assertTrue(recovery.get().summary().contains("tiny at step "), recovery.get().summary());
        assertFalse(Files.exists(file), "moved aside, so that new autosaves cannot overwrite it");
        assertEquals(Autosave.recoveredFile(file), recovery.get().file());

        try (TrainingSession restored = SessionLoader.open(recovery.get().file(), STRIPES)) {
            SessionState state = await(restored.capture());
            assertSameWeights(saved.params(), state.params());
            assertEquals(saved.step(), state.step());
            assertArrayEquals(saved.curves().batchLoss(), state.curves().batchLoss());
            assertEquals(saved.timeline().size(), state.timeline().size());
            assertTrue(restored.latestFrame().test() != null, "evaluated after loading");
        }
        Autosave.restored(recovery.get().file(), file);
        assertTrue(Files.exists(file), "once restored, it is the autosave again until the new session writes its own");
        assertFalse(Files.exists(recovery.get().file()));
    }

    @Test
    void aCleanCloseOrAnExplicitSaveRemovesTheAutosave() throws Exception {
        Path file = dir.resolve("autosave.convscope-session");
        try (TrainingSession s = session()) {
            Autosaver saver = new Autosaver(s, file, 0, text -> {});
            await(s.stepBatch());
            saver.check();
            assertTrue(Files.exists(file));
            saver.markSaved(s.latestFrame().step());
            assertFalse(Files.exists(file));
            saver.check();
            assertFalse(Files.exists(file), "nothing new to save");
            await(s.stepBatch());
            saver.check();
            assertTrue(Files.exists(file));
            saver.close(true);
            assertFalse(Files.exists(file));
        }
        assertTrue(Autosave.recover(file).isEmpty());
    }

    @Test
    void anUnwritableFolderIsReportedAndTrainingGoesOn() throws Exception {
        Path notAFolder = Files.writeString(dir.resolve("plain-file"), "x");
        Path file = notAFolder.resolve("autosave.convscope-session");
        AtomicReference<String> status = new AtomicReference<>("");
        try (TrainingSession s = session()) {
            Autosaver saver = new Autosaver(s, file, 0, status::set);
            await(s.stepBatch());
            saver.check();
            assertTrue(status.get().startsWith("Autosave failed: plain-file: cannot create the autosave folder: "
                    + "a file of that name is in the way."),
                    status.get());
            assertFalse(status.get().contains("\n"));
            await(s.stepBatch());
            assertEquals(2, s.latestFrame().step(), "training goes on");
            saver.close(true);
        }
    }

    @Test
    void anUnreadableAutosaveIsSetAsideSaidOnceAndTheNextStartIsClean() throws Exception {
        Path file = Files.write(dir.resolve("autosave.convscope-session"), new byte[] {1, 2, 3});

        Autosave.Recovery recovery = Autosave.recover(file).orElseThrow();

        assertFalse(recovery.readable());
        assertTrue(recovery.summary().matches("truncated: file has 3 bytes, too few for the 8-byte header length; it was"
                + " kept as autosave\\.unreadable-\\d{8}-\\d{6}\\.convscope-session"), recovery.summary());
        assertTrue(Files.exists(recovery.file()), "kept, and openable by hand");
        assertTrue(Autosave.recover(file).isEmpty(), "the next start finds nothing to offer");
    }

    @Test
    void anAutosaveWhoseArchitectureCannotBeUsedDoesNotStopTheNextStart() throws Exception {
        Path file = dir.resolve("autosave.convscope-session");
        try (TrainingSession s = session()) {
            await(s.stepBatch());
            await(s.save(file));
        }
        var content = org.convscope.io.SafeTensors.read(file);
        var meta = new java.util.LinkedHashMap<>(content.metadata());
        meta.put("architecture", meta.get("architecture").replace("\"units\":3", "\"units\":2000000000"));
        org.convscope.io.SafeTensors.write(file, content.tensors().values().stream().toList(), meta);

        Autosave.Recovery recovery = Autosave.recover(file).orElseThrow();

        assertFalse(recovery.readable());
        assertFalse(recovery.summary().contains("Exception"), recovery.summary());
        assertTrue(Autosave.recover(file).isEmpty(), "the next start is clean");
    }
}
