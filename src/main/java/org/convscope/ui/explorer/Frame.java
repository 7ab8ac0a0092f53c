package org.convscope.ui.explorer;

import org.convscope.data.InkImage;
import org.convscope.data.Preprocess.Preprocessed;
import org.convscope.engine.ForwardSnapshot;

/**
 * One classified drawing, everything the views show, immutable (the arrays must not be modified).
 *
 * @param sequence       increases with every request, so a view can tell a newer frame
 * @param source         the ink that was classified
 * @param preprocessed   every preprocessing step
 * @param snapshot       the forward pass with every layer's output and the parameters it used
 * @param probabilities  [classes], softmax of the output
 * @param saliency       [H][W] gradient × input for the top class, or null when the overlay is off
 * @param truth          the image's label when it is known (a test image, nothing drawn over it), else −1
 * @param submittedNanos System.nanoTime() when the drawing changed, for latency figures
 */
public record Frame(long sequence, InkImage source, Preprocessed preprocessed, ForwardSnapshot snapshot,
                    float[] probabilities, float[] saliency, int truth, long submittedNanos) {
    public int topClass() {
        int best = 0;
        for (int j = 1; j < probabilities.length; j++) if (probabilities[j] > probabilities[best]) best = j;
        return best;
    }
}
