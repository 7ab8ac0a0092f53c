package org.convscope.lecture;

/**
 * What one output position of a convolution computes: the window of the padded input under filter {@code filter}
 * at its top-left corner (top, left), the element-wise products, their sum per input channel, the bias and the total
 * written to output cell (filter, row, col).
 */
public record ConvStep(int filter, int row, int col, int top, int left,
                       float[] window /* [depth][k][k] padded input under the kernel */,
                       float[] products /* [depth][k][k] */, float[] channelSums /* [depth] */, float bias, float total) {
}
