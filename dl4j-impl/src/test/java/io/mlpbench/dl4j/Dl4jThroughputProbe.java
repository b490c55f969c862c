package io.mlpbench.dl4j;

import io.mlpbench.core.EpochListener;
import io.mlpbench.core.ModelSpec;
import io.mlpbench.core.Parameters;
import io.mlpbench.core.Trainer;
import io.mlpbench.core.TrainingConfig;
import io.mlpbench.dataset.Batch;
import io.mlpbench.dataset.Batcher;
import io.mlpbench.dataset.Datasets;
import io.mlpbench.dataset.LabeledImages;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.api.ops.executioner.OpExecutioner;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.profiler.OpProfiler;

/**
 * A quick, noisy look at speed (not a benchmark, not a test; the JMH module measures properly):
 * training samples/s of both routes on the canonical MLP at batch 128 (three alternating rounds of
 * a third of MNIST each), and the time of each part of one dl4j-loop step. With {@code -Dops=true}
 * it also prints ND4J's per-op profile of 50 steps (needs {@code
 * -Dorg.slf4j.simpleLogger.defaultLogLevel=info}); with {@code -DphasesOnly=true} it stops after
 * the per-part times.
 *
 * <p>Run with the route's environment: {@code OMP_NUM_THREADS=2 OMP_WAIT_POLICY=PASSIVE java -cp
 * <test classpath> io.mlpbench.dl4j.Dl4jThroughputProbe [threads]}.
 */
public final class Dl4jThroughputProbe {
  private static final int BATCH = 128;
  private static final int ROUNDS = 3;

  public static void main(String[] args) {
    int threads = args.length > 0 ? Integer.parseInt(args[0]) : 2;
    System.out.printf(
        "threads %d (OMP_NUM_THREADS=%s, OMP_WAIT_POLICY=%s), nd4j maxThreads %d%n",
        threads,
        System.getenv("OMP_NUM_THREADS"),
        System.getenv("OMP_WAIT_POLICY"),
        Nd4j.getEnvironment().maxThreads());
    LabeledImages train = Datasets.load("mnist").train();
    ModelSpec spec = ModelSpec.canonical();
    TrainingConfig config = TrainingConfig.defaults().withThreads(threads);
    phases(spec, config, train);
    if (Boolean.getBoolean("phasesOnly")) {
      return;
    }
    // both routes alive at once and measured in alternation, so a burst of load from other
    // processes hits both rather than one
    Dl4jRoute[] routes = {Dl4jRoute.loop(), Dl4jRoute.fit()};
    Trainer[] trainers = new Trainer[routes.length];
    LabeledImages third = train.limit(train.size() / 3);
    try {
      for (int r = 0; r < routes.length; r++) {
        trainers[r] = routes[r].create(spec, config, Parameters.initial(spec, config.seed()));
        trainers[r].fit(
            new Batcher(train.limit(BATCH * 20), BATCH, 1), 1, EpochListener.NONE); // warm-up
      }
      for (int round = 1; round <= ROUNDS; round++) {
        for (int r = 0; r < routes.length; r++) {
          long start = System.nanoTime();
          trainers[r].fit(new Batcher(third, BATCH, round), 1, EpochListener.NONE);
          double seconds = (System.nanoTime() - start) / 1e9;
          System.out.printf(
              "round %d %-9s %d samples: %.1f s, %.0f samples/s%n",
              round, routes[r].id(), third.size(), seconds, third.size() / seconds);
        }
      }
    } finally {
      for (Trainer trainer : trainers) {
        if (trainer != null) {
          trainer.close();
        }
      }
    }
  }

  /** Microseconds per part of a step, each timed alone over the same fixed batch. */
  private static void phases(ModelSpec spec, TrainingConfig config, LabeledImages train) {
    Batch batch = new Batcher(train, BATCH, 1).batch(1, 0);
    try (Dl4jNetwork network = Dl4jNetwork.build(spec, config, Parameters.initial(spec, 1))) {
      BatchArrays arrays = new BatchArrays(spec.classCount());
      MultiLayerNetwork model = network.model();
      DataSet data = arrays.dataSet(batch);
      int reps = 200;
      double copy = time(reps, () -> arrays.dataSet(batch));
      double forward = time(reps, () -> model.output(data.getFeatures()));
      double gradient =
          time(
              reps,
              () -> {
                model.setInput(data.getFeatures());
                model.setLabels(data.getLabels());
                model.computeGradientAndScore();
              });
      double step = time(reps, () -> model.fit(data));
      System.out.printf(
          "one step at batch %d (us): batch copy %.0f, forward (output) %.0f, forward+backward+score %.0f,"
              + " fit(DataSet) %.0f, so updater+fit overhead ~%.0f%n",
          BATCH, copy, forward, gradient, step, step - gradient);
      if (Boolean.getBoolean("ops")) {
        Nd4j.getExecutioner().setProfilingMode(OpExecutioner.ProfilingMode.ALL);
        OpProfiler.getInstance().reset();
        for (int i = 0; i < 50; i++) {
          model.fit(data);
        }
        Nd4j.getExecutioner().setProfilingMode(OpExecutioner.ProfilingMode.DISABLED);
        OpProfiler.getInstance().printOutDashboard();
      }
    }
  }

  private static double time(int reps, Runnable work) {
    for (int i = 0; i < reps / 4; i++) {
      work.run();
    }
    long start = System.nanoTime();
    for (int i = 0; i < reps; i++) {
      work.run();
    }
    return (System.nanoTime() - start) / 1e3 / reps;
  }
}
