package io.mlpbench.manual;

import io.mlpbench.core.ModelSpec;
import io.mlpbench.core.Parameters;
import io.mlpbench.core.TrainingConfig;
import io.mlpbench.dataset.Batcher;
import io.mlpbench.dataset.Datasets;
import io.mlpbench.dataset.LabeledImages;
import io.mlpbench.dataset.TrainTestSplit;

/**
 * The canonical run by hand (784-512-512-10 relu, Adam 1e-3, batch 128, 5 epochs, full MNIST):
 * prints per-epoch loss, test accuracy and training samples/s. Not a unit test (tens of seconds);
 * the accuracy runner owns the official number. Args: [threads] [epochs].
 */
public final class CanonicalAccuracyRun {
  public static void main(String[] args) {
    int threads = args.length > 0 ? Integer.parseInt(args[0]) : 2;
    int epochs = args.length > 1 ? Integer.parseInt(args[1]) : 5;
    TrainTestSplit mnist = Datasets.load("mnist");
    TrainingConfig config = TrainingConfig.defaults().withThreads(threads).withEpochs(epochs);
    LabeledImages train = mnist.train();
    LabeledImages test = mnist.test();
    try (FastTrainer trainer =
        new FastTrainer(config, Parameters.initial(ModelSpec.canonical(), config.seed()))) {
      long start = System.nanoTime();
      trainer.fit(
          new Batcher(train, config.batchSize(), config.seed()),
          epochs,
          (epoch, loss) -> System.out.printf("epoch %d: mean loss %.4f%n", epoch, loss));
      double seconds = (System.nanoTime() - start) / 1e9;
      int[] predicted = trainer.predictClasses(test.features(), test.size());
      int correct = 0;
      for (int i = 0; i < predicted.length; i++) {
        correct += predicted[i] == test.label(i) ? 1 : 0;
      }
      System.out.printf(
          "threads %d: test accuracy %.4f, %.1f s training, %.0f samples/s (incl. batching)%n",
          threads,
          correct / (double) test.size(),
          seconds,
          (double) epochs * train.size() / seconds);
    }
  }
}
