package io.mlpbench.manual;

import static org.assertj.core.api.Assertions.assertThat;

import io.mlpbench.core.Activation;
import io.mlpbench.core.AdamForm;
import io.mlpbench.core.OptimizerKind;
import io.mlpbench.core.Parameters;
import io.mlpbench.core.TrainingConfig;
import io.mlpbench.dataset.Batch;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The float vector path ({@link FastTrainer}) against the double scalar path ({@link
 * ScalarTrainer}) on shapes that are not multiples of the vector width (16 lanes with AVX-512, 8
 * with AVX2) or of the 12-row register tile, so every edge tile of {@link Gemm} runs.
 */
class FastPathTest {

  /**
   * Float32 results vs a double reference, relative to the largest magnitude in the array: each
   * value is a float sum of at most 130 products, whose rounding is bounded by about k x 2^-24 ~
   * 8e-6 of the sum of |terms|, and those sums are at most a few times the array's largest entry
   * here. A wrong index, tail or epilogue is off by O(1) of that scale.
   */
  private static final double FLOAT_TOLERANCE = 2e-5;

  static Stream<Arguments> shapes() {
    return Stream.of(
        Arguments.of(new int[] {37, 13, 130, 10}, 13, Activation.RELU),
        Arguments.of(new int[] {37, 13, 130, 10}, 13, Activation.TANH),
        Arguments.of(new int[] {37, 13, 130, 10}, 13, Activation.SIGMOID),
        Arguments.of(new int[] {130, 37, 17, 3}, 37, Activation.RELU),
        Arguments.of(new int[] {64, 32, 16}, 130, Activation.TANH),
        Arguments.of(new int[] {5, 1, 33, 2}, 1, Activation.SIGMOID),
        Arguments.of(new int[] {100, 48, 31, 10}, 6, Activation.RELU));
  }

  private static TrainingConfig config(OptimizerKind optimizer, double lr, int threads) {
    return TrainingConfig.defaults()
        .withOptimizer(optimizer, lr)
        .withThreads(threads)
        .withBatchSize(8);
  }

  @ParameterizedTest
  @MethodSource("shapes")
  void logitsMatchTheScalarPath(int[] sizes, int rows, Activation g) {
    RandomProblem p = RandomProblem.of(sizes, g, rows, 3);
    Batch batch = p.batch();
    float[] expected =
        new ScalarTrainer(config(OptimizerKind.SGD, 0.1, 1), p.parameters())
            .predictLogits(batch.features(), rows);
    try (FastTrainer fast = new FastTrainer(config(OptimizerKind.SGD, 0.1, 2), p.parameters())) {
      assertClose("logits", fast.predictLogits(batch.features(), rows), expected);
    }
  }

  /**
   * Predictions read W packed once (not per call); a training step in between must make them use
   * the new W: bit for bit what a fresh trainer holding the trained parameters predicts.
   */
  @ParameterizedTest
  @MethodSource("shapes")
  void predictionsAfterTrainingUseTheTrainedWeights(int[] sizes, int rows, Activation g) {
    RandomProblem p = RandomProblem.of(sizes, g, rows, 9);
    Batch batch = p.batch();
    TrainingConfig config = config(OptimizerKind.ADAM, 0.01, 2);
    try (FastTrainer fast = new FastTrainer(config, p.parameters())) {
      float[] before = fast.predictLogits(batch.features(), rows);
      fast.trainStep(batch);
      float[] after = fast.predictLogits(batch.features(), rows);
      try (FastTrainer fresh = new FastTrainer(config, fast.exportParameters())) {
        assertThat(after).containsExactly(fresh.predictLogits(batch.features(), rows));
      }
      assertThat(after).as("the step changed the predictions").isNotEqualTo(before);
      assertThat(fast.predictLogits(batch.features(), rows)).containsExactly(after);
    }
  }

  @ParameterizedTest
  @MethodSource("shapes")
  void gradientsAndLossMatchTheScalarPath(int[] sizes, int rows, Activation g) {
    RandomProblem p = RandomProblem.of(sizes, g, rows, 5);
    Batch batch = p.batch();
    ScalarNetwork reference = new ScalarNetwork(p.parameters());
    reference.forward(batch.features(), rows);
    double expectedLoss = reference.loss(batch.labels());
    ScalarNetwork.Gradients expected = reference.backward(batch.labels());
    try (FastTrainer fast = new FastTrainer(config(OptimizerKind.SGD, 0.1, 3), p.parameters())) {
      float loss = fast.trainStep(batch);
      // the loss is accumulated in double from float logits: only their rounding (~1e-6) differs
      assertThat((double) loss)
          .isCloseTo(expectedLoss, org.assertj.core.api.Assertions.within(1e-5));
      for (int l = 0; l < sizes.length - 1; l++) {
        assertClose("dW" + l, fast.weightGradient(l), ScalarNetwork.narrow(expected.weights()[l]));
        assertClose("db" + l, fast.biasGradient(l), ScalarNetwork.narrow(expected.biases()[l]));
      }
    }
  }

  @ParameterizedTest
  @MethodSource("shapes")
  void sgdStepsMatchTheScalarPath(int[] sizes, int rows, Activation g) {
    assertStepsMatch(sizes, rows, g, config(OptimizerKind.SGD, 0.1, 2));
  }

  @ParameterizedTest
  @MethodSource("shapes")
  void adamStepsMatchTheScalarPathInBothForms(int[] sizes, int rows, Activation g) {
    for (AdamForm form : AdamForm.values()) {
      // a large epsilon makes the two forms differ visibly (by ~1e-3 of the update), so a form
      // mix-up fails, while float rounding stays ~1e-6 of the update
      TrainingConfig config = config(OptimizerKind.ADAM, 1e-2, 2).withAdamForm(form);
      config =
          new TrainingConfig(
              config.optimizer(),
              config.learningRate(),
              config.beta1(),
              config.beta2(),
              1e-3,
              form,
              config.batchSize(),
              1,
              1,
              config.threads());
      assertStepsMatch(sizes, rows, g, config);
    }
  }

  /** Three steps on the same batch; the parameter changes must agree. */
  private static void assertStepsMatch(int[] sizes, int rows, Activation g, TrainingConfig config) {
    RandomProblem p = RandomProblem.of(sizes, g, rows, 9);
    ScalarTrainer reference = new ScalarTrainer(config, p.parameters());
    try (FastTrainer fast = new FastTrainer(config, p.parameters())) {
      for (int s = 0; s < 3; s++) {
        reference.trainStep(p.batch());
        fast.trainStep(p.batch());
      }
      Parameters start = p.parameters();
      Parameters expected = reference.exportParameters();
      Parameters actual = fast.exportParameters();
      for (int l = 0; l < sizes.length - 1; l++) {
        assertClose(
            config.optimizer() + " " + config.adamForm() + " change of W" + l,
            delta(actual.weights(l), start.weights(l)),
            delta(expected.weights(l), start.weights(l)),
            roundingOf(start.weights(l)));
        assertClose(
            config.optimizer() + " " + config.adamForm() + " change of b" + l,
            delta(actual.biases(l), start.biases(l)),
            delta(expected.biases(l), start.biases(l)),
            roundingOf(start.biases(l)));
      }
    }
  }

  @Test
  void resultsDoNotDependOnTheThreadCount() {
    RandomProblem p = RandomProblem.of(new int[] {130, 37, 131, 10}, Activation.RELU, 37, 4);
    Parameters[] results = new Parameters[3];
    for (int threads = 1; threads <= 3; threads++) {
      try (FastTrainer fast =
          new FastTrainer(config(OptimizerKind.ADAM, 1e-3, threads), p.parameters())) {
        for (int s = 0; s < 3; s++) {
          fast.trainStep(p.batch());
        }
        results[threads - 1] = fast.exportParameters();
      }
    }
    // each output element is summed in the same order by one thread, whatever the split
    assertThat(results[1].exactlyEquals(results[0])).isTrue();
    assertThat(results[2].exactlyEquals(results[0])).isTrue();
  }

  @Test
  void adamStepCounterStartsAtOne() {
    TrainingConfig config = config(OptimizerKind.ADAM, 1e-3, 1);
    // at t = 1 the step size is lr * sqrt(1 - b2) / (1 - b1)
    assertThat(AdamStep.stepSize(config, 1))
        .isCloseTo(1e-3 * Math.sqrt(0.001) / 0.1, org.assertj.core.api.Assertions.within(1e-15));
    RandomProblem p = RandomProblem.of(new int[] {20, 17, 3}, Activation.RELU, 5, 2);
    try (FastTrainer fast = new FastTrainer(config, p.parameters())) {
      fast.trainStep(p.batch());
      float[] before = p.parameters().weights(0);
      float[] after = fast.exportParameters().weights(0);
      float[] g = fast.weightGradient(0);
      for (int k = 0; k < before.length; k++) {
        // at t = 1: m = (1 - b1) g and v = (1 - b2) g^2, so the step is lr * s / (s + eps) against
        // the sign of g, with s = sqrt(1 - b2) |g|; t = 0 would give 0/0, t = 2 a 26% smaller step
        double s = Math.sqrt(1 - 0.999) * Math.abs(g[k]);
        double expected = 1e-3 * s / (s + 1e-7);
        // float rounding of theta (|theta| < 1, ulp <= 6e-8) bounds the error
        assertThat((double) (before[k] - after[k]) * Math.signum(g[k]))
            .as("first Adam step of W0[%d], gradient %s", k, g[k])
            .isCloseTo(expected, org.assertj.core.api.Assertions.within(1.2e-7));
      }
    }
  }

  @Test
  void rejectsLabelsOutsideTheClassesAndShortFeatures() {
    RandomProblem p = RandomProblem.of(new int[] {20, 17, 3}, Activation.RELU, 5, 2);
    try (FastTrainer fast = new FastTrainer(config(OptimizerKind.SGD, 0.1, 1), p.parameters())) {
      Batch bad = new Batch(p.batch().features(), new int[] {0, 1, 3, 0, 0}, 5, 20, 3);
      org.assertj.core.api.Assertions.assertThatThrownBy(() -> fast.trainStep(bad))
          .hasMessage("label 3 of row 2 is outside [0, 3)");
      org.assertj.core.api.Assertions.assertThatThrownBy(() -> fast.predictLogits(new float[99], 5))
          .hasMessage("features hold 99 floats, expected at least 5 rows x 20 inputs");
    }
  }

  private static float[] delta(float[] after, float[] before) {
    float[] d = new float[after.length];
    for (int k = 0; k < d.length; k++) {
      d[k] = after[k] - before[k];
    }
    return d;
  }

  /**
   * The float path rounds theta once per step (3 steps) and the reference once on export, so a
   * change can be off by about 4 ulps of the largest |theta|, whatever the gradient.
   */
  private static double roundingOf(float[] theta) {
    double max = 0;
    for (float v : theta) {
      max = Math.max(max, Math.abs(v));
    }
    return 4 * Math.ulp((float) max);
  }

  private static void assertClose(String what, float[] actual, float[] expected) {
    assertClose(what, actual, expected, 0);
  }

  private static void assertClose(String what, float[] actual, float[] expected, double slack) {
    assertThat(actual).as(what).hasSize(expected.length);
    double scale = 0;
    for (float e : expected) {
      scale = Math.max(scale, Math.abs(e));
    }
    double worst = 0;
    int worstAt = 0;
    for (int k = 0; k < expected.length; k++) {
      double error = Math.abs((double) actual[k] - expected[k]);
      if (error > worst) {
        worst = error;
        worstAt = k;
      }
    }
    assertThat(worst)
        .as(
            "%s: worst error at %d (%s vs %s), scale %s",
            what, worstAt, actual[worstAt], expected[worstAt], scale)
        .isLessThanOrEqualTo(FLOAT_TOLERANCE * scale + slack);
  }
}
