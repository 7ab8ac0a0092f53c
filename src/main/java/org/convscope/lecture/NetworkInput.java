package org.convscope.lecture;

import java.nio.file.Path;
import org.convscope.data.InkImage;
import org.convscope.data.Photo;
import org.convscope.engine.Dims;

/**
 * Where the input of a real network's frame comes from, as a recipe that can be made again for another model or
 * another preprocessing: numbers given as they are (the explorer's input as its model sees it), a test digit, the
 * colour test pattern or a photo file, the last three preprocessed as {@link Preprocessing} says. {@link #values}
 * reads and preprocesses: on a background thread, as a photo may take a while to decode.
 */
public sealed interface NetworkInput {
    /** Numbers given as they are, [C][H][W]: the explorer's input, a tensor; {@code words} says what they are. */
    record Given(String words, float[] values) implements NetworkInput {
        public Given {
            if (words == null || words.isBlank()) throw new IllegalArgumentException("given numbers need words");
        }
    }

    /** Test-set digit {@code index} (from 0). */
    record TestDigit(int index, Preprocessing preprocessing) implements NetworkInput {}

    /** The {@link ColourPattern}. */
    record Pattern(Preprocessing preprocessing) implements NetworkInput {}

    /** A PNG or JPG file. */
    record PhotoFile(Path file, Preprocessing preprocessing) implements NetworkInput {}

    /** In words, for titles and captions: "test digit 17, ImageNet preprocessing". */
    default String words() {
        return switch (this) {
            case Given g -> g.words();
            case TestDigit t -> "test digit " + t.index() + ", " + t.preprocessing().words();
            case Pattern p -> "the colour test pattern, " + p.preprocessing().words();
            case PhotoFile f -> f.file().getFileName() + ", " + f.preprocessing().words();
        };
    }

    /** How a picture is preprocessed; null for numbers given as they are. */
    default Preprocessing preprocessing() {
        return switch (this) {
            case Given g -> null;
            case TestDigit t -> t.preprocessing();
            case Pattern p -> p.preprocessing();
            case PhotoFile f -> f.preprocessing();
        };
    }

    /** The same picture preprocessed another way; given numbers stay as they are. */
    default NetworkInput with(Preprocessing p) {
        return switch (this) {
            case Given g -> g;
            case TestDigit t -> new TestDigit(t.index(), p);
            case Pattern x -> new Pattern(p);
            case PhotoFile f -> new PhotoFile(f.file(), p);
        };
    }

    /**
     * The input of a network taking {@code input}, [C][H][W]. Throws IllegalArgumentException, or the data package's
     * one-line exception naming the file, saying why it cannot.
     */
    default float[] values(Dims input, LessonSources sources) {
        return switch (this) {
            case Given g -> {
                if (g.values().length != input.size()) {
                    throw new IllegalArgumentException(g.words() + " has " + g.values().length + " numbers; the model takes "
                            + Notation.size(input) + " = " + input.size());
                }
                yield g.values();
            }
            case TestDigit t -> {
                Volume digit = sources.testDigit(t.index());
                yield t.preprocessing().applyToDigit(new InkImage(digit.width(), digit.height(), digit.values()), input);
            }
            case Pattern p -> p.preprocessing().apply(ColourPattern.photo(), input);
            case PhotoFile f -> f.preprocessing().apply(Photo.load(f.file()), input);
        };
    }
}
