package io.mlpbench.results.compare;

import io.mlpbench.results.model.AccuracyResult;
import io.mlpbench.results.model.RunRecord;
import io.mlpbench.results.model.ThroughputResult;
import java.awt.BasicStroke;
import java.awt.Color;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.DecimalFormat;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.DateAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.CombinedDomainXYPlot;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.time.FixedMillisecond;
import org.jfree.data.time.TimeSeries;
import org.jfree.data.time.TimeSeriesCollection;

/**
 * One PNG per route, {@code history-<route>.png}: throughput (samples/s per benchmark and batch
 * size) above, mean test accuracy over seeds below, one point per run, over the runs' start times.
 * Callers pass runs of one machine, so the line shows that machine's history only.
 */
public final class HistoryChart {
  private HistoryChart() {}

  /** Writes a chart for every route in {@code runs} into {@code dir}; returns the files. */
  public static List<Path> write(List<RunRecord> runs, Path dir) {
    System.setProperty("java.awt.headless", "true");
    Set<String> routes = new LinkedHashSet<>();
    runs.forEach(r -> r.throughput().forEach(t -> routes.add(t.route())));
    runs.forEach(r -> r.accuracy().forEach(a -> routes.add(a.route())));
    List<Path> files = new ArrayList<>();
    try {
      Files.createDirectories(dir);
      for (String route : routes) {
        Path file = dir.resolve("history-" + route.replaceAll("[^A-Za-z0-9.-]", "_") + ".png");
        ChartUtils.saveChartAsPNG(file.toFile(), chart(route, runs), 900, 560);
        files.add(file);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write history charts to " + dir, e);
    }
    return files;
  }

  static JFreeChart chart(String route, List<RunRecord> runs) {
    Map<String, TimeSeries> throughput = new LinkedHashMap<>();
    TimeSeries accuracy = new TimeSeries("test accuracy % (mean over seeds)");
    for (RunRecord run : runs) {
      if (run.startedAt() == null) {
        continue;
      }
      FixedMillisecond at = new FixedMillisecond(Date.from(run.startedAt()));
      for (ThroughputResult t : run.throughput()) {
        if (t.route().equals(route) && t.score() != null) {
          String name =
              String.format(
                  Locale.ROOT, "%s batch %d, %d thr", t.benchmark(), t.batchSize(), t.threads());
          throughput.computeIfAbsent(name, TimeSeries::new).addOrUpdate(at, t.score());
        }
      }
      double[] acc =
          run.accuracy().stream()
              .filter(a -> a.route().equals(route) && a.ok() && a.finalTestAccuracy() != null)
              .mapToDouble(AccuracyResult::finalTestAccuracy)
              .toArray();
      if (acc.length > 0) {
        accuracy.addOrUpdate(at, 100 * java.util.Arrays.stream(acc).average().orElseThrow());
      }
    }
    DateAxis time = new DateAxis("run start (UTC)");
    time.setTimeZone(java.util.TimeZone.getTimeZone("UTC"));
    CombinedDomainXYPlot plot = new CombinedDomainXYPlot(time);
    TimeSeriesCollection speed = new TimeSeriesCollection();
    throughput.values().forEach(speed::addSeries);
    NumberAxis samples = new NumberAxis("samples/s");
    samples.setAutoRangeIncludesZero(false);
    samples.setNumberFormatOverride(new DecimalFormat("#,##0"));
    plot.add(new XYPlot(speed, null, samples, renderer()), 3);
    NumberAxis percent = new NumberAxis("test accuracy %");
    percent.setAutoRangeIncludesZero(false);
    percent.setAutoRangeMinimumSize(0.5); // equal accuracies would otherwise zoom into float noise
    percent.setNumberFormatOverride(new DecimalFormat("0.00"));
    plot.add(new XYPlot(new TimeSeriesCollection(accuracy), null, percent, renderer()), 2);
    JFreeChart chart =
        new JFreeChart("History of " + route, JFreeChart.DEFAULT_TITLE_FONT, plot, true);
    chart.setBackgroundPaint(Color.WHITE);
    return chart;
  }

  private static XYLineAndShapeRenderer renderer() {
    XYLineAndShapeRenderer r = new XYLineAndShapeRenderer(true, true);
    r.setDefaultStroke(new BasicStroke(2f));
    r.setAutoPopulateSeriesStroke(false);
    return r;
  }
}
