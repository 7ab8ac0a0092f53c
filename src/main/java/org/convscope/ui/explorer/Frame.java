package org.convscope.ui.explorer;

import java.util.List;
import org.convscope.data.InkImage;
import org.convscope.data.Preprocess.Preprocessed;
import org.convscope.engine.ForwardSnapshot;

/**
 * One classified input, everything the views show, immutable (the arrays must not be modified).
 *
 * @param sequence       increases with every request, so a view can tell a newer frame
 * @param source         the ink that was classified (a drawing); blank for a photo
 * @param preprocessed   every preprocessing step of the drawing; empty for a photo
 * @param snapshot       the forward pass with every layer's output and the parameters it used
 * @param probabilities  [classes], softmax of the output
 * @param saliency       [H][W] gradient × input for the top class (summed over the channels), or null when it is off
 * @param truth          the image's label when it is known (a test image, nothing drawn over it), else −1
 * @param submittedNanos System.nanoTime() when the drawing changed, for latency figures
 * @param photo          the photo or tensor that was classified; null for a drawing
 * @param classNames     [classes] the model's names of its classes
 */
public record Frame(long sequence, InkImage source, Preprocessed preprocessed, ForwardSnapshot snapshot,
                    float[] probabilities, float[] saliency, int truth, long submittedNanos, PhotoInput photo,
                    List<String> classNames) {
    public int topClass() {
        int best = 0;
        for (int j = 1; j < probabilities.length; j++) if (probabilities[j] > probabilities[best]) best = j;
        return best;
    }

    /** True when there is nothing to classify: a drawing without ink (a photo never is). */
    public boolean blank() {
        return photo == null && preprocessed.isEmpty();
    }

    /** The name of class c: the model's label, else its number. */
    public String className(int c) {
        return c < classNames.size() ? classNames.get(c) : Integer.toString(c);
    }
}
