package io.mlpbench.results.compare;

import java.util.List;
import java.util.Locale;
import org.apache.commons.math3.stat.descriptive.SummaryStatistics;

/**
 * Accuracy verdict over seeds: a drop (or gain) counts when the mean final test accuracy moves by
 * more than max(floor, k x sd), where sd is the larger of the two runs' sample standard deviations
 * over seeds (0 with one seed, so one-seed runs fall back to the floor, 0.5 pp by default).
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
    double sdPp = 100.0 * Math.max(sd(ref), sd(cur));
    double tolerance = Math.max(options.accuracyFloorPp(), options.accuracySdFactor() * sdPp);
    double change = 100.0 * (cur.getMean() - ref.getMean());
    String detail =
        String.format(
            Locale.ROOT,
            "tolerance %.2f pp = max(%s pp, %s x sd %.2f pp); seeds %d/%d",
            tolerance,
            ThroughputVerdict.fmt(options.accuracyFloorPp()),
            ThroughputVerdict.fmt(options.accuracySdFactor()),
            sdPp,
            ref.getN(),
            cur.getN());
    Verdict verdict =
        change < -tolerance
            ? Verdict.REGRESSION
            : change > tolerance ? Verdict.IMPROVEMENT : Verdict.NO_CHANGE;
    return new Result(ref.getMean(), cur.getMean(), change, tolerance, verdict, detail);
  }

  private static SummaryStatistics stats(List<Double> values) {
    SummaryStatistics s = new SummaryStatistics();
    values.forEach(s::addValue);
    return s;
  }

  private static double sd(SummaryStatistics s) {
    return s.getN() < 2 ? 0.0 : s.getStandardDeviation();
  }
}
