package io.mlpbench.results.model;

import io.mlpbench.core.ModelSpec;
import io.mlpbench.core.RunSpec;
import io.mlpbench.core.TrainingConfig;
import java.util.Arrays;
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

  /**
   * The record of {@code spec}: the one place a run's settings are derived from its description
   * (the record keeps this JSON shape, so older history files stay readable). A spec without seeds
   * trains nothing (throughput only) and is recorded with 0 epochs.
   */
  public static RunSettings of(RunSpec spec, List<String> routes, String benchProfile) {
    TrainingConfig t = spec.training();
    // every dataset of the suite is 28 x 28 with 10 classes, as the canonical model
    ModelSpec canonical = ModelSpec.canonical();
    int[] layers = spec.model().spec(canonical.inputSize(), canonical.classCount()).layerSizes();
    return new RunSettings(
        spec.model().dataset(),
        Arrays.stream(layers).boxed().toList(),
        spec.model().activation().id(),
        t.optimizer().id(),
        t.learningRate(),
        t.beta1(),
        t.beta2(),
        t.epsilon(),
        t.batchSize(),
        spec.sweep().seeds().isEmpty() ? 0 : t.epochs(),
        spec.sweep().seeds(),
        t.threads(),
        routes,
        benchProfile,
        spec.data().trainLimit(),
        spec.data().testLimit());
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
