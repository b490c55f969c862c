package io.mlpbench.tf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.mlpbench.core.Activation;
import io.mlpbench.core.ModelSpec;
import io.mlpbench.core.Parameters;
import io.mlpbench.core.Routes;
import io.mlpbench.core.Trainer;
import io.mlpbench.core.TrainingConfig;
import io.mlpbench.core.WeightInit;
import io.mlpbench.dataset.Batch;
import io.mlpbench.dataset.Batcher;
import io.mlpbench.dataset.Datasets;
import io.mlpbench.manual.ScalarNetwork;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The first Adam step of both routes against the Adam equations evaluated on manual's gradients.
 * This is the check that exposed the beta-power race of TF Java's stock Adam (see {@link
 * OrderedAdam}), which moved weights by 0.25-0.75 x lr where the equations say ~1 x lr.
 */
class FirstAdamStepTest {
  /**
   * Compared only where |g| > 1e-4: there the step lr * g / (|g| + eps / sqrt(1 - beta2)) changes
   * by at most 0.3 per unit of g, so float32-vs-double gradient differences (~1e-7) move it by
   * ~3e-8; 1e-6 is far below the 2.5e-4 error of a step taken with beta^(t+1).
   */
  static final double STEP_TOLERANCE = 1e-6;

  static final double MIN_GRADIENT = 1e-4;
  private static final long SEED = 7;

  @ParameterizedTest
  @ValueSource(strings = {"tf-tape", "tf-minimize"})
  void firstAdamStepFollowsTheEquations(String routeId) {
    ModelSpec spec =
        new ModelSpec(new int[] {784, 64, 32, 10}, Activation.RELU, WeightInit.GLOROT_UNIFORM);
    Parameters initial = Parameters.initial(spec, SEED);
    Batch batch = new Batcher(Datasets.load("mnist").train(), 64, SEED).batch(1, 0);
    TrainingConfig config = TrainingConfig.defaults().withThreads(2);

    ScalarNetwork reference = new ScalarNetwork(initial.copy());
    reference.forward(batch.features(), batch.rows());
    ScalarNetwork.Gradients g = reference.backward(batch.labels());

    Parameters after;
    try (Trainer trainer = Routes.byId(routeId).create(spec, config, initial.copy())) {
      trainer.trainStep(batch);
      after = trainer.exportParameters();
    }
    int compared = 0;
    for (int l = 0; l < spec.layerCount(); l++) {
      compared += compare(initial.weights(l), after.weights(l), g.weights()[l], config, "W" + l);
      compared += compare(initial.biases(l), after.biases(l), g.biases()[l], config, "b" + l);
    }
    assertThat(compared)
        .as("parameters with a gradient large enough to compare")
        .isGreaterThan(1000);
  }

  private static int compare(
      float[] before, float[] after, double[] gradient, TrainingConfig c, String name) {
    int compared = 0;
    for (int i = 0; i < before.length; i++) {
      if (Math.abs(gradient[i]) <= MIN_GRADIENT) {
        continue;
      }
      // t = 1: m = (1 - b1) g, v = (1 - b2) g^2, lr_1 = lr sqrt(1 - b2) / (1 - b1).
      double m = (1 - c.beta1()) * gradient[i];
      double v = (1 - c.beta2()) * gradient[i] * gradient[i];
      double lr1 = c.learningRate() * Math.sqrt(1 - c.beta2()) / (1 - c.beta1());
      double expected = before[i] - lr1 * m / (Math.sqrt(v) + c.epsilon());
      assertThat((double) after[i])
          .as("%s[%d]", name, i)
          .isCloseTo(expected, within(STEP_TOLERANCE));
      compared++;
    }
    return compared;
  }
}
