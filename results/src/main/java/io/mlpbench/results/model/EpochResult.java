package io.mlpbench.results.model;

/** One epoch of one run: mean training loss, test accuracy after it, training wall time of it. */
public record EpochResult(int epoch, double meanLoss, double testAccuracy, double seconds) {}
