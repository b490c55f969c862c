package io.mlpbench.dl4j;

import io.mlpbench.core.ModelSpec;
import io.mlpbench.core.Parameters;
import io.mlpbench.core.Trainer;
import io.mlpbench.core.TrainingConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;

/**
 * Resident memory of repeated predictions (not a test): the canonical network, {@code calls} {@code
 * predictLogits} of 128 random rows, VmRSS and VmHWM from /proc/self/status every 500 calls. Native
 * arrays that predictions leave for the GC show as growing RSS here.
 *
 * <p>Run with the route's environment: {@code OMP_NUM_THREADS=2 OMP_WAIT_POLICY=PASSIVE java -Xmx4g
 * -cp <test classpath> io.mlpbench.dl4j.PredictMemoryProbe [calls]}.
 */
public final class PredictMemoryProbe {
  private static final int ROWS = 128;

  public static void main(String[] args) throws IOException {
    int calls = args.length > 0 ? Integer.parseInt(args[0]) : 2_000;
    ModelSpec spec = ModelSpec.canonical();
    TrainingConfig config = TrainingConfig.defaults().withThreads(2);
    float[] features = new float[ROWS * spec.inputSize()];
    SplittableRandom random = new SplittableRandom(1);
    for (int i = 0; i < features.length; i++) {
      features[i] = (float) random.nextDouble();
    }
    try (Trainer trainer =
        Dl4jRoute.loop().create(spec, config, Parameters.initial(spec, config.seed()))) {
      System.out.printf("before predictions: %s%n", memory());
      long start = System.nanoTime();
      for (int call = 1; call <= calls; call++) {
        trainer.predictLogits(features, ROWS);
        if (call % 500 == 0) {
          System.out.printf("after %5d calls: %s%n", call, memory());
        }
      }
      System.out.printf(
          "%.0f predictions/s (%d rows each)%n", calls / ((System.nanoTime() - start) / 1e9), ROWS);
    }
  }

  /** VmRSS and VmHWM (peak RSS) of this process, in MiB. */
  static String memory() throws IOException {
    return String.format(
        "VmRSS %d MiB, VmHWM %d MiB", statusKb("VmRSS") / 1024, statusKb("VmHWM") / 1024);
  }

  static long statusKb(String field) throws IOException {
    for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
      if (line.startsWith(field + ":")) {
        return Long.parseLong(line.replaceAll("[^0-9]", ""));
      }
    }
    throw new IllegalStateException("/proc/self/status has no " + field + " line");
  }
}
