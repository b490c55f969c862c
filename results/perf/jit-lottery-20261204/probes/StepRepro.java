package io.mlpbench.manual;

import io.mlpbench.core.*;
import io.mlpbench.dataset.Batch;

/** Trains the canonical model on synthetic batches for a few seconds; prints steps/s per second. */
public class StepRepro {
  public static void main(String[] args) {
    int seconds = Integer.parseInt(args[0]);
    if (args.length > 1) {
      int kc = Integer.parseInt(args[1]), calls = Integer.parseInt(args[2]);
      float[] pa = new float[12 * kc], pb = new float[32 * kc], c = new float[12 * 32];
      long t0 = System.nanoTime();
      for (int i = 0; i < calls; i++) MicroKernel.tile12x2(pa, 0, pb, 0, kc, c, 0, 32, (i & 1) == 1);
      System.out.println("warm-up ms " + (System.nanoTime() - t0) / 1e6);
    }
    ModelSpec spec = ModelSpec.canonical();
    TrainingConfig cfg = TrainingConfig.defaults();
    java.util.Random r = new java.util.Random(7);
    Batch[] bs = new Batch[8];
    for (int i = 0; i < bs.length; i++) {
      float[] x = new float[128 * 784]; int[] y = new int[128];
      for (int j = 0; j < x.length; j++) x[j] = r.nextFloat() < 0.2f ? r.nextFloat() : 0f;
      for (int j = 0; j < y.length; j++) y[j] = r.nextInt(10);
      bs[i] = new Batch(x, y, 128, 784, 10);
    }
    try (FastTrainer t = new FastTrainer(cfg, Parameters.initial(spec, 42))) {
      StringBuilder sb = new StringBuilder();
      int k = 0;
      for (int s = 0; s < seconds; s++) {
        long end = System.nanoTime() + 1_000_000_000L, n = 0;
        while (System.nanoTime() < end) { t.trainStep(bs[k++ & 7]); n++; }
        sb.append(n).append(" "); System.out.println("sec " + s + " " + n); System.out.flush();
      }
      System.out.println("steps/s: " + sb);
    }
  }
}
