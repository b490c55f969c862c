package io.mlpbench.dl4j;

import io.mlpbench.core.ModelSpec;
import io.mlpbench.core.Parameters;
import io.mlpbench.core.Routes;
import io.mlpbench.core.Trainer;
import io.mlpbench.core.TrainingConfig;
import io.mlpbench.dataset.Batcher;
import io.mlpbench.dataset.Datasets;
import io.mlpbench.dataset.LabeledImages;
import io.mlpbench.dataset.TrainTestSplit;

/**
 * The canonical run through one DL4J route (784-512-512-10 relu, Adam 1e-3, batch 128, seed 42,
 * full MNIST): per-epoch loss, test accuracy, training samples/s. Not a unit test (about a minute);
 * the accuracy runner owns the official number. Args: route [threads] [epochs]; run with the
 * route's environment (OMP_NUM_THREADS, OMP_WAIT_POLICY=PASSIVE).
 */
public final class Dl4jCanonicalRun {
  public static void main(String[] args) {
    String route = args.length > 0 ? args[0] : Dl4jRoute.FIT_ID;
    int threads = args.length > 1 ? Integer.parseInt(args[1]) : 2;
    int epochs = args.length > 2 ? Integer.parseInt(args[2]) : 5;
    TrainTestSplit mnist = Datasets.load("mnist");
    TrainingConfig config = TrainingConfig.defaults().withThreads(threads).withEpochs(epochs);
    ModelSpec spec = ModelSpec.canonical();
    LabeledImages train = mnist.train();
    LabeledImages test = mnist.test();
    try (Trainer trainer =
        Routes.byId(route).create(spec, config, Parameters.initial(spec, config.seed()))) {
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
          "%s, threads %d: test accuracy %.4f, %.1f s training, %.0f samples/s (incl. batching)%n",
          route,
          threads,
          correct / (double) test.size(),
          seconds,
          (double) epochs * train.size() / seconds);
    }
  }
}
