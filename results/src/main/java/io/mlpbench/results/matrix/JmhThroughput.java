package io.mlpbench.results.matrix;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.mlpbench.results.model.ThroughputResult;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the benchmark runner's merged JMH JSON (and its {@code -meta.json}, for failed routes) into
 * {@link ThroughputResult}s in samples/s, keeping JMH's raw per-iteration data for the comparison.
 * Samples/s is JMH's secondary metric {@code samples} (an aux counter adding each batch's rows);
 * results without it fall back to ops/s x batch size.
 */
public final class JmhThroughput {
  private static final ObjectMapper JSON = new ObjectMapper();

  private JmhThroughput() {}

  public static List<ThroughputResult> read(Path jmhJson) {
    List<ThroughputResult> results = new ArrayList<>();
    try {
      for (JsonNode e : JSON.readTree(jmhJson.toFile())) {
        String benchmark = benchmark(e.path("benchmark").asText());
        if (benchmark == null) {
          continue; // GEMM calibration: a machine property, not a route result
        }
        JsonNode params = e.path("params");
        int batch = params.path("batchSize").asInt();
        JsonNode samples = e.path("secondaryMetrics").path("samples");
        JsonNode metric = samples.isMissingNode() ? e.path("primaryMetric") : samples;
        double factor = samples.isMissingNode() ? batch : 1.0;
        List<Double> raw = new ArrayList<>();
        for (JsonNode fork : metric.path("rawData")) {
          for (JsonNode v : fork) {
            raw.add(v.asDouble() * factor);
          }
        }
        Double error = metric.path("scoreError").isNumber() && Double.isFinite(metric.path("scoreError").asDouble())
            ? metric.path("scoreError").asDouble() * factor
            : null;
        results.add(new ThroughputResult(params.path("route").asText(), benchmark, batch,
            params.path("threads").asInt(), metric.path("score").asDouble() * factor, error, "samples/s", raw,
            null, null, "ok", null));
      }
      Path meta = jmhJson.resolveSibling(jmhJson.getFileName().toString().replace(".json", "-meta.json"));
      if (Files.isRegularFile(meta)) {
        for (JsonNode job : JSON.readTree(meta.toFile()).path("jobs")) {
          if ("route".equals(job.path("kind").asText()) && !"ok".equals(job.path("status").asText())) {
            String route = job.path("route").asText();
            if (results.stream().noneMatch(r -> r.route().equals(route))) {
              results.add(new ThroughputResult(route, "train", 0, job.path("threads").asInt(), null, null,
                  "samples/s", List.of(), null, null, "failed",
                  job.path("failure").asText(job.path("status").asText())));
            }
          }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read JMH results " + jmhJson + ": " + e.getMessage(), e);
    }
    return results;
  }

  /** "train" / "infer" for the suite's benchmark methods, null for anything else. */
  static String benchmark(String method) {
    if (method.endsWith("TrainStepBenchmark.trainStep")) {
      return "train";
    }
    if (method.endsWith("InferenceBenchmark.predict")) {
      return "infer";
    }
    return null;
  }
}
