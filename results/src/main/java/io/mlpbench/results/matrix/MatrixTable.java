package io.mlpbench.results.matrix;

import io.mlpbench.results.compare.CompareOptions;
import io.mlpbench.results.compare.Comparison;
import io.mlpbench.results.compare.ComparisonRow;
import io.mlpbench.results.compare.RunComparer;
import io.mlpbench.results.compare.Verdict;
import io.mlpbench.results.model.AccuracyResult;
import io.mlpbench.results.model.RunRecord;
import io.mlpbench.results.model.ThroughputResult;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Route x release tables of the matrix: per framework, one row per route and metric, one column per
 * release (oldest first). From the second release on, each cell also shows the change against the
 * previous release and the verdict of the same comparison rules as {@code compare}.
 *
 * <p>With more than one JDK, a column is a release on a JDK, a release is compared with the
 * previous release on the same JDK (compare calls runs on different JDKs not comparable), and
 * {@link JdkRatioTable} adds each framework's JDK ratios. With one JDK the table is as it always
 * was.
 */
public final class MatrixTable {
  private final List<MatrixRunner.Cell> cells;
  private final CompareOptions options;
  private final boolean jdkAxis;

  public MatrixTable(List<MatrixRunner.Cell> cells, CompareOptions options) {
    this.cells = List.copyOf(cells);
    this.options = options;
    this.jdkAxis = JdkRatioTable.jdkLabels(this.cells).size() > 1;
  }

  /** True when any release is slower or less accurate than the one before it. */
  public boolean hasRegression() {
    return comparisons().values().stream().anyMatch(Comparison::hasRegression);
  }

  public String markdown() {
    StringBuilder md = new StringBuilder("# Framework release matrix\n\n");
    md.append(
        String.format(
            Locale.ROOT,
            "Each release is built into its own classpath and run in its own JVMs. Cells from the second"
                + " release on: change vs the previous release and its verdict (throughput: > %s%% and"
                + " a %s-level t-interval on log fork means excluding 1, >= 3 forks a side; accuracy:"
                + " beyond max(%s pp, %s x sd over seeds), >= 3 seeds).%n%n",
            fmt(options.thresholdPercent()),
            fmt(1 - options.alpha()),
            fmt(options.accuracyFloorPp()),
            fmt(options.accuracySdFactor())));
    if (jdkAxis) {
      md.append(
          "Each release runs on every JDK of the matrix (built once, the same classes on each):"
              + " columns are release x JDK, and each release is compared with the previous"
              + " release on the same JDK. Below each framework, the JDK ratios of every"
              + " release.\n\n");
    }
    Map<MatrixRunner.Cell, Comparison> comparisons = comparisons();
    Set<String> frameworks = new LinkedHashSet<>();
    cells.forEach(c -> frameworks.add(c.framework().name()));
    List<String> footnotes = new ArrayList<>();
    for (String framework : frameworks) {
      List<MatrixRunner.Cell> row =
          cells.stream().filter(c -> c.framework().name().equals(framework)).toList();
      md.append("## ")
          .append(framework)
          .append(" (")
          .append(row.get(0).framework().module())
          .append(")\n\n");
      md.append("| route | metric |");
      row.forEach(c -> md.append(' ').append(label(c)).append(" |"));
      md.append("\n|---|---|");
      row.forEach(c -> md.append("---:|"));
      md.append('\n');
      Map<String, String[]> lines = new LinkedHashMap<>();
      for (int i = 0; i < row.size(); i++) {
        MatrixRunner.Cell cell = row.get(i);
        if (cell.record() == null) {
          footnotes.add(framework + " " + label(cell) + ": " + cell.failure());
          continue;
        }
        Map<String, String> values = values(cell.record());
        for (ThroughputResult t : cell.record().throughput()) {
          if (t.score() == null) {
            footnotes.add(
                framework
                    + " "
                    + label(cell)
                    + " "
                    + t.route()
                    + " throughput failed: "
                    + t.failure());
          }
        }
        for (AccuracyResult a : cell.record().accuracy()) {
          if (!a.ok()) {
            footnotes.add(
                framework
                    + " "
                    + label(cell)
                    + " "
                    + a.route()
                    + " seed "
                    + a.seed()
                    + " training failed: "
                    + a.failure());
          }
        }
        Comparison vsPrevious = comparisons.get(cell);
        for (Map.Entry<String, String> v : values.entrySet()) {
          String[] cellsOfLine = lines.computeIfAbsent(v.getKey(), k -> new String[row.size()]);
          String text = v.getValue();
          if (vsPrevious != null) {
            ComparisonRow r = find(vsPrevious, v.getKey());
            if (r != null && r.change() != null) {
              String verdict =
                  r.verdict() == Verdict.REGRESSION ? "**regression**" : r.verdict().label();
              text +=
                  String.format(
                      Locale.ROOT,
                      "pp".equals(r.changeUnit()) ? " (%+.2f pp, %s)" : " (%+.1f%%, %s)",
                      r.change(),
                      verdict);
            } else if (r != null && r.verdict() != Verdict.NOT_COMPARABLE) {
              text += " (" + r.verdict().label() + ")";
            }
          }
          cellsOfLine[i] = text;
        }
      }
      List<Map.Entry<String, String[]>> ordered = new ArrayList<>(lines.entrySet());
      // throughput rows first, accuracy rows after, whatever the first release happened to have
      ordered.sort(
          Comparator.comparing(
              (Map.Entry<String, String[]> e) -> e.getKey().endsWith("|" + RunComparer.ACCURACY)));
      for (Map.Entry<String, String[]> line : ordered) {
        String[] key = line.getKey().split("\\|", 2);
        md.append("| ").append(key[0]).append(" | ").append(key[1]).append(" |");
        for (int i = 0; i < row.size(); i++) {
          String v = line.getValue()[i];
          md.append(' ')
              .append(v != null ? v : row.get(i).record() == null ? "build failed" : "-")
              .append(" |");
        }
        md.append('\n');
      }
      if (jdkAxis) {
        // what each cell's route JVMs said they ran on, not only what was asked for
        md.append("| (jdk) | JDK the route JVMs reported |");
        row.forEach(
            c ->
                md.append(' ')
                    .append(c.reportedJdk() == null ? "-" : c.reportedJdk().replace("|", "\\|"))
                    .append(" |"));
        md.append('\n');
      }
      if (row.stream().anyMatch(c -> c.loadBeforeTiming() != null)) {
        md.append("| (machine) | load average before timing |");
        row.forEach(
            c ->
                md.append(' ')
                    .append(
                        c.loadBeforeTiming() == null
                            ? "-"
                            : String.format(Locale.ROOT, "%.2f", c.loadBeforeTiming()))
                    .append(" |"));
        md.append('\n');
      }
      if (lines.isEmpty()) {
        md.append("| - | - |");
        row.forEach(c -> md.append(" build failed |"));
        md.append('\n');
      }
      md.append('\n');
      if (jdkAxis) {
        md.append(new JdkRatioTable(row, options).markdown(framework));
      }
    }
    if (!footnotes.isEmpty()) {
      md.append("Failures:\n\n");
      footnotes.forEach(f -> md.append("- ").append(f.replace("|", "\\|")).append('\n'));
      md.append('\n');
    }
    return md.toString();
  }

  /**
   * Each release's comparison with the previous successfully built release of its framework on the
   * same JDK.
   */
  Map<MatrixRunner.Cell, Comparison> comparisons() {
    Map<MatrixRunner.Cell, Comparison> map = new LinkedHashMap<>();
    Map<String, MatrixRunner.Cell> previous = new LinkedHashMap<>();
    RunComparer comparer = new RunComparer(options);
    for (MatrixRunner.Cell c : cells) {
      if (c.record() == null) {
        continue;
      }
      String line = c.framework().name() + "|" + (c.jvm() == null ? "" : c.jvm().label());
      MatrixRunner.Cell prev = previous.get(line);
      if (prev != null) {
        map.put(
            c,
            comparer.compare(
                c.framework().name() + " " + label(c),
                label(prev),
                List.of(prev.record()),
                c.record()));
      }
      previous.put(line, c);
    }
    return map;
  }

  /** A column's header: the release, and its JDK when the matrix has several. */
  private String label(MatrixRunner.Cell c) {
    return jdkAxis && c.jvm() != null
        ? c.version().label() + " on JDK " + c.jvm().label()
        : c.version().label();
  }

  private static ComparisonRow find(Comparison c, String key) {
    String[] k = key.split("\\|", 2);
    return c.rows().stream()
        .filter(r -> r.route().equals(k[0]) && r.metric().equals(k[1]))
        .findFirst()
        .orElse(null);
  }

  /** "route|metric" -> display value of one release's record. */
  static Map<String, String> values(RunRecord record) {
    Map<String, String> values = new LinkedHashMap<>();
    for (ThroughputResult t : record.throughput()) {
      String key = t.route() + "|" + RunComparer.metricName(t);
      if (t.score() == null) {
        values.put(key, "failed");
      } else if (t.scoreError() != null) {
        values.put(key, String.format(Locale.ROOT, "%,.0f ± %,.0f", t.score(), t.scoreError()));
      } else {
        values.put(key, String.format(Locale.ROOT, "%,.0f", t.score()));
      }
    }
    Map<String, List<AccuracyResult>> byRoute = new LinkedHashMap<>();
    record
        .accuracy()
        .forEach(a -> byRoute.computeIfAbsent(a.route(), r -> new ArrayList<>()).add(a));
    for (Map.Entry<String, List<AccuracyResult>> e : byRoute.entrySet()) {
      double[] ok =
          e.getValue().stream()
              .filter(AccuracyResult::ok)
              .mapToDouble(AccuracyResult::finalTestAccuracy)
              .toArray();
      String key = e.getKey() + "|" + RunComparer.ACCURACY;
      values.put(
          key,
          ok.length == 0
              ? "failed"
              : String.format(
                  Locale.ROOT,
                  "%.2f%%",
                  100 * java.util.Arrays.stream(ok).average().orElseThrow()));
    }
    return values;
  }

  static String fmt(double v) {
    return v == Math.rint(v) ? Long.toString((long) v) : Double.toString(v);
  }
}
