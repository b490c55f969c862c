import io.mlpbench.core.ModelSpec;
import io.mlpbench.core.Parameters;
import io.mlpbench.core.TrainingConfig;
import io.mlpbench.dataset.Batch;
import io.mlpbench.dataset.Batcher;
import io.mlpbench.dataset.Datasets;
import io.mlpbench.dataset.TrainTestSplit;
import io.mlpbench.manual.FastTrainer;
import java.util.Arrays;

/**
 * manual's canonical training (defaults: batch 128, Adam, seed 42) for 5 MNIST epochs through the
 * public FastTrainer API: wall time per epoch and a hash of the final parameters, so two builds
 * can be compared for speed and for bit-identical results. Usage: EpochTimes THREADS
 */
public class EpochTimes {
  public static void main(String[] args) {
    TrainingConfig config = TrainingConfig.defaults().withThreads(Integer.parseInt(args[0]));
    TrainTestSplit mnist = Datasets.load("mnist");
    Batcher batcher = new Batcher(mnist.train(), config.batchSize(), config.seed());
    StringBuilder line = new StringBuilder();
    try (FastTrainer trainer =
        new FastTrainer(config, Parameters.initial(ModelSpec.canonical(), config.seed()))) {
      for (int e = 0; e < 5; e++) {
        long t0 = System.nanoTime();
        int rows = 0;
        for (Batch b : batcher.epoch(e)) {
          trainer.trainStep(b);
          rows += b.rows();
        }
        line.append(String.format("%.0f ", rows / ((System.nanoTime() - t0) / 1e9)));
      }
      Parameters p = trainer.exportParameters();
      long h = 0;
      for (int l = 0; l < p.spec().layerCount(); l++) {
        h = 31 * h + Arrays.hashCode(p.weights(l));
        h = 31 * h + Arrays.hashCode(p.biases(l));
      }
      System.out.println("samples/s per epoch: " + line + "| parameter hash " + Long.toHexString(h));
    }
  }
}
