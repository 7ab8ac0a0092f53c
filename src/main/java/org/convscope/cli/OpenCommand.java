package org.convscope.cli;

import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.convscope.data.ImageInput;
import org.convscope.data.Photo;
import org.convscope.engine.Dims;
import org.convscope.engine.Network;
import org.convscope.io.FileException;
import org.convscope.model.DigitInput;
import org.convscope.model.ModelFile;
import org.convscope.model.TensorInput;
import org.convscope.open.Models;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/**
 * {@code convscope open MODEL [IMAGE]}: the app, its explorer on that model and input. Both files are read and
 * checked first, so a bad one is the usual one line and exit code before any window opens; the GUI is reached only
 * through a static call made after the checks (the headless commands never load a JavaFX class, see Main).
 */
@Command(name = "open", mixinStandardHelpOptions = true,
        description = "Open the app with the explorer on a model (.onnx or a ConvScope model file) and, if given, an"
                + " image (PNG/JPG) or a float32 .npy tensor of the model's input shape.")
final class OpenCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "MODEL", description = "model file or .onnx")
    Path model;

    @Parameters(index = "1", arity = "0..1", paramLabel = "IMAGE", description = "a PNG/JPG image or an .npy tensor")
    Path image;

    @Override
    public Integer call() throws FileException {
        ModelFile.Model m = Models.loadForExplorer(model);
        if (image != null) check(image, m.network());
        try {
            org.convscope.ui.ConvScopeApp.launchGui(new org.convscope.ui.ConvScopeApp.Opening(m, model, image));
        } catch (UnsupportedOperationException e) { // JavaFX without a display: "Unable to open DISPLAY"
            throw new IllegalStateException("cannot open the window: " + e.getMessage(), e);
        }
        return 0;
    }

    /** Reads {@code file} as the explorer will, so that it fails here, in one line, rather than in the window. */
    static void check(Path file, Network net) throws FileException {
        Dims in = net.input();
        boolean tensor = file.getFileName() != null
                && file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".npy");
        if (DigitInput.takesDigits(in)) {
            if (tensor) {
                throw new FileException(file, "is a tensor, and " + net.spec().name()
                        + " takes drawn digits: give a PNG or JPG image");
            }
            ImageInput.load(file);
        } else if (tensor) {
            TensorInput.read(file, in);
        } else if (in.isVector()) {
            throw new FileException(file, "is an image, and " + net.spec().name() + " takes a vector of " + in.size()
                    + " values: give an .npy tensor");
        } else {
            Photo.load(file);
        }
    }
}
