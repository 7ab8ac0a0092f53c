package org.convscope.open;

import java.nio.file.Path;
import org.convscope.engine.Dims;
import org.convscope.io.FileException;
import org.convscope.lecture.Notation;
import org.convscope.model.DigitInput;
import org.convscope.model.ModelFile;
import org.convscope.onnx.importer.OnnxImport;

/**
 * Opens a model of either kind the app reads: an ONNX file (by its ".onnx" name, see {@link OnnxImport}) or a
 * ConvScope model file ({@link ModelFile}). Above both packages, so that neither depends on the other's reader.
 */
public final class Models {
    private Models() {}

    /** Loads and checks a model; every problem is a one-line {@link FileException} naming the file. */
    public static ModelFile.Model load(Path file) throws FileException {
        return ModelFile.isOnnx(file) ? OnnxImport.load(file) : ModelFile.load(file);
    }

    /**
     * Loads a model the explorer can show: one that takes drawn digits, photos of 1 or 3 channels, or vectors. The
     * window's Open model and {@code convscope open} refuse the others with the same line.
     */
    public static ModelFile.Model loadForExplorer(Path file) throws FileException {
        ModelFile.Model m = load(file);
        Dims in = m.network().input();
        if (!DigitInput.takesDigits(in) && in.channels() != 1 && in.channels() != 3 && !in.isVector()) {
            throw new FileException(file, "takes " + Notation.size(in) + " inputs; the explorer shows models of drawn"
                    + " digits, photos (1 or 3 channels) or vectors");
        }
        return m;
    }
}
