package org.convscope.engine;

/** The shape of a batch tensor: batch × channels × height × width, stored contiguously (NCHW). */
public record Shape(int batch, int channels, int height, int width) {
    public Shape {
        if (batch < 0 || channels <= 0 || height <= 0 || width <= 0) {
            throw new IllegalArgumentException("invalid shape " + batch + "×" + channels + "×" + height + "×" + width);
        }
    }

    public static Shape of(int batch, Dims sample) {
        return new Shape(batch, sample.channels(), sample.height(), sample.width());
    }

    public Dims sample() {
        return new Dims(channels, height, width);
    }

    public int size() {
        return batch * channels * height * width;
    }

    @Override
    public String toString() {
        return batch + "×" + channels + "×" + height + "×" + width;
    }
}
