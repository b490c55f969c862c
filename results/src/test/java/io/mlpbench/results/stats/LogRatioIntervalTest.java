package io.mlpbench.results.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class LogRatioIntervalTest {
  @Test
  void welchIntervalOnLogsComputedByHand() {
    // logs {0, .1, .2} vs {-.1, 0, .1}: means .1 and 0, variances .01 each, se = sqrt(2 x .01/3)
    // = 0.0816497; equal n and variances make Welch's df exactly 2(n-1) = 4, t(0.975, 4) =
    // 2.776445 (any t table); log CI -0.1 +- 0.226693 -> ratio e^-0.1 = 0.904837, [0.721303,
    // 1.135072]. 1e-6: the table's 7 digits
    double[] ref = {1, Math.exp(0.1), Math.exp(0.2)};
    double[] now = {Math.exp(-0.1), 1, Math.exp(0.1)};
    LogRatioInterval.Result r = LogRatioInterval.of(ref, now, 0.95);
    assertThat(r.degreesOfFreedom()).isCloseTo(4.0, within(1e-9));
    assertThat(r.ratio()).isCloseTo(0.904837, within(1e-6));
    assertThat(r.lower()).isCloseTo(0.721303, within(1e-6));
    assertThat(r.upper()).isCloseTo(1.135072, within(1e-6));
    assertThat(r.excludesOne()).isFalse();
  }

  @Test
  void aClearTenPercentSlowdownExcludesOne() {
    // three forks a side, 1% spread, -10%: the interval must lie below 1
    LogRatioInterval.Result r =
        LogRatioInterval.of(new double[] {100, 101, 99}, new double[] {90, 91, 89}, 0.95);
    assertThat(r.ratio()).isCloseTo(0.9, within(1e-4)); // geometric means 99.997 and 89.996
    assertThat(r.upper()).isLessThan(1.0);
    assertThat(r.excludesOne()).isTrue();
  }

  @Test
  void welchDegreesOfFreedomForUnequalSpreads() {
    // a = {1,2,3} (var 1), b = {2,4,6,8} (var 20/3): va = 1/3, vb = 5/3, df = (2)^2 /
    // ((1/3)^2/2 + (5/3)^2/3) = 4 / (1/18 + 25/27) = 4.0755, by hand
    WelchInterval.Result r =
        WelchInterval.of(new double[] {1, 2, 3}, new double[] {2, 4, 6, 8}, 0.9);
    assertThat(r.difference()).isCloseTo(3.0, within(1e-12));
    assertThat(r.degreesOfFreedom()).isCloseTo(4.0 / (1.0 / 18 + 25.0 / 27), within(1e-12));
  }

  @Test
  void pairedIntervalOnLogRatiosComputedByHand() {
    // d = log b - log a = {-0.1, -0.2, -0.15}: mean -0.15, sd 0.05, se 0.028868; t(0.975, 2) =
    // 4.302653 (t table) -> ratio e^-0.15 = 0.860708, CI [0.760175, 0.974537]; 1e-6: 7 digits
    double[] a = {100, 200, 300};
    double[] b = {100 * Math.exp(-0.1), 200 * Math.exp(-0.2), 300 * Math.exp(-0.15)};
    LogRatioInterval.Result r = LogRatioInterval.paired(a, b, 0.95);
    assertThat(r.degreesOfFreedom()).isEqualTo(2.0);
    assertThat(r.ratio()).isCloseTo(0.860708, within(1e-6));
    assertThat(r.lower()).isCloseTo(0.760175, within(1e-6));
    assertThat(r.upper()).isCloseTo(0.974537, within(1e-6));
    // the same values unpaired: the 100/200/300 spread between pairs swamps the 15% change
    assertThat(LogRatioInterval.of(a, b, 0.95).excludesOne()).isFalse();
  }

  @Test
  void oneForkASideIsRefused() {
    assertThatThrownBy(() -> LogRatioInterval.of(new double[] {1}, new double[] {1, 2}, 0.95))
        .hasMessageContaining("at least 2 values per side");
  }
}
