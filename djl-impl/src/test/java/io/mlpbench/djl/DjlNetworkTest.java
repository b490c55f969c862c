package io.mlpbench.djl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.nn.SequentialBlock;
import io.mlpbench.core.Activation;
import io.mlpbench.core.ModelSpec;
import io.mlpbench.core.Parameters;
import io.mlpbench.core.Routes;
import io.mlpbench.core.Trainer;
import io.mlpbench.core.TrainingConfig;
import io.mlpbench.core.WeightInit;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

class DjlNetworkTest {
  /**
   * float32 sums of up to 784 products of values below 1 differ from the double reference by about
   * sqrt(784) x 2^-24 x |terms| (~1e-5); a transposed or misplaced weight is off by O(0.1).
   */
  private static final double LOGIT_TOLERANCE = 1e-4;

  private static final ModelSpec SMALL =
      new ModelSpec(new int[] {784, 32, 16, 10}, Activation.RELU, WeightInit.GLOROT_UNIFORM);

  static TrainingConfig config() {
    return TrainingConfig.defaults().withBatchSize(32).withThreads(2).withSeed(3);
  }

  static float[] randomPixels(int rows, long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    float[] x = new float[rows * 784];
    for (int i = 0; i < x.length; i++) {
      x[i] = (float) random.nextDouble();
    }
    return x;
  }

  @ParameterizedTest
  @ValueSource(strings = {"djl-fit", "djl-loop"})
  void exportsTheLoadedParametersBitForBit(String route) {
    Parameters initial = Parameters.initial(SMALL, 11);
    try (Trainer trainer = Routes.byId(route).create(SMALL, config(), initial.copy())) {
      Parameters exported = trainer.exportParameters();
      assertThat(exported.exactlyEquals(initial))
          .as("max difference %s", exported.maxAbsDifference(initial))
          .isTrue();
    }
  }

  @ParameterizedTest
  @EnumSource(Activation.class)
  void logitsEqualAPlainForwardPass(Activation activation) {
    ModelSpec spec =
        new ModelSpec(new int[] {784, 32, 16, 10}, activation, WeightInit.GLOROT_UNIFORM);
    Parameters initial = Parameters.initial(spec, 5);
    int rows = 70; // more than the batch size of 32, so prediction runs in chunks, the last smaller
    float[] x = randomPixels(rows, 9);
    double[] expected = PlainMlp.logits(initial, x, rows);
    try (Trainer trainer = Routes.byId("djl-loop").create(spec, config(), initial)) {
      float[] actual = trainer.predictLogits(x, rows);
      assertThat(actual).hasSize(expected.length);
      for (int i = 0; i < expected.length; i++) {
        assertThat((double) actual[i])
            .as("logit %d", i)
            .isCloseTo(expected[i], within(LOGIT_TOLERANCE));
      }
    }
  }

  @Test
  void linearWeightsAreStoredOutByInUnderSequentialNames() {
    PyTorchRuntime.start(2);
    Parameters initial = Parameters.initial(SMALL, 1);
    try (DjlNetwork network = DjlNetwork.create(SMALL, config(), initial)) {
      SequentialBlock block = (SequentialBlock) network.trainer().getModel().getBlock();
      Parameter first = block.getParameters().get("01Linear_weight");
      assertThat(first.getArray().getShape()).isEqualTo(new Shape(32, 784));
      // element (out j, in i) of DJL's weight is element (i, j) of ours
      float[] djl = first.getArray().toFloatArray();
      assertThat(djl[5 * 784 + 7]).isEqualTo(initial.weights(0)[7 * 32 + 5]);
      assertThat(block.getParameters().get("03Linear_weight").getArray().getShape())
          .isEqualTo(new Shape(16, 32));
    }
  }
}
