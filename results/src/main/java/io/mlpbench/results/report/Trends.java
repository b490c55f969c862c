package io.mlpbench.results.report;

import io.mlpbench.results.compare.CompareOptions;
import io.mlpbench.results.compare.Comparison;
import io.mlpbench.results.compare.ComparisonRow;
import io.mlpbench.results.compare.RunComparer;
import io.mlpbench.results.compare.Verdict;
import io.mlpbench.results.env.HardwareClass;
import io.mlpbench.results.model.RunRecord;
import io.mlpbench.results.model.RunSettings;
import io.mlpbench.results.model.ThroughputResult;
import java.awt.BasicStroke;
import java.awt.Color;
import java.io.IOException;
import java.text.DecimalFormat;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.SymbolAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYErrorRenderer;
import org.jfree.chart.util.ShapeUtils;
import org.jfree.data.xy.YIntervalSeries;
import org.jfree.data.xy.YIntervalSeriesCollection;

/**
 * The report's trends section: per route, training samples/s and test accuracy over the recorded
 * runs comparable with the reported one (same hardware class and training settings), oldest first
 * and labelled by commit, with their intervals; a run whose value the compare rules call a
 * regression against the comparable run before it is marked.
 */
public final class Trends {
  /** Runs shown in the charts; the tables show the last {@link #TABLE_RUNS}. */
  static final int CHART_RUNS = 20;

  static final int TABLE_RUNS = 8;

  static final String MARK = "▼ regression";

  private final List<RunRecord> runs;
  private final Map<String, Verdict> verdicts = new LinkedHashMap<>();

  private Trends(List<RunRecord> runs) {
    this.runs = runs;
    for (int i = 1; i < runs.size(); i++) {
      Comparison c =
          new RunComparer(CompareOptions.defaults())
              .compare("trend", "previous run", List.of(runs.get(i - 1)), runs.get(i));
      for (ComparisonRow row : c.rows()) {
        verdicts.put(key(runs.get(i), row.route(), row.metric()), row.verdict());
      }
    }
  }

  /**
   * The trend of {@code now} within {@code history}: the comparable runs (now included, once),
   * oldest first, at most {@link #CHART_RUNS}.
   */
  public static Trends of(List<RunRecord> history, RunRecord now) {
    Map<String, RunRecord> byId = new LinkedHashMap<>();
    for (RunRecord r : history) {
      if (comparable(r, now)) {
        byId.put(r.runId(), r);
      }
    }
    byId.put(now.runId(), now); // the reported record wins over a stored copy of it
    List<RunRecord> sorted = new ArrayList<>(byId.values());
    sorted.sort(
        Comparator.comparing(
            (RunRecord r) -> r.startedAt() == null ? "" : r.startedAt().toString()));
    int from = Math.max(0, sorted.size() - CHART_RUNS);
    return new Trends(List.copyOf(sorted.subList(from, sorted.size())));
  }

  static boolean comparable(RunRecord a, RunRecord b) {
    if (a.environment() == null || b.environment() == null) {
      return false;
    }
    if (HardwareClass.of(a.environment()).mismatch(HardwareClass.of(b.environment())) != null) {
      return false;
    }
    RunSettings x = a.settings();
    RunSettings y = b.settings();
    return x != null
        && y != null
        && Objects.equals(x.dataset(), y.dataset())
        && Objects.equals(x.layerSizes(), y.layerSizes())
        && Objects.equals(x.activation(), y.activation())
        && Objects.equals(x.optimizer(), y.optimizer())
        && x.learningRate() == y.learningRate()
        && x.batchSize() == y.batchSize()
        && x.epochs() == y.epochs();
  }

  public List<RunRecord> runs() {
    return runs;
  }

  /** The section, or null when there is no earlier comparable run to draw a trend with. */
  public HtmlReport.Section section() throws IOException {
    if (runs.size() < 2) {
      return null;
    }
    List<HtmlReport.Chart> charts = new ArrayList<>();
    byte[] speed = chart(true);
    if (speed != null) {
      charts.add(
          new HtmlReport.Chart(
              "Training samples/s over runs",
              "Line chart of each route's training samples per second over the last "
                  + runs.size()
                  + " comparable runs, with JMH error bars",
              "Error bars: JMH 99.9% error. A red cross marks a run the compare rules call a"
                  + " regression against the comparable run before it.",
              speed));
    }
    byte[] accuracy = chart(false);
    if (accuracy != null) {
      charts.add(
          new HtmlReport.Chart(
              "Test accuracy over runs",
              "Line chart of each route's final test accuracy over the last "
                  + runs.size()
                  + " comparable runs, with 95% confidence intervals where seeds allow",
              "Error bars: 95% CI over seeds (none with one seed). Red crosses mark regressions"
                  + " against the previous comparable run.",
              accuracy));
    }
    return new HtmlReport.Section(
        "Trends",
        runs.size()
            + " runs with the same hardware class and training settings as this one, oldest first,"
            + " labelled by commit (history in results/history/).",
        charts,
        List.of(table(true), table(false)));
  }

  private Table table(boolean speed) {
    List<RunRecord> shown = runs.subList(Math.max(0, runs.size() - TABLE_RUNS), runs.size());
    List<String> headers = new ArrayList<>(List.of("route"));
    shown.forEach(r -> headers.add(label(r)));
    List<List<String>> rows = new ArrayList<>();
    for (String route : routes()) {
      List<String> row = new ArrayList<>(List.of(route));
      for (RunRecord r : shown) {
        Point p = speed ? speed(r, route) : accuracy(r, route);
        String cell = p == null ? "-" : speed ? speedCell(p) : accuracyCell(p);
        if (p != null && regression(r, route, speed)) {
          cell += " " + MARK;
        }
        row.add(cell);
      }
      rows.add(row);
    }
    return new Table(
        speed ? "Trend: train samples/s" : "Trend: test accuracy",
        headers,
        rows,
        List.of(
            speed
                ? "± JMH 99.9% error; "
                    + MARK
                    + " = the compare rules' verdict against the previous"
                    + " column's run."
                : "Mean [95% CI] over seeds (the mean alone with one seed); "
                    + MARK
                    + " as above."));
  }

  private byte[] chart(boolean speed) throws IOException {
    YIntervalSeriesCollection data = new YIntervalSeriesCollection();
    YIntervalSeries marks = new YIntervalSeries("regression");
    List<String> routes = routes();
    Map<String, String> frameworks = new LinkedHashMap<>();
    for (String route : routes) {
      YIntervalSeries series = new YIntervalSeries(route);
      for (int i = 0; i < runs.size(); i++) {
        RunRecord r = runs.get(i);
        Point p = speed ? speed(r, route) : accuracy(r, route);
        if (p != null) {
          series.add(i, p.value, p.value - p.halfWidth, p.value + p.halfWidth);
          if (regression(r, route, speed)) {
            marks.add(i, p.value, p.value, p.value);
          }
          frameworks.putIfAbsent(route, p.framework);
        }
      }
      if (series.getItemCount() > 0) {
        data.addSeries(series);
      }
    }
    if (data.getSeriesCount() == 0) {
      return null;
    }
    int regressionSeries = -1;
    if (marks.getItemCount() > 0) {
      data.addSeries(marks);
      regressionSeries = data.getSeriesCount() - 1;
    }
    SymbolAxis x =
        new SymbolAxis("run (commit)", runs.stream().map(Trends::label).toArray(String[]::new));
    x.setVerticalTickLabels(runs.size() > 6);
    x.setGridBandsVisible(false);
    NumberAxis y =
        new NumberAxis(speed ? "train samples/s (JMH 99.9% error)" : "test accuracy (95% CI)");
    y.setAutoRangeIncludesZero(speed);
    if (!speed) {
      y.setAutoRangeMinimumSize(0.004);
    }
    y.setNumberFormatOverride(new DecimalFormat(speed ? "#,##0" : "0.0000"));
    XYErrorRenderer renderer = new XYErrorRenderer();
    renderer.setDrawXError(false);
    renderer.setDrawYError(true);
    renderer.setDefaultLinesVisible(true);
    renderer.setDrawSeriesLineAsPath(true);
    renderer.setErrorStroke(new BasicStroke(1.2f)); // solid, whatever the route's dash
    for (int i = 0; i < data.getSeriesCount(); i++) {
      String route = (String) data.getSeriesKey(i);
      if (i == regressionSeries) {
        renderer.setSeriesPaint(i, Color.RED);
        renderer.setSeriesLinesVisible(i, false);
        renderer.setSeriesShape(i, ShapeUtils.createDiagonalCross(6f, 1.5f));
        renderer.setSeriesStroke(i, new BasicStroke(2f));
        continue;
      }
      renderer.setSeriesPaint(i, RouteStyle.colour(frameworks.get(route)));
      renderer.setSeriesStroke(i, RouteStyle.stroke(style(route)));
      renderer.setSeriesShape(i, RouteStyle.shape(routes.indexOf(route)));
    }
    XYPlot plot = new XYPlot(data, x, y, renderer);
    plot.setBackgroundPaint(Color.WHITE);
    plot.setDomainGridlinePaint(Color.LIGHT_GRAY);
    plot.setRangeGridlinePaint(Color.LIGHT_GRAY);
    JFreeChart chart =
        new JFreeChart(
            speed ? "Training samples/s over runs" : "Test accuracy over runs",
            JFreeChart.DEFAULT_TITLE_FONT,
            plot,
            true);
    chart.setBackgroundPaint(Color.WHITE);
    return Charts.png(chart);
  }

  private record Point(double value, double halfWidth, String framework) {}

  private Point speed(RunRecord r, String route) {
    ThroughputResult t =
        JmhResults.train(r.throughput(), route, r.settings().batchSize(), r.settings().threads())
            .orElse(null);
    if (!SpeedRanking.measured(t)) {
      return null;
    }
    return new Point(t.score(), t.scoreError() == null ? 0 : t.scoreError(), framework(r, route));
  }

  private Point accuracy(RunRecord r, String route) {
    RouteSummary s = summary(r, route);
    return s == null
        ? null
        : new Point(s.meanAccuracy(), s.ci95() == null ? 0 : s.ci95(), s.framework());
  }

  private static RouteSummary summary(RunRecord r, String route) {
    return new ReportModel(r, null)
        .summaries().stream().filter(s -> s.route().equals(route)).findFirst().orElse(null);
  }

  private static String framework(RunRecord r, String route) {
    return r.accuracy().stream()
        .filter(a -> a.route().equals(route))
        .map(a -> a.framework())
        .findFirst()
        .orElse(route);
  }

  private String style(String route) {
    for (RunRecord r : runs) {
      for (var a : r.accuracy()) {
        if (a.route().equals(route)) {
          return a.style();
        }
      }
    }
    return "";
  }

  private boolean regression(RunRecord r, String route, boolean speed) {
    for (Map.Entry<String, Verdict> e : verdicts.entrySet()) {
      String prefix = r.runId() + "|" + route + "|";
      if (e.getKey().startsWith(prefix) && e.getValue() == Verdict.REGRESSION) {
        boolean accuracyRow = e.getKey().endsWith("|" + RunComparer.ACCURACY);
        if (speed ? speedMetric(r, route, e.getKey().substring(prefix.length())) : accuracyRow) {
          return true;
        }
      }
    }
    return false;
  }

  /** True when {@code metric} names the training result the trend draws for this run. */
  private static boolean speedMetric(RunRecord r, String route, String metric) {
    return JmhResults.train(r.throughput(), route, r.settings().batchSize(), r.settings().threads())
        .map(t -> RunComparer.metricName(t).equals(metric))
        .orElse(false);
  }

  private List<String> routes() {
    Set<String> routes = new LinkedHashSet<>();
    runs.forEach(r -> r.accuracy().forEach(a -> routes.add(a.route())));
    runs.forEach(
        r ->
            r.throughput().stream()
                .filter(t -> t.benchmark().equals("train"))
                .forEach(t -> routes.add(t.route())));
    return new ArrayList<>(routes);
  }

  private static String key(RunRecord r, String route, String metric) {
    return r.runId() + "|" + route + "|" + metric;
  }

  static String label(RunRecord r) {
    String commit =
        r.environment() == null || r.environment().gitCommit() == null
            ? "?"
            : r.environment().gitCommit();
    String shortCommit = commit.length() > 7 ? commit.substring(0, 7) : commit;
    String day = r.startedAt() == null ? "" : r.startedAt().toString().substring(5, 16);
    return shortCommit + " " + day.replace('T', ' ');
  }

  private static String speedCell(Point p) {
    return String.format(java.util.Locale.ROOT, "%,.0f ± %,.0f", p.value, p.halfWidth);
  }

  private static String accuracyCell(Point p) {
    return p.halfWidth == 0
        ? String.format(java.util.Locale.ROOT, "%.4f", p.value)
        : String.format(
            java.util.Locale.ROOT,
            "%.4f [%.4f, %.4f]",
            p.value,
            p.value - p.halfWidth,
            p.value + p.halfWidth);
  }
}
