package io.mlpbench.results.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.mlpbench.core.Activation;
import io.mlpbench.core.FlopCount;
import io.mlpbench.core.ModelSpec;
import io.mlpbench.results.model.ForkResult;
import io.mlpbench.results.model.ThroughputResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * The throughput side of a report: the newest {@code results/jmh/jmh-*.json} written by the
 * benchmarks runner (a standard JMH JSON array) and its {@code -meta.json} sidecar (GEMM peak per
 * thread count, failed jobs). Samples/s come from JMH's secondary metric {@code samples} (the
 * runner counts rows per invocation), else from steps/s x batch size.
 *
 * @param source the JMH JSON file read
 * @param peakGflops machine GEMM peak by thread count, from the sidecar; empty when not calibrated
 * @param peakDescriptions by thread count, the measured peak with its error and library ("busy"
 *     when the error is above half the score) and the theoretical FP32 peak with its formula when
 *     the sidecar has one
 */
public record JmhResults(
    Path source,
    List<ThroughputResult> results,
    Map<Integer, Double> peakGflops,
    Map<Integer, String> peakDescriptions) {
  private static final ObjectMapper JSON = new ObjectMapper();

  /** MNIST and Fashion-MNIST: 28 x 28 inputs, 10 classes, as the canonical model. */
  private static final ModelSpec CANONICAL = ModelSpec.canonical();

  public JmhResults {
    results = List.copyOf(results);
    peakGflops = Map.copyOf(peakGflops);
    peakDescriptions = Map.copyOf(peakDescriptions);
  }

  /** Results without peak descriptions. */
  public JmhResults(Path source, List<ThroughputResult> results, Map<Integer, Double> peakGflops) {
    this(source, results, peakGflops, Map.of());
  }

  /** The newest {@code jmh-*.json} (not a sidecar) in {@code dir} by modification time, if any. */
  public static Optional<Path> newest(Path dir) {
    if (!Files.isDirectory(dir)) {
      return Optional.empty();
    }
    try (Stream<Path> files = Files.list(dir)) {
      return files
          .filter(
              p -> {
                String n = p.getFileName().toString();
                return n.startsWith("jmh-") && n.endsWith(".json") && !n.endsWith("-meta.json");
              })
          .max(
              Comparator.comparing(JmhResults::modified)
                  .thenComparing(p -> p.getFileName().toString()));
    } catch (IOException e) {
      return Optional.empty();
    }
  }

  private static long modified(Path p) {
    try {
      return Files.getLastModifiedTime(p).toMillis();
    } catch (IOException e) {
      return 0;
    }
  }

  /** Reads {@code file} and, when present, its {@code -meta.json} sidecar. */
  public static JmhResults read(Path file) throws IOException {
    JsonNode array;
    try {
      array = JSON.readTree(file.toFile());
    } catch (IOException e) {
      throw new IOException("cannot read JMH results " + file + ": " + e.getMessage(), e);
    }
    if (array == null || !array.isArray()) {
      throw new IOException(
          "JMH results "
              + file
              + ": expected a JSON array of benchmark results, found "
              + (array == null ? "an empty file" : array.getNodeType()));
    }
    Map<Integer, Double> peaks = new TreeMap<>();
    Map<Integer, String> descriptions = new TreeMap<>();
    List<ThroughputResult> results = new ArrayList<>();
    Path meta = sidecar(file);
    JsonNode metaNode = Files.isRegularFile(meta) ? JSON.readTree(meta.toFile()) : null;
    if (metaNode != null) {
      metaNode
          .path("peak")
          .fields()
          .forEachRemaining(
              e -> {
                JsonNode g = e.getValue().path("gflops");
                double score = g.isNumber() ? g.asDouble() : g.path("score").asDouble(Double.NaN);
                if (Double.isFinite(score) && score > 0) {
                  peaks.put(Integer.parseInt(e.getKey()), score);
                  descriptions.put(
                      Integer.parseInt(e.getKey()), peakDescription(e.getValue(), score, metaNode));
                }
              });
    }
    for (JsonNode entry : array) {
      ThroughputResult r = result(entry, peaks);
      if (r != null) {
        results.add(r);
      }
    }
    if (metaNode != null) {
      for (JsonNode job : metaNode.path("jobs")) {
        if (job.path("kind").asText().equals("route")
            && !job.path("status").asText().equals("ok")) {
          results.add(
              new ThroughputResult(
                  job.path("route").asText(),
                  "train",
                  0,
                  job.path("threads").asInt(),
                  null,
                  null,
                  null,
                  List.of(),
                  null,
                  null,
                  "failed",
                  failureText(job, metaNode)));
        }
      }
    }
    return new JmhResults(file, results, peaks, descriptions);
  }

  /**
   * "107.4 ± 2.1 GFLOP/s measured (FastBLAS 1.0, SGEMM 1024); theoretical 294.4 GFLOP/s = ..." for
   * one thread count's entry of the sidecar's {@code peak}.
   */
  private static String peakDescription(JsonNode peak, double score, JsonNode meta) {
    JsonNode error = peak.path("gflops").path("error");
    boolean hasError = error.isNumber() && Double.isFinite(error.asDouble());
    String text =
        String.format(java.util.Locale.ROOT, "%.1f", score)
            + (hasError ? String.format(java.util.Locale.ROOT, " ± %.1f", error.asDouble()) : "")
            + " GFLOP/s measured ("
            + peak.path("library").asText("unknown library")
            + ", SGEMM "
            + peak.path("size").asText("?")
            + ")"
            // the benchmarks runner's rule for a noisy score: error above half of it
            + (hasError && error.asDouble() > 0.5 * score ? ", busy" : "");
    JsonNode theoretical =
        meta.path("theoreticalPeak").path("byThreads").path(peak.path("threads").asText());
    if (theoretical.path("gflops").isNumber()) {
      text +=
          String.format(
              java.util.Locale.ROOT,
              "; theoretical %.1f GFLOP/s = %s",
              theoretical.path("gflops").asDouble(),
              theoretical.path("formula").asText());
    }
    return text;
  }

  /** The {@code -meta.json} sidecar path of a JMH JSON file (which may not exist). */
  public static Path sidecar(Path jmhJson) {
    return jmhJson.resolveSibling(
        jmhJson.getFileName().toString().replaceFirst("\\.json$", "-meta.json"));
  }

  private static String failureText(JsonNode job, JsonNode meta) {
    String label = job.path("label").asText();
    for (JsonNode f : meta.path("failures")) {
      String text = f.isTextual() ? f.asText() : f.toString();
      if (text.contains(label) || text.contains(job.path("route").asText())) {
        return text;
      }
    }
    return "status " + job.path("status").asText() + ", exit code " + job.path("exitCode").asText();
  }

  private static ThroughputResult result(JsonNode e, Map<Integer, Double> peaks) {
    String name = e.path("benchmark").asText();
    String benchmark =
        name.endsWith(".trainStep") ? "train" : name.endsWith(".predict") ? "infer" : null;
    if (benchmark == null) {
      return null; // calibrations and anything else are not route throughput
    }
    JsonNode params = e.path("params");
    int batch = params.path("batchSize").asInt();
    int threads = params.path("threads").asInt();
    JsonNode samples = e.path("secondaryMetrics").path("samples");
    JsonNode metric = samples.isMissingNode() ? e.path("primaryMetric") : samples;
    double scale = samples.isMissingNode() ? batch : 1; // steps/s x batch = samples/s
    Double score = number(metric.get("score"), scale);
    Double error = number(metric.get("scoreError"), scale);
    List<Double> raw = new ArrayList<>();
    for (JsonNode fork : metric.path("rawData")) {
      for (JsonNode v : fork) {
        raw.add(v.asDouble() * scale);
      }
    }
    List<ForkResult> forks = ForkResults.of(metric.path("rawData"), scale, e);
    long flops =
        flopsPerSample(
            params.path("hidden").asText(ModelSpec.hiddenText(CANONICAL.hiddenSizes(), "-")),
            benchmark);
    Double gflops = score == null ? null : score * flops / 1e9;
    Double peak = peaks.get(threads);
    Double percent = gflops == null || peak == null ? null : 100 * gflops / peak;
    return new ThroughputResult(
        params.path("route").asText(),
        benchmark,
        batch,
        threads,
        score,
        error,
        "samples/s",
        raw,
        gflops,
        percent,
        "ok",
        null,
        forks);
  }

  private static Double number(JsonNode n, double scale) {
    return n == null || !n.isNumber() || !Double.isFinite(n.asDouble())
        ? null
        : n.asDouble() * scale;
  }

  /** FLOPs per sample of the canonical input and classes with {@code hidden}, by core's count. */
  static long flopsPerSample(String hidden, String benchmark) {
    // the activation does not change the count (elementwise work is excluded)
    FlopCount count =
        FlopCount.perSample(
            ModelSpec.of(
                CANONICAL.inputSize(),
                ModelSpec.parseHidden(hidden),
                CANONICAL.classCount(),
                Activation.RELU));
    return benchmark.equals("train") ? count.training() : count.inference();
  }

  /**
   * The training result of {@code route} closest to the run's settings: same batch and threads
   * first.
   */
  public Optional<ThroughputResult> train(String route, int batchSize, int threads) {
    return train(results, route, batchSize, threads);
  }

  /** As {@link #train(String, int, int)}, over any list of results (e.g. a run record's). */
  public static Optional<ThroughputResult> train(
      List<ThroughputResult> results, String route, int batchSize, int threads) {
    return results.stream()
        .filter(r -> r.route().equals(route) && r.benchmark().equals("train"))
        .max(
            Comparator.comparingInt(
                    (ThroughputResult r) ->
                        (r.batchSize() == batchSize ? 2 : 0) + (r.threads() == threads ? 1 : 0))
                .thenComparing(r -> "ok".equals(r.status()) ? 1 : 0)
                .thenComparingInt(ThroughputResult::threads));
  }
}
