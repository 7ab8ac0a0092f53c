package org.convscope.lecture;

import java.awt.image.BufferedImage;
import org.convscope.data.ImageInput;
import org.convscope.data.InkImage;
import org.convscope.data.Photo;
import org.convscope.data.PhotoPreprocess;
import org.convscope.data.Preprocess;
import org.convscope.engine.Dims;
import org.convscope.model.DigitInput;

/**
 * How a picture becomes a network's input, as {@code convscope infer --preprocess} does it: a drawn digit as MNIST was
 * made, torchvision's ImageNet recipe, or the whole picture scaled to the input with values 0 to 1.
 */
public enum Preprocessing {
    MNIST("MNIST preprocessing"),
    IMAGENET("ImageNet preprocessing"),
    UNIT("scaled to the input, 0 to 1");

    private final String words;

    Preprocessing(String words) {
        this.words = words;
    }

    /** In words, for captions: "ImageNet preprocessing". */
    public String words() {
        return words;
    }

    /** What {@code convscope infer} takes by default: MNIST for digit models, ImageNet for colour ones, else 0 to 1. */
    public static Preprocessing defaultFor(Dims input) {
        if (DigitInput.takesDigits(input)) return MNIST;
        return input.channels() == 3 ? IMAGENET : UNIT;
    }

    /** Whether this preprocessing can make the input of a network taking {@code input}. */
    public boolean fits(Dims input) {
        return this == MNIST ? DigitInput.takesDigits(input) : input.channels() == 1 || input.channels() == 3;
    }

    /** The network's input [C][H][W] from a picture. */
    public float[] apply(Photo photo, Dims input) {
        if (!fits(input)) {
            throw new IllegalArgumentException(words + " cannot make a " + Notation.size(input) + " input");
        }
        return switch (this) {
            case MNIST -> digit(ImageInput.toInk(image(photo)), input);
            case IMAGENET -> PhotoPreprocess.imagenet(input).apply(photo, input);
            case UNIT -> PhotoPreprocess.unit().apply(photo, input);
        };
    }

    /** A digit's ink (1 the stroke, 0 the paper) as the network's input: as MNIST for digit models, else a picture. */
    public float[] applyToDigit(InkImage ink, Dims input) {
        if (this == MNIST) return digit(ink, input);
        float[] planes = new float[3 * ink.ink().length];
        for (int c = 0; c < 3; c++) System.arraycopy(ink.ink(), 0, planes, c * ink.ink().length, ink.ink().length);
        return apply(new Photo(ink.width(), ink.height(), planes), input);
    }

    private static float[] digit(InkImage ink, Dims input) {
        float[] x = new float[input.size()];
        DigitInput.place(Preprocess.mnist(ink).centred(), input, x, 0);
        return x;
    }

    /** The photo as an 8-bit RGB image, for the digit preprocessing that reads images. */
    private static BufferedImage image(Photo photo) {
        BufferedImage image = new BufferedImage(photo.width(), photo.height(), BufferedImage.TYPE_INT_RGB);
        int plane = photo.width() * photo.height();
        float[] p = photo.planes();
        for (int i = 0; i < plane; i++) {
            int r = Math.round(255 * p[i]);
            int g = Math.round(255 * p[plane + i]);
            int b = Math.round(255 * p[2 * plane + i]);
            image.setRGB(i % photo.width(), i / photo.width(), r << 16 | g << 8 | b);
        }
        return image;
    }
}
