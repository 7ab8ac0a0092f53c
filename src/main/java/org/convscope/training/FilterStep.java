package org.convscope.training;

/**
 * One convolution layer's filters through phases 3 and 4 of a training step: the weights before, the gradient
 * dL/dW, the change Δw the optimizer made and the weights after (after = before + Δw).
 */
public record FilterStep(String layer, ConvFilters before, ConvFilters gradient, ConvFilters delta, ConvFilters after) {}
