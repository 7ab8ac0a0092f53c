package org.convscope.open;

import java.nio.file.Path;
import org.convscope.io.FileException;
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
}
