package io.mlpbench.results.report;

import static io.mlpbench.results.report.ReportFixtures.env;
import static io.mlpbench.results.report.ReportFixtures.logHalfWidthOfThreeAgainstThree;
import static io.mlpbench.results.report.ReportFixtures.measured;
import static io.mlpbench.results.report.ReportFixtures.run;
import static org.assertj.core.api.Assertions.assertThat;

import io.mlpbench.results.model.RunRecord;
import io.mlpbench.results.model.ThroughputResult;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class SuiteOverheadTest {

  @Test
  void aRunThatDidNotMeasureFeedingHasNoSection() {
    RunRecord r = record(List.of(measured("manual", "train", 128, 2, 10.0, 1000, 1100, 900)));
    assertThat(SuiteOverhead.of(r)).isEmpty();
  }

  @Test
  void feedOverStepIsAPercentageWithItsWelchIntervalAndAVerdictAgainstTheGoal() {
    RunRecord r =
        record(
            List.of(
                measured("tf-tape", "train", 128, 2, 10.0, 1000, 1100, 900),
                // 50x the step's rate, fork for fork: 2% of a step exactly, geometric mean
                measured("tf-tape", "feed", 128, 2, 10.0, 50_000, 55_000, 45_000),
                measured("dl4j-fit", "train", 128, 2, 10.0, 1000, 1000, 1000),
                // 10% of a step, no spread
                measured("dl4j-fit", "feed", 128, 2, 10.0, 10_000, 10_010, 9_990),
                measured("djl-fit", "feed", 32, 1, 10.0, 8_000, 8_000)));
    HtmlReport.Section s = SuiteOverhead.of(r).orElseThrow();
    assertThat(s.title()).isEqualTo("Suite overhead");
    List<List<String>> rows = s.tables().get(0).rows();

    // equal log variances (the same relative spread) and 3 + 3 forks: Welch has 4 df
    double half = logHalfWidthOfThreeAgainstThree(1000, 1100, 900);
    String expected =
        String.format(
            Locale.ROOT,
            "2.00%% [%.2f, %.2f], under 5.00%%",
            2 * Math.exp(-half),
            2 * Math.exp(half));
    // time per batch: 128 samples / mean samples/s
    assertThat(rows.get(0))
        .containsExactly("tf-tape", "128", "2", "2,560.0", "128,000.0", expected);
    assertThat(rows.get(1).get(5)).startsWith("10.00% [").endsWith(", OVER 5.00%");
    assertThat(rows.get(2)).containsExactly("djl-fit", "32", "1", "4,000.0", "not measured", "n/a");
  }

  @Test
  void anIntervalAcrossTheGoalIsUndecided() {
    ThroughputResult step = measured("manual", "train", 128, 2, 10.0, 1000, 1000, 1000);
    ThroughputResult feed = measured("manual", "feed", 128, 2, 10.0, 40_000, 10_000, 25_000);
    assertThat(SuiteOverhead.share(feed, step)).endsWith(", undecided at 5.00%");
  }

  private static RunRecord record(List<ThroughputResult> throughput) {
    return run("r", 0, env("CPU", "abc", List.of()), List.of(), throughput);
  }
}
