package org.convscope.ui;

import java.util.Locale;
import org.convscope.data.InkImage;
import org.convscope.engine.Network;
import org.convscope.model.DigitInput;
import org.convscope.ui.explorer.ExplorerModel;
import org.convscope.ui.training.ExplorerLink;

/**
 * Opens a test image of the training studio in the explorer, on a copy of the model as it is at that moment, then
 * shows the explorer: a one-channel image of at least 28×28 on the drawing canvas (the explorer fits it to its 28×28
 * canvas and places it in the middle of the network's input), any other (colour images of CIFAR-10 or an image folder)
 * as the photo input, taken as the tensor the studio trains on.
 */
final class StudioToExplorer implements ExplorerLink {
    static final String MODEL_NAME = "training snapshot";

    private final ExplorerModel explorer;
    private final Runnable show;

    /** @param show brings the explorer into view (selects its tab) */
    StudioToExplorer(ExplorerModel explorer, Runnable show) {
        this.explorer = explorer;
        this.show = show;
    }

    @Override
    public void open(Network network, float[] image, int label) {
        String description = String.format(Locale.ROOT, "test image · label %d", label);
        if (DigitInput.takesDigits(network.input())) {
            explorer.open(network, MODEL_NAME, new InkImage(network.input().width(), network.input().height(),
                    image.clone()), description, label);
        } else {
            explorer.openTensor(network, MODEL_NAME, image.clone(), description, label);
        }
        show.run();
    }
}
