package org.convscope.cli;

import java.nio.file.Path;
import org.convscope.engine.Dims;
import org.convscope.io.FileException;
import org.convscope.model.ModelFile;
import org.convscope.onnx.importer.OnnxImport;
import org.convscope.open.Models;
import picocli.CommandLine.Option;

/** {@code --input-size C×H×W}: the input size of an ONNX model that leaves it open (or to run it at another size). */
final class InputSizeOption {
    @Option(names = "--input-size", paramLabel = "C×H×W", description = "input size for an ONNX model exported with"
            + " dynamic height and width (or to run it at another size), e.g. 3x224x224")
    String inputSize;

    /** The model of {@code file} (the bundled LeNet-5 when null), at the given input size if there is one. */
    ModelFile.Model load(Path file) throws FileException {
        if (file == null) {
            if (inputSize != null) throw new IllegalArgumentException("--input-size needs an ONNX --model");
            return ModelFile.loadDefault();
        }
        if (inputSize == null) return Models.load(file);
        if (!ModelFile.isOnnx(file)) throw new IllegalArgumentException("--input-size applies to ONNX models (.onnx)");
        return OnnxImport.load(file, parse(inputSize));
    }

    static Dims parse(String text) {
        String[] parts = text.strip().split("\\s*[x×*,]\\s*");
        try {
            if (parts.length == 3) {
                return new Dims(Integer.parseInt(parts[0]), Integer.parseInt(parts[1]), Integer.parseInt(parts[2]));
            }
            if (parts.length == 1) return Dims.vector(Integer.parseInt(parts[0]));
        } catch (IllegalArgumentException e) {
            // falls through to the message below
        }
        throw new IllegalArgumentException("--input-size must be C×H×W (e.g. 3x224x224) or F, got " + Cli.cut(text));
    }
}
