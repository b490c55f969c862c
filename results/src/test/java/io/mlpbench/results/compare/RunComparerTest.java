package io.mlpbench.results.compare;

import static io.mlpbench.results.compare.SyntheticRuns.CPU;
import static io.mlpbench.results.compare.SyntheticRuns.env;
import static io.mlpbench.results.compare.SyntheticRuns.run;
import static io.mlpbench.results.compare.SyntheticRuns.samples;
import static io.mlpbench.results.compare.SyntheticRuns.seeds;
import static io.mlpbench.results.compare.SyntheticRuns.train;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.mlpbench.results.model.RunRecord;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class RunComparerTest {
  private final RunComparer comparer = new RunComparer(CompareOptions.defaults());

  private ComparisonRow onlyRow(RunRecord base, RunRecord now) {
    Comparison c = comparer.compare("t", "base", List.of(base), now);
    assertThat(c.rows()).hasSize(1);
    return c.rows().get(0);
  }

  @Test
  void fifteenPercentSlowdownUnderThreePercentNoiseIsARegression() {
    // 50 independent draws, 5 iterations a side as in the quick profile: a 15% drop is ~5 noise sd,
    // so it must be caught every time, not just for one lucky seed.
    for (int seed = 0; seed < 50; seed++) {
      Random random = new Random(seed);
      RunRecord base =
          run("base", 0, List.of(train("manual", samples(random, 20_000, 0.03, 5))), List.of());
      RunRecord now =
          run("now", 10, List.of(train("manual", samples(random, 17_000, 0.03, 5))), List.of());
      ComparisonRow row = onlyRow(base, now);
      assertThat(row.verdict()).as("seed %d: %s", seed, row).isEqualTo(Verdict.REGRESSION);
      // the change is measured on the noisy means: 15% +- a few % of noise
      assertThat(row.change()).as("seed %d", seed).isBetween(-21.0, -9.0);
      assertThat(row.detail()).contains("Mann-Whitney U");
    }
  }

  @Test
  void twoPercentChangeWithinNoiseIsNeverFlagged() {
    for (int seed = 0; seed < 50; seed++) {
      Random random = new Random(1000 + seed);
      RunRecord base =
          run("base", 0, List.of(train("manual", samples(random, 20_000, 0.03, 5))), List.of());
      RunRecord now =
          run("now", 10, List.of(train("manual", samples(random, 19_600, 0.03, 5))), List.of());
      assertThat(onlyRow(base, now).verdict()).as("seed %d", seed).isEqualTo(Verdict.NO_CHANGE);
    }
  }

  @Test
  void improvementIsReportedLikeARegression() {
    Random random = new Random(7);
    RunRecord base =
        run("base", 0, List.of(train("manual", samples(random, 20_000, 0.03, 5))), List.of());
    RunRecord now =
        run("now", 10, List.of(train("manual", samples(random, 24_000, 0.03, 5))), List.of());
    assertThat(onlyRow(base, now).verdict()).isEqualTo(Verdict.IMPROVEMENT);
  }

  @Test
  void largeChangeHiddenInNoiseIsNotSignificant() {
    // means differ by 10% (beyond the threshold), but the samples interleave: ranks cannot tell
    // them apart
    RunRecord base =
        run(
            "base",
            0,
            List.of(train("manual", List.of(100.0, 60.0, 140.0, 90.0, 110.0))),
            List.of());
    RunRecord now =
        run(
            "now",
            10,
            List.of(train("manual", List.of(88.0, 52.0, 125.0, 80.0, 105.0))),
            List.of());
    ComparisonRow row = onlyRow(base, now);
    assertThat(row.change())
        .isCloseTo(-10.0, within(1e-9)); // (90 - 100) / 100, exact on these samples
    assertThat(row.verdict()).isEqualTo(Verdict.NO_CHANGE);
    assertThat(row.detail()).startsWith("not significant at alpha 0.05");
  }

  @Test
  void tooFewSamplesSayInsufficientRatherThanGuess() {
    RunRecord base =
        run("base", 0, List.of(train("manual", List.of(20_000.0, 20_100.0))), List.of());
    RunRecord now =
        run("now", 10, List.of(train("manual", List.of(17_000.0, 17_100.0))), List.of());
    ComparisonRow row = onlyRow(base, now);
    assertThat(row.verdict()).isEqualTo(Verdict.INSUFFICIENT_SAMPLES);
    assertThat(row.detail()).contains("2 vs 2 raw samples, need 3 per side");
  }

  @Test
  void threeSamplesASideCannotBeSignificantSoNothingIsClaimed() {
    // complete separation, 3 vs 3: the exact two-sided p is 2/C(6,3) = 0.1, although the normal
    // approximation says 0.0495; the smoke profile's 3 iterations must not produce verdicts
    RunRecord base =
        run("base", 0, List.of(train("manual", List.of(20_000.0, 20_100.0, 20_200.0))), List.of());
    RunRecord now =
        run("now", 10, List.of(train("manual", List.of(17_000.0, 17_100.0, 17_200.0))), List.of());
    ComparisonRow row = onlyRow(base, now);
    assertThat(row.verdict()).isEqualTo(Verdict.INSUFFICIENT_SAMPLES);
    assertThat(row.detail())
        .isEqualTo(
            "3 vs 3 raw samples: the rank test's smallest possible p is 0.100, not below alpha 0.05");
    assertThat(ThroughputVerdict.smallestExactP(4, 4)).isCloseTo(2.0 / 70, within(1e-12));
  }

  @Test
  void differentCpuOrThreadCountIsNotComparableWithTheReason() {
    Random random = new Random(3);
    RunRecord base =
        run(
            "base",
            0,
            env("Other CPU", 8),
            List.of(train("manual", samples(random, 20_000, 0.03, 5))),
            seeds("manual", 0.97));
    RunRecord now =
        run(
            "now",
            10,
            env(CPU, 2),
            List.of(train("manual", samples(random, 10_000, 0.03, 5))),
            seeds("manual", 0.90));
    Comparison c = comparer.compare("t", "base", List.of(base), now);
    assertThat(c.rows())
        .hasSize(2)
        .allSatisfy(
            r -> {
              assertThat(r.verdict()).isEqualTo(Verdict.NOT_COMPARABLE);
              assertThat(r.detail())
                  .isEqualTo(
                      "different environment: CPU model 'Other CPU' vs 'Test CPU @ 2.0GHz'; threads 8 vs 2");
            });
    assertThat(c.hasRegression()).isFalse();
  }

  @Test
  void accuracyDropBeyondHalfAPointIsARegression() {
    RunRecord base = run("base", 0, List.of(), seeds("manual", 0.972, 0.973, 0.971));
    RunRecord now = run("now", 10, List.of(), seeds("manual", 0.962, 0.963, 0.961));
    ComparisonRow row = onlyRow(base, now);
    assertThat(row.change()).isCloseTo(-1.0, within(1e-9)); // means 97.2% -> 96.2%
    assertThat(row.verdict()).isEqualTo(Verdict.REGRESSION);
    // sd over seeds is 0.1 pp, so 3 sd = 0.3 pp and the 0.5 pp floor applies
    assertThat(row.detail()).startsWith("tolerance 0.50 pp");
  }

  @Test
  void accuracyDropWithinNoiseIsNotFlagged() {
    RunRecord base = run("base", 0, List.of(), seeds("manual", 0.972, 0.973, 0.971));
    RunRecord now = run("now", 10, List.of(), seeds("manual", 0.969, 0.970, 0.968));
    assertThat(onlyRow(base, now).verdict()).isEqualTo(Verdict.NO_CHANGE); // -0.3 pp < 0.5 pp floor
  }

  @Test
  void noisySeedsWidenTheAccuracyTolerance() {
    // seed sd 0.5 pp -> tolerance 3 x 0.5 = 1.5 pp, so a 1 pp drop is noise here
    RunRecord base = run("base", 0, List.of(), seeds("manual", 0.970, 0.975, 0.980));
    RunRecord now = run("now", 10, List.of(), seeds("manual", 0.960, 0.965, 0.970));
    ComparisonRow row = onlyRow(base, now);
    assertThat(row.verdict()).isEqualTo(Verdict.NO_CHANGE);
    assertThat(row.detail()).startsWith("tolerance 1.50 pp");
  }

  @Test
  void differentEpochsMakeAccuracyNotComparable() {
    RunRecord base = run("base", 0, List.of(), seeds("manual", 0.97));
    RunRecord shortRun =
        new RunRecord(
            1,
            "now",
            base.startedAt().plusSeconds(600),
            null,
            "accuracy",
            null,
            base.environment(),
            SyntheticRuns.settings(1),
            seeds("manual", 0.95),
            List.of());
    ComparisonRow row = onlyRow(base, shortRun);
    assertThat(row.verdict()).isEqualTo(Verdict.NOT_COMPARABLE);
    assertThat(row.detail()).isEqualTo("different training settings: epochs 5 vs 1");
  }
}
