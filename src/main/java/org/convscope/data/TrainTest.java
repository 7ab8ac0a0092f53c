package org.convscope.data;

/** A training set and its test set, with the same image shape and classes. */
public record TrainTest(Dataset train, Dataset test) {

    public TrainTest {
        if (train.channels() != test.channels() || train.rows() != test.rows() || train.cols() != test.cols()) {
            throw new IllegalArgumentException("train images are " + shape(train) + ", test images are " + shape(test));
        }
        if (train.numClasses() != test.numClasses()) {
            throw new IllegalArgumentException("train has " + train.numClasses() + " classes, test has "
                    + test.numClasses());
        }
    }

    private static String shape(Dataset d) {
        return d.rows() + "×" + d.cols() + "×" + d.channels();
    }
}
