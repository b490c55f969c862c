package io.mlpbench.core.launch;

import io.mlpbench.core.Activation;
import io.mlpbench.core.ModelSpec;
import io.mlpbench.core.OptimizerKind;
import io.mlpbench.core.TrainingConfig;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What {@code RouteWorker train} is asked to do, as {@code --key value} pairs on its command line
 * (see {@link #toArgs()}), so runners and the worker agree on one spelling.
 *
 * @param dataDir explicit data directory, or null for the dataset module's own lookup
 * @param trainLimit first N training samples only (0 = all), for tests and smoke runs
 * @param testLimit first N test samples only (0 = all)
 */
public record TrainRequest(
    String route,
    String dataset,
    Path dataDir,
    int[] hidden,
    Activation activation,
    OptimizerKind optimizer,
    double learningRate,
    int batchSize,
    int epochs,
    long seed,
    int threads,
    int trainLimit,
    int testLimit) {

  public TrainRequest {
    hidden = hidden.clone();
  }

  /**
   * The canonical request for {@code route}: MNIST, 512-512 ReLU, Adam 1e-3, batch 128, 5 epochs.
   */
  public static TrainRequest defaults(String route) {
    TrainingConfig d = TrainingConfig.defaults();
    return new TrainRequest(
        route,
        "mnist",
        null,
        new int[] {512, 512},
        Activation.RELU,
        d.optimizer(),
        d.learningRate(),
        d.batchSize(),
        d.epochs(),
        d.seed(),
        d.threads(),
        0,
        0);
  }

  @Override
  public int[] hidden() {
    return hidden.clone();
  }

  public ModelSpec spec(int inputs, int classes) {
    return ModelSpec.of(inputs, hidden, classes, activation);
  }

  public TrainingConfig config() {
    return TrainingConfig.defaults()
        .withOptimizer(optimizer, learningRate)
        .withBatchSize(batchSize)
        .withEpochs(epochs)
        .withSeed(seed)
        .withThreads(threads);
  }

  /** The worker's command line after {@code train}. */
  public List<String> toArgs() {
    List<String> args = new ArrayList<>();
    for (Map.Entry<String, String> e : asMap().entrySet()) {
      args.add("--" + e.getKey());
      args.add(e.getValue());
    }
    return args;
  }

  private Map<String, String> asMap() {
    Map<String, String> m = new LinkedHashMap<>();
    m.put("route", route);
    m.put("dataset", dataset);
    if (dataDir != null) {
      m.put("data-dir", dataDir.toString());
    }
    m.put("hidden", String.join(",", Arrays.stream(hidden).mapToObj(Integer::toString).toList()));
    m.put("activation", activation.id());
    m.put("optimizer", optimizer.id());
    m.put("lr", Double.toString(learningRate));
    m.put("batch-size", Integer.toString(batchSize));
    m.put("epochs", Integer.toString(epochs));
    m.put("seed", Long.toString(seed));
    m.put("threads", Integer.toString(threads));
    m.put("limit", Integer.toString(trainLimit));
    m.put("test-limit", Integer.toString(testLimit));
    return m;
  }

  /** Parses {@link #toArgs()} output; unknown keys and bad values are errors naming the key. */
  public static TrainRequest parse(List<String> args) {
    Map<String, String> m = new LinkedHashMap<>();
    for (int i = 0; i < args.size(); i += 2) {
      String key = args.get(i);
      if (!key.startsWith("--") || i + 1 >= args.size()) {
        throw new IllegalArgumentException(
            "worker train arguments must be --key value pairs, found '" + key + "' in " + args);
      }
      m.put(key.substring(2), args.get(i + 1));
    }
    if (!m.containsKey("route")) {
      throw new IllegalArgumentException("worker train needs --route <id>, got " + args);
    }
    TrainRequest d = defaults(m.remove("route"));
    String dataset = m.getOrDefault("dataset", d.dataset);
    m.remove("dataset");
    String dir = m.remove("data-dir");
    int[] hidden = m.containsKey("hidden") ? parseHidden(m.remove("hidden")) : d.hidden;
    Activation activation =
        m.containsKey("activation") ? Activation.parse(m.remove("activation")) : d.activation;
    OptimizerKind optimizer =
        m.containsKey("optimizer") ? OptimizerKind.parse(m.remove("optimizer")) : d.optimizer;
    double lr = number(m, "lr", d.learningRate);
    int batch = (int) number(m, "batch-size", d.batchSize);
    int epochs = (int) number(m, "epochs", d.epochs);
    long seed = (long) number(m, "seed", d.seed);
    int threads = (int) number(m, "threads", d.threads);
    int limit = (int) number(m, "limit", 0);
    int testLimit = (int) number(m, "test-limit", 0);
    if (!m.isEmpty()) {
      throw new IllegalArgumentException("unknown worker train options " + m.keySet());
    }
    return new TrainRequest(
        d.route,
        dataset,
        dir == null ? null : Path.of(dir),
        hidden,
        activation,
        optimizer,
        lr,
        batch,
        epochs,
        seed,
        threads,
        limit,
        testLimit);
  }

  private static double number(Map<String, String> m, String key, double fallback) {
    String v = m.remove(key);
    if (v == null) {
      return fallback;
    }
    try {
      return Double.parseDouble(v);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("--" + key + ": expected a number, found '" + v + "'");
    }
  }

  static int[] parseHidden(String text) {
    try {
      return Arrays.stream(text.split(",")).map(String::trim).mapToInt(Integer::parseInt).toArray();
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(
          "--hidden: expected comma-separated layer sizes like 512,512, found '" + text + "'");
    }
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof TrainRequest r && toArgs().equals(r.toArgs());
  }

  @Override
  public int hashCode() {
    return toArgs().hashCode();
  }

  @Override
  public String toString() {
    return "TrainRequest" + toArgs();
  }
}
