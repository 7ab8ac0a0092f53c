package org.convscope.engine.train;

/** A network measured on a data set: mean loss, accuracy as a fraction, confusion[true][predicted] counts. */
public record Evaluation(double loss, double accuracy, int[][] confusion) {
    public int total() {
        int sum = 0;
        for (int[] row : confusion) for (int c : row) sum += c;
        return sum;
    }
}
