package io.mlpbench.results.compare;

/**
 * The rules of a comparison.
 *
 * @param thresholdPercent a throughput change smaller than this (in %) is never called a regression
 *     or improvement, however significant
 * @param alpha 1 - the confidence of the interval on the ratio of fork means (and of accuracy)
 * @param minForks fewer JVM forks than this on either side: "inconclusive: too few forks"
 * @param accuracyFloorPp an accuracy change within this many percentage points is noise
 * @param accuracySdFactor ... and so is one within this many standard deviations over seeds
 * @param minSeeds fewer seeds than this on either side: accuracy is "inconclusive (n seeds)"
 * @param recentRuns how many earlier runs on the same machine form the "recent history" reference
 */
public record CompareOptions(
    double thresholdPercent,
    double alpha,
    int minForks,
    double accuracyFloorPp,
    double accuracySdFactor,
    int minSeeds,
    int recentRuns) {

  public static final double DEFAULT_THRESHOLD_PERCENT = 7.0;
  public static final double DEFAULT_ALPHA = 0.05;

  public CompareOptions {
    if (!(thresholdPercent >= 0)) {
      throw new IllegalArgumentException(
          "threshold must be >= 0 (percent), got " + thresholdPercent);
    }
    if (!(alpha > 0 && alpha < 1)) {
      throw new IllegalArgumentException("alpha must be in (0, 1), got " + alpha);
    }
    if (minForks < 2 || minSeeds < 2) {
      throw new IllegalArgumentException(
          "an interval needs at least 2 forks and 2 seeds a side, got "
              + minForks
              + "/"
              + minSeeds);
    }
    if (recentRuns < 0) {
      throw new IllegalArgumentException("recent runs must be >= 0, got " + recentRuns);
    }
  }

  public static CompareOptions defaults() {
    return new CompareOptions(DEFAULT_THRESHOLD_PERCENT, DEFAULT_ALPHA, 3, 0.5, 3.0, 3, 5);
  }

  public CompareOptions withThreshold(double percent) {
    return new CompareOptions(
        percent, alpha, minForks, accuracyFloorPp, accuracySdFactor, minSeeds, recentRuns);
  }

  public CompareOptions withAlpha(double a) {
    return new CompareOptions(
        thresholdPercent, a, minForks, accuracyFloorPp, accuracySdFactor, minSeeds, recentRuns);
  }

  public CompareOptions withRecentRuns(int n) {
    return new CompareOptions(
        thresholdPercent, alpha, minForks, accuracyFloorPp, accuracySdFactor, minSeeds, n);
  }
}
