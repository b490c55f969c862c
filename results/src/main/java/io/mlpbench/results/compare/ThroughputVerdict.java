package io.mlpbench.results.compare;

import java.util.List;
import java.util.Locale;
import org.apache.commons.math3.stat.descriptive.moment.Mean;
import org.apache.commons.math3.stat.inference.MannWhitneyUTest;
import org.apache.commons.math3.util.CombinatoricsUtils;

/**
 * Throughput verdict from raw JMH per-iteration samples: a change counts only when it is larger
 * than the threshold AND a Mann-Whitney U test (rank-based, so one slow iteration cannot dominate;
 * commons-math3, two-sided, normal approximation) says the two sample sets differ. Higher is
 * better.
 */
public final class ThroughputVerdict {
  private ThroughputVerdict() {}

  /** The verdict and its explanation for a reference and a new set of samples. */
  public record Result(
      double reference, double now, double changePercent, Verdict verdict, String detail) {}

  /**
   * @param referenceScore the reference's score (JMH's mean), or null to use the samples' mean
   * @param nowScore the new score, or null to use the samples' mean
   */
  public static Result compare(
      Double referenceScore,
      List<Double> referenceSamples,
      Double nowScore,
      List<Double> nowSamples,
      CompareOptions options) {
    double[] ref = toArray(referenceSamples);
    double[] now = toArray(nowSamples);
    double refValue = referenceScore != null ? referenceScore : mean(ref);
    double nowValue = nowScore != null ? nowScore : mean(now);
    double change = (nowValue - refValue) / refValue * 100.0;
    boolean beyondThreshold = Math.abs(change) > options.thresholdPercent();
    boolean tooFew = ref.length < options.minSamples() || now.length < options.minSamples();
    // Even complete separation of the two samples cannot reach alpha when 2 / C(n1+n2, n1), the
    // smallest exact two-sided p of the rank test, is not below it (3 vs 3: 0.1). The normal
    // approximation would still report p = 0.0495 there, so such a verdict is not claimed.
    double smallestP = tooFew ? 1.0 : smallestExactP(ref.length, now.length);
    if (tooFew || smallestP >= options.alpha()) {
      String counts =
          tooFew
              ? String.format(
                  Locale.ROOT,
                  "%d vs %d raw samples, need %d per side",
                  ref.length,
                  now.length,
                  options.minSamples())
              : String.format(
                  Locale.ROOT,
                  "%d vs %d raw samples: the rank test's smallest possible p is %.3g, not below"
                      + " alpha %s",
                  ref.length,
                  now.length,
                  smallestP,
                  fmt(options.alpha()));
      return beyondThreshold
          ? new Result(refValue, nowValue, change, Verdict.INSUFFICIENT_SAMPLES, counts)
          : new Result(
              refValue,
              nowValue,
              change,
              Verdict.NO_CHANGE,
              "within " + fmt(options.thresholdPercent()) + "% threshold; " + counts);
    }
    double p = new MannWhitneyUTest().mannWhitneyUTest(ref, now);
    String stats =
        String.format(Locale.ROOT, "p=%.3g (Mann-Whitney U, n=%d/%d)", p, ref.length, now.length);
    if (!beyondThreshold) {
      return new Result(
          refValue,
          nowValue,
          change,
          Verdict.NO_CHANGE,
          "within " + fmt(options.thresholdPercent()) + "% threshold; " + stats);
    }
    if (!(p < options.alpha())) {
      return new Result(
          refValue,
          nowValue,
          change,
          Verdict.NO_CHANGE,
          "not significant at alpha " + fmt(options.alpha()) + "; " + stats);
    }
    return new Result(
        refValue, nowValue, change, change < 0 ? Verdict.REGRESSION : Verdict.IMPROVEMENT, stats);
  }

  /** Smallest two-sided exact Mann-Whitney p-value for sample sizes n1, n2 (no ties). */
  static double smallestExactP(int n1, int n2) {
    return Math.min(1.0, 2.0 / CombinatoricsUtils.binomialCoefficientDouble(n1 + n2, n1));
  }

  private static double[] toArray(List<Double> samples) {
    return samples == null
        ? new double[0]
        : samples.stream()
            .filter(d -> d != null && Double.isFinite(d))
            .mapToDouble(Double::doubleValue)
            .toArray();
  }

  private static double mean(double[] v) {
    return v.length == 0 ? Double.NaN : new Mean().evaluate(v);
  }

  static String fmt(double v) {
    return v == Math.rint(v) ? Long.toString((long) v) : Double.toString(v);
  }
}
