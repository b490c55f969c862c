package io.mlpbench.tf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.mlpbench.core.Activation;
import io.mlpbench.core.ModelSpec;
import io.mlpbench.core.Parameters;
import io.mlpbench.core.TrainingConfig;
import io.mlpbench.core.WeightInit;
import io.mlpbench.dataset.Batch;
import io.mlpbench.dataset.Batcher;
import io.mlpbench.dataset.Datasets;
import io.mlpbench.manual.ScalarNetwork;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** tf-tape's explicit gradients against manual's double-precision textbook backprop. */
class TapeGradientsTest {
  /**
   * Absolute 2e-6: TF sums in float32 (784-term dot products, 64-row batch sums), so each gradient
   * carries about sqrt(n) x 2^-24 relative error on values of at most ~0.1, i.e. ~1e-7; a missing
   * activation derivative, a sum instead of a mean or a transposed weight is off by 1e-3 or more on
   * these gradients.
   */
  static final double GRADIENT_TOLERANCE = 2e-6;

  private static final long SEED = 7;

  @ParameterizedTest
  @EnumSource(Activation.class)
  void gradientsMatchManualBackpropOnAFixedBatch(Activation activation) {
    ModelSpec spec =
        new ModelSpec(new int[] {784, 64, 32, 10}, activation, WeightInit.GLOROT_UNIFORM);
    Parameters initial = Parameters.initial(spec, SEED);
    Batch batch = new Batcher(Datasets.load("mnist").train(), 64, SEED).batch(1, 0);

    ScalarNetwork reference = new ScalarNetwork(initial.copy());
    reference.forward(batch.features(), batch.rows());
    ScalarNetwork.Gradients expected = reference.backward(batch.labels());

    TrainingConfig config = TrainingConfig.defaults().withThreads(2);
    try (TapeTrainer trainer = TapeTrainer.create(spec, config, initial.copy())) {
      float[][] actual = trainer.gradients(batch);
      assertThat(actual).hasNumberOfRows(2 * spec.layerCount());
      for (int l = 0; l < spec.layerCount(); l++) {
        assertClose(actual[2 * l], expected.weights()[l], "dW" + l + " (" + activation.id() + ")");
        assertClose(
            actual[2 * l + 1], expected.biases()[l], "db" + l + " (" + activation.id() + ")");
      }
      assertThat(trainer.exportParameters().exactlyEquals(initial))
          .as("fetching gradients leaves the parameters untouched")
          .isTrue();
    }
  }

  private static void assertClose(float[] actual, double[] expected, String name) {
    assertThat(actual).as(name).hasSize(expected.length);
    for (int i = 0; i < expected.length; i++) {
      assertThat((double) actual[i])
          .as("%s[%d]", name, i)
          .isCloseTo(expected[i], within(GRADIENT_TOLERANCE));
    }
  }
}
