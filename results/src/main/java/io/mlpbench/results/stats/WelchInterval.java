package io.mlpbench.results.stats;

import org.apache.commons.math3.distribution.TDistribution;
import org.apache.commons.math3.stat.descriptive.SummaryStatistics;

/**
 * Welch's t confidence interval for mean(now) - mean(reference), unequal variances allowed (a busy
 * session widens one side only), with Welch-Satterthwaite degrees of freedom.
 */
public final class WelchInterval {
  private WelchInterval() {}

  /**
   * @param difference mean(now) - mean(reference)
   * @param degreesOfFreedom infinite when neither side has any spread (the interval is a point)
   */
  public record Result(
      double difference, double lower, double upper, double confidence, double degreesOfFreedom) {
    /** Whether 0 lies outside the interval: the difference is significant at 1 - confidence. */
    public boolean excludesZero() {
      return upper < 0 || lower > 0;
    }
  }

  /** Needs at least 2 finite values per side. */
  public static Result of(double[] reference, double[] now, double confidence) {
    if (reference.length < 2 || now.length < 2) {
      throw new IllegalArgumentException(
          "a t-interval needs at least 2 values per side, got "
              + reference.length
              + " and "
              + now.length);
    }
    if (!(confidence > 0 && confidence < 1)) {
      throw new IllegalArgumentException("confidence must be in (0, 1), got " + confidence);
    }
    SummaryStatistics a = stats(reference);
    SummaryStatistics b = stats(now);
    double va = a.getVariance() / a.getN();
    double vb = b.getVariance() / b.getN();
    double diff = b.getMean() - a.getMean();
    double se = Math.sqrt(va + vb);
    if (se == 0) {
      return new Result(diff, diff, diff, confidence, Double.POSITIVE_INFINITY);
    }
    double df = (va + vb) * (va + vb) / (va * va / (a.getN() - 1) + vb * vb / (b.getN() - 1));
    double t = new TDistribution(df).inverseCumulativeProbability(0.5 + confidence / 2);
    return new Result(diff, diff - t * se, diff + t * se, confidence, df);
  }

  private static SummaryStatistics stats(double[] values) {
    SummaryStatistics s = new SummaryStatistics();
    for (double v : values) {
      if (!Double.isFinite(v)) {
        throw new IllegalArgumentException("values must be finite, got " + v);
      }
      s.addValue(v);
    }
    return s;
  }
}
