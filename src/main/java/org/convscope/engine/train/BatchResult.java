package org.convscope.engine.train;

/** One mini-batch: its mean loss and how many of its samples the network got right before the update. */
public record BatchResult(double loss, int correct, int count) {}
