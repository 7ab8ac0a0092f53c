package org.convscope.ui.training;

import org.convscope.data.DatasetFolder;
import org.convscope.data.TrainTest;

/** The bundled MNIST, loaded once for all studio tests of the JVM (it takes seconds). */
public final class TrainingViewTestAccess {
    private TrainingViewTestAccess() {}

    public static synchronized TrainTest mnist() {
        if (TrainingViewTest.mnist == null) TrainingViewTest.mnist = DatasetFolder.bundledMnist();
        return TrainingViewTest.mnist;
    }
}
