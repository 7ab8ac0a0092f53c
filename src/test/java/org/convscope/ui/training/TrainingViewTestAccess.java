package org.convscope.ui.training;

import java.util.function.Predicate;
import org.convscope.data.DatasetFolder;
import org.convscope.data.TrainTest;
import org.convscope.training.TrainingFrame;

/** For studio tests in other packages: the bundled MNIST, loaded once for the JVM (it takes seconds), and waiting for a frame. */
public final class TrainingViewTestAccess {
    private TrainingViewTestAccess() {}

    /** The first frame of the model that meets the condition, waiting up to 90 s for it. */
    public static TrainingFrame waitFor(TrainingViewModel model, Predicate<TrainingFrame> condition)
            throws InterruptedException {
        return TrainingViewTest.waitFor(model, condition);
    }

    public static synchronized TrainTest mnist() {
        if (TrainingViewTest.mnist == null) TrainingViewTest.mnist = DatasetFolder.bundledMnist();
        return TrainingViewTest.mnist;
    }
}
