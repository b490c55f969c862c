package io.mlpbench.bench;

import io.mlpbench.core.Activation;
import io.mlpbench.core.ModelSpec;
import io.mlpbench.core.Parameters;
import io.mlpbench.core.Routes;
import io.mlpbench.core.Trainer;
import io.mlpbench.core.TrainingConfig;
import io.mlpbench.core.launch.ParentWatch;
import io.mlpbench.dataset.Batch;
import io.mlpbench.dataset.Batcher;
import io.mlpbench.dataset.Datasets;
import io.mlpbench.dataset.LabeledImages;
import java.util.LinkedHashMap;
import java.util.Map;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.infra.BenchmarkParams;

/**
 * One route's trainer and a few real MNIST batches, prepared outside the measured region. The
 * trainer starts from the shared initial parameters with the shared defaults (Adam), so every route
 * does the same arithmetic per step.
 */
@State(Scope.Benchmark)
public class RouteState {
  /** Distinct batches cycled across invocations, so no route can cache or fold one input. */
  static final int DISTINCT_BATCHES = 8;

  /** Route id, e.g. {@code manual}; its module must be on this JVM's classpath. */
  @Param("manual")
  public String route;

  @Param("128")
  public int batchSize;

  /** Compute threads for the route; 0 means all cores. The runner sets the route's env to match. */
  @Param("0")
  public int threads;

  /**
   * Hidden layer sizes joined by '-' (a comma would split JMH's -p values). JMH needs a literal
   * default; the runner passes the run's own (RunSpec's) value.
   */
  @Param("512-512")
  public String hidden;

  @Param("relu")
  public String activation;

  @Param("mnist")
  public String dataset;

  private Trainer trainer;
  private Batch[] batches;
  private int next;
  private float lastLoss;
  private long rssBeforeTrainerKb;

  @Setup(Level.Trial)
  public void setUp(BenchmarkParams params) {
    // a JMH fork is started by JMH, not by our launcher: it must not outlive its JMH host either
    ParentWatch.start();
    LabeledImages train = Datasets.load(dataset).train();
    ModelSpec spec = spec(train.featureCount(), hidden, train.classCount(), activation);
    TrainingConfig config =
        TrainingConfig.defaults()
            .withBatchSize(batchSize)
            .withThreads(threads > 0 ? threads : TrainingConfig.DEFAULT_THREADS);
    Batcher batcher = new Batcher(train, batchSize, config.seed());
    if (batcher.batchesPerEpoch() <= DISTINCT_BATCHES) {
      throw new IllegalArgumentException(
          "dataset '"
              + dataset
              + "' has "
              + train.size()
              + " samples: too few for "
              + DISTINCT_BATCHES
              + " full batches of "
              + batchSize);
    }
    batches = new Batch[DISTINCT_BATCHES];
    for (int i = 0; i < batches.length; i++) {
      batches[i] = batcher.batch(1, i);
    }
    rssBeforeTrainerKb = MemoryProbe.rssKb();
    trainer = Routes.byId(route).create(spec, config, Parameters.initial(spec, config.seed()));
    // JMH's gc profiler counts the trial teardown into the last iteration: load the JSON
    // serializer now, or its classes read as ~20 KB per step of "garbage" there
    Sidecar.format(rssRecord(params));
  }

  static ModelSpec spec(int inputs, String hidden, int classes, String activation) {
    return ModelSpec.of(
        inputs, ModelSpec.parseHidden(hidden), classes, Activation.parse(activation));
  }

  Batch nextBatch() {
    Batch batch = batches[next];
    next = (next + 1) % batches.length;
    return batch;
  }

  Trainer trainer() {
    return trainer;
  }

  float train(Batch batch) {
    lastLoss = trainer.trainStep(batch);
    return lastLoss;
  }

  /** A diverged model's throughput means nothing (NaN kernels can be faster or slower). */
  @TearDown(Level.Iteration)
  public void checkFinite() {
    if (!Float.isFinite(lastLoss)) {
      throw new IllegalStateException(
          "route " + route + " diverged: training loss " + lastLoss + "; its throughput is void");
    }
  }

  @TearDown(Level.Trial)
  public void tearDown(BenchmarkParams params) {
    if (trainer != null) {
      trainer.close();
    }
    Sidecar.append(rssRecord(params));
  }

  private Map<String, Object> rssRecord(BenchmarkParams params) {
    Map<String, Object> record = new LinkedHashMap<>();
    record.put("kind", "rss");
    record.put("benchmark", params.getBenchmark());
    record.put("route", route);
    record.put("batchSize", batchSize);
    record.put("threads", threads);
    record.put("hidden", hidden);
    record.put("activation", activation);
    record.put("peakRssKb", MemoryProbe.peakRssKb());
    record.put("peakHeapKb", MemoryProbe.peakHeapKb());
    record.put("rssBeforeTrainerKb", rssBeforeTrainerKb);
    record.put("pid", ProcessHandle.current().pid());
    return record;
  }
}
