package org.convscope.engine.train;

/** One epoch: mean training loss, training accuracy (measured during the epoch), test accuracy, throughput. */
public record EpochResult(int epoch, double loss, double trainAccuracy, double testAccuracy, double imagesPerSecond) {}
