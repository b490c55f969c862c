package io.mlpbench.results.matrix;

import io.mlpbench.results.compare.CompareOptions;
import io.mlpbench.results.compare.RunComparer;
import io.mlpbench.results.model.ForkResult;
import io.mlpbench.results.model.ThroughputResult;
import io.mlpbench.results.stats.LogRatioInterval;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The JVM as a release: for one framework, each release's throughput on every further JDK over the
 * matrix's first JDK ("JDK 25 / JDK 17"), as the ratio of geometric means of the fork means with a
 * Welch t-interval on their logarithms ({@link LogRatioInterval}, the interval {@code compare}
 * uses). The fork is the unit of replication; forks measured busy are left out, as {@code compare}
 * leaves them out.
 *
 * <p>A ratio, not a verdict: a release's JDKs run one after the other, not fork by fork
 * interleaved, so drift of the machine between them is not cancelled; {@code ab --jvm
 * --candidate-jvm} gives the paired verdict for a route.
 */
final class JdkRatioTable {
  private final List<MatrixRunner.Cell> cells;
  private final CompareOptions options;

  /**
   * @param cells one framework's cells, every release on every JDK
   */
  JdkRatioTable(List<MatrixRunner.Cell> cells, CompareOptions options) {
    this.cells = List.copyOf(cells);
    this.options = options;
  }

  /** The JDK labels of {@code cells}, first seen first (the config's order). */
  static List<String> jdkLabels(List<MatrixRunner.Cell> cells) {
    Set<String> labels = new LinkedHashSet<>();
    cells.stream()
        .map(MatrixRunner.Cell::jvm)
        .filter(Objects::nonNull)
        .forEach(j -> labels.add(j.label()));
    return List.copyOf(labels);
  }

  /** One table per further JDK: route x metric rows (throughput only), one column per release. */
  String markdown(String framework) {
    List<String> jdks = jdkLabels(cells);
    if (jdks.size() < 2) {
      return "";
    }
    String reference = jdks.get(0);
    List<MatrixConfig.Version> versions =
        cells.stream().map(MatrixRunner.Cell::version).distinct().toList();
    StringBuilder md = new StringBuilder();
    for (String jdk : jdks.subList(1, jdks.size())) {
      md.append("### ")
          .append(framework)
          .append(": JDK ")
          .append(jdk)
          .append(" / JDK ")
          .append(reference)
          .append("\n\n");
      md.append(
          String.format(
              Locale.ROOT,
              "Throughput on JDK %s over JDK %s, same release: ratio of geometric fork means,"
                  + " %s-level Welch t-interval on log fork means (busy forks left out, >= %d"
                  + " forks a side); bold when the interval excludes 1. The JDKs ran one after the"
                  + " other, not interleaved: for a verdict use `ab --jvm --candidate-jvm`.%n%n",
              jdk,
              reference,
              MatrixTable.fmt(1 - options.alpha()),
              options.minForks()));
      md.append("| route | metric |");
      versions.forEach(v -> md.append(' ').append(v.label()).append(" |"));
      md.append("\n|---|---|");
      versions.forEach(v -> md.append("---:|"));
      md.append('\n');
      Map<String, String[]> lines = new LinkedHashMap<>();
      for (int i = 0; i < versions.size(); i++) {
        Map<String, ThroughputResult> ref = throughput(versions.get(i), reference);
        Map<String, ThroughputResult> now = throughput(versions.get(i), jdk);
        Set<String> keys = new LinkedHashSet<>(ref.keySet());
        keys.addAll(now.keySet());
        for (String key : keys) {
          lines.computeIfAbsent(key, k -> new String[versions.size()])[i] =
              ratio(ref.get(key), now.get(key));
        }
      }
      for (Map.Entry<String, String[]> line : lines.entrySet()) {
        String[] key = line.getKey().split("\\|", 2);
        md.append("| ").append(key[0]).append(" | ").append(key[1]).append(" |");
        for (String v : line.getValue()) {
          md.append(' ').append(v != null ? v : "-").append(" |");
        }
        md.append('\n');
      }
      if (lines.isEmpty()) {
        md.append("| - | - |");
        versions.forEach(v -> md.append(" - |"));
        md.append('\n');
      }
      md.append('\n');
    }
    return md.toString();
  }

  /** "route|metric" -> throughput of {@code version} on {@code jdk}; empty without a record. */
  private Map<String, ThroughputResult> throughput(MatrixConfig.Version version, String jdk) {
    Map<String, ThroughputResult> byKey = new LinkedHashMap<>();
    cells.stream()
        .filter(c -> c.version().equals(version) && c.jvm() != null && c.jvm().label().equals(jdk))
        .filter(c -> c.record() != null)
        .flatMap(c -> c.record().throughput().stream())
        .forEach(t -> byKey.put(t.route() + "|" + RunComparer.metricName(t), t));
    return byKey;
  }

  /** The ratio now / reference with its interval, or why there is none. */
  String ratio(ThroughputResult reference, ThroughputResult now) {
    if (reference == null || now == null) {
      return "-";
    }
    if (failed(reference) || failed(now)) {
      return "failed";
    }
    double[] a = quietForkMeans(reference);
    double[] b = quietForkMeans(now);
    if (a.length < options.minForks() || b.length < options.minForks()) {
      return "n/a (" + a.length + " vs " + b.length + " quiet forks)";
    }
    LogRatioInterval.Result ci = LogRatioInterval.of(a, b, 1 - options.alpha());
    String text =
        String.format(Locale.ROOT, "%.3f [%.3f, %.3f]", ci.ratio(), ci.lower(), ci.upper());
    return ci.excludesOne() ? "**" + text + "**" : text;
  }

  private static boolean failed(ThroughputResult t) {
    return !"ok".equals(t.status()) || t.score() == null;
  }

  /** The means of the forks not measured busy, with a positive score (a failed fork has none). */
  private static double[] quietForkMeans(ThroughputResult t) {
    List<Double> means = new ArrayList<>();
    for (ForkResult f : t.forkResults()) {
      if (!f.measuredBusy() && f.mean() > 0) {
        means.add(f.mean());
      }
    }
    return means.stream().mapToDouble(Double::doubleValue).toArray();
  }
}
