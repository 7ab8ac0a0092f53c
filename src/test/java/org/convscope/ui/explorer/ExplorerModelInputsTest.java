package org.convscope.ui.explorer;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.convscope.data.Dataset;
import org.convscope.data.DatasetFolder;
import org.convscope.engine.Network;
import org.convscope.model.ModelFile;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The explorer's inputs without a robot, on the view model: opening another model file (a good one and a broken
 * one), browsing the test set (each step checked against the data), and a cold start that does not wait for the
 * JIT warm-up.
 */
class ExplorerModelInputsTest {
    private static final Pattern SOURCE = Pattern.compile("test #(\\d+) · label (\\d)");
    private static Dataset testSet;
    private ExplorerModel model;

    @BeforeAll
    static void startFx() throws Exception {
        UiBench.startHeadless();
        testSet = DatasetFolder.bundledMnist().test();
    }

    @BeforeEach
    void create() throws Exception {
        model = fx(ExplorerModel::withBundledModel);
        settle();
    }

    @AfterEach
    void close() {
        model.close();
    }

    @Test
    void aGoodModelFileReplacesTheNetworkAndClassifiesWithIt(@TempDir Path dir) throws Exception {
        Network bundled = fx(() -> model.networkProperty().get());
        Network other = Network.initialized(bundled.spec(), 7); // untrained: other answers than the bundled one
        Path file = dir.resolve("untrained.safetensors");
        ModelFile.save(file, other, Map.of());
        fx(() -> {
            DigitStrokes.draw(model.drawing(), 7, 60, 30, 200, 11);
            return null;
        });
        settle();
        float[] before = fx(() -> model.frameProperty().get().probabilities());

        fx(() -> {
            model.openModel(file);
            return null;
        });
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> fx(() -> model.networkProperty().get() != bundled));
        settle();
        assertEquals("untrained.safetensors", fx(() -> model.modelNameProperty().get()));
        Network opened = fx(() -> model.networkProperty().get());
        for (int p = 0; p < other.params().size(); p++) {
            assertArrayEquals(other.params().get(p).value(), opened.params().get(p).value(), "parameter " + p);
        }
        Frame after = fx(() -> model.frameProperty().get());
        assertSame(opened.spec(), after.snapshot().spec(), "the frame shown is computed on the opened network");
        float[] expected = new Inference(opened).run(new Inference.Request(0, after.source(), false, 0)).probabilities();
        assertArrayEquals(expected, after.probabilities(), 1e-6f);
        assertTrue(Math.abs(before[7] - after.probabilities()[7]) > 1e-3, "the probabilities did not change");
        assertEquals(Notice.Kind.INFO, fx(() -> model.noticeProperty().get()).kind());
    }

    @Test
    void aBrokenModelFileIsReportedAndTheOldModelKeepsWorking(@TempDir Path dir) throws Exception {
        Network bundled = fx(() -> model.networkProperty().get());
        Path file = dir.resolve("broken.safetensors");
        Path good = dir.resolve("good.safetensors");
        ModelFile.save(good, bundled, Map.of());
        byte[] bytes = Files.readAllBytes(good);
        Files.write(file, Arrays.copyOf(bytes, bytes.length / 2)); // truncated in the middle of the weights

        fx(() -> {
            model.openModel(file);
            return null;
        });
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> fx(() -> model.noticeProperty().get() != null));
        Notice notice = fx(() -> model.noticeProperty().get());
        assertEquals(Notice.Kind.ERROR, notice.kind());
        assertTrue(notice.text().contains("broken.safetensors"), notice.text());
        assertTrue(!notice.text().contains("\n"), "one line: " + notice.text());
        assertSame(bundled, fx(() -> model.networkProperty().get()));
        assertEquals("LeNet-5 (bundled)", fx(() -> model.modelNameProperty().get()));

        fx(() -> {
            DigitStrokes.draw(model.drawing(), 7, 60, 30, 200, 11);
            return null;
        });
        settle();
        assertEquals(7, fx(() -> model.frameProperty().get().topClass()), "the old model still classifies");
    }

    @Test
    void nextAndPreviousStepThroughTheTestSetInOrder() throws Exception {
        int first = browse(model::nextSample, -1);
        assertEquals(0, first);
        assertShows(0);
        assertEquals(1, browse(model::nextSample, first));
        assertShows(1);
        assertEquals(2, browse(model::nextSample, 1));
        assertEquals(1, browse(model::previousSample, 2));
        assertShows(1);
    }

    @Test
    void aClassFilterShowsOnlyThatDigitAndRandomStaysInIt() throws Exception {
        int shown = browse(() -> model.setClassFilter(4), -1);
        int expected = 0;
        while (testSet.label(expected) != 4) expected++;
        assertEquals(expected, shown, "the first 4 of the test set");
        assertShows(shown);
        int next = browse(model::nextSample, shown);
        int expectedNext = shown + 1;
        while (testSet.label(expectedNext) != 4) expectedNext++;
        assertEquals(expectedNext, next);
        int last = next;
        for (int i = 0; i < 5; i++) {
            int r = browse(model::randomSample, -2);
            assertEquals(4, testSet.label(r), "random with the filter on gave test #" + r);
            assertShows(r);
            last = r;
        }
        int previous = browse(model::previousSample, last);
        assertEquals(4, testSet.label(previous));
        assertTrue(previous < last || last == expected, "previous goes back");
    }

    @Test
    void onlyTheMisclassifiedShowsDigitsTheNetworkGetsWrong() throws Exception {
        int shown = browse(() -> model.setOnlyMisclassified(true), -1);
        for (int i = 0; i < 4; i++) {
            assertShows(shown);
            settle();
            int guess = fx(() -> model.frameProperty().get().topClass());
            assertNotEquals(testSet.label(shown), guess, "test #" + shown + " is classified correctly");
            shown = browse(model::nextSample, shown);
        }
        // Everything between two misclassified digits is classified correctly.
        int a = browse(model::nextSample, shown);
        int b = browse(model::nextSample, a);
        Inference inference = fx(() -> new Inference(model.networkProperty().get()));
        for (int i = a + 1; i < b; i++) {
            Frame f = inference.run(new Inference.Request(i, testSet.inkImage(i), false, 0));
            assertEquals(testSet.label(i), f.topClass(), "test #" + i + " was skipped but is misclassified");
        }
    }

    @Test
    void aColdStartClassifiesWithoutWaitingForTheWarmUp() throws Exception {
        CompletableFuture<Void> warm = new CompletableFuture<>(); // never done during the first frames
        ExplorerModel cold = fx(() -> ExplorerModel.withBundledModel(warm));
        try {
            fx(() -> {
                DigitStrokes.draw(cold.drawing(), 7, 60, 30, 200, 11);
                return null;
            });
            WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> fx(cold::upToDate));
            Frame scalar = fx(() -> cold.frameProperty().get());
            assertEquals(7, scalar.topClass());
            warm.complete(null);
            fx(() -> {
                cold.undo();
                cold.redo();
                return null;
            });
            WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> fx(cold::upToDate));
            Frame vector = fx(() -> cold.frameProperty().get());
            assertNotSame(scalar, vector);
            assertArrayEquals(scalar.probabilities(), vector.probabilities(), 1e-4f, "scalar and vector kernels agree");
        } finally {
            cold.close();
        }
    }

    // ---- helpers

    /** Runs the command and waits until a test digit other than {@code notThis} is shown (−2: any new source). */
    private int browse(Runnable command, int notThis) throws Exception {
        String before = fx(() -> model.sourceProperty().get());
        fx(() -> {
            command.run();
            return null;
        });
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> {
            String s = fx(() -> model.sourceProperty().get());
            Matcher m = SOURCE.matcher(s);
            if (!m.matches()) return false;
            int index = Integer.parseInt(m.group(1));
            return notThis == -2 ? true : index != notThis && (notThis >= 0 || !s.equals(before));
        });
        Matcher m = SOURCE.matcher(fx(() -> model.sourceProperty().get()));
        assertTrue(m.matches());
        int index = Integer.parseInt(m.group(1));
        assertEquals(testSet.label(index), Integer.parseInt(m.group(2)), "the label shown is the data's");
        return index;
    }

    /** The canvas holds exactly test digit i, and the frame shown classifies it. */
    private void assertShows(int i) throws Exception {
        settle();
        assertArrayEquals(testSet.inkImage(i).ink(), fx(() -> model.drawing().ink().ink()), "test #" + i);
        assertArrayEquals(testSet.inkImage(i).ink(), fx(() -> model.frameProperty().get().source().ink()));
    }

    private void settle() throws Exception {
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> fx(model::upToDate));
    }

    private static <T> T fx(Callable<T> work) throws Exception {
        return WaitForAsyncUtils.asyncFx(work).get(30, TimeUnit.SECONDS);
    }
}
