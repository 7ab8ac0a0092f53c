package org.convscope.model;

import java.util.Arrays;
import org.convscope.data.InkImage;
import org.convscope.data.Preprocess;
import org.convscope.engine.Dims;
import org.convscope.engine.Network;
import org.convscope.engine.Workspace;

/**
 * How a preprocessed 28×28 digit enters a network, for {@code convscope classify} and the explorer alike: the
 * network needs one input channel of at least 28×28, and the digit goes in the middle with zeros around it.
 */
public final class DigitInput {
    private DigitInput() {}

    /** The network, or IllegalArgumentException naming it when its input cannot take a 28×28 digit. */
    public static Network requireDigitInput(Network network) {
        Dims in = network.input();
        if (!takesDigits(in)) {
            throw new IllegalArgumentException(network.spec().name() + ": expects " + in
                    + " images; drawn digits need a one-channel model with at least 28×28 inputs");
        }
        return network;
    }

    /** Whether a network with this input can take a drawn 28×28 digit: one channel, at least 28×28. */
    public static boolean takesDigits(Dims in) {
        return in.channels() == 1 && in.height() >= Preprocess.SIZE && in.width() >= Preprocess.SIZE;
    }

    /** Writes the 28×28 digit into the middle of sample x[offset, offset + in.size()), zero around it. */
    public static void place(InkImage digit, Dims in, float[] x, int offset) {
        Arrays.fill(x, offset, offset + in.size(), 0f);
        int top = top(in);
        int left = left(in);
        for (int y = 0; y < Preprocess.SIZE; y++) {
            System.arraycopy(digit.ink(), y * Preprocess.SIZE, x, offset + (top + y) * in.width() + left, Preprocess.SIZE);
        }
    }

    /** The input row where {@link #place} puts the digit's first row. */
    public static int top(Dims in) {
        return (in.height() - Preprocess.SIZE) / 2;
    }

    /** The input column where {@link #place} puts the digit's first column. */
    public static int left(Dims in) {
        return (in.width() - Preprocess.SIZE) / 2;
    }

    /** Class probabilities of sample 0 of the workspace's last pass (softmax applied if the network ends without one). */
    public static float[] probabilities(Workspace ws) {
        int classes = ws.network().numClasses();
        float[] p = new float[classes];
        org.convscope.engine.Loss.Output.of(ws.network().spec()).probabilities(ws.result(), 0, classes, p);
        return p;
    }
}
