package io.mlpbench.djl;

import io.mlpbench.core.ModelSpec;
import io.mlpbench.core.Parameters;
import io.mlpbench.core.Routes;
import io.mlpbench.core.Trainer;
import io.mlpbench.core.TrainingConfig;
import io.mlpbench.dataset.Batch;
import io.mlpbench.dataset.Batcher;
import io.mlpbench.dataset.Datasets;
import io.mlpbench.dataset.LabeledImages;

/**
 * Times {@code predictClasses} and {@code trainStep} of several routes in one JVM, the canonical
 * MLP at batch 128, cycling 8 MNIST batches, twice per route (the first pass includes JIT and
 * engine warm-up). Prints {@code <route> rep<r> predict <samples/s> train <samples/s>
 * predict-after-train <samples/s>}. Used to compare djl-fit with djl-loop under the same load.
 *
 * <p>Arguments: comma-separated route ids, calls per measurement, threads.
 */
public final class StepProbe {
  private static final int BATCH = 128;

  public static void main(String[] args) {
    String[] routes = args[0].split(",");
    int calls = Integer.parseInt(args[1]);
    int threads = Integer.parseInt(args[2]);
    LabeledImages data = Datasets.load("mnist").train().limit(8 * BATCH);
    ModelSpec spec = ModelSpec.canonical();
    TrainingConfig config = TrainingConfig.defaults().withThreads(threads);
    Batcher batcher = new Batcher(data, BATCH, config.seed());
    Batch[] batches = new Batch[8];
    for (int i = 0; i < batches.length; i++) {
      batches[i] = batcher.batch(1, i);
    }
    for (int rep = 0; rep < 2; rep++) {
      for (String route : routes) {
        try (Trainer trainer =
            Routes.byId(route).create(spec, config, Parameters.initial(spec, config.seed()))) {
          double predict = predictRate(trainer, batches, calls);
          long start = System.nanoTime();
          for (int i = 0; i < calls; i++) {
            trainer.trainStep(batches[i % batches.length]);
          }
          double train = calls * BATCH / ((System.nanoTime() - start) / 1e9);
          double predictAfter = predictRate(trainer, batches, calls);
          System.out.printf(
              "%s rep%d predict %.0f/s train %.0f/s predict-after-train %.0f/s%n",
              route, rep, predict, train, predictAfter);
        }
      }
    }
  }

  private static double predictRate(Trainer trainer, Batch[] batches, int calls) {
    long start = System.nanoTime();
    for (int i = 0; i < calls; i++) {
      trainer.predictClasses(batches[i % batches.length].features(), BATCH);
    }
    return calls * BATCH / ((System.nanoTime() - start) / 1e9);
  }
}
