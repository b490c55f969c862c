package io.mlpbench.results.report;

import static io.mlpbench.results.report.ReportFixtures.env;
import static io.mlpbench.results.report.ReportFixtures.run;
import static io.mlpbench.results.report.ReportFixtures.train;
import static org.assertj.core.api.Assertions.assertThat;

import io.mlpbench.results.model.ForkResult;
import io.mlpbench.results.model.RunRecord;
import io.mlpbench.results.model.ThroughputResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class BatchThreadSpaceTest {
  /** Student t quantile 0.975 with 4 degrees of freedom, from a printed table. */
  private static final double T_975_DF4 = 2.776445;

  @Test
  void oneBatchSizeAtOneThreadCountHasNoSection() {
    RunRecord r = record(List.of(train("manual", 20_000, 500.0, 20_000)));
    assertThat(BatchThreadSpace.of(r)).isEmpty();
  }

  @Test
  void eachThreadCountGetsARowPerRouteOverBatchSizesAndTheSpeedUpHasItsInterval() {
    List<ThroughputResult> results = new ArrayList<>();
    results.add(at("manual", 32, 1, 100, 110, 90));
    results.add(at("manual", 32, 2, 200, 220, 180));
    results.add(at("manual", 128, 1, 300, 300, 300));
    results.add(at("manual", 128, 2, 450, 450, 450));
    results.add(at("djl-fit", 32, 2, 50, 55, 45)); // no 1-thread run: no speed-up
    HtmlReport.Section s = BatchThreadSpace.of(record(results)).orElseThrow();

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
    double[] logs = {Math.log(100), Math.log(110), Math.log(90)};
    double mean = (logs[0] + logs[1] + logs[2]) / 3;
    double var = 0;
    for (double l : logs) {
      var += (l - mean) * (l - mean) / 2;
    }
    double half = T_975_DF4 * Math.sqrt(2 * var / 3);
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
    List<ForkResult> forks = new ArrayList<>();
    double sum = 0;
    for (double m : forkMeans) {
      forks.add(ForkResult.of(List.of(m)));
      sum += m;
    }
    return result(route, batch, threads, sum / forkMeans.length, forks);
  }

  private static ThroughputResult result(
      String route, int batch, int threads, double score, List<ForkResult> forks) {
    return new ThroughputResult(
        route,
        "train",
        batch,
        threads,
        score,
        10.0,
        "samples/s",
        List.of(score),
        null,
        null,
        "ok",
        null,
        forks,
        null,
        null,
        null);
  }

  private static RunRecord record(List<ThroughputResult> throughput) {
    return run("r", 0, env("CPU", "abc", List.of()), List.of(), throughput);
  }
}
