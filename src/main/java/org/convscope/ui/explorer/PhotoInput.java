package org.convscope.ui.explorer;

import org.convscope.data.Photo;
import org.convscope.data.PhotoPreprocess;
import org.convscope.engine.Dims;

/**
 * A photo or a tensor on its way into a network that does not take drawn digits, prepared off the FX thread; immutable
 * (the arrays must not be modified).
 *
 * @param name   where it came from: a file name, "pasted image", "generated picture"
 * @param photo  the photo as opened; null for an .npy tensor
 * @param recipe how the photo became the input; null for a tensor
 * @param steps  every step of the preprocessing; null for a tensor
 * @param input  [C][H][W] the network's input
 */
public record PhotoInput(String name, Photo photo, PhotoPreprocess recipe, PhotoPreprocess.Steps steps, float[] input) {
    /** The photo preprocessed for a network taking {@code dims}. */
    public static PhotoInput of(String name, Photo photo, PhotoPreprocess recipe, Dims dims) {
        PhotoPreprocess.Steps steps = recipe.steps(photo, dims);
        return new PhotoInput(name, photo, recipe, steps, steps.input());
    }

    /** A tensor read from an .npy file, taken as it is. */
    public static PhotoInput tensor(String name, float[] input) {
        return new PhotoInput(name, null, null, null, input);
    }

    /** The same photo through another recipe or for another input size; a tensor stays as it is. */
    public PhotoInput redo(PhotoPreprocess other, Dims dims) {
        return photo == null ? this : of(name, photo, other, dims);
    }

    public boolean isTensor() {
        return photo == null;
    }
}
