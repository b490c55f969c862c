package io.mlpbench.manual;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.mlpbench.core.Activation;
import io.mlpbench.core.OptimizerKind;
import io.mlpbench.core.ReferenceTrainer;
import io.mlpbench.core.TrainingConfig;
import io.mlpbench.core.WorkedExample;
import io.mlpbench.dataset.Batch;
import org.junit.jupiter.api.Test;

/**
 * The readable path of this module and core's conformance reference are written separately (so a
 * bug in one cannot hide in the other) but are the same mathematics: they agree to double rounding,
 * and both reproduce the worked example of the derivation notes.
 */
class ScalarNetworkMatchesTheReferenceTest {

  /** Both sum the same terms in double, in orders that differ at most by accumulation order. */
  private static final double DOUBLE_ROUNDING = 1e-12;

  @Test
  void workedExampleGradientsAreTheCorrectedValues() {
    ScalarNetwork net = new ScalarNetwork(WorkedExample.parameters());
    Batch batch = WorkedExample.batch();
    net.forward(batch.features(), 1);
    assertThat(net.loss(batch.labels()))
        .isCloseTo(WorkedExample.LOSS, within(WorkedExample.FOUR_DECIMALS));
    ScalarNetwork.Gradients g = net.backward(batch.labels());
    double[] dW3 = WorkedExample.flatten(WorkedExample.DL_DW3);
    double[] dW2 = WorkedExample.flatten(WorkedExample.DL_DW2);
    for (int k = 0; k < dW3.length; k++) {
      assertThat(g.weights()[2][k])
          .as("dL/dW3[%d]", k)
          .isCloseTo(dW3[k], within(WorkedExample.FOUR_DECIMALS));
    }
    for (int k = 0; k < dW2.length; k++) {
      assertThat(g.weights()[1][k])
          .as("dL/dW2[%d]", k)
          .isCloseTo(dW2[k], within(WorkedExample.FOUR_DECIMALS));
    }
  }

  @Test
  void gradientsAndLossAgreeWithTheReferenceForEveryActivation() {
    TrainingConfig sgd = TrainingConfig.defaults().withOptimizer(OptimizerKind.SGD, 0.1);
    for (Activation activation : Activation.values()) {
      RandomProblem p = RandomProblem.of(new int[] {37, 13, 17, 10}, activation, 9, 21);
      Batch batch = p.batch();
      ScalarNetwork scalar = new ScalarNetwork(p.parameters());
      scalar.forward(batch.features(), batch.rows());
      double scalarLoss = scalar.loss(batch.labels());
      ScalarNetwork.Gradients expected = scalar.backward(batch.labels());

      ReferenceTrainer reference = new ReferenceTrainer(p.spec(), sgd, p.parameters());
      ReferenceTrainer.Pass pass = reference.forward(batch.features(), batch.rows());
      ReferenceTrainer.Gradients actual = reference.backward(pass, batch.labels());
      assertThat(reference.loss(pass, batch.labels()))
          .as("loss (%s)", activation)
          .isCloseTo(scalarLoss, within(DOUBLE_ROUNDING));
      for (int l = 0; l < p.spec().layerCount(); l++) {
        assertClose(activation + " dW" + l, actual.weights()[l], expected.weights()[l]);
        assertClose(activation + " db" + l, actual.biases()[l], expected.biases()[l]);
      }
    }
  }

  private static void assertClose(String what, double[] actual, double[] expected) {
    assertThat(actual).as(what).hasSize(expected.length);
    for (int k = 0; k < expected.length; k++) {
      assertThat(actual[k]).as("%s[%d]", what, k).isCloseTo(expected[k], within(DOUBLE_ROUNDING));
    }
  }
}
