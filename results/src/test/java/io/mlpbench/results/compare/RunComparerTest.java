package io.mlpbench.results.compare;

import static io.mlpbench.results.compare.SyntheticRuns.CPU;
import static io.mlpbench.results.compare.SyntheticRuns.env;
import static io.mlpbench.results.compare.SyntheticRuns.fork;
import static io.mlpbench.results.compare.SyntheticRuns.run;
import static io.mlpbench.results.compare.SyntheticRuns.samples;
import static io.mlpbench.results.compare.SyntheticRuns.seeds;
import static io.mlpbench.results.compare.SyntheticRuns.train;
import static io.mlpbench.results.compare.SyntheticRuns.trainForks;
import static io.mlpbench.results.compare.SyntheticRuns.trainRawOnly;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.mlpbench.results.model.EnvironmentRecord;
import io.mlpbench.results.model.RunRecord;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class RunComparerTest {
  private final RunComparer comparer = new RunComparer(CompareOptions.defaults());

  private ComparisonRow onlyRow(RunRecord base, RunRecord now) {
    Comparison c = comparer.compare("t", "base", List.of(base), now);
    assertThat(c.rows()).hasSize(1);
    return c.rows().get(0);
  }

  private static RunRecord forks(String id, List<Double> forkMeans) {
    return run(id, id.equals("base") ? 0 : 10, List.of(train("manual", forkMeans)), List.of());
  }

  @Test
  void fifteenPercentSlowdownUnderThreePercentForkNoiseIsARegression() {
    // 50 independent draws of 5 forks a side: a 15% drop is ~8 standard errors of the log ratio,
    // so it must be caught every time, not just for one lucky seed
    for (int seed = 0; seed < 50; seed++) {
      Random random = new Random(seed);
      ComparisonRow row =
          onlyRow(
              forks("base", samples(random, 20_000, 0.03, 5)),
              forks("now", samples(random, 17_000, 0.03, 5)));
      assertThat(row.verdict()).as("seed %d: %s", seed, row).isEqualTo(Verdict.REGRESSION);
      assertThat(row.change()).as("seed %d", seed).isBetween(-21.0, -9.0);
      assertThat(row.detail()).contains("Welch t on log fork means, 5/5 forks");
    }
  }

  @Test
  void twoPercentChangeWithinNoiseIsNeverFlagged() {
    // 2% fork noise, 5 forks: the change's sd is 1.3%, so exceeding the 7% threshold is 4 sd away
    for (int seed = 0; seed < 50; seed++) {
      Random random = new Random(1000 + seed);
      ComparisonRow row =
          onlyRow(
              forks("base", samples(random, 20_000, 0.02, 5)),
              forks("now", samples(random, 19_600, 0.02, 5)));
      assertThat(row.verdict()).as("seed %d", seed).isEqualTo(Verdict.NO_CHANGE);
    }
  }

  @Test
  void sameCodeAtThisMachinesForkNoiseRarelyGivesAFalseVerdict() {
    // Fork-to-fork CV 13.4% (shared/measurements), 3 forks a side, identical code, 2000 draws.
    // At alpha 0.05 the t-interval excludes 1 in 5% of them (a significant change here is always
    // beyond 7%), so 100 +- 10 (binomial sd) false calls are expected; 140 is 4 sd above.
    int falseCalls = 0;
    Random random = new Random(2026);
    for (int i = 0; i < 2000; i++) {
      ComparisonRow row =
          onlyRow(
              forks("base", samples(random, 70_000, 0.134, 3)),
              forks("now", samples(random, 70_000, 0.134, 3)));
      falseCalls += row.verdict().isInconclusive() || row.verdict() == Verdict.NO_CHANGE ? 0 : 1;
    }
    assertThat(falseCalls).isBetween(60, 140);
  }

  @Test
  void pairingCancelsDriftSharedByAdjacentForks() {
    // an interleaved session whose machine drifts by +-30% between pairs while B is 10% slower
    // than A within each pair (1% noise): unpaired, the drift hides the change; paired, it cancels
    Random random = new Random(11);
    List<io.mlpbench.results.model.ForkResult> a = new java.util.ArrayList<>();
    List<io.mlpbench.results.model.ForkResult> b = new java.util.ArrayList<>();
    for (int i = 0; i < 6; i++) {
      double drift = 1 + 0.3 * Math.sin(i * 1.7);
      a.add(fork(false, 70_000 * drift * (1 + 0.01 * random.nextGaussian())));
      b.add(fork(false, 63_000 * drift * (1 + 0.01 * random.nextGaussian())));
    }
    CompareOptions options = CompareOptions.defaults();
    assertThat(ThroughputVerdict.compare(a, b, options).verdict()).isEqualTo(Verdict.NO_CHANGE);
    ThroughputVerdict.Result paired = ThroughputVerdict.comparePaired(a, b, options);
    assertThat(paired.verdict()).isEqualTo(Verdict.REGRESSION);
    assertThat(paired.changePercent()).isBetween(-12.0, -8.0);
    assertThat(paired.detail()).contains("paired t on log ratios of 6 adjacent A/B forks");

    // a pair with a busy fork is left out whole; too few quiet pairs: machine busy
    List<io.mlpbench.results.model.ForkResult> busyB = new java.util.ArrayList<>(b);
    for (int i = 0; i < 4; i++) {
      busyB.set(i, fork(true, b.get(i).mean()));
    }
    assertThat(ThroughputVerdict.comparePaired(a, busyB, options).verdict())
        .isEqualTo(Verdict.MACHINE_BUSY);
  }

  @Test
  void improvementIsReportedLikeARegression() {
    Random random = new Random(7);
    ComparisonRow row =
        onlyRow(
            forks("base", samples(random, 20_000, 0.03, 5)),
            forks("now", samples(random, 24_000, 0.03, 5)));
    assertThat(row.verdict()).isEqualTo(Verdict.IMPROVEMENT);
  }

  @Test
  void ratioAndIntervalMatchAHandComputedTInterval() {
    // fork means 1000 x e^{0, .1, .2} vs 1000 x e^{-.1, 0, .1}: ratio e^-0.1 = 0.905, 95% CI
    // [0.721, 1.135] (t(0.975, 4) = 2.776, worked out in LogRatioIntervalTest): includes 1
    ComparisonRow row =
        onlyRow(
            forks("base", List.of(1000.0, 1000 * Math.exp(0.1), 1000 * Math.exp(0.2))),
            forks("now", List.of(1000 * Math.exp(-0.1), 1000.0, 1000 * Math.exp(0.1))));
    assertThat(row.verdict()).isEqualTo(Verdict.NO_CHANGE);
    assertThat(row.change()).isCloseTo(-9.516, within(1e-3)); // (e^-0.1 - 1) x 100
    assertThat(row.reference()).isCloseTo(1000 * Math.exp(0.1), within(1e-6)); // geometric mean
    assertThat(row.detail())
        .startsWith("interval includes 1; ratio 0.905, 95% CI [0.721, 1.135]")
        // 1000 and 1000 e^.1 occur on both sides (ties): mid-ranks 2.5, 4.5, 6 vs 1, 2.5, 4.5; 10
        // of
        // the 20 assignments are as far from the mean rank sum (enumerated in RankTestTest's way)
        .contains("rank test p=0.500 (exact)");
  }

  @Test
  void threeForksASideAreEnoughForAClearRegression() {
    // complete separation, 3 vs 3: the rank test's smallest possible p is 0.1 and is shown, but
    // the interval on the log ratio decides (a 15% drop with 0.5% spread is unmistakable)
    ComparisonRow row =
        onlyRow(
            forks("base", List.of(20_000.0, 20_100.0, 20_200.0)),
            forks("now", List.of(17_000.0, 17_100.0, 17_200.0)));
    assertThat(row.verdict()).isEqualTo(Verdict.REGRESSION);
    assertThat(row.detail()).contains("rank test p=0.100 (exact)");
  }

  @Test
  void fiveIterationsOfOneForkAreTooFewForksNotFiveSamples() {
    // the case: quick profile, 1 fork of 5 iterations a side, complete separation gave
    // "p = 0.009" to iterations; as forks it is 1 vs 1, and no verdict is claimed
    RunRecord base =
        run(
            "base",
            0,
            List.of(
                trainForks("manual", List.of(fork(false, 20e3, 20.1e3, 20.2e3, 20.3e3, 20.4e3)))),
            List.of());
    RunRecord now =
        run(
            "now",
            10,
            List.of(
                trainForks("manual", List.of(fork(false, 15e3, 15.1e3, 15.2e3, 15.3e3, 15.4e3)))),
            List.of());
    ComparisonRow row = onlyRow(base, now);
    assertThat(row.verdict()).isEqualTo(Verdict.TOO_FEW_FORKS);
    assertThat(row.verdict().label()).isEqualTo("inconclusive: too few forks");
    assertThat(row.detail()).startsWith("1 vs 1 forks, need 3 per side");
  }

  @Test
  void olderRecordsWithoutForksCountAsOneFork() {
    RunRecord base =
        run(
            "base",
            0,
            List.of(trainRawOnly("manual", samples(new Random(1), 2e4, .03, 5))),
            List.of());
    RunRecord now =
        run(
            "now",
            10,
            List.of(trainRawOnly("manual", samples(new Random(2), 1e4, .03, 5))),
            List.of());
    assertThat(onlyRow(base, now).verdict()).isEqualTo(Verdict.TOO_FEW_FORKS);
  }

  @Test
  void busyForksAreLeftOutAndTooManyMakeItInconclusive() {
    RunRecord base =
        run(
            "base",
            0,
            List.of(
                trainForks(
                    "manual",
                    List.of(fork(false, 20e3, 20e3), fork(false, 20.1e3), fork(false, 19.9e3)))),
            List.of());
    // two of three new forks ran while the machine was busy: a 50% "slowdown" is not claimed
    RunRecord busyNow =
        run(
            "now",
            10,
            List.of(
                trainForks(
                    "manual",
                    List.of(fork(true, 10e3, 10e3), fork(true, 10.2e3), fork(false, 19.8e3)))),
            List.of());
    ComparisonRow busy = onlyRow(base, busyNow);
    assertThat(busy.verdict()).isEqualTo(Verdict.MACHINE_BUSY);
    assertThat(busy.verdict().label()).isEqualTo("inconclusive: machine busy");
    assertThat(busy.detail())
        .startsWith("0 of 3 reference and 2 of 3 new forks measured on a busy machine");

    // with enough quiet forks left, the busy one is left out and the rest decide
    RunRecord mostlyQuiet =
        run(
            "now",
            10,
            List.of(
                trainForks(
                    "manual",
                    List.of(
                        fork(true, 10e3),
                        fork(false, 19.9e3),
                        fork(false, 20.0e3),
                        fork(false, 20.1e3)))),
            List.of());
    ComparisonRow quiet = onlyRow(base, mostlyQuiet);
    assertThat(quiet.verdict()).isEqualTo(Verdict.NO_CHANGE);
    assertThat(quiet.detail()).contains("1 of 4 new forks measured on a busy machine, left out");
  }

  @Test
  void differentHardwareClassIsNotComparableWithTheReason() {
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
                      "different hardware class: CPU model 'Other CPU' vs 'Test CPU @ 2.0GHz';"
                          + " threads '8' vs '2'");
            });
    assertThat(c.hasRegression()).isFalse();
    assertThat(c.hasVerdict()).isFalse();
  }

  @Test
  void hostnameMemoryAndOsAreRecordedButDoNotPreventComparison() {
    // two fresh CI machines of the same kind: same CPU, cores, ISA, JDK and threads
    EnvironmentRecord a = env(CPU, 2);
    EnvironmentRecord b =
        new EnvironmentRecord(
            a.cpuModel(),
            a.cpuFlags(),
            a.cores(),
            16L << 30,
            "Linux 6.8 other kernel",
            a.jvmVendor(),
            a.jvmVersion(),
            List.of(),
            Map.of(),
            Map.of(),
            Map.of(),
            a.threads(),
            "def",
            "0.1.0",
            "runner-17",
            "a different fingerprint",
            a.timestamp(),
            null);
    assertThat(Comparability.environmentMismatch(a, b)).isNull();
    EnvironmentRecord otherJdk =
        new EnvironmentRecord(
            a.cpuModel(),
            a.cpuFlags(),
            a.cores(),
            a.memoryBytes(),
            a.os(),
            a.jvmVendor(),
            "25",
            List.of(),
            Map.of(),
            Map.of(),
            Map.of(),
            a.threads(),
            "abc",
            "0.1.0",
            "host",
            a.machineFingerprint(),
            a.timestamp(),
            null);
    assertThat(Comparability.environmentMismatch(a, otherJdk))
        .isEqualTo("different hardware class: JDK 'Temurin 17' vs 'Temurin 25'");
  }

  @Test
  void accuracyDropBeyondHalfAPointIsARegression() {
    RunRecord base = run("base", 0, List.of(), seeds("manual", 0.972, 0.973, 0.971));
    RunRecord now = run("now", 10, List.of(), seeds("manual", 0.962, 0.963, 0.961));
    ComparisonRow row = onlyRow(base, now);
    assertThat(row.change()).isCloseTo(-1.0, within(1e-9)); // means 97.2% -> 96.2%
    assertThat(row.verdict()).isEqualTo(Verdict.REGRESSION);
    // sd over seeds is 0.1 pp, so 3 sd = 0.3 pp and the 0.5 pp floor applies. CI by hand: se =
    // sqrt(2 x 0.01/3) = 0.08165 pp, df 4, t = 2.776: -1 +- 0.2267 pp
    assertThat(row.detail())
        .startsWith("tolerance 0.50 pp")
        .contains("95% CI [-1.23, -0.77] pp; seeds 3/3");
  }

  @Test
  void oneSeedGivesNoAccuracyVerdict() {
    RunRecord base = run("base", 0, List.of(), seeds("manual", 0.972));
    RunRecord now = run("now", 10, List.of(), seeds("manual", 0.90));
    ComparisonRow row = onlyRow(base, now);
    assertThat(row.verdict()).isEqualTo(Verdict.ONE_SEED);
    assertThat(row.verdict().label()).isEqualTo("inconclusive (1 seed)");
    assertThat(row.detail()).startsWith("seeds 1/1, need 3 per side").endsWith("CI n/a");
    RunRecord twoSeeds = run("now", 10, List.of(), seeds("manual", 0.90, 0.91));
    assertThat(
            onlyRow(run("base", 0, List.of(), seeds("manual", 0.97, 0.971, 0.972)), twoSeeds)
                .verdict())
        .isEqualTo(Verdict.TOO_FEW_SEEDS);
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
