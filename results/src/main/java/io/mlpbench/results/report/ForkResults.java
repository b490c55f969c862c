package io.mlpbench.results.report;

import com.fasterxml.jackson.databind.JsonNode;
import io.mlpbench.results.model.ForkResult;
import java.util.ArrayList;
import java.util.List;

/**
 * Per-fork samples of one JMH result with each iteration's contention record: JMH's {@code rawData}
 * is one array per fork, and the benchmarks module's contention profiler adds secondary metrics
 * {@code contention.*} whose {@code rawData} lines up with the score's, fork by fork.
 */
final class ForkResults {
  private ForkResults() {}

  static List<ForkResult> of(JsonNode rawData, double scale, JsonNode result) {
    JsonNode busy = contention(result, "busy");
    JsonNode other = contention(result, "otherCpu");
    JsonNode steal = contention(result, "steal");
    JsonNode load = contention(result, "loadavg");
    JsonNode cpu = contention(result, "processCpu");
    List<ForkResult> forks = new ArrayList<>();
    for (int f = 0; f < rawData.size(); f++) {
      List<Double> samples = new ArrayList<>();
      rawData.get(f).forEach(v -> samples.add(v.asDouble() * scale));
      List<Boolean> busyFlags = new ArrayList<>();
      busy.path(f).forEach(v -> busyFlags.add(v.asDouble() > 0.5));
      forks.add(
          new ForkResult(
              samples,
              busyFlags.size() == samples.size() ? busyFlags : List.of(),
              numbers(other.path(f)),
              numbers(steal.path(f)),
              numbers(load.path(f)),
              numbers(cpu.path(f))));
    }
    return forks;
  }

  /** The raw data of secondary metric {@code contention.<name>} (JMH may prefix names). */
  private static JsonNode contention(JsonNode result, String name) {
    JsonNode metrics = result.path("secondaryMetrics");
    var names = metrics.fieldNames();
    while (names.hasNext()) {
      String key = names.next();
      if (key.endsWith("contention." + name)) {
        return metrics.path(key).path("rawData");
      }
    }
    return com.fasterxml.jackson.databind.node.MissingNode.getInstance();
  }

  private static List<Double> numbers(JsonNode fork) {
    List<Double> values = new ArrayList<>();
    fork.forEach(v -> values.add(v.asDouble()));
    return values;
  }
}
