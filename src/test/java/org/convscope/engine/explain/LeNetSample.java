package org.convscope.engine.explain;

import org.convscope.data.Dataset;
import org.convscope.data.DatasetFolder;
import org.convscope.engine.Dims;
import org.convscope.engine.ForwardSnapshot;
import org.convscope.engine.Network;
import org.convscope.engine.Workspace;
import org.convscope.engine.kernel.KernelSelection;
import org.convscope.io.FileException;
import org.convscope.model.ModelFile;

/** The bundled LeNet-5 and its forward pass over MNIST test digit 0 (a 7), loaded once for the tests. */
public final class LeNetSample {
    public static final int DIGIT = 0;
    public static final Network NETWORK = load();
    public static final Dataset TEST = DatasetFolder.bundledMnist().test();

    private LeNetSample() {}

    private static Network load() {
        try {
            return ModelFile.loadDefault().network();
        } catch (FileException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The digit as floats in [0, 1]. */
    public static float[] image(int index) {
        float[] x = new float[TEST.imageSize()];
        TEST.toFloats(new int[] {index}, 0, 1, x);
        return x;
    }

    /** The engine's value of a unit in the snapshot: its layer's output (or the input) at the unit's index. */
    public static float value(ForwardSnapshot snap, UnitRef u) {
        if (u.layer() < 0) return snap.input()[index(snap.spec().input(), u)];
        return snap.output(u.layer())[index(snap.shapes().get(u.layer()), u)];
    }

    private static int index(Dims d, UnitRef u) {
        return (u.channel() * d.height() + u.y()) * d.width() + u.x();
    }

    public static ForwardSnapshot snapshot(int index) {
        return snapshot(NETWORK, image(index));
    }

    public static ForwardSnapshot snapshot(Network network, float[] image) {
        Workspace ws = new Workspace(network, KernelSelection.preferred(), 1);
        System.arraycopy(image, 0, ws.input(), 0, image.length);
        ws.forward(1);
        return ForwardSnapshot.capture(ws, 0);
    }
}
