package io.mlpbench.results.report;

import io.mlpbench.results.model.AccuracyResult;
import io.mlpbench.results.model.EpochResult;
import io.mlpbench.results.model.ThroughputResult;
import java.awt.Color;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.text.DecimalFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.ToDoubleFunction;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.CategoryLabelPositions;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.category.StatisticalBarRenderer;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.statistics.DefaultStatisticalCategoryDataset;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/** The report's charts, rendered by JFreeChart to PNG bytes (headless). */
public final class Charts {
  static final int WIDTH = 900;
  static final int HEIGHT = 480;

  static {
    System.setProperty("java.awt.headless", "true");
  }

  private Charts() {}

  /** Mean training loss per epoch, one line per route (mean over its successful seeds). */
  public static byte[] lossCurves(List<AccuracyResult> runs) throws IOException {
    return png(
        lines("Training loss per epoch", "mean training loss", runs, EpochResult::meanLoss, false));
  }

  /** Test accuracy after each epoch, one line per route (mean over its successful seeds). */
  public static byte[] accuracyCurves(List<AccuracyResult> runs) throws IOException {
    return png(
        lines("Test accuracy per epoch", "test accuracy", runs, EpochResult::testAccuracy, true));
  }

  /**
   * Training samples/s per route with JMH's error as error bars; null when there is nothing to
   * draw.
   */
  public static byte[] throughputBars(List<RouteSummary> summaries) throws IOException {
    DefaultStatisticalCategoryDataset data = new DefaultStatisticalCategoryDataset();
    double top = 0;
    for (RouteSummary s : summaries) {
      ThroughputResult t = s.throughput();
      if (t != null && t.score() != null) {
        data.add(
            t.score().doubleValue(),
            t.scoreError() == null ? 0.0 : t.scoreError().doubleValue(),
            "samples/s",
            s.route());
        top = Math.max(top, t.score() + (t.scoreError() == null ? 0 : t.scoreError()));
      }
    }
    if (data.getColumnCount() == 0) {
      return null;
    }
    CategoryAxis x = new CategoryAxis("route");
    x.setCategoryLabelPositions(CategoryLabelPositions.UP_45);
    NumberAxis y = new NumberAxis("training samples/s (error bars: JMH 99.9% error)");
    // a throughput is never negative, even when a noisy error bar reaches below zero
    y.setRange(0, top * 1.05);
    y.setNumberFormatOverride(new DecimalFormat("#,##0"));
    StatisticalBarRenderer renderer = new StatisticalBarRenderer();
    renderer.setErrorIndicatorPaint(Color.BLACK);
    renderer.setSeriesPaint(0, new Color(0x4C72B0));
    CategoryPlot plot = new CategoryPlot(data, x, y, renderer);
    JFreeChart chart =
        new JFreeChart("Training throughput (JMH)", JFreeChart.DEFAULT_TITLE_FONT, plot, false);
    chart.setBackgroundPaint(Color.WHITE);
    return png(chart);
  }

  private static JFreeChart lines(
      String title,
      String yLabel,
      List<AccuracyResult> runs,
      ToDoubleFunction<EpochResult> value,
      boolean accuracy) {
    Map<String, Map<Integer, double[]>> sums = new LinkedHashMap<>();
    for (AccuracyResult r : runs) {
      if (!r.ok()) {
        continue;
      }
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
    plot.setRenderer(new XYLineAndShapeRenderer(true, true));
    plot.setBackgroundPaint(Color.WHITE);
    plot.setDomainGridlinePaint(Color.LIGHT_GRAY);
    plot.setRangeGridlinePaint(Color.LIGHT_GRAY);
    ((NumberAxis) plot.getDomainAxis()).setStandardTickUnits(NumberAxis.createIntegerTickUnits());
    NumberAxis range = (NumberAxis) plot.getRangeAxis();
    range.setAutoRangeIncludesZero(false);
    // near-equal routes would otherwise zoom the axis into float noise
    range.setAutoRangeMinimumSize(accuracy ? 0.01 : 0.05);
    range.setNumberFormatOverride(new DecimalFormat(accuracy ? "0.0000" : "0.000"));
    chart.setBackgroundPaint(Color.WHITE);
    return chart;
  }

  private static byte[] png(JFreeChart chart) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ChartUtils.writeChartAsPNG(out, chart, WIDTH, HEIGHT);
    return out.toByteArray();
  }
}
