package io.mlpbench.results.model;

import java.util.List;

/** The configuration a run used, as the user gave it. */
public record RunSettings(
    String dataset,
    List<Integer> layerSizes,
    String activation,
    String optimizer,
    double learningRate,
    double beta1,
    double beta2,
    double epsilon,
    int batchSize,
    int epochs,
    List<Long> seeds,
    int threads,
    List<String> routes,
    String benchProfile) {}
