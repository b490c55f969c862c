package io.mlpbench.results.compare;

import io.mlpbench.results.stats.WelchInterval;
import java.util.List;
import java.util.Locale;
import org.apache.commons.math3.stat.descriptive.SummaryStatistics;

/**
 * Accuracy verdict over seeds. It needs at least {@link CompareOptions#minSeeds()} seeds a side (a
 * single seed has no spread, so no interval: "inconclusive (1 seed)"). Then a drop (or gain) counts
 * when the mean final test accuracy moves by more than max(floor, k x sd), sd the larger of the two
 * sides' standard deviations over seeds, AND the Welch t-interval of the difference at confidence 1
 * - alpha excludes 0. The interval is shown in every case it can be computed.
 */
public final class AccuracyVerdict {
  private AccuracyVerdict() {}

  /** Means as fractions, change and tolerance in percentage points. */
  public record Result(
      double reference,
      double now,
      double changePp,
      double tolerancePp,
      Verdict verdict,
      String detail) {}

  public static Result compare(List<Double> reference, List<Double> now, CompareOptions options) {
    SummaryStatistics ref = stats(reference);
    SummaryStatistics cur = stats(now);
    double change = 100.0 * (cur.getMean() - ref.getMean());
    long fewest = Math.min(ref.getN(), cur.getN());
    String seeds = String.format(Locale.ROOT, "seeds %d/%d", ref.getN(), cur.getN());
    if (fewest < options.minSeeds()) {
      Verdict verdict = fewest <= 1 ? Verdict.ONE_SEED : Verdict.TOO_FEW_SEEDS;
      return new Result(
          ref.getMean(),
          cur.getMean(),
          change,
          Double.NaN,
          verdict,
          seeds
              + ", need "
              + options.minSeeds()
              + " per side for an accuracy verdict (run with --seeds 3); CI n/a");
    }
    double sdPp = 100.0 * Math.max(ref.getStandardDeviation(), cur.getStandardDeviation());
    double tolerance = Math.max(options.accuracyFloorPp(), options.accuracySdFactor() * sdPp);
    double confidence = 1 - options.alpha();
    WelchInterval.Result ci = WelchInterval.of(percent(reference), percent(now), confidence);
    String detail =
        String.format(
            Locale.ROOT,
            "tolerance %.2f pp = max(%s pp, %s x sd %.2f pp); %.0f%% CI [%+.2f, %+.2f] pp; %s",
            tolerance,
            ThroughputVerdict.fmt(options.accuracyFloorPp()),
            ThroughputVerdict.fmt(options.accuracySdFactor()),
            sdPp,
            100 * confidence,
            ci.lower(),
            ci.upper(),
            seeds);
    boolean significant = ci.excludesZero();
    Verdict verdict =
        change < -tolerance && significant
            ? Verdict.REGRESSION
            : change > tolerance && significant ? Verdict.IMPROVEMENT : Verdict.NO_CHANGE;
    return new Result(ref.getMean(), cur.getMean(), change, tolerance, verdict, detail);
  }

  private static double[] percent(List<Double> values) {
    return values.stream().mapToDouble(v -> 100.0 * v).toArray();
  }

  private static SummaryStatistics stats(List<Double> values) {
    SummaryStatistics s = new SummaryStatistics();
    values.forEach(s::addValue);
    return s;
  }
}
