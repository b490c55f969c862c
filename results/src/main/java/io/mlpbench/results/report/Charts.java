package io.mlpbench.results.report;

import io.mlpbench.results.model.AccuracyResult;
import io.mlpbench.results.model.EpochResult;
import io.mlpbench.results.model.ThroughputResult;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.Paint;
import java.awt.Stroke;
import java.awt.geom.Line2D;
import java.awt.geom.Rectangle2D;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.text.DecimalFormat;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.ToDoubleFunction;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.AxisState;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.NumberTick;
import org.jfree.chart.axis.TickType;
import org.jfree.chart.labels.ItemLabelAnchor;
import org.jfree.chart.labels.ItemLabelPosition;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.category.StatisticalBarRenderer;
import org.jfree.chart.renderer.xy.XYErrorRenderer;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.statistics.DefaultStatisticalCategoryDataset;
import org.jfree.data.xy.XYIntervalSeries;
import org.jfree.data.xy.XYIntervalSeriesCollection;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.jfree.data.xy.YIntervalSeries;
import org.jfree.data.xy.YIntervalSeriesCollection;

/**
 * The report's charts, rendered by JFreeChart to PNG bytes (headless). Every chart draws a route
 * the same way ({@link RouteStyle}): colour by framework, line style by API style, its own marker.
 */
public final class Charts {
  static final int WIDTH = 900;
  static final int HEIGHT = 480;

  static {
    System.setProperty("java.awt.headless", "true");
  }

  private Charts() {}

  /** The charts beside the headline table: speed vs accuracy, throughput bars (when timed). */
  public static List<HtmlReport.Chart> headline(ReportModel model) throws IOException {
    Map<String, Integer> markers = markerIndex(model.record().accuracy());
    List<HtmlReport.Chart> charts = new ArrayList<>();
    byte[] tradeOff = speedVsAccuracy(model.ranking(), markers);
    if (tradeOff != null) {
      boolean oneSeed = model.summaries().stream().anyMatch(s -> s.ci95() == null);
      charts.add(
          new HtmlReport.Chart(
              "Training speed vs test accuracy",
              "Scatter chart: training samples per second (x) against final test accuracy (y), one"
                  + " point per route with its throughput and accuracy intervals",
              "Horizontal bars: JMH 99.9% error of samples/s; vertical bars: 95% CI of the mean"
                  + " test accuracy over seeds"
                  + (oneSeed ? " (absent for routes with one seed)." : ".")
                  + " Up and to the right is better.",
              tradeOff));
    }
    byte[] bars = throughputBars(model.ranking());
    if (bars != null) {
      charts.add(
          new HtmlReport.Chart(
              "Training throughput (JMH)",
              "Horizontal bar chart of training samples per second per route, fastest first, with"
                  + " error bars",
              "Bars coloured by framework; error bars are JMH's 99.9% error.",
              bars));
    }
    return charts;
  }

  /** Loss and accuracy per epoch, captioned with any routes identical step for step. */
  public static List<HtmlReport.Chart> curves(ReportModel model) throws IOException {
    List<AccuracyResult> runs = model.record().accuracy();
    Map<String, Integer> markers = markerIndex(runs);
    List<HtmlReport.Chart> charts = new ArrayList<>();
    String identical = identicalCaption(runs);
    charts.add(
        new HtmlReport.Chart(
            "Training loss per epoch",
            "Line chart of mean training loss per epoch for each route (log scale)",
            "Mean over each route's successful seeds; log scale. " + identical,
            lossCurves(runs, markers)));
    byte[] relative = lossRelative(runs, markers);
    if (relative != null) {
      String ref = reference(runs);
      charts.add(
          new HtmlReport.Chart(
              "Training loss relative to " + ref,
              "Line chart of each route's mean training loss per epoch as a percentage above or"
                  + " below "
                  + ref
                  + "'s",
              "100 x (loss / "
                  + ref
                  + "'s loss - 1) per epoch: the routes' small differences,"
                  + " which the loss chart's scale hides. "
                  + identical,
              relative));
    }
    charts.add(
        new HtmlReport.Chart(
            "Test accuracy per epoch",
            "Line chart of test accuracy after each epoch for each route",
            "Mean over each route's successful seeds. " + identical,
            accuracyCurves(runs, markers)));
    return charts;
  }

  /** Mean training loss per epoch, one line per route (mean over its successful seeds). */
  public static byte[] lossCurves(List<AccuracyResult> runs, Map<String, Integer> markers)
      throws IOException {
    return png(
        lines(
            "Training loss per epoch",
            "mean training loss (log)",
            runs,
            markers,
            EpochResult::meanLoss,
            false));
  }

  /**
   * Each route's mean loss per epoch relative to the reference route's ({@link #reference}), in
   * percent; null with fewer than two routes.
   */
  static byte[] lossRelative(List<AccuracyResult> runs, Map<String, Integer> markers)
      throws IOException {
    Map<String, Map<Integer, Double>> means = means(runs, EpochResult::meanLoss);
    if (means.size() < 2) {
      return null;
    }
    String ref = reference(runs);
    Map<Integer, Double> base = means.get(ref);
    List<AccuracyResult> relative = new ArrayList<>();
    for (AccuracyResult r : runs) {
      if (!r.ok()) {
        continue;
      }
      Map<Integer, Double> mine = means.get(r.route());
      List<EpochResult> epochs = new ArrayList<>();
      for (EpochResult e : r.epochs()) {
        Double b = base.get(e.epoch());
        if (b != null && b > 0) {
          epochs.add(new EpochResult(e.epoch(), 100 * (mine.get(e.epoch()) / b - 1), 0, 0));
        }
      }
      relative.add(
          new AccuracyResult(
              r.route(),
              r.framework(),
              r.frameworkVersion(),
              r.style(),
              r.seed(),
              r.status(),
              null,
              null,
              epochs,
              r.finalTestAccuracy(),
              null,
              null,
              null,
              r.threads(),
              0));
    }
    JFreeChart chart =
        lines(
            "Training loss relative to " + ref,
            "% above " + ref + "'s mean loss",
            relative,
            markers,
            EpochResult::meanLoss,
            false);
    NumberAxis range = new NumberAxis("% above " + ref + "'s mean loss");
    range.setAutoRangeIncludesZero(true);
    range.setNumberFormatOverride(new DecimalFormat("0.0"));
    chart.getXYPlot().setRangeAxis(range);
    return png(chart);
  }

  /** The route others are compared with: {@code manual} (the reference route) when present. */
  static String reference(List<AccuracyResult> runs) {
    return runs.stream()
        .filter(AccuracyResult::ok)
        .map(AccuracyResult::route)
        .filter(r -> r.equals("manual"))
        .findFirst()
        .orElse(
            runs.stream()
                .filter(AccuracyResult::ok)
                .map(AccuracyResult::route)
                .findFirst()
                .orElse(""));
  }

  /** Route -> epoch -> mean over the route's ok seeds. */
  private static Map<String, Map<Integer, Double>> means(
      List<AccuracyResult> runs, ToDoubleFunction<EpochResult> value) {
    Map<String, Map<Integer, double[]>> sums = new LinkedHashMap<>();
    for (AccuracyResult r : runs) {
      if (r.ok()) {
        for (EpochResult e : r.epochs()) {
          double[] acc =
              sums.computeIfAbsent(r.route(), k -> new TreeMap<>())
                  .computeIfAbsent(e.epoch(), k -> new double[2]);
          acc[0] += value.applyAsDouble(e);
          acc[1]++;
        }
      }
    }
    Map<String, Map<Integer, Double>> means = new LinkedHashMap<>();
    sums.forEach(
        (route, byEpoch) -> {
          Map<Integer, Double> m = new TreeMap<>();
          byEpoch.forEach((epoch, s) -> m.put(epoch, s[0] / s[1]));
          means.put(route, m);
        });
    return means;
  }

  /** Test accuracy after each epoch, one line per route (mean over its successful seeds). */
  public static byte[] accuracyCurves(List<AccuracyResult> runs, Map<String, Integer> markers)
      throws IOException {
    return png(
        lines(
            "Test accuracy per epoch",
            "test accuracy",
            runs,
            markers,
            EpochResult::testAccuracy,
            true));
  }

  /**
   * One point per timed route: samples/s with JMH's error (x) against mean test accuracy with its
   * 95% CI (y); null when no route was timed.
   */
  public static byte[] speedVsAccuracy(
      List<SpeedRanking.Place> ranking, Map<String, Integer> markers) throws IOException {
    XYIntervalSeriesCollection data = new XYIntervalSeriesCollection();
    List<RouteSummary> drawn = new ArrayList<>();
    for (SpeedRanking.Place p : ranking) {
      RouteSummary s = p.route();
      ThroughputResult t = s.throughput();
      if (!SpeedRanking.measured(t)) {
        continue;
      }
      double err = t.scoreError() == null ? 0 : t.scoreError();
      double ci = s.ci95() == null ? 0 : s.ci95();
      XYIntervalSeries series = new XYIntervalSeries(s.route());
      series.add(
          t.score(),
          Math.max(0, t.score() - err),
          t.score() + err,
          s.meanAccuracy(),
          s.meanAccuracy() - ci,
          s.meanAccuracy() + ci);
      data.addSeries(series);
      drawn.add(s);
    }
    if (drawn.isEmpty()) {
      return null;
    }
    NumberAxis x = new NumberAxis("training samples/s (JMH, 99.9% error)");
    x.setNumberFormatOverride(new DecimalFormat("#,##0"));
    x.setAutoRangeIncludesZero(true);
    NumberAxis y = new NumberAxis("final test accuracy (95% CI over seeds)");
    y.setAutoRangeIncludesZero(false);
    y.setAutoRangeMinimumSize(0.004); // otherwise near-equal routes zoom into float noise
    y.setNumberFormatOverride(new DecimalFormat("0.0000"));
    XYErrorRenderer renderer = new XYErrorRenderer();
    renderer.setDrawXError(true);
    renderer.setDrawYError(true);
    renderer.setCapLength(6);
    renderer.setErrorStroke(new BasicStroke(1.5f));
    renderer.setDefaultItemLabelGenerator((dataset, series, item) -> drawn.get(series).route());
    renderer.setDefaultItemLabelsVisible(true);
    renderer.setDefaultItemLabelFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
    for (int i = 0; i < drawn.size(); i++) {
      RouteSummary s = drawn.get(i);
      // neighbours in speed alternate above and below, so a fit/loop pair with the same
      // accuracy keeps both names readable
      renderer.setSeriesPositiveItemLabelPosition(
          i,
          i % 2 == 0
              ? new ItemLabelPosition(ItemLabelAnchor.OUTSIDE12, TextAnchor.BOTTOM_CENTER)
              : new ItemLabelPosition(ItemLabelAnchor.OUTSIDE6, TextAnchor.TOP_CENTER));
      Color c = RouteStyle.colour(s.framework());
      renderer.setSeriesPaint(i, c);
      renderer.setSeriesShape(i, RouteStyle.shape(markers.getOrDefault(s.route(), i)));
      renderer.setSeriesItemLabelPaint(i, c.darker());
    }
    XYPlot plot = new XYPlot(data, x, y, renderer);
    grid(plot);
    JFreeChart chart =
        new JFreeChart(
            "Training speed vs test accuracy", JFreeChart.DEFAULT_TITLE_FONT, plot, true);
    chart.setBackgroundPaint(Color.WHITE);
    return png(chart);
  }

  /**
   * Training samples/s per route, fastest first, horizontal (route names stay readable), with JMH's
   * error as error bars; null when there is nothing to draw.
   */
  public static byte[] throughputBars(List<SpeedRanking.Place> ranking) throws IOException {
    DefaultStatisticalCategoryDataset data = new DefaultStatisticalCategoryDataset();
    List<Paint> paints = new ArrayList<>();
    double top = 0;
    for (SpeedRanking.Place p : ranking) {
      ThroughputResult t = p.route().throughput();
      if (SpeedRanking.measured(t)) {
        double err = t.scoreError() == null ? 0.0 : t.scoreError();
        data.add(t.score().doubleValue(), err, "samples/s", p.route().route());
        paints.add(RouteStyle.colour(p.route().framework()));
        top = Math.max(top, t.score() + err);
      }
    }
    if (data.getColumnCount() == 0) {
      return null;
    }
    CategoryAxis routes = new CategoryAxis("route");
    routes.setTickLabelFont(new Font(Font.SANS_SERIF, Font.PLAIN, 13));
    NumberAxis value = new NumberAxis("training samples/s (error bars: JMH 99.9% error)");
    // a throughput is never negative, even when a noisy error bar reaches below zero
    value.setRange(0, top * 1.05);
    value.setNumberFormatOverride(new DecimalFormat("#,##0"));
    StatisticalBarRenderer renderer =
        new StatisticalBarRenderer() {
          @Override
          public Paint getItemPaint(int row, int column) {
            return paints.get(column);
          }
        };
    renderer.setErrorIndicatorPaint(Color.BLACK);
    renderer.setShadowVisible(false);
    CategoryPlot plot = new CategoryPlot(data, routes, value, renderer);
    plot.setOrientation(PlotOrientation.HORIZONTAL);
    plot.setBackgroundPaint(Color.WHITE);
    plot.setRangeGridlinePaint(Color.LIGHT_GRAY);
    JFreeChart chart =
        new JFreeChart("Training throughput (JMH)", JFreeChart.DEFAULT_TITLE_FONT, plot, false);
    chart.setBackgroundPaint(Color.WHITE);
    return png(chart, WIDTH, Math.max(260, 90 + 48 * data.getColumnCount()));
  }

  /**
   * Training samples/s over batch size, one line per (route, thread count), so a route's 1-thread
   * and most-threads lines sit side by side and the thread speed-up at each batch size is the gap
   * between them. Colour and marker are the route's as in every chart; line style here tells the
   * thread count (solid: the most threads, dashed: 1 thread, dotted: any other), not the API style.
   *
   * @param train one run's ok training results with a score
   * @param frameworks route -> framework (for the colour); a missing route is coloured by its id
   * @param markers route -> marker index, as the other charts number routes
   */
  static byte[] batchThreads(
      List<ThroughputResult> train, Map<String, String> frameworks, Map<String, Integer> markers)
      throws IOException {
    YIntervalSeriesCollection data = batchThreadSeries(train);
    TreeSet<Integer> batches = new TreeSet<>();
    TreeSet<Integer> threads = new TreeSet<>();
    List<String> routes = new ArrayList<>();
    train.forEach(
        t -> {
          batches.add(t.batchSize());
          threads.add(t.threads());
          if (!routes.contains(t.route())) {
            routes.add(t.route());
          }
        });
    // batch sizes are powers of two a factor 4 apart: a log-2 axis spaces them evenly, and only
    // the measured sizes get a tick (32, 128, 512 rather than every power of two between)
    LogAxis x =
        new LogAxis("batch size (log 2)") {
          @Override
          @SuppressWarnings("rawtypes")
          public List refreshTicks(
              Graphics2D g2, AxisState state, Rectangle2D dataArea, RectangleEdge edge) {
            List<NumberTick> ticks = new ArrayList<>();
            for (int b : batches) {
              ticks.add(
                  new NumberTick(
                      TickType.MAJOR,
                      b,
                      Integer.toString(b),
                      edge == RectangleEdge.TOP ? TextAnchor.BOTTOM_CENTER : TextAnchor.TOP_CENTER,
                      TextAnchor.CENTER,
                      0.0));
            }
            return ticks;
          }
        };
    x.setBase(2);
    x.setRange(batches.first() / 1.5, batches.last() * 1.5);
    NumberAxis y = new NumberAxis("training samples/s (JMH score, 99.9% error bars)");
    y.setAutoRangeIncludesZero(true);
    y.setNumberFormatOverride(new DecimalFormat("#,##0"));
    XYErrorRenderer renderer = new XYErrorRenderer();
    renderer.setDrawXError(false);
    renderer.setDrawYError(true);
    renderer.setDefaultLinesVisible(true);
    renderer.setDrawSeriesLineAsPath(true); // dashes run along the line, not per segment
    renderer.setCapLength(5);
    renderer.setErrorStroke(new BasicStroke(1f)); // solid and thin, whatever the line's dash
    renderer.setLegendLine(new Line2D.Double(-14, 0, 14, 0)); // long enough to show the dash
    int most = threads.last();
    for (int i = 0; i < data.getSeriesCount(); i++) {
      YIntervalSeries series = data.getSeries(i);
      ThroughputResult first = seriesOf(train, (String) series.getKey());
      renderer.setSeriesPaint(
          i, RouteStyle.colour(frameworks.getOrDefault(first.route(), first.route())));
      renderer.setSeriesShape(
          i, RouteStyle.shape(markers.getOrDefault(first.route(), routes.indexOf(first.route()))));
      renderer.setSeriesStroke(i, threadStroke(first.threads(), most));
    }
    XYPlot plot = new XYPlot(data, x, y, renderer);
    grid(plot);
    JFreeChart chart =
        new JFreeChart(
            "Training samples/s over batch size", JFreeChart.DEFAULT_TITLE_FONT, plot, true);
    chart.setBackgroundPaint(Color.WHITE);
    return png(chart);
  }

  /**
   * One series per (route, thread count), named "route, n threads", in order of the routes' first
   * result and then of thread count; each point is a measured batch size (x) with the JMH score (y)
   * and score ± its 99.9% error (the interval, none when JMH gave no error). Only measured points
   * are added: a batch size a route did not run at is absent, never a zero.
   */
  static YIntervalSeriesCollection batchThreadSeries(List<ThroughputResult> train) {
    Map<String, Map<Integer, Map<Integer, ThroughputResult>>> byRoute = new LinkedHashMap<>();
    for (ThroughputResult t : train) {
      byRoute
          .computeIfAbsent(t.route(), k -> new TreeMap<>())
          .computeIfAbsent(t.threads(), k -> new TreeMap<>())
          .putIfAbsent(t.batchSize(), t); // the first, as the tables show
    }
    YIntervalSeriesCollection data = new YIntervalSeriesCollection();
    byRoute.forEach(
        (route, byThreads) ->
            byThreads.forEach(
                (n, byBatch) -> {
                  YIntervalSeries series = new YIntervalSeries(seriesName(route, n), true, false);
                  byBatch.forEach(
                      (b, t) -> {
                        double err =
                            t.scoreError() == null || t.scoreError().isNaN() ? 0 : t.scoreError();
                        series.add(b, t.score(), Math.max(0, t.score() - err), t.score() + err);
                      });
                  data.addSeries(series);
                }));
    return data;
  }

  static String seriesName(String route, int threads) {
    return route + ", " + threads + (threads == 1 ? " thread" : " threads");
  }

  private static ThroughputResult seriesOf(List<ThroughputResult> train, String name) {
    return train.stream()
        .filter(t -> seriesName(t.route(), t.threads()).equals(name))
        .findFirst()
        .orElseThrow();
  }

  /** Solid for the most threads, dashed for 1 thread, dotted for a count in between. */
  private static Stroke threadStroke(int threads, int most) {
    if (threads == most) {
      return new BasicStroke(2.2f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND);
    }
    float[] dash = threads == 1 ? new float[] {9f, 5f} : new float[] {2f, 4f};
    return new BasicStroke(2.2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 10f, dash, 0f);
  }

  /**
   * Groups of two or more routes whose runs are identical step for step: the same seeds, and at
   * every epoch of every seed the same test accuracy and mean loss (to 1e-9 relative: the same
   * arithmetic gives the same bits, and the tolerance only absorbs decimal round trips).
   */
  public static List<List<String>> identicalRoutes(List<AccuracyResult> runs) {
    Map<String, Map<Long, List<EpochResult>>> byRoute = new LinkedHashMap<>();
    for (AccuracyResult r : runs) {
      if (r.ok()) {
        byRoute.computeIfAbsent(r.route(), k -> new TreeMap<>()).put(r.seed(), r.epochs());
      }
    }
    List<List<String>> groups = new ArrayList<>();
    List<String> placed = new ArrayList<>();
    List<String> routes = new ArrayList<>(byRoute.keySet());
    for (int i = 0; i < routes.size(); i++) {
      if (placed.contains(routes.get(i))) {
        continue;
      }
      List<String> group = new ArrayList<>(List.of(routes.get(i)));
      for (int j = i + 1; j < routes.size(); j++) {
        if (!placed.contains(routes.get(j))
            && sameSteps(byRoute.get(routes.get(i)), byRoute.get(routes.get(j)))) {
          group.add(routes.get(j));
        }
      }
      if (group.size() > 1) {
        groups.add(group);
        placed.addAll(group);
      }
    }
    return groups;
  }

  private static boolean sameSteps(Map<Long, List<EpochResult>> a, Map<Long, List<EpochResult>> b) {
    if (!a.keySet().equals(b.keySet())) {
      return false;
    }
    for (Long seed : a.keySet()) {
      List<EpochResult> ea = a.get(seed);
      List<EpochResult> eb = b.get(seed);
      if (ea.isEmpty() || ea.size() != eb.size()) {
        return false;
      }
      for (int k = 0; k < ea.size(); k++) {
        EpochResult x = ea.get(k);
        EpochResult y = eb.get(k);
        if (x.epoch() != y.epoch()
            || x.testAccuracy() != y.testAccuracy()
            || Math.abs(x.meanLoss() - y.meanLoss()) > 1e-9 * Math.max(1, Math.abs(x.meanLoss()))) {
          return false;
        }
      }
    }
    return true;
  }

  /** The caption sentence naming identical routes, or empty. */
  static String identicalCaption(List<AccuracyResult> runs) {
    List<List<String>> groups = identicalRoutes(runs);
    if (groups.isEmpty()) {
      return "";
    }
    List<String> parts = new ArrayList<>();
    groups.forEach(g -> parts.add(String.join(" = ", g)));
    return "Identical step for step as far as recorded (the same mean loss and test accuracy at"
        + " every epoch of every seed, so their lines coincide): "
        + String.join("; ", parts)
        + ".";
  }

  /** Marker index per route, in order of first appearance, so every chart uses the same one. */
  static Map<String, Integer> markerIndex(List<AccuracyResult> runs) {
    Map<String, Integer> index = new LinkedHashMap<>();
    runs.forEach(r -> index.putIfAbsent(r.route(), index.size()));
    return index;
  }

  private static JFreeChart lines(
      String title,
      String yLabel,
      List<AccuracyResult> runs,
      Map<String, Integer> markers,
      ToDoubleFunction<EpochResult> value,
      boolean accuracy) {
    Map<String, Map<Integer, double[]>> sums = new LinkedHashMap<>();
    Map<String, AccuracyResult> firstRun = new LinkedHashMap<>();
    for (AccuracyResult r : runs) {
      if (!r.ok()) {
        continue;
      }
      firstRun.putIfAbsent(r.route(), r);
      for (EpochResult e : r.epochs()) {
        double[] acc =
            sums.computeIfAbsent(r.route(), k -> new TreeMap<>())
                .computeIfAbsent(e.epoch(), k -> new double[2]);
        acc[0] += value.applyAsDouble(e);
        acc[1]++;
      }
    }
    XYSeriesCollection data = new XYSeriesCollection();
    sums.forEach(
        (route, byEpoch) -> {
          XYSeries series = new XYSeries(route);
          byEpoch.forEach((epoch, s) -> series.add((double) epoch, s[0] / s[1]));
          data.addSeries(series);
        });
    JFreeChart chart =
        ChartFactory.createXYLineChart(
            title, "epoch", yLabel, data, PlotOrientation.VERTICAL, true, false, false);
    XYPlot plot = chart.getXYPlot();
    XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(true, true);
    List<String> routes = new ArrayList<>(sums.keySet());
    for (int i = 0; i < routes.size(); i++) {
      AccuracyResult r = firstRun.get(routes.get(i));
      renderer.setSeriesPaint(i, RouteStyle.colour(r.framework()));
      renderer.setSeriesStroke(i, RouteStyle.stroke(r.style()));
      renderer.setSeriesShape(i, RouteStyle.shape(markers.getOrDefault(r.route(), i)));
    }
    renderer.setDrawSeriesLineAsPath(true); // dashes run along the line, not per segment
    plot.setRenderer(renderer);
    grid(plot);
    ((NumberAxis) plot.getDomainAxis()).setStandardTickUnits(NumberAxis.createIntegerTickUnits());
    if (accuracy) {
      NumberAxis range = (NumberAxis) plot.getRangeAxis();
      range.setAutoRangeIncludesZero(false);
      // near-equal routes would otherwise zoom the axis into float noise
      range.setAutoRangeMinimumSize(0.01);
      range.setNumberFormatOverride(new DecimalFormat("0.0000"));
    } else if (allPositive(data)) {
      // losses fall by an order of magnitude over 5 epochs: on a linear axis the routes' lines
      // merge at the bottom, a log axis keeps the later epochs apart
      LogAxis log = new LogAxis(yLabel);
      log.setSmallestValue(1e-6);
      log.setNumberFormatOverride(new DecimalFormat("0.000"));
      plot.setRangeAxis(log);
    }
    chart.setBackgroundPaint(Color.WHITE);
    return chart;
  }

  private static boolean allPositive(XYSeriesCollection data) {
    for (int s = 0; s < data.getSeriesCount(); s++) {
      for (int i = 0; i < data.getItemCount(s); i++) {
        if (!(data.getYValue(s, i) > 0)) {
          return false;
        }
      }
    }
    return data.getSeriesCount() > 0;
  }

  private static void grid(XYPlot plot) {
    plot.setBackgroundPaint(Color.WHITE);
    plot.setDomainGridlinePaint(Color.LIGHT_GRAY);
    plot.setRangeGridlinePaint(Color.LIGHT_GRAY);
  }

  static String fmt(String format, Object... args) {
    return String.format(Locale.ROOT, format, args);
  }

  static byte[] png(JFreeChart chart) throws IOException {
    return png(chart, WIDTH, HEIGHT);
  }

  static byte[] png(JFreeChart chart, int width, int height) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ChartUtils.writeChartAsPNG(out, chart, width, height);
    return out.toByteArray();
  }
}
