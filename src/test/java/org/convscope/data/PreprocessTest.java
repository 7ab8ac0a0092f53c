package org.convscope.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class PreprocessTest {

    @Test
    void smallOffCentreDigitIsScaledTo20AndCentredByMass() {
        Preprocess.Preprocessed p = Preprocess.mnist(Drawings.ink(30, 160, 5));
        int[] box = bounds(p.centred());
        int w = box[2] - box[0];
        int h = box[3] - box[1];
        assertEquals(20, Math.max(w, h), "long side of the ink's box");
        assertEquals(20, p.scaled().height());
        double[] mass = Preprocess.centreOfMass(p.centred());
        assertEquals(14, mass[0], 0.5);
        assertEquals(14, mass[1], 0.5);
        assertTrue(p.cropX() >= 30 - 5 && p.cropX() < 30 + 5, "crop starts at the drawing: " + p.cropX());
    }

    @Test
    void positionAndSizeDoNotMatter() {
        float[] small = Preprocess.mnist(Drawings.ink(20, 150, 4)).centred().ink();
        float[] large = Preprocess.mnist(Drawings.ink(90, 12.3, 17)).centred().ink();
        assertTrue(meanAbsDiff(small, large) < 0.02, "mean difference " + meanAbsDiff(small, large));
        assertTrue(maxAbsDiff(small, large) < 0.25, "max difference " + maxAbsDiff(small, large));
    }

    @Test
    void tinyDigitIsScaledUp() {
        Preprocess.Preprocessed p = Preprocess.mnist(Drawings.ink(100, 100, 0.8));
        assertTrue(p.cropped().height() < 20, "cropped " + p.cropped().height());
        assertEquals(20, p.scaled().height());
        double[] mass = Preprocess.centreOfMass(p.centred());
        assertEquals(14, mass[0], 0.5);
        assertEquals(14, mass[1], 0.5);
    }

    @Test
    void mnistDigitsStayAsTheyAre() {
        Dataset test = DatasetFolder.bundledMnist().test();
        double total = 0;
        int n = 300;
        for (int i = 0; i < n; i++) {
            InkImage digit = test.inkImage(i);
            float[] again = Preprocess.mnist(digit).centred().ink();
            total += meanAbsDiff(digit.ink(), again);
        }
        assertTrue(total / n < 0.003, "mean difference " + total / n);
    }

    @Test
    void noInkGivesZeros() {
        Preprocess.Preprocessed p = Preprocess.mnist(InkImage.blank(50, 40));
        assertTrue(p.isEmpty());
        assertArrayEquals(new float[28 * 28], p.centred().ink());
        assertNull(Preprocess.centreOfMass(p.centred()));
        float[] faint = new float[100];
        faint[42] = Preprocess.NOISE;
        assertTrue(Preprocess.mnist(new InkImage(10, 10, faint)).isEmpty(), "noise is not ink");
    }

    @Test
    void singleDotIsCentred() {
        float[] ink = new float[9 * 7];
        ink[3 * 9 + 8] = 1;
        Preprocess.Preprocessed p = Preprocess.mnist(new InkImage(9, 7, ink));
        assertEquals(20, p.scaled().width());
        assertEquals(1f, p.centred().at(14, 14), 1e-6f);
    }

    static int[] bounds(InkImage image) {
        int[] box = {Integer.MAX_VALUE, Integer.MAX_VALUE, -1, -1};
        for (int y = 0; y < image.height(); y++) {
            for (int x = 0; x < image.width(); x++) {
                if (image.at(x, y) > 0) {
                    box[0] = Math.min(box[0], x);
                    box[1] = Math.min(box[1], y);
                    box[2] = Math.max(box[2], x + 1);
                    box[3] = Math.max(box[3], y + 1);
                }
            }
        }
        return box;
    }

    static double meanAbsDiff(float[] a, float[] b) {
        assertEquals(a.length, b.length);
        double sum = 0;
        for (int i = 0; i < a.length; i++) {
            sum += Math.abs(a[i] - b[i]);
        }
        return sum / a.length;
    }

    static double maxAbsDiff(float[] a, float[] b) {
        double max = 0;
        for (int i = 0; i < a.length; i++) {
            max = Math.max(max, Math.abs(a[i] - b[i]));
        }
        return max;
    }

    @Test
    void aRegionOfWhatTheNetworkSeesMapsBackOntoTheInk() {
        float[] ink = new float[280 * 280];
        for (int y = 60; y < 200; y++) for (int x = 100; x < 140; x++) ink[y * 280 + x] = 1; // a bar 40 wide, 140 tall
        Preprocess.Preprocessed p = Preprocess.mnist(new InkImage(280, 280, ink));
        int[] box = bounds(p.centred()); // the bar as the network sees it: left, top, right, bottom
        double[] topLeft = p.toInput(box[0], box[1]);
        double[] bottomRight = p.toInput(box[2], box[3]);
        assertEquals(100, topLeft[0], 1.5);
        assertEquals(60, topLeft[1], 1.5);
        assertEquals(140, bottomRight[0], 1.5);
        assertEquals(200, bottomRight[1], 1.5);
        assertNull(Preprocess.mnist(InkImage.blank(280, 280)).toInput(14, 14), "no ink, no place");
    }
}
