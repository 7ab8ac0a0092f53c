package org.convscope.lecture;

import java.nio.file.Path;
import org.convscope.data.InkImage;
import org.convscope.data.Photo;
import org.convscope.engine.Dims;
import org.convscope.engine.Network;

/**
 * Where the input of a real network's frame comes from: the explorer's current input, a test digit, the colour test
 * pattern or a photo file. {@link #pass} reads and preprocesses it and runs the network: on a background thread, as
 * a photo may take a while to decode and a large network to run.
 */
public sealed interface NetworkInput {
    /** The explorer's current input, as the explorer's own pass through the app's current model has it. */
    record Explorer() implements NetworkInput {}

    /** Test-set digit {@code index} (from 0). */
    record TestDigit(int index) implements NetworkInput {}

    /** The {@link ColourPattern}. */
    record Pattern() implements NetworkInput {}

    /** A PNG or JPG file. */
    record PhotoFile(Path file) implements NetworkInput {}

    /** In words, for titles and captions: "test digit 17", "cat.jpg". */
    default String words() {
        return switch (this) {
            case Explorer e -> "the explorer's input";
            case TestDigit t -> "test digit " + t.index();
            case Pattern p -> "the colour test pattern";
            case PhotoFile f -> String.valueOf(f.file().getFileName());
        };
    }

    /**
     * The input through the model, every layer's output kept. The explorer's input comes with the explorer's own pass
     * (then {@code preprocessing} is the explorer's, not this one); the others are preprocessed as asked. Throws
     * IllegalArgumentException, or the data package's one-line exceptions naming a file, saying why it cannot.
     */
    static NetworkPass pass(String model, Network network, NetworkInput input, Preprocessing preprocessing,
                            LessonSources sources) {
        Dims in = network.input();
        String words = input.words() + ", " + preprocessing.words();
        return switch (input) {
            case Explorer e -> {
                NetworkPass explorer = sources.currentModel().map(CurrentModel::explorer).orElse(null);
                if (explorer == null) throw new IllegalArgumentException("the explorer has no input yet");
                if (explorer.network() == network) yield explorer;
                Dims has = explorer.network().input();
                if (!has.equals(in)) {
                    throw new IllegalArgumentException("the explorer's input is " + Notation.size(has) + "; " + model
                            + " takes " + Notation.size(in));
                }
                yield NetworkPass.run(model, network, explorer.values(), explorer.input());
            }
            case TestDigit t -> {
                Volume digit = sources.testDigit(t.index());
                InkImage ink = new InkImage(digit.width(), digit.height(), digit.values());
                yield NetworkPass.run(model, network, preprocessing.applyToDigit(ink, in), words);
            }
            case Pattern p -> NetworkPass.run(model, network, preprocessing.apply(ColourPattern.photo(), in), words);
            case PhotoFile f -> NetworkPass.run(model, network, preprocessing.apply(Photo.load(f.file()), in), words);
        };
    }
}
