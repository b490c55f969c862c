package io.mlpbench.djl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.mlpbench.core.Activation;
import io.mlpbench.core.AdamForm;
import io.mlpbench.core.ModelSpec;
import io.mlpbench.core.OptimizerKind;
import io.mlpbench.core.Parameters;
import io.mlpbench.core.Routes;
import io.mlpbench.core.Trainer;
import io.mlpbench.core.TrainingConfig;
import io.mlpbench.core.WeightInit;
import io.mlpbench.dataset.Batch;
import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * One optimizer step of softmax regression (784-10, no hidden layer), whose mean-loss gradient is
 * written out by hand: dZ = (softmax(Z) - Y) / n, dW = A^T dZ, db = column sums of dZ. Checks the
 * mean reduction, the absence of rescaling/clipping/decay, and the form of Adam's epsilon.
 */
class OptimizerStepTest {
  private static final ModelSpec REGRESSION =
      new ModelSpec(new int[] {784, 10}, Activation.RELU, WeightInit.GLOROT_UNIFORM);
  private static final int ROWS = 24;

  /**
   * float32 logits carry ~1e-6 relative error and the update multiplies gradients of ~1e-2 by the
   * learning rate, so parameters agree to ~1e-7; a sum instead of a mean changes them by ~1e-2.
   */
  private static final double PARAMETER_TOLERANCE = 1e-6;

  private static Batch batch() {
    SplittableRandom random = new SplittableRandom(21);
    float[] x = DjlNetworkTest.randomPixels(ROWS, 4);
    int[] labels = new int[ROWS];
    for (int i = 0; i < ROWS; i++) {
      labels[i] = random.nextInt(10);
    }
    return new Batch(x, labels, ROWS, 784, 10);
  }

  /** dL/dZ for the mean loss, (rows x 10). */
  private static double[] dZ(Parameters p, Batch b) {
    double[] prob = PlainMlp.softmax(PlainMlp.logits(p, b.features(), ROWS), ROWS, 10);
    for (int r = 0; r < ROWS; r++) {
      prob[r * 10 + b.labels()[r]] -= 1;
    }
    for (int i = 0; i < prob.length; i++) {
      prob[i] /= ROWS;
    }
    return prob;
  }

  private static double dW(double[] dz, Batch b, int i, int j) {
    double s = 0;
    for (int r = 0; r < ROWS; r++) {
      s += b.features()[r * 784 + i] * dz[r * 10 + j];
    }
    return s;
  }

  private static double db(double[] dz, int j) {
    double s = 0;
    for (int r = 0; r < ROWS; r++) {
      s += dz[r * 10 + j];
    }
    return s;
  }

  private static TrainingConfig config(OptimizerKind kind, double lr, double epsilon) {
    return new TrainingConfig(kind, lr, 0.9, 0.999, epsilon, AdamForm.EPSILON_HAT, ROWS, 1, 1L, 2);
  }

  @ParameterizedTest
  @ValueSource(strings = {"djl-fit", "djl-loop"})
  void sgdStepFollowsTheMeanLossGradient(String route) {
    Parameters initial = Parameters.initial(REGRESSION, 13);
    Batch b = batch();
    double lr = 0.5;
    double[] dz = dZ(initial, b);
    double expectedLoss =
        PlainMlp.meanCrossEntropy(
            PlainMlp.logits(initial, b.features(), ROWS), b.labels(), ROWS, 10);
    try (Trainer trainer =
        Routes.byId(route)
            .create(REGRESSION, config(OptimizerKind.SGD, lr, 1e-7), initial.copy())) {
      float loss = trainer.trainStep(b);
      // the loss is the pre-update one: float32 CE of ~2.5 agrees to ~1e-6
      assertThat((double) loss).isCloseTo(expectedLoss, within(1e-5));
      Parameters after = trainer.exportParameters();
      for (int i = 0; i < 784; i += 37) {
        for (int j = 0; j < 10; j++) {
          double expected = initial.weights(0)[i * 10 + j] - lr * dW(dz, b, i, j);
          assertThat((double) after.weights(0)[i * 10 + j])
              .as("w[%d][%d]", i, j)
              .isCloseTo(expected, within(PARAMETER_TOLERANCE));
        }
      }
      for (int j = 0; j < 10; j++) {
        assertThat((double) after.biases(0)[j])
            .as("b[%d]", j)
            .isCloseTo(-lr * db(dz, j), within(PARAMETER_TOLERANCE));
      }
    }
  }

  /**
   * With a large epsilon the two Adam forms separate: after step 1, m = (1-b1) g, v = (1-b2) g^2,
   * and the epsilon-hat form moves by lr g / (|g| + eps / sqrt(1-b2)) while torch.optim.Adam's
   * moves by lr g / (|g| + eps), about 30x more for small |g|.
   */
  @ParameterizedTest
  @ValueSource(strings = {"djl-fit", "djl-loop"})
  void adamStepUsesTheEpsilonHatForm(String route) {
    Parameters initial = Parameters.initial(REGRESSION, 13);
    Batch b = batch();
    double lr = 0.01;
    double eps = 1e-2;
    double[] dz = dZ(initial, b);
    try (Trainer trainer =
        Routes.byId(route)
            .create(REGRESSION, config(OptimizerKind.ADAM, lr, eps), initial.copy())) {
      trainer.trainStep(b);
      Parameters after = trainer.exportParameters();
      double hatScale = eps / Math.sqrt(1 - 0.999);
      for (int j = 0; j < 10; j++) {
        double g = db(dz, j);
        double expected = -lr * g / (Math.abs(g) + hatScale);
        // float32 moment arithmetic: relative error ~1e-6 of a step of at most lr
        assertThat((double) after.biases(0)[j]).as("b[%d]", j).isCloseTo(expected, within(1e-7));
      }
      for (int i = 300; i < 784; i += 61) {
        for (int j = 0; j < 10; j++) {
          double g = dW(dz, b, i, j);
          double expected = initial.weights(0)[i * 10 + j] - lr * g / (Math.abs(g) + hatScale);
          assertThat((double) after.weights(0)[i * 10 + j])
              .as("w[%d][%d]", i, j)
              .isCloseTo(expected, within(1e-6));
        }
      }
    }
  }
}
