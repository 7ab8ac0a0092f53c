package org.convscope.ui.training;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.convscope.engine.Dims;
import org.convscope.engine.kernel.KernelSelection;
import org.convscope.engine.spec.ActivationSpec;
import org.convscope.engine.spec.DenseSpec;
import org.convscope.engine.spec.FlattenSpec;
import org.convscope.engine.spec.NetworkSpec;
import org.convscope.engine.spec.SoftmaxSpec;
import org.convscope.engine.train.SampleSource;
import org.convscope.training.TrainingSession;
import org.convscope.training.TrainingSettings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.framework.junit5.ApplicationExtension;

/** A training thread that hangs inside a batch does not make a save (before quitting) wait for it for long. */
@ExtendWith(ApplicationExtension.class)
class HungTrainingSaveTest {
    @TempDir
    Path dir;

    /** Data whose reads hang once {@code hang} is counted down, until {@code answer} is, as a network drive. */
    private static final class HangingSource implements SampleSource {
        final CountDownLatch hang = new CountDownLatch(1);
        final CountDownLatch answer = new CountDownLatch(1);

        @Override
        public int size() {
            return 64;
        }

        @Override
        public Dims dims() {
            return new Dims(1, 4, 4);
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
            if (hang.getCount() == 0) {
                try {
                    answer.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            java.util.Arrays.fill(out, 0, count * 16, 0.5f);
        }
    }

    @Test
    void aSaveGivesUpOnAHungTrainingThreadAndSaysSo() throws Exception {
        NetworkSpec spec = new NetworkSpec("small", new Dims(1, 4, 4), java.util.List.of(new FlattenSpec("flat"),
                new DenseSpec("fc", 2), new ActivationSpec("relu", ActivationSpec.Kind.RELU), new SoftmaxSpec("out")));
        HangingSource train = new HangingSource();
        TrainingSession session = new TrainingSession(spec, train, new HangingSource(),
                TrainingSettings.defaults().withBatchSize(8).withThreads(1), KernelSelection.preferred(), "");
        TrainingViewModel model = new TrainingViewModel(session);
        try {
            train.hang.countDown();
            model.stepBatch(); // hangs on the training thread

            ExecutionException e = assertThrows(ExecutionException.class,
                    () -> model.save(dir.resolve("hung.convscope-session")).get(TrainingViewModel.CAPTURE_SECONDS + 20,
                            TimeUnit.SECONDS));
            assertEquals("the training thread did not answer within 10 s; nothing was saved", e.getCause().getMessage());
        } finally {
            train.answer.countDown();
            model.close();
        }
    }
}
