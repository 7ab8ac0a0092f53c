package org.convscope.training;

import static org.convscope.training.TrainingSessionTest.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.convscope.engine.kernel.KernelSelection;
import org.convscope.io.FileException;
import org.convscope.io.NamedTensor;
import org.convscope.io.SafeTensors;
import org.convscope.io.SafeTensorsFile;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A session file that is damaged or forged is refused in one line, in words, before it costs memory. */
class SessionFileDamageTest {
    @TempDir
    Path dir;
    private SafeTensorsFile good;

    @BeforeEach
    void saveOne() throws Exception {
        Path file = dir.resolve("good.convscope-session");
        try (TrainingSession s = new TrainingSession(Stripes.net(), new Stripes(160, 17), new Stripes(90, 18),
                TrainingSessionTest.SETTINGS, KernelSelection.preferred(), "")) {
            for (int b = 0; b < 12; b++) await(s.stepBatch());
            await(s.save(file));
        }
        good = SafeTensors.read(file);
    }

    @Test
    void anUntouchedCopyReads() throws Exception {
        assertEquals(12, SessionFile.read(write(good.tensors().values().stream().toList(), good.metadata())).step());
    }

    @Test
    void anotherFormatVersionIsNotGuessedAt() throws Exception {
        assertProblem("session format_version 2 is not supported; this ConvScope reads version 1",
                meta -> meta.put("format_version", "2"));
        assertProblem("damaged session: no \"format_version\" in the metadata", meta -> meta.remove("format_version"));
    }

    @Test
    void aNanParameterIsRefused() throws Exception {
        List<NamedTensor> tensors = new ArrayList<>(good.tensors().values());
        NamedTensor w = good.tensors().get("param.conv.weight");
        float[] poisoned = w.data().clone();
        poisoned[3] = Float.NaN;
        tensors.set(tensors.indexOf(w), new NamedTensor(w.name(), w.shape(), poisoned));
        assertEquals("damaged session: tensor param.conv.weight holds NaN or infinite values",
                problem(write(tensors, good.metadata())));
    }

    @Test
    void missingSettingsAreNamedInWords() throws Exception {
        assertSessionProblem("damaged session: session: \"settings\" is missing", session -> session.remove("settings"));
    }

    @Test
    void anUnknownOptimizerIsNamedWithTheChoices() throws Exception {
        assertSessionProblem("damaged session: session.settings: \"optimizer\" is \"FOO\", expected one of SGD, MOMENTUM, ADAM",
                session -> session.getAsJsonObject("settings").addProperty("optimizer", "FOO"));
    }

    @Test
    void aBillionThreadsIsOutOfRange() throws Exception {
        assertSessionProblem("damaged session: session.settings: \"threads\" is 1000000000, expected a whole number from 1 to 256",
                session -> session.getAsJsonObject("settings").addProperty("threads", 1_000_000_000));
    }

    @Test
    void moreLayersToTrainThanTheNetworkHasIsOutOfRange() throws Exception {
        int layers = org.convscope.engine.train.Freezing.layersWithParameters(Stripes.net());
        assertSessionProblem("damaged session: session.settings: \"train_last\" is 99, expected a whole number from 0 to "
                + layers, session -> session.getAsJsonObject("settings").addProperty("train_last", 99));
    }

    @Test
    void moreRightThanCountedInTheEpochIsRefused() throws Exception {
        int position = JsonParser.parseString(good.metadata().get("session")).getAsJsonObject().get("position").getAsInt();
        assertTrue(position > 0);
        assertSessionProblem("damaged session: session: \"epoch_correct\" is 1000, expected a whole number from 0 to "
                + position, session -> {
                    session.addProperty("epoch_images", position);
                    session.addProperty("epoch_correct", 1000);
                });
        assertSessionProblem("damaged session: session: \"epoch_images\" is " + (position + 1) + ", expected a whole"
                + " number from 0 to " + position, session -> session.addProperty("epoch_images", position + 1));
    }

    @Test
    void aSessionFromBeforeFreezingAndEpochStatisticsReadsWithEveryLayerTraining() throws Exception {
        Map<String, String> meta = new LinkedHashMap<>(good.metadata());
        JsonObject session = JsonParser.parseString(meta.get("session")).getAsJsonObject();
        session.getAsJsonObject("settings").remove("train_last");
        for (String field : List.of("epoch_images", "epoch_loss", "epoch_correct")) session.remove(field);
        meta.put("session", session.toString());
        var read = SessionFile.read(write(good.tensors().values().stream().toList(), meta));
        assertEquals(0, read.settings().trainLast());
        assertEquals(0, read.epochImages());
        assertEquals(12, read.step());
    }

    @Test
    void malformedSessionJsonIsASyntaxErrorWithoutGsonsAdvice() throws Exception {
        String problem = problem(meta -> meta.put("session", "{\"step\": 12,}"));
        assertEquals("damaged session: not valid JSON: Expected name at line 1 column 14 path $.step", problem);
        assertFalse(problem.contains("setStrictness") || problem.contains("Troubleshooting"), problem);
    }

    @Test
    void anArchitectureClaimingMoreParametersThanTheFileHoldsIsRefusedBeforeAllocating() throws Exception {
        // conv 4@3×3: 4·9 + 4 = 40; fc from 4×4×4 = 64 inputs: 64·3 + 3 = 195 here, 65·10⁸ with 10⁸ units.
        assertProblem("damaged session: the architecture has 6500000040 parameters, the file holds 235 parameter values",
                meta -> meta.put("architecture", meta.get("architecture").replace("\"units\":3", "\"units\":100000000")));
    }

    @Test
    void curvesLongerThanTheStudioKeepsAreRefused() throws Exception {
        assertSessionProblem("damaged session: session: \"curve_steps\" has 2049 entries, at most 2048 expected", session -> {
            var steps = new com.google.gson.JsonArray();
            for (int i = 0; i < 2049; i++) steps.add(i);
            session.add("curve_steps", steps);
        });
    }

    @Test
    void aTensorThatIsNoPartOfASessionIsNamed() throws Exception {
        List<NamedTensor> tensors = new ArrayList<>(good.tensors().values());
        tensors.add(new NamedTensor("timeline.99.conv1", new int[] {1}, new float[1]));
        assertEquals("damaged session: tensor timeline.99.conv1 is not part of a session",
                problem(write(tensors, good.metadata())));
    }

    private void assertSessionProblem(String expected, Consumer<JsonObject> sessionEdit) throws Exception {
        assertEquals(expected, problem(meta -> {
            JsonObject session = JsonParser.parseString(meta.get("session")).getAsJsonObject();
            sessionEdit.accept(session);
            meta.put("session", session.toString());
        }), "");
    }

    private void assertProblem(String expected, MetadataEdit edit) throws Exception {
        assertEquals(expected, problem(edit));
    }

    @FunctionalInterface
    private interface MetadataEdit {
        void apply(Map<String, String> metadata);
    }

    private String problem(MetadataEdit edit) throws Exception {
        Map<String, String> meta = new LinkedHashMap<>(good.metadata());
        edit.apply(meta);
        return problem(write(good.tensors().values().stream().toList(), meta));
    }

    private static String problem(Path file) {
        FileException e = assertThrows(FileException.class, () -> SessionFile.read(file));
        assertTrue(e.getMessage().startsWith(file.getFileName() + ": "), e.getMessage());
        return e.problem();
    }

    private Path write(List<NamedTensor> tensors, Map<String, String> metadata) throws FileException {
        Path file = dir.resolve("edited.convscope-session");
        SafeTensors.write(file, tensors, metadata);
        return file;
    }
}
