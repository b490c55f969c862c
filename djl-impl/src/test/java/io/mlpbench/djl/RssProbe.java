package io.mlpbench.djl;

import io.mlpbench.core.Activation;
import io.mlpbench.core.EpochListener;
import io.mlpbench.core.ModelSpec;
import io.mlpbench.core.Parameters;
import io.mlpbench.core.Routes;
import io.mlpbench.core.Trainer;
import io.mlpbench.core.TrainingConfig;
import io.mlpbench.dataset.Batcher;
import io.mlpbench.dataset.Datasets;
import io.mlpbench.dataset.LabeledImages;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * {@link NativeMemoryTest}'s child JVM, a {@code main} because the test needs a JVM of its own with
 * a fixed, pre-touched heap (so Java heap growth cannot show up as RSS growth): trains through a
 * route's {@code fit} and prints the resident set size (VmRSS) before training and at the end of
 * every epoch, as {@code rss <epoch> <kB>}.
 *
 * <p>Arguments: route id, training samples, epochs, threads, and optionally the hidden layer sizes
 * as {@code 64,32} (default: the canonical 512,512).
 */
public final class RssProbe {
  public static void main(String[] args) {
    String route = args[0];
    int samples = Integer.parseInt(args[1]);
    int epochs = Integer.parseInt(args[2]);
    int threads = Integer.parseInt(args[3]);
    LabeledImages train = Datasets.load("mnist").train().limit(samples);
    ModelSpec spec =
        args.length > 4
            ? ModelSpec.of(784, hidden(args[4]), 10, Activation.RELU)
            : ModelSpec.canonical();
    TrainingConfig config = TrainingConfig.defaults().withThreads(threads);
    System.out.println("rss 0 " + residentKb());
    try (Trainer trainer =
        Routes.byId(route).create(spec, config, Parameters.initial(spec, config.seed()))) {
      trainer.fit(
          new Batcher(train, config.batchSize(), config.seed()),
          epochs,
          new EpochListener() {
            @Override
            public void onEpochEnd(int epoch, double loss) {
              System.out.println("rss " + epoch + " " + residentKb() + " loss " + loss);
            }
          });
    }
  }

  private static int[] hidden(String sizes) {
    return java.util.Arrays.stream(sizes.split(",")).mapToInt(Integer::parseInt).toArray();
  }

  /** VmRSS of this process in kB, from /proc/self/status (Linux). */
  static long residentKb() {
    try {
      for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
        if (line.startsWith("VmRSS:")) {
          return Long.parseLong(line.replaceAll("[^0-9]", ""));
        }
      }
    } catch (IOException e) {
      throw new IllegalStateException("cannot read /proc/self/status", e);
    }
    throw new IllegalStateException("no VmRSS line in /proc/self/status");
  }
}
