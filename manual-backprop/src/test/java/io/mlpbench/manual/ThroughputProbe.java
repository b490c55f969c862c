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
  private static final Gemm GEMM = new Gemm(8);

  public static void main(String[] args) {
    int threads = args.length > 0 ? Integer.parseInt(args[0]) : 2;
    double seconds = args.length > 1 ? Double.parseDouble(args[1]) : 3;
    System.out.printf("threads %d, %d float lanes, %s%n", threads, Gemm.LANES, Runtime.version());
    gemm(threads, seconds);
    if (Boolean.getBoolean("phases")) {
      phases(seconds);
    }
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
      report(
          "A W     (128x784 * 784x512)",
          seconds,
          2.0 * m * k * n,
          pool,
          (part, parts) -> {
            GEMM.multiply(part, parts, a, 0, k, 1, w, n, z, n, m, k, n, Epilogue.NONE, null, null);
          });
      report(
          "A^T dZ  (784x128 * 128x512)",
          seconds,
          2.0 * m * k * n,
          pool,
          (part, parts) -> {
            GEMM.multiply(
                part, parts, a, 0, 1, k, dz, n, dw, n, k, m, n, Epilogue.NONE, null, null);
          });
      report(
          "dZ W^T  (128x512 * 512x784)",
          seconds,
          2.0 * m * k * n,
          pool,
          (part, parts) -> {
            GEMM.multiply(
                part, parts, dz, 0, n, 1, wt, k, da, k, m, n, k, Epilogue.NONE, null, null);
          });
    }
  }

  /**
   * Single-thread time of each piece of a canonical training step at batch 128, in microseconds.
   */
  private static void phases(double seconds) {
    int m = 128;
    float[] x = random(m * 784);
    float[] w1 = random(784 * 512);
    float[] w2 = random(512 * 512);
    float[] w3 = random(512 * 16);
    float[] b = random(512);
    float[] a1 = new float[m * 512];
    float[] a2 = new float[m * 512];
    float[] z3 = new float[m * 16];
    float[] dz3 = random(m * 16);
    float[] dz2 = random(m * 512);
    float[] dz1 = random(m * 512);
    float[] wt2 = random(512 * 512);
    float[] wt3 = random(10 * 512);
    float[] g1 = new float[784 * 512];
    float[] g2 = new float[512 * 512];
    float[] g3 = new float[512 * 16];
    float[] mm = new float[784 * 512];
    float[] vv = new float[784 * 512];
    try (WorkerPool pool = new WorkerPool(1)) {
      time(
          "forward 1 (relu)",
          seconds,
          pool,
          (p, n) ->
              GEMM.multiply(
                  p, n, x, 0, 784, 1, w1, 512, a1, 512, m, 784, 512, Epilogue.BIAS_RELU, b, null));
      time(
          "forward 2 (relu)",
          seconds,
          pool,
          (p, n) ->
              GEMM.multiply(
                  p, n, a1, 0, 512, 1, w2, 512, a2, 512, m, 512, 512, Epilogue.BIAS_RELU, b, null));
      time(
          "forward 3 (logits, 16 wide)",
          seconds,
          pool,
          (p, n) ->
              GEMM.multiply(
                  p, n, a2, 0, 512, 1, w3, 16, z3, 16, m, 512, 16, Epilogue.BIAS, b, null));
      time(
          "dA 2 = dZ3 W3^T (k=10)",
          seconds,
          pool,
          (p, n) ->
              GEMM.multiply(
                  p,
                  n,
                  dz3,
                  0,
                  16,
                  1,
                  wt3,
                  512,
                  dz2,
                  512,
                  m,
                  10,
                  512,
                  Epilogue.RELU_DERIVATIVE,
                  null,
                  a2));
      time(
          "dA 2 without epilogue",
          seconds,
          pool,
          (p, n) ->
              GEMM.multiply(
                  p, n, dz3, 0, 16, 1, wt3, 512, dz2, 512, m, 10, 512, Epilogue.NONE, null, null));
      time(
          "forward 2 without epilogue",
          seconds,
          pool,
          (p, n) ->
              GEMM.multiply(
                  p, n, a1, 0, 512, 1, w2, 512, a2, 512, m, 512, 512, Epilogue.NONE, null, null));
      time(
          "dW 3 (512x128x16)",
          seconds,
          pool,
          (p, n) ->
              GEMM.multiply(
                  p, n, a2, 0, 1, 512, dz3, 16, g3, 16, 512, m, 16, Epilogue.NONE, null, null));
      time(
          "dA 1 = dZ2 W2^T",
          seconds,
          pool,
          (p, n) ->
              GEMM.multiply(
                  p,
                  n,
                  dz2,
                  0,
                  512,
                  1,
                  wt2,
                  512,
                  dz1,
                  512,
                  m,
                  512,
                  512,
                  Epilogue.RELU_DERIVATIVE,
                  null,
                  a1));
      time(
          "dW 2 (512x128x512)",
          seconds,
          pool,
          (p, n) ->
              GEMM.multiply(
                  p, n, a1, 0, 1, 512, dz2, 512, g2, 512, 512, m, 512, Epilogue.NONE, null, null));
      float[] a1p = random(m * 528);
      time(
          "dW 2, A stride 528",
          seconds,
          pool,
          (p, n) ->
              GEMM.multiply(
                  p, n, a1p, 0, 1, 528, dz2, 512, g2, 512, 512, m, 512, Epilogue.NONE, null, null));
      time(
          "dW 1 (784x128x512)",
          seconds,
          pool,
          (p, n) ->
              GEMM.multiply(
                  p, n, x, 0, 1, 784, dz1, 512, g1, 512, 784, m, 512, Epilogue.NONE, null, null));
      time(
          "adam over W1",
          seconds,
          pool,
          (p, n) -> FusedUpdate.adam(w1, g1, mm, vv, 0, w1.length, 0.9f, 0.999f, 1e-9f, 1e-7f));
      time(
          "transpose W2",
          seconds,
          pool,
          (p, n) -> {
            for (int jj = 0; jj < 512; jj += 16) {
              for (int ii = 0; ii < 512; ii += 16) {
                for (int j = jj; j < jj + 16; j++) {
                  for (int i = ii; i < ii + 16; i++) {
                    wt2[j * 512 + i] = w2[i * 512 + j];
                  }
                }
              }
            }
          });
    }
  }

  private static void time(String name, double seconds, WorkerPool pool, WorkerPool.Job job) {
    for (int round = 0; round < 2; round++) {
      long start = System.nanoTime();
      long end = start + (long) (seconds * 1e8);
      int calls = 0;
      long now;
      do {
        pool.run(job);
        calls++;
        now = System.nanoTime();
      } while (now < end);
      if (round == 1) {
        System.out.printf("  %-30s %8.1f us%n", name, (now - start) / 1e3 / calls);
      }
    }
  }

  private static void report(
      String name, double seconds, double flops, WorkerPool pool, WorkerPool.Job job) {
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
          System.out.printf(
              "training 784-512-512-10 batch 128: %.0f samples/s (%.1f GFLOP/s)%n",
              perSecond, perSecond * io.mlpbench.core.FlopCount.perSample(spec).training() / 1e9);
        }
      }
      // inference: logits for the 6,400 training samples at once (512-row chunks inside)
      for (int round = 0; round < 2; round++) {
        long start = System.nanoTime();
        long end = start + (long) (seconds * 1e9);
        long samples = 0;
        long now;
        do {
          trainer.predictLogits(train.features(), train.size());
          samples += train.size();
          now = System.nanoTime();
        } while (now < end);
        if (round == 1) {
          double perSecond = samples * 1e9 / (now - start);
          System.out.printf(
              "inference (predictLogits): %.0f samples/s (%.1f GFLOP/s)%n",
              perSecond, perSecond * io.mlpbench.core.FlopCount.perSample(spec).inference() / 1e9);
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
