package org.convscope.data;

/**
 * Turns a drawing or a photo of a digit into a 28 × 28 MNIST-style input, the way MNIST
 * itself was made: crop to the ink, scale the longer side to 20 px keeping the aspect ratio
 * (area averaging when shrinking, bilinear when growing), then paste into 28 × 28 so that the
 * centre of mass lands on pixel (14, 14).
 *
 * <p>Shared by the {@code classify} command and the drawing canvas so that both feed the
 * network the same thing.
 */
public final class Preprocess {
    /** Side of the output image. */
    public static final int SIZE = 28;
    /** Side of the box the digit is scaled into. */
    public static final int BOX = 20;
    /** Ink at or below this is noise: ignored for the crop and cleared. */
    public static final float NOISE = 0.05f;

    private Preprocess() {}

    /**
     * Every step of the preprocessing, for a view that shows them one by one.
     *
     * @param cropped  the input inside the ink's bounding box, noise cleared; 0 × 0 if no ink
     * @param cropX    left column of the bounding box in the input
     * @param cropY    top row of the bounding box in the input
     * @param scaled   cropped, scaled so that its longer side is {@value #BOX} px
     * @param offsetX  column of centred where scaled was pasted
     * @param offsetY  row of centred where scaled was pasted
     * @param centred  the result, {@value #SIZE} × {@value #SIZE}
     */
    public record Preprocessed(InkImage cropped, int cropX, int cropY, InkImage scaled,
                               int offsetX, int offsetY, InkImage centred) {

        /** True if the input had no ink; then centred is all zeros. */
        public boolean isEmpty() {
            return cropped.isEmpty();
        }

        /**
         * Where a point of {@code centred} (x, y in its pixels, edges included) lies in the input: back through the
         * shift, the scaling (x<sub>in</sub> = cropX + (x − offsetX) · cropped.width / scaled.width, likewise y) and
         * the crop. For outlining a region of what the network sees on the picture it came from; null without ink.
         */
        public double[] toInput(double x, double y) {
            if (isEmpty()) return null;
            return new double[] {cropX + (x - offsetX) * cropped.width() / (double) scaled.width(),
                    cropY + (y - offsetY) * cropped.height() / (double) scaled.height()};
        }
    }

    /** Preprocesses an image of any size; an image without ink gives an all-zero result. */
    public static Preprocessed mnist(InkImage image) {
        int[] box = inkBounds(image);
        if (box == null) {
            InkImage none = InkImage.blank(0, 0);
            return new Preprocessed(none, 0, 0, none, 0, 0, InkImage.blank(SIZE, SIZE));
        }
        InkImage cropped = crop(image, box[0], box[1], box[2] - box[0], box[3] - box[1]);
        int longer = Math.max(cropped.width(), cropped.height());
        InkImage scaled = Resample.to(cropped,
                Math.max(1, Math.round((float) cropped.width() * BOX / longer)),
                Math.max(1, Math.round((float) cropped.height() * BOX / longer)));
        double[] mass = centreOfMass(scaled);
        int offsetX = Math.clamp(Math.round(SIZE / 2.0 - mass[0]), 0, SIZE - scaled.width());
        int offsetY = Math.clamp(Math.round(SIZE / 2.0 - mass[1]), 0, SIZE - scaled.height());
        InkImage centred = InkImage.blank(SIZE, SIZE);
        for (int y = 0; y < scaled.height(); y++) {
            System.arraycopy(scaled.ink(), y * scaled.width(), centred.ink(),
                    (offsetY + y) * SIZE + offsetX, scaled.width());
        }
        return new Preprocessed(cropped, box[0], box[1], scaled, offsetX, offsetY, centred);
    }

    /**
     * Centre of mass {x, y} of the ink in pixel indices (pixel (0, 0) is at (0, 0)), the
     * convention in which MNIST digits have theirs at (14, 14); null if there is no ink.
     */
    public static double[] centreOfMass(InkImage image) {
        double sum = 0;
        double sumX = 0;
        double sumY = 0;
        for (int y = 0; y < image.height(); y++) {
            for (int x = 0; x < image.width(); x++) {
                float v = image.at(x, y);
                sum += v;
                sumX += v * x;
                sumY += v * y;
            }
        }
        return sum > 0 ? new double[] {sumX / sum, sumY / sum} : null;
    }

    /**
     * {minX, minY, maxX + 1, maxY + 1} of the ink above NOISE, or null if there is none. Row by row, each inked row
     * scanned only from both ends: the explorer runs this on its 280×280 canvas with every stroke point.
     */
    private static int[] inkBounds(InkImage image) {
        float[] ink = image.ink();
        int w = image.width();
        int minX = Integer.MAX_VALUE;
        int minY = -1;
        int maxX = -1;
        int maxY = -1;
        for (int y = 0; y < image.height(); y++) {
            int row = y * w;
            int first = 0;
            while (first < w && !(ink[row + first] > NOISE)) first++;
            if (first == w) continue;
            int last = w - 1;
            while (!(ink[row + last] > NOISE)) last--;
            minX = Math.min(minX, first);
            maxX = Math.max(maxX, last);
            if (minY < 0) minY = y;
            maxY = y;
        }
        return maxX < 0 ? null : new int[] {minX, minY, maxX + 1, maxY + 1};
    }

    private static InkImage crop(InkImage image, int x0, int y0, int width, int height) {
        float[] ink = new float[width * height]; // [height][width]
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                float v = image.at(x0 + x, y0 + y);
                ink[y * width + x] = v > NOISE ? Math.min(v, 1f) : 0f;
            }
        }
        return new InkImage(width, height, ink);
    }
}
