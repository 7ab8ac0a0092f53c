package org.convscope.cli;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.convscope.data.DatasetException;
import org.convscope.data.ImageInput;
import org.convscope.io.FileException;
import org.convscope.model.ModelFile;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code convscope classify}: the top three classes of each drawn digit image. */
@Command(name = "classify", mixinStandardHelpOptions = true,
        description = "Classify PNG or JPG images of handwritten digits (any size, any position, either polarity).")
final class ClassifyCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "IMAGE", arity = "1..*", description = "PNG or JPG files")
    List<Path> images;

    @Option(names = "--model", paramLabel = "FILE", description = "model file (default: the bundled LeNet-5)")
    Path model;

    @Option(names = "--json", description = "one JSON object per image")
    boolean json;

    @Override
    public Integer call() throws FileException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        ModelFile.Model loaded = model == null ? ModelFile.loadDefault() : ModelFile.load(model);
        Classifier classifier;
        try {
            classifier = new Classifier(loaded.network());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException((model == null ? "bundled model" : model.getFileName()) + ": " + e.getMessage());
        }
        int failures = 0;
        for (Path image : images) {
            List<Classifier.Guess> top;
            try {
                top = classifier.classify(ImageInput.load(image), 3);
            } catch (DatasetException e) {
                err.println("convscope classify: " + Cli.oneLine(e));
                failures++;
                continue;
            }
            if (json) {
                JsonObject o = new JsonObject();
                o.addProperty("file", image.toString());
                o.addProperty("label", top.get(0).label());
                JsonArray list = new JsonArray();
                for (Classifier.Guess g : top) {
                    JsonObject entry = new JsonObject();
                    entry.addProperty("class", g.label());
                    entry.addProperty("probability", g.probability());
                    list.add(entry);
                }
                o.add("top3", list);
                out.println(o);
            } else {
                StringBuilder line = new StringBuilder(image.toString()).append(':');
                for (Classifier.Guess g : top) {
                    line.append(String.format(Locale.ROOT, " %d (%.1f%%)", g.label(), 100 * g.probability()));
                }
                out.println(line);
            }
        }
        return failures == 0 ? 0 : Cli.FAILED;
    }
}
