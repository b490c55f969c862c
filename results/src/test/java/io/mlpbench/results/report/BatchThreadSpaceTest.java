package io.mlpbench.results.report;

import static io.mlpbench.results.report.ReportFixtures.env;
import static io.mlpbench.results.report.ReportFixtures.logHalfWidthOfThreeAgainstThree;
import static io.mlpbench.results.report.ReportFixtures.measured;
import static io.mlpbench.results.report.ReportFixtures.run;
import static io.mlpbench.results.report.ReportFixtures.train;
import static org.assertj.core.api.Assertions.assertThat;

import io.mlpbench.results.model.ForkResult;
import io.mlpbench.results.model.RunRecord;
import io.mlpbench.results.model.ThroughputResult;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.imageio.ImageIO;
import org.jfree.data.xy.YIntervalSeries;
import org.jfree.data.xy.YIntervalSeriesCollection;
import org.junit.jupiter.api.Test;

class BatchThreadSpaceTest {
  /** Student t quantile 0.975 with 4 degrees of freedom, from a printed table. */
  @Test
  void oneBatchSizeAtOneThreadCountHasNoSection() {
    RunRecord r = record(List.of(train("manual", 20_000, 500.0, 20_000)));
    assertThat(BatchThreadSpace.of(r)).isEmpty();
    // several routes, still one batch size at one thread count: no section, so no chart either
    RunRecord routes = record(List.of(at("manual", 32, 2, 100, 100), at("djl-fit", 32, 2, 50, 50)));
    assertThat(BatchThreadSpace.of(routes)).isEmpty();
  }

  @Test
  void theSectionHasOneChartRenderedAsAPng() throws Exception {
    HtmlReport.Section s = BatchThreadSpace.of(record(space())).orElseThrow();

    assertThat(s.charts()).hasSize(1);
    HtmlReport.Chart chart = s.charts().get(0);
    assertThat(chart.title()).isEqualTo("Training samples/s over batch size");
    assertThat(chart.caption())
        .contains("solid at 2 threads, dashed at 1 thread")
        .contains("99.9% error")
        .doesNotContain("dotted");
    BufferedImage image = ImageIO.read(new ByteArrayInputStream(chart.png()));
    assertThat(image).isNotNull();
    assertThat(image.getWidth()).isEqualTo(Charts.WIDTH);
    assertThat(image.getHeight()).isEqualTo(Charts.HEIGHT);
  }

  @Test
  void oneSeriesPerRouteAndThreadCountHoldsOnlyTheMeasuredBatchSizes() {
    List<ThroughputResult> space = space();
    space.add(result("dl4j-fit", 128, 1, 70.0, List.of(), null)); // JMH gave no error
    YIntervalSeriesCollection data = Charts.batchThreadSeries(space);

    assertThat(data.getSeriesCount()).isEqualTo(4);
    assertThat(List.of(0, 1, 2, 3).stream().map(data::getSeriesKey))
        .containsExactly(
            "manual, 1 thread", "manual, 2 threads", "djl-fit, 2 threads", "dl4j-fit, 1 thread");
    assertPoints(data.getSeries(0), new double[] {32, 128}, new double[] {100, 300});
    assertPoints(data.getSeries(1), new double[] {32, 128}, new double[] {200, 450});
    // djl-fit ran only at batch 32 on 2 threads: one point, no zero at batch 128
    assertPoints(data.getSeries(2), new double[] {32}, new double[] {50});
    assertPoints(data.getSeries(3), new double[] {128}, new double[] {70});

    // the interval is the score ± JMH's error (10 in the fixture), or the score alone without one
    YIntervalSeries manual = data.getSeries(0);
    assertThat(manual.getYLowValue(0)).isEqualTo(90.0);
    assertThat(manual.getYHighValue(0)).isEqualTo(110.0);
    YIntervalSeries noError = data.getSeries(3);
    assertThat(noError.getYLowValue(0)).isEqualTo(70.0);
    assertThat(noError.getYHighValue(0)).isEqualTo(70.0);
  }

  private static void assertPoints(YIntervalSeries series, double[] batches, double[] scores) {
    assertThat(series.getItemCount()).as("%s points", series.getKey()).isEqualTo(batches.length);
    for (int i = 0; i < batches.length; i++) {
      assertThat(series.getX(i).doubleValue()).as("%s x", series.getKey()).isEqualTo(batches[i]);
      assertThat(series.getYValue(i)).as("%s y", series.getKey()).isEqualTo(scores[i]);
    }
  }

  /** manual at batch 32 and 128 on 1 and 2 threads; djl-fit at batch 32 on 2 threads only. */
  private static List<ThroughputResult> space() {
    List<ThroughputResult> results = new ArrayList<>();
    results.add(at("manual", 32, 1, 100, 110, 90));
    results.add(at("manual", 32, 2, 200, 220, 180));
    results.add(at("manual", 128, 1, 300, 300, 300));
    results.add(at("manual", 128, 2, 450, 450, 450));
    results.add(at("djl-fit", 32, 2, 50, 55, 45)); // no 1-thread run: no speed-up
    return results;
  }

  @Test
  void eachThreadCountGetsARowPerRouteOverBatchSizesAndTheSpeedUpHasItsInterval() {
    HtmlReport.Section s = BatchThreadSpace.of(record(space())).orElseThrow();

    assertThat(s.tables())
        .extracting(Table::title)
        .containsExactly(
            "Training samples/s at 1 thread",
            "Training samples/s at 2 threads",
            "Speed-up from 1 to 2 threads");
    assertThat(s.tables().get(0).headers()).containsExactly("route", "batch 32", "batch 128");
    assertThat(s.tables().get(0).rows())
        .containsExactly(
            List.of("manual", "100 ± 10", "300 ± 10"),
            List.of("djl-fit", "not measured", "not measured"));
    assertThat(s.tables().get(1).rows().get(1))
        .containsExactly("djl-fit", "50 ± 10", "not measured");

    // every 2-thread fork is 2x its 1-thread twin, so the geometric means are exactly 2x apart;
    // the interval is Welch's on the logs, equal variances and 3 + 3 forks giving 4 df
    double half = logHalfWidthOfThreeAgainstThree(100, 110, 90);
    String expected =
        String.format(
            Locale.ROOT, "%.2f [%.2f, %.2f]", 2.0, 2 * Math.exp(-half), 2 * Math.exp(half));
    List<String> speedUp = s.tables().get(2).rows().get(0);
    assertThat(speedUp.get(0)).isEqualTo("manual");
    assertThat(speedUp.get(1)).isEqualTo(expected);
    assertThat(s.tables().get(2).rows().get(1)).containsExactly("djl-fit", "n/a", "n/a");
  }

  @Test
  void busyForksAreLeftOutOfTheSpeedUpAndTooFewQuietForksFallBackToScores() {
    ThroughputResult one = at("tf-tape", 32, 1, 100, 100, 100);
    List<ForkResult> forks =
        List.of(fork(150, false), fork(20, true), fork(20, true)); // two of three forks busy
    ThroughputResult two = result("tf-tape", 32, 2, 150.0, forks);
    assertThat(BatchThreadSpace.speedUp(one, two))
        .isEqualTo("1.50 (scores; under 2 quiet forks a side)");
  }

  private static ForkResult fork(double mean, boolean busy) {
    return new ForkResult(List.of(mean), List.of(busy), null, null, null, null);
  }

  private static ThroughputResult at(String route, int batch, int threads, double... forkMeans) {
    return measured(route, "train", batch, threads, 10.0, forkMeans);
  }

  private static ThroughputResult result(
      String route, int batch, int threads, double score, List<ForkResult> forks) {
    return result(route, batch, threads, score, forks, 10.0);
  }

  private static ThroughputResult result(
      String route, int batch, int threads, double score, List<ForkResult> forks, Double error) {
    return measured(route, "train", batch, threads, score, error, forks);
  }

  private static RunRecord record(List<ThroughputResult> throughput) {
    return run("r", 0, env("CPU", "abc", List.of()), List.of(), throughput);
  }
}
