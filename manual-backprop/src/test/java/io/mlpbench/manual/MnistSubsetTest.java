package io.mlpbench.manual;

import static org.assertj.core.api.Assertions.assertThat;

import io.mlpbench.core.ModelSpec;
import io.mlpbench.core.Parameters;
import io.mlpbench.core.TrainingConfig;
import io.mlpbench.dataset.Batcher;
import io.mlpbench.dataset.Datasets;
import io.mlpbench.dataset.LabeledImages;
import io.mlpbench.dataset.TrainTestSplit;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The canonical MLP learns MNIST: a short run on a subset (the full 5-epoch run is the runner's).
 */
class MnistSubsetTest {

  /**
   * 5,000 training samples, 2 epochs of Adam 1e-3 at batch 128 (80 steps): this route scored 0.9143
   * on the full 10,000-image test set with seed 42 (the result does not depend on the thread
   * count). 0.90 leaves 1.4 points for other seeds or a different summation order, and still fails
   * broken training: an untrained net scores ~0.1, and a wrong sign, scale or missing update leaves
   * it far below 0.9 after 80 steps.
   */
  private static final double THRESHOLD = 0.90;

  @Test
  void twoEpochsOnFiveThousandSamplesReachTheThreshold() {
    TrainTestSplit mnist = Datasets.load("mnist");
    LabeledImages train = mnist.train().limit(5000);
    LabeledImages test = mnist.test();
    TrainingConfig config = TrainingConfig.defaults().withThreads(2);
    List<Double> losses = new ArrayList<>();
    try (FastTrainer trainer =
        new FastTrainer(config, Parameters.initial(ModelSpec.canonical(), config.seed()))) {
      trainer.fit(
          new Batcher(train, config.batchSize(), config.seed()), 2, (e, loss) -> losses.add(loss));
      int[] predicted = trainer.predictClasses(test.features(), test.size());
      int correct = 0;
      for (int i = 0; i < predicted.length; i++) {
        correct += predicted[i] == test.label(i) ? 1 : 0;
      }
      double accuracy = correct / (double) test.size();
      System.out.printf("MNIST subset: epoch losses %s, test accuracy %.4f%n", losses, accuracy);
      assertThat(losses.get(1)).as("loss falls from epoch 1 to 2").isLessThan(losses.get(0));
      assertThat(accuracy).as("test accuracy").isGreaterThanOrEqualTo(THRESHOLD);
    }
  }
}
