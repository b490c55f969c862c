package io.mlpbench.bench;

import io.mlpbench.core.launch.RouteDescriptor;
import io.mlpbench.core.launch.RouteModule;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * One JMH run in a JVM of its own: the benchmarks to run on one route module's classpath, with the
 * JMH parameters, environment and JVM flags of that route (or of the module's GEMM provider).
 *
 * @param route the route measured; null for a GEMM calibration job
 * @param benchmarks fully qualified benchmark method names, e.g. {@code
 *     ...TrainStepBenchmark.trainStep}
 * @param params JMH {@code -p} values; a list of several values runs each
 */
public record JmhJob(
    String label,
    RouteModule module,
    RouteDescriptor route,
    int threads,
    List<String> benchmarks,
    Map<String, List<String>> params,
    Map<String, String> environment,
    List<String> jvmArgs) {

  public JmhJob {
    benchmarks = List.copyOf(benchmarks);
    params = new LinkedHashMap<>(params);
    environment = Map.copyOf(environment);
    jvmArgs = List.copyOf(jvmArgs);
  }

  public boolean isCalibration() {
    return route == null;
  }

  /** JMH's include regex selecting exactly {@link #benchmarks}. */
  public String includeRegex() {
    List<String> quoted = new ArrayList<>();
    for (String b : benchmarks) {
      quoted.add(Pattern.quote(b));
    }
    return "^(" + String.join("|", quoted) + ")$";
  }

  /** One key per result JMH should produce: benchmark and every multi-valued parameter. */
  public List<String> expectedResults() {
    List<String> keys = new ArrayList<>();
    for (String benchmark : benchmarks) {
      keys.add(benchmark);
    }
    for (Map.Entry<String, List<String>> p : params.entrySet()) {
      if (p.getValue().size() < 2) {
        continue;
      }
      List<String> expanded = new ArrayList<>();
      for (String key : keys) {
        for (String value : p.getValue()) {
          expanded.add(key + " " + p.getKey() + "=" + value);
        }
      }
      keys = expanded;
    }
    return keys;
  }

  /** The key of a produced result, comparable with {@link #expectedResults()}. */
  public String resultKey(String benchmark, Map<String, String> resultParams) {
    StringBuilder key = new StringBuilder(benchmark);
    for (Map.Entry<String, List<String>> p : params.entrySet()) {
      if (p.getValue().size() >= 2) {
        key.append(' ').append(p.getKey()).append('=').append(resultParams.get(p.getKey()));
      }
    }
    return key.toString();
  }
}
