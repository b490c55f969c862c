package io.mlpbench.manual;

import io.mlpbench.core.ModelSpec;
import io.mlpbench.core.Parameters;
import io.mlpbench.core.TrainingConfig;
import io.mlpbench.dataset.Batch;
import io.mlpbench.dataset.Batcher;
import io.mlpbench.dataset.Datasets;
import io.mlpbench.dataset.LabeledImages;
import java.util.ArrayList;
import java.util.List;

/**
 * A quick, noisy look at speed (not a benchmark and not a test; the JMH module measures properly):
 * GFLOP/s of the three GEMM shapes of the canonical MLP's first hidden layer at batch 128, and
 * training samples/s of the canonical MLP at batch 128.
 *
 * <p>Run: {@code java --add-modules jdk.incubator.vector -cp <test classpath>
 * io.mlpbench.manual.ThroughputProbe [threads] [seconds]}.
 */
public final class ThroughputProbe {
  public static void main(String[] args) {
    int threads = args.length > 0 ? Integer.parseInt(args[0]) : 2;
    double seconds = args.length > 1 ? Double.parseDouble(args[1]) : 3;
    System.out.printf("threads %d, %d float lanes, %s%n", threads, Gemm.LANES, Runtime.version());
    gemm(threads, seconds);
    training(threads, seconds);
  }

  private static void gemm(int threads, double seconds) {
    int m = 128;
    int k = 784;
    int n = 512;
    float[] a = random(m * k);
    float[] w = random(k * n);
    float[] z = new float[m * n];
    float[] dz = random(m * n);
    float[] dw = new float[k * n];
    float[] wt = random(n * k);
    float[] da = new float[m * k];
    try (WorkerPool pool = new WorkerPool(threads)) {
      report("A W     (128x784 * 784x512)", seconds, 2.0 * m * k * n, pool, (part, parts) -> {
        int i0 = WorkerPool.start(m, part, parts, 4);
        int i1 = WorkerPool.end(m, part, parts, 4);
        Gemm.multiply(a, 0, k, 1, w, n, z, n, i0, i1, k, n, Epilogue.NONE, null, null);
      });
      report("A^T dZ  (784x128 * 128x512)", seconds, 2.0 * m * k * n, pool, (part, parts) -> {
        int i0 = WorkerPool.start(k, part, parts, 4);
        int i1 = WorkerPool.end(k, part, parts, 4);
        Gemm.multiply(a, 0, 1, k, dz, n, dw, n, i0, i1, m, n, Epilogue.NONE, null, null);
      });
      report("dZ W^T  (128x512 * 512x784)", seconds, 2.0 * m * k * n, pool, (part, parts) -> {
        int i0 = WorkerPool.start(m, part, parts, 4);
        int i1 = WorkerPool.end(m, part, parts, 4);
        Gemm.multiply(dz, 0, n, 1, wt, k, da, k, i0, i1, n, k, Epilogue.NONE, null, null);
      });
    }
  }

  private static void report(String name, double seconds, double flops, WorkerPool pool, WorkerPool.Job job) {
    for (int round = 0; round < 2; round++) { // first round is warm-up
      long start = System.nanoTime();
      long end = start + (long) (seconds * 1e9);
      int calls = 0;
      long now;
      do {
        pool.run(job);
        calls++;
        now = System.nanoTime();
      } while (now < end);
      if (round == 1) {
        System.out.printf("%s: %.1f GFLOP/s%n", name, flops * calls / (now - start));
      }
    }
  }

  private static void training(int threads, double seconds) {
    ModelSpec spec = ModelSpec.canonical();
    TrainingConfig config = TrainingConfig.defaults().withThreads(threads);
    LabeledImages train = Datasets.load("mnist").train().limit(128 * 50);
    Batcher batcher = new Batcher(train, 128, 42);
    List<Batch> batches = new ArrayList<>();
    for (int b = 0; b < batcher.batchesPerEpoch(); b++) {
      batches.add(batcher.batch(1, b));
    }
    try (FastTrainer trainer = new FastTrainer(config, Parameters.initial(spec, 42))) {
      for (int round = 0; round < 2; round++) {
        long start = System.nanoTime();
        long end = start + (long) (seconds * 1e9);
        long samples = 0;
        long now;
        int step = 0;
        do {
          Batch batch = batches.get(step++ % batches.size());
          trainer.trainStep(batch);
          samples += batch.rows();
          now = System.nanoTime();
        } while (now < end);
        if (round == 1) {
          double perSecond = samples * 1e9 / (now - start);
          System.out.printf("training 784-512-512-10 batch 128: %.0f samples/s (%.1f GFLOP/s)%n",
              perSecond, perSecond * spec.trainingFlopsPerSample() / 1e9);
        }
      }
    }
  }

  private static float[] random(int n) {
    java.util.SplittableRandom r = new java.util.SplittableRandom(1);
    float[] x = new float[n];
    for (int i = 0; i < n; i++) {
      x[i] = (float) (r.nextDouble() - 0.5);
    }
    return x;
  }
}
