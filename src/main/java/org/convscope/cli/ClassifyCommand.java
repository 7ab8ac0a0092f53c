package org.convscope.cli;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.convscope.data.DatasetException;
import org.convscope.engine.Loss;
import org.convscope.engine.Network;
import org.convscope.engine.Workspace;
import org.convscope.engine.kernel.KernelSelection;
import org.convscope.io.FileException;
import org.convscope.model.ModelFile;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code convscope classify}: the top three classes of each image: drawn digits preprocessed as MNIST was made for
 * digit models, photos as --preprocess says for the others; classes by name when the model names them.
 */
@Command(name = "classify", mixinStandardHelpOptions = true,
        description = "Classify PNG or JPG images: drawn digits (any size, any position, either polarity) with digit"
                + " models, photos with others (see --preprocess). A digit image without ink is reported as such"
                + " (JSON: \"ink\": false) instead of classified.")
final class ClassifyCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    InputSizeOption size;

    @Parameters(paramLabel = "IMAGE", arity = "1..*", description = "PNG or JPG files")
    List<Path> images;

    @Option(names = "--model", paramLabel = "FILE", description = "model file or .onnx (default: the bundled LeNet-5)")
    Path model;

    @Option(names = "--json", description = "one JSON object per image")
    boolean json;

    @Mixin
    InputOptions inputs;

    @Override
    public Integer call() throws FileException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        ModelFile.Model loaded = size.load(model);
        Network net = loaded.network();
        Workspace ws = new Workspace(net, KernelSelection.preferred(), 1);
        Loss.Output kind = Loss.Output.of(net.spec());
        int classes = net.numClasses();
        float[] p = new float[classes];
        int failures = 0;
        for (Path image : images) {
            try {
                InputOptions.Samples sample = inputs.read(image, net);
                if (sample.blank()) { // a network answers even for nothing, but that answer is no classification
                    if (json) {
                        JsonObject o = new JsonObject();
                        o.addProperty("file", image.toString());
                        o.addProperty("ink", false);
                        out.println(o);
                    } else {
                        out.println(image + ": no ink (a blank image), nothing to classify");
                    }
                    continue;
                }
                System.arraycopy(sample.values(), 0, ws.input(), 0, net.input().size());
            } catch (DatasetException | FileException e) {
                err.println("convscope classify: " + Cli.oneLine(e));
                failures++;
                continue;
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException((model == null ? "bundled model" : model.getFileName()) + ": " + e.getMessage());
            }
            ws.forward(1);
            kind.probabilities(ws.result(), 0, classes, p);
            int[] top = Ranking.top(p, 3);
            if (json) {
                JsonObject o = new JsonObject();
                o.addProperty("file", image.toString());
                o.addProperty("label", top[0]);
                if (loaded.hasLabels()) o.addProperty("name", loaded.className(top[0]));
                JsonArray list = new JsonArray();
                for (int c : top) {
                    JsonObject entry = new JsonObject();
                    entry.addProperty("class", c);
                    if (loaded.hasLabels()) entry.addProperty("name", loaded.className(c));
                    entry.addProperty("probability", p[c]);
                    list.add(entry);
                }
                o.add("top3", list);
                out.println(o);
            } else {
                StringBuilder line = new StringBuilder(image.toString()).append(':');
                for (int c : top) {
                    String name = loaded.hasLabels() ? loaded.className(c) : Integer.toString(c);
                    line.append(String.format(Locale.ROOT, " %s (%.1f%%)", name, 100 * p[c]));
                }
                out.println(line);
            }
        }
        return failures == 0 ? 0 : Cli.FAILED;
    }
}
