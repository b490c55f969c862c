package io.mlpbench.manual;
import io.mlpbench.core.*; import io.mlpbench.dataset.*; import java.util.*;
/** Training samples per CPU-second of the calling thread (threads = 1), and wall samples/s. */
public class TrainCpu {
  public static void main(String[] args) {
    int threads = Integer.parseInt(args[0]); int batch = Integer.parseInt(args[1]); int rounds = Integer.parseInt(args[2]);
    ModelSpec spec = ModelSpec.canonical();
    TrainingConfig config = TrainingConfig.defaults().withThreads(threads).withBatchSize(batch);
    LabeledImages train = Datasets.load("mnist").train().limit(batch * 8);
    Batcher batcher = new Batcher(train, batch, 42);
    List<Batch> batches = new ArrayList<>();
    for (int b = 0; b < batcher.batchesPerEpoch(); b++) batches.add(batcher.batch(1, b));
    var mx = java.lang.management.ManagementFactory.getThreadMXBean();
    try (FastTrainer trainer = new FastTrainer(config, Parameters.initial(spec, 42))) {
      double[] cpu = new double[rounds], wall = new double[rounds];
      for (int w = 0; w < 300; w++) trainer.trainStep(batches.get(w % batches.size()));
      for (int r = 0; r < rounds; r++) {
        long c0 = mx.getCurrentThreadCpuTime(), t0 = System.nanoTime(); long samples = 0;
        for (int s = 0; s < 100; s++) { Batch bt = batches.get(s % batches.size()); trainer.trainStep(bt); samples += bt.rows(); }
        cpu[r] = samples * 1e9 / (mx.getCurrentThreadCpuTime() - c0); wall[r] = samples * 1e9 / (System.nanoTime() - t0);
      }
      Arrays.sort(cpu); Arrays.sort(wall);
      System.out.printf("%s threads=%d batch=%d wall median %.0f best %.0f | per-cpu-s median %.0f best %.0f samples/s%n", System.getProperty("tag"), threads, batch, wall[rounds/2], wall[rounds-1], cpu[rounds/2], cpu[rounds-1]);
    }
  }
}
