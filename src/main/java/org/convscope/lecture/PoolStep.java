package org.convscope.lecture;

/**
 * One pooling window: channel, output cell (row, col), its top-left corner in the input, the values under it,
 * the index in {@code window} of the winner (max pooling; −1 for average and L2) and the result.
 */
public record PoolStep(int channel, int row, int col, int top, int left, float[] window /* [k][k] */, int winner,
                       float result) {
}
