package org.convscope.cli;

import java.nio.file.Path;
import java.util.Locale;
import org.convscope.data.ImageInput;
import org.convscope.data.Photo;
import org.convscope.data.PhotoPreprocess;
import org.convscope.data.Preprocess;
import org.convscope.engine.Dims;
import org.convscope.engine.Network;
import org.convscope.io.FileException;
import org.convscope.model.DigitInput;
import org.convscope.model.TensorInput;
import picocli.CommandLine.Option;

/**
 * How an input file becomes a network's input, shared by the commands that run a model: a NumPy .npy tensor of the
 * model's input shape (batch first), or an image preprocessed as --preprocess says.
 */
final class InputOptions {
    @Option(names = "--preprocess", paramLabel = "KIND", description = "how an image becomes the input: imagenet"
            + " (shorter side to 256, centre 224×224, ImageNet mean and std; scaled for other sizes), mnist (a drawn"
            + " digit, as MNIST was made) or unit (the whole image scaled to the input, values 0…1). Default: mnist for"
            + " one-channel models of at least 28×28, imagenet for three-channel models, unit otherwise")
    String preprocess;

    @Option(names = "--size", paramLabel = "S", description = "scale the image's shorter side to S pixels, then cut out"
            + " the centre at the model's input size (with --mean and --std instead of --preprocess)")
    Integer size;

    @Option(names = "--mean", paramLabel = "R,G,B", split = ",", description = "subtract these channel means (0…1 scale)")
    float[] mean;

    @Option(names = "--std", paramLabel = "R,G,B", split = ",", description = "then divide by these standard deviations")
    float[] std;

    /**
     * The inputs read from a file: n samples, one after the other; {@code blank} when the file is a drawn digit's
     * image without any ink (then the values are all zero and there is nothing to classify).
     */
    record Samples(int count, float[] values, String source, boolean blank) {
        Samples(int count, float[] values, String source) {
            this(count, values, source, false);
        }
    }

    /** The samples of {@code file} for the network: an .npy tensor, or one preprocessed image. */
    Samples read(Path file, Network net) throws FileException {
        Dims in = net.input();
        if (file.getFileName() != null && file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".npy")) {
            return tensor(file, in);
        }
        String kind = kind(in);
        if (kind.equals("mnist")) {
            DigitInput.requireDigitInput(net);
            float[] x = new float[in.size()];
            Preprocess.Preprocessed digit = Preprocess.mnist(ImageInput.load(file));
            DigitInput.place(digit.centred(), in, x, 0);
            return new Samples(1, x, "mnist", digit.isEmpty());
        }
        PhotoPreprocess recipe = recipe(kind, in);
        return new Samples(1, recipe.apply(Photo.load(file), in), recipe.toString());
    }

    private String kind(Dims in) {
        boolean custom = size != null || mean != null || std != null;
        if (preprocess != null && custom) {
            throw new IllegalArgumentException("--preprocess and --size/--mean/--std: give one or the other");
        }
        if (custom) return "custom";
        if (preprocess != null) {
            if (!preprocess.equals("imagenet") && !preprocess.equals("mnist") && !preprocess.equals("unit")) {
                throw new IllegalArgumentException("--preprocess must be imagenet, mnist or unit, got " + Cli.cut(preprocess));
            }
            return preprocess;
        }
        if (DigitInput.takesDigits(in)) return "mnist";
        return in.channels() == 3 ? "imagenet" : "unit";
    }

    private PhotoPreprocess recipe(String kind, Dims in) {
        return switch (kind) {
            case "imagenet" -> PhotoPreprocess.imagenet(in);
            case "unit" -> PhotoPreprocess.unit();
            default -> {
                float[] m = mean == null ? new float[3] : triple(mean, "--mean");
                float[] s = std == null ? new float[] {1, 1, 1} : triple(std, "--std");
                yield new PhotoPreprocess("custom", size == null ? 0 : size, m, s);
            }
        };
    }

    private static float[] triple(float[] v, String option) {
        if (v.length == 1) return new float[] {v[0], v[0], v[0]};
        if (v.length != 3) throw new IllegalArgumentException(option + " takes 1 or 3 numbers, got " + v.length);
        return v;
    }

    /** An .npy tensor of the model's input shape; see {@link TensorInput}. */
    private static Samples tensor(Path file, Dims in) throws FileException {
        TensorInput t = TensorInput.read(file, in);
        return new Samples(t.count(), t.values(), "tensor");
    }
}
