package org.convscope.training;

/** One finished epoch: mean training loss and accuracy measured during it, then loss and accuracy on the test set. */
public record EpochPoint(int epoch, long step, double trainLoss, double trainAccuracy, double testLoss, double testAccuracy) {}
