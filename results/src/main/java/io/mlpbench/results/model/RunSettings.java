package io.mlpbench.results.model;

import java.util.List;

/**
 * The configuration a run used, as the user gave it: every setting that changes the numbers, so
 * runs that differ in one are never compared.
 *
 * @param trainLimit training samples used, 0 = the whole training split (smoke runs use a few
 *     thousand); null in records written before it was recorded, read as 0
 * @param testLimit test samples evaluated, 0 = the whole test split; null read as 0
 */
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
    String benchProfile,
    Integer trainLimit,
    Integer testLimit) {

  /** Settings of a run on the whole dataset (no train or test limit). */
  public RunSettings(
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
      String benchProfile) {
    this(
        dataset,
        layerSizes,
        activation,
        optimizer,
        learningRate,
        beta1,
        beta2,
        epsilon,
        batchSize,
        epochs,
        seeds,
        threads,
        routes,
        benchProfile,
        0,
        0);
  }

  /** Training samples used (0 = all), old records included. */
  public int effectiveTrainLimit() {
    return trainLimit == null ? 0 : trainLimit;
  }

  /** Test samples evaluated (0 = all), old records included. */
  public int effectiveTestLimit() {
    return testLimit == null ? 0 : testLimit;
  }
}
