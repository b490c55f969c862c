package io.mlpbench.core;

/**
 * How a model is trained. Every route applies these constants exactly; where a framework names or
 * places one differently, its adapter translates and says so.
 *
 * @param epsilon Adam's epsilon; 1e-7 by default, as Keras (the seed reference) uses
 * @param threads compute threads for the route's native or Java kernels (intra-op)
 */
public record TrainingConfig(
    OptimizerKind optimizer,
    double learningRate,
    double beta1,
    double beta2,
    double epsilon,
    AdamForm adamForm,
    int batchSize,
    int epochs,
    long seed,
    int threads) {

  public static final int DEFAULT_THREADS = Runtime.getRuntime().availableProcessors();

  /** Adam 1e-3 (0.9, 0.999, 1e-7), batch 128, 5 epochs, seed 42, all cores. */
  public static TrainingConfig defaults() {
    return new TrainingConfig(
        OptimizerKind.ADAM,
        1e-3,
        0.9,
        0.999,
        1e-7,
        AdamForm.EPSILON_HAT,
        128,
        5,
        42L,
        DEFAULT_THREADS);
  }

  public TrainingConfig {
    if (!(learningRate > 0) || !Double.isFinite(learningRate)) {
      throw new IllegalArgumentException(
          "learning rate must be a positive number, got " + learningRate);
    }
    if (batchSize <= 0) {
      throw new IllegalArgumentException("batch size must be positive, got " + batchSize);
    }
    if (epochs <= 0) {
      throw new IllegalArgumentException("epochs must be positive, got " + epochs);
    }
    if (threads <= 0) {
      throw new IllegalArgumentException("threads must be positive, got " + threads);
    }
  }

  public TrainingConfig withOptimizer(OptimizerKind o, double lr) {
    return new TrainingConfig(
        o, lr, beta1, beta2, epsilon, adamForm, batchSize, epochs, seed, threads);
  }

  public TrainingConfig withBatchSize(int b) {
    return new TrainingConfig(
        optimizer, learningRate, beta1, beta2, epsilon, adamForm, b, epochs, seed, threads);
  }

  public TrainingConfig withEpochs(int e) {
    return new TrainingConfig(
        optimizer, learningRate, beta1, beta2, epsilon, adamForm, batchSize, e, seed, threads);
  }

  public TrainingConfig withSeed(long s) {
    return new TrainingConfig(
        optimizer, learningRate, beta1, beta2, epsilon, adamForm, batchSize, epochs, s, threads);
  }

  public TrainingConfig withThreads(int t) {
    return new TrainingConfig(
        optimizer, learningRate, beta1, beta2, epsilon, adamForm, batchSize, epochs, seed, t);
  }

  public TrainingConfig withAdamForm(AdamForm f) {
    return new TrainingConfig(
        optimizer, learningRate, beta1, beta2, epsilon, f, batchSize, epochs, seed, threads);
  }
}
