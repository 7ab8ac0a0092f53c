package org.convscope.model;

import java.nio.file.Path;
import java.util.Arrays;
import org.convscope.engine.Dims;
import org.convscope.io.FileException;
import org.convscope.io.Npy;
import org.convscope.io.NpyArray;

/**
 * A NumPy .npy tensor as a network's input: [B, C, H, W] or [C, H, W] (or [B, F] / [F] for a vector input) of the
 * model's input shape, for {@code convscope infer} and the explorer's Open image alike.
 *
 * @param count  the samples B (1 without a batch axis)
 * @param values [B][C][H][W] (or [B][F])
 */
public record TensorInput(int count, float[] values) {
    /** Reads the tensor, its shape checked against the model's input. */
    public static TensorInput read(Path file, Dims in) throws FileException {
        NpyArray array = Npy.read(file);
        int[] shape = array.shape();
        boolean vector = in.isVector();
        int[] sample = vector ? new int[] {in.size()} : new int[] {in.channels(), in.height(), in.width()};
        int batch;
        if (shape.length == sample.length + 1 && Arrays.equals(Arrays.copyOfRange(shape, 1, shape.length), sample)) {
            batch = shape[0];
        } else if (Arrays.equals(shape, sample)) {
            batch = 1;
        } else {
            throw new FileException(file, "holds a " + Arrays.toString(shape) + " tensor; the model takes "
                    + (vector ? "[N, " + in.size() + "]" : "[N, " + in.channels() + ", " + in.height() + ", " + in.width() + "]"));
        }
        if (batch < 1) throw new FileException(file, "holds no sample");
        return new TensorInput(batch, array.data());
    }

    /** Sample i, [C][H][W] (or [F]). */
    public float[] sample(int i) {
        int size = values.length / count;
        return Arrays.copyOfRange(values, i * size, (i + 1) * size);
    }
}
