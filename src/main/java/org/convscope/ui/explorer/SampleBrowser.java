package org.convscope.ui.explorer;

import java.util.SplittableRandom;
import org.convscope.data.Dataset;

/**
 * Steps through a test set: next, previous, random, optionally only one class and only the digits the network gets
 * wrong. Pure logic, no threads: the view model loads the set and the predictions.
 */
final class SampleBrowser {
    /** Any class. */
    static final int ALL = -1;

    private final Dataset set;
    private final SplittableRandom random;
    private int current = -1;
    private int classFilter = ALL;
    private int[] predictions; // [set.size()], or null when only-misclassified is off

    SampleBrowser(Dataset set, long seed) {
        this.set = set;
        this.random = new SplittableRandom(seed);
    }

    Dataset set() {
        return set;
    }

    int current() {
        return current;
    }

    void classFilter(int digit) {
        if (digit != ALL && (digit < 0 || digit >= set.numClasses())) {
            throw new IllegalArgumentException("class filter " + digit + " outside 0.." + (set.numClasses() - 1));
        }
        classFilter = digit;
    }

    /** Restricts browsing to samples whose prediction differs from the label; null lifts the restriction. */
    void onlyMisclassified(int[] predictions) {
        if (predictions != null && predictions.length != set.size()) {
            throw new IllegalArgumentException("predictions for " + predictions.length + " samples, the set has " + set.size());
        }
        this.predictions = predictions;
    }

    boolean matches(int i) {
        return (classFilter == ALL || set.label(i) == classFilter) && (predictions == null || predictions[i] != set.label(i));
    }

    /** The next matching sample after the current one, wrapping around; −1 if none matches. */
    int next() {
        return step(1);
    }

    int previous() {
        return step(-1);
    }

    /** A random matching sample; −1 if none matches. */
    int random() {
        int n = set.size();
        for (int tries = 0; tries < 64; tries++) {
            int i = random.nextInt(n);
            if (matches(i)) return current = i;
        }
        current = random.nextInt(n);
        return next();
    }

    private int step(int direction) {
        int n = set.size();
        int start = current < 0 ? (direction > 0 ? n - 1 : 0) : current;
        for (int k = 1; k <= n; k++) {
            int i = Math.floorMod(start + direction * k, n);
            if (matches(i)) return current = i;
        }
        return -1;
    }
}
