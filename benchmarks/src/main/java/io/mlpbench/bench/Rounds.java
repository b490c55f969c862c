package io.mlpbench.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.commons.math3.distribution.TDistribution;
import org.apache.commons.math3.stat.descriptive.DescriptiveStatistics;

/**
 * Forks measured in rounds: with N forks, every job runs one fork per round, N rounds, so all
 * routes and GEMM libraries are measured in turn through the whole run instead of each in its own
 * window. On a shared machine a neighbour's minute-long burst then lands on one fork of every route
 * rather than on all forks of one (2026-12-03, results/perf/quick-20261203-1140: manual's SGEMM
 * read 0.56 [0.52, 0.61] of TF's with its 5 forks back to back, against 0.87 in a run four hours
 * earlier), and the fork-level interval sees that noise instead of hiding it.
 *
 * <p>A job's rounds are put back together as if JMH had run its forks in one go: one result per
 * benchmark and parameters, the forks' raw data in round order, and score, error (JMH's 99.9%
 * t-interval over all iterations), confidence and percentiles recomputed from them.
 */
final class Rounds {
  /** JMH's score error is the half-width of this two-sided interval over all iterations. */
  private static final double JMH_CONFIDENCE = 0.999;

  private Rounds() {}

  /** One job's outcome from its rounds' outcomes (in round order), as one run of all its forks. */
  static JobOutcome merge(List<JobOutcome> rounds) {
    JobOutcome first = rounds.get(0);
    if (rounds.size() == 1) {
      return first;
    }
    List<List<JsonNode>> results = new ArrayList<>();
    List<JsonNode> sidecar = new ArrayList<>();
    List<String> failures = new ArrayList<>();
    double seconds = 0;
    Integer exitCode = 0;
    for (int r = 0; r < rounds.size(); r++) {
      JobOutcome o = rounds.get(r);
      results.add(o.results());
      sidecar.addAll(o.sidecar());
      seconds += o.seconds();
      if (o.failed()) {
        failures.add("round " + (r + 1) + " of " + rounds.size() + ": " + o.failure());
        exitCode = o.exitCode();
      }
    }
    return new JobOutcome(
        first.job(),
        first.command(),
        first.appliedEnvironment(),
        exitCode,
        seconds,
        results(results),
        sidecar,
        failures.isEmpty() ? null : String.join("; ", failures),
        first.log());
  }

  /**
   * JMH results of several runs of one job (each a list of result objects) as one list: results of
   * the same benchmark and parameters become one, with the forks of every run.
   */
  static List<JsonNode> results(List<List<JsonNode>> runs) {
    Map<String, List<JsonNode>> byKey = new LinkedHashMap<>();
    for (List<JsonNode> run : runs) {
      for (JsonNode r : run) {
        byKey.computeIfAbsent(key(r), k -> new ArrayList<>()).add(r);
      }
    }
    return byKey.values().stream().map(Rounds::combine).collect(Collectors.toList());
  }

  private static String key(JsonNode r) {
    return r.path("benchmark").asText() + " " + r.path("mode").asText() + " " + r.path("params");
  }

  private static JsonNode combine(List<JsonNode> parts) {
    ObjectNode merged = parts.get(0).deepCopy();
    if (parts.size() == 1) {
      return merged;
    }
    merged.put("forks", parts.stream().mapToInt(p -> p.path("forks").asInt(1)).sum());
    merged.set("primaryMetric", metric(parts.stream().map(p -> p.path("primaryMetric")).toList()));
    ObjectNode secondary = merged.putObject("secondaryMetrics");
    for (Iterator<String> names = parts.get(0).path("secondaryMetrics").fieldNames();
        names.hasNext(); ) {
      String name = names.next();
      secondary.set(
          name, metric(parts.stream().map(p -> p.path("secondaryMetrics").path(name)).toList()));
    }
    return merged;
  }

  /** A JMH metric whose raw data are the forks of every part, statistics recomputed. */
  private static ObjectNode metric(List<JsonNode> parts) {
    ObjectNode m = parts.get(0).deepCopy();
    ArrayNode raw = m.putArray("rawData");
    DescriptiveStatistics all = new DescriptiveStatistics();
    for (JsonNode part : parts) {
      for (JsonNode fork : part.path("rawData")) {
        raw.add(fork.deepCopy());
        fork.forEach(v -> all.addValue(v.asDouble()));
      }
    }
    long n = all.getN();
    double mean = all.getMean();
    double error =
        n > 1
            ? new TDistribution(n - 1).inverseCumulativeProbability(0.5 + JMH_CONFIDENCE / 2)
                * all.getStandardDeviation()
                / Math.sqrt(n)
            : Double.NaN;
    m.put("score", mean);
    m.put("scoreError", error);
    ArrayNode confidence = m.putArray("scoreConfidence");
    confidence.add(mean - error);
    confidence.add(mean + error);
    ObjectNode percentiles = m.putObject("scorePercentiles");
    for (Iterator<String> ps = parts.get(0).path("scorePercentiles").fieldNames(); ps.hasNext(); ) {
      String p = ps.next();
      double q = Double.parseDouble(p);
      percentiles.put(p, q == 0 ? all.getMin() : all.getPercentile(q));
    }
    return m;
  }
}
