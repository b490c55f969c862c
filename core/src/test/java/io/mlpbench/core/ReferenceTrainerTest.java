package io.mlpbench.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.mlpbench.dataset.Batch;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The conformance reference against hand-computed values and its own finite differences. */
class ReferenceTrainerTest {

  private static final TrainingConfig SGD =
      TrainingConfig.defaults().withOptimizer(OptimizerKind.SGD, 0.1);

  @Test
  void reproducesTheWorkedExampleForward() {
    ReferenceTrainer net =
        new ReferenceTrainer(WorkedExample.spec(), SGD, WorkedExample.parameters());
    Batch batch = WorkedExample.batch();
    ReferenceTrainer.Pass pass = net.forward(batch.features(), 1);
    assertRounded("h1", pass.activations()[1], WorkedExample.H1);
    assertRounded("a2", pass.preActivations()[1], WorkedExample.A2);
    assertRounded("h2", pass.activations()[2], WorkedExample.H2);
    assertRounded("a3", pass.logits(), WorkedExample.A3);
    assertRounded("y_hat", pass.probabilities(), WorkedExample.Y_HAT);
    assertThat(net.loss(pass, batch.labels()))
        .as("loss")
        .isCloseTo(WorkedExample.LOSS, within(WorkedExample.FOUR_DECIMALS));
  }

  @Test
  void reproducesTheWorkedExampleBackwardNotThePrintedSlips() {
    ReferenceTrainer net =
        new ReferenceTrainer(WorkedExample.spec(), SGD, WorkedExample.parameters());
    Batch batch = WorkedExample.batch();
    ReferenceTrainer.Gradients g = net.backward(net.forward(batch.features(), 1), batch.labels());
    assertRounded("dL/da3", g.preActivations()[2], WorkedExample.DL_DA3);
    assertRounded("dL/dh2", g.inputs()[2], WorkedExample.DL_DH2);
    assertRounded("dL/da2", g.preActivations()[1], WorkedExample.DL_DA2);
    assertRounded("dL/dW3", g.weights()[2], WorkedExample.flatten(WorkedExample.DL_DW3));
    assertRounded("dL/dW2", g.weights()[1], WorkedExample.flatten(WorkedExample.DL_DW2));
    // the notes' printed dL/dh2 is off by more than 0.05 in every entry
    for (int i = 0; i < 3; i++) {
      assertThat(Math.abs(g.inputs()[2][i] - WorkedExample.PRINTED_DL_DH2[i]))
          .as("printed dL/dh2[%d] differs", i)
          .isGreaterThan(0.05);
    }
  }

  @Test
  void workedExampleGradientsMatchFiniteDifferences() {
    assertMatchesFiniteDifferences(
        new ReferenceTrainer(WorkedExample.spec(), SGD, WorkedExample.parameters()),
        WorkedExample.batch());
  }

  @Test
  void gradientsOfARandomNetMatchFiniteDifferencesForEveryActivation() {
    for (Activation g : Activation.values()) {
      ModelSpec spec = new ModelSpec(new int[] {6, 5, 4, 3}, g, WeightInit.GLOROT_UNIFORM);
      Parameters p = Parameters.initial(spec, 11);
      SplittableRandom random = new SplittableRandom(12);
      for (int l = 0; l < spec.layerCount(); l++) {
        for (int j = 0; j < p.biases(l).length; j++) {
          p.biases(l)[j] = (float) (random.nextDouble() - 0.5); // so db is really checked
        }
      }
      int rows = 4;
      float[] x = new float[rows * 6];
      for (int k = 0; k < x.length; k++) {
        x[k] = (float) (random.nextDouble() * 2 - 1);
      }
      Batch batch = new Batch(x, new int[] {0, 2, 1, 2}, rows, 6, 3);
      assertMatchesFiniteDifferences(new ReferenceTrainer(spec, SGD, p), batch);
    }
  }

  /**
   * Central differences with h = 1e-5 in double: truncation ~h^2 |f'''| ~ 1e-10 and rounding ~
   * 1e-16 / h ~ 1e-11, so 1e-7 absolute is a wide bound; relu's kink is at 0 and no pre-activation
   * of these nets lies within h of it (the first layer's inputs and weights are O(0.1..1)).
   */
  private static void assertMatchesFiniteDifferences(ReferenceTrainer net, Batch batch) {
    double h = 1e-5;
    ReferenceTrainer.Gradients analytic =
        net.backward(net.forward(batch.features(), batch.rows()), batch.labels());
    for (int l = 0; l < net.exportParameters().layerCount(); l++) {
      checkArray(net, batch, net.weights(l), analytic.weights()[l], "W" + l, h);
      checkArray(net, batch, net.biases(l), analytic.biases()[l], "b" + l, h);
    }
  }

  private static void checkArray(
      ReferenceTrainer net, Batch batch, double[] theta, double[] gradient, String name, double h) {
    for (int k = 0; k < theta.length; k++) {
      double saved = theta[k];
      theta[k] = saved + h;
      double up = net.loss(net.forward(batch.features(), batch.rows()), batch.labels());
      theta[k] = saved - h;
      double down = net.loss(net.forward(batch.features(), batch.rows()), batch.labels());
      theta[k] = saved;
      assertThat(gradient[k])
          .as("dL/d%s[%d] against the central difference", name, k)
          .isCloseTo((up - down) / (2 * h), within(1e-7));
    }
  }

  private static void assertRounded(String what, double[] actual, double[] expected) {
    assertThat(actual).as(what).hasSize(expected.length);
    for (int i = 0; i < expected.length; i++) {
      assertThat(actual[i])
          .as("%s[%d]", what, i)
          .isCloseTo(expected[i], within(WorkedExample.FOUR_DECIMALS));
    }
  }
}
