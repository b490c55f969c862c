package io.mlpbench.dataset;

/** A dataset's training and test splits. */
public record TrainTestSplit(String name, LabeledImages train, LabeledImages test) {}
