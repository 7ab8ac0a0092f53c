package org.convscope.cli;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import org.convscope.io.FileException;
import org.convscope.model.ModelFile;
import org.convscope.onnx.exporter.OnnxExport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code convscope export}: a model as ONNX. */
@Command(name = "export", mixinStandardHelpOptions = true,
        description = "Write a model (ConvScope's or an imported one) as ONNX, opset 13, for PyTorch's world:"
                + " ONNX Runtime, onnx2torch, netron.")
final class ExportCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    InputSizeOption size;

    @Option(names = "--model", paramLabel = "IN", description = "model file or .onnx (default: the bundled LeNet-5)")
    Path model;

    @Option(names = "--onnx", paramLabel = "OUT", required = true, description = "the ONNX file to write")
    Path onnx;

    @Override
    public Integer call() throws FileException {
        ModelFile.Model loaded = size.load(model);
        Map<String, String> metadata = new LinkedHashMap<>();
        String labels = loaded.metadata().get(ModelFile.LABELS);
        if (labels != null) metadata.put(ModelFile.LABELS, labels);
        try {
            OnnxExport.write(onnx, loaded.network(), metadata);
        } catch (IllegalArgumentException e) {
            throw new FileException(onnx, "cannot be written: " + e.getMessage());
        }
        spec.commandLine().getOut().printf("%s: %d layers, %,d parameters, opset %d%n", onnx, loaded.network().layers().size(),
                loaded.network().spec().parameterCount(), OnnxExport.OPSET);
        return 0;
    }
}
