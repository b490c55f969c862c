package io.mlpbench.results.stats;

/**
 * The ratio now / reference of two sets of per-fork means, with a Welch t-interval computed on the
 * logarithms and transformed back: the ratio of geometric means and its confidence interval.
 *
 * <p>Why this and not a bootstrap over forks: with 3 to 10 forks a side the bootstrap has only a
 * handful of distinct resamples (10 for 3 forks) and undercovers at such sizes, while the
 * t-interval is exact for log-normal fork means (throughput is a rate, its noise multiplicative)
 * and needs no random seed, so the same data always gives the same verdict.
 */
public final class LogRatioInterval {
  private LogRatioInterval() {}

  /**
   * @param ratio geometric mean of {@code now} / geometric mean of {@code reference}
   * @param lower lower bound of the ratio's interval
   * @param upper upper bound
   * @param confidence e.g. 0.95
   * @param degreesOfFreedom Welch-Satterthwaite degrees of freedom of the log interval
   */
  public record Result(
      double ratio, double lower, double upper, double confidence, double degreesOfFreedom) {
    /** Whether 1 lies outside the interval: the change is significant at 1 - confidence. */
    public boolean excludesOne() {
      return upper < 1 || lower > 1;
    }
  }

  /** Needs at least 2 positive, finite values per side. */
  public static Result of(double[] reference, double[] now, double confidence) {
    WelchInterval.Result log = WelchInterval.of(logs(reference), logs(now), confidence);
    return new Result(
        Math.exp(log.difference()),
        Math.exp(log.lower()),
        Math.exp(log.upper()),
        confidence,
        log.degreesOfFreedom());
  }

  /**
   * The ratio for PAIRED forks, e.g. A_i and B_i measured back to back in an interleaved session: a
   * one-sample t-interval (n - 1 degrees of freedom) on d_i = log b_i - log a_i. Slow drift of the
   * machine shared by the two forks of a pair cancels in d_i, which the unpaired interval cannot
   * do; that is the point of interleaving.
   */
  public static Result paired(double[] a, double[] b, double confidence) {
    if (a.length != b.length || a.length < 2) {
      throw new IllegalArgumentException(
          "a paired interval needs at least 2 pairs of equal count, got "
              + a.length
              + " and "
              + b.length);
    }
    if (!(confidence > 0 && confidence < 1)) {
      throw new IllegalArgumentException("confidence must be in (0, 1), got " + confidence);
    }
    double[] la = logs(a);
    double[] lb = logs(b);
    org.apache.commons.math3.stat.descriptive.SummaryStatistics d =
        new org.apache.commons.math3.stat.descriptive.SummaryStatistics();
    for (int i = 0; i < la.length; i++) {
      d.addValue(lb[i] - la[i]);
    }
    double mean = d.getMean();
    double se = d.getStandardDeviation() / Math.sqrt(d.getN());
    double df = d.getN() - 1;
    double t =
        se == 0
            ? 0
            : new org.apache.commons.math3.distribution.TDistribution(df)
                .inverseCumulativeProbability(0.5 + confidence / 2);
    return new Result(
        Math.exp(mean), Math.exp(mean - t * se), Math.exp(mean + t * se), confidence, df);
  }

  /** Geometric mean of positive values. */
  public static double geometricMean(double[] values) {
    double sum = 0;
    for (double l : logs(values)) {
      sum += l;
    }
    return Math.exp(sum / values.length);
  }

  private static double[] logs(double[] values) {
    double[] logs = new double[values.length];
    for (int i = 0; i < values.length; i++) {
      if (!(values[i] > 0) || !Double.isFinite(values[i])) {
        throw new IllegalArgumentException(
            "fork means must be positive and finite, got " + values[i]);
      }
      logs[i] = Math.log(values[i]);
    }
    return logs;
  }
}
