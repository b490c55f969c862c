package io.mlpbench.results.stats;

import java.util.Arrays;
import org.apache.commons.math3.distribution.NormalDistribution;

/**
 * Two-sided Wilcoxon-Mann-Whitney rank-sum test on per-fork summaries. With at most {@link
 * #EXACT_LIMIT} values in all, p is exact: the permutation distribution of the rank sum given the
 * observed mid-ranks, so ties are handled exactly (the conditional test). Above it, the normal
 * approximation with the tie-corrected variance and no continuity correction. Two-sided p is P(|S -
 * E[S]| >= |s - E[S]|) for the rank sum S (the centred definition, as R's coin package uses);
 * without ties it equals twice the smaller tail, as in R's {@code wilcox.test}, while with ties the
 * conditional distribution can be skewed and the two definitions may differ. commons-math3's {@code
 * MannWhitneyUTest} is not used: it always takes the normal approximation, which for 3 vs 3 forks
 * reports p = 0.0495 where the exact p is 0.1.
 */
public final class RankTest {
  /** Pooled sample sizes up to this are tested exactly (the counting is O(N^3), instantaneous). */
  public static final int EXACT_LIMIT = 60;

  private RankTest() {}

  /**
   * @param u the Mann-Whitney U of the first sample (pairs where x beats y, ties count half)
   * @param p two-sided p-value
   * @param exact whether p is exact (else the tie-corrected normal approximation)
   */
  public record Result(double u, double p, boolean exact) {}

  public static Result test(double[] x, double[] y) {
    int n1 = x.length;
    int n2 = y.length;
    if (n1 == 0 || n2 == 0) {
      throw new IllegalArgumentException(
          "rank test needs values on both sides, got " + n1 + "/" + n2);
    }
    int n = n1 + n2;
    double[] pooled = new double[n];
    System.arraycopy(x, 0, pooled, 0, n1);
    System.arraycopy(y, 0, pooled, n1, n2);
    int[] doubledRanks = doubledMidRanks(pooled);
    long observed = 0; // twice the rank sum of x, an integer even with half ranks
    for (int i = 0; i < n1; i++) {
      observed += doubledRanks[i];
    }
    double u = observed / 2.0 - n1 * (n1 + 1) / 2.0;
    long doubledMean = (long) n1 * (n + 1); // twice E[rank sum of x]
    return n <= EXACT_LIMIT
        ? new Result(
            u, exactP(doubledRanks, n1, Math.abs(observed - doubledMean), doubledMean), true)
        : new Result(u, normalP(pooled, n1, n2, u), false);
  }

  /** 2 x mid-rank of each value (ranks 1..n, tied values share the mean of their ranks). */
  static int[] doubledMidRanks(double[] values) {
    int n = values.length;
    Integer[] order = new Integer[n];
    for (int i = 0; i < n; i++) {
      order[i] = i;
    }
    Arrays.sort(order, (a, b) -> Double.compare(values[a], values[b]));
    int[] ranks = new int[n];
    int i = 0;
    while (i < n) {
      int j = i;
      while (j + 1 < n && values[order[j + 1]] == values[order[i]]) {
        j++;
      }
      int doubled = (i + 1) + (j + 1); // 2 x mean of ranks i+1 .. j+1
      for (int k = i; k <= j; k++) {
        ranks[order[k]] = doubled;
      }
      i = j + 1;
    }
    return ranks;
  }

  /**
   * P(|S - mean| >= observed deviation) over all C(n, n1) equally likely assignments of the ranks
   * to the first sample, counted by dynamic programming over (values used, sum of doubled ranks).
   */
  private static double exactP(int[] doubledRanks, int n1, long deviation, long doubledMean) {
    int maxSum = Arrays.stream(doubledRanks).sum();
    // ways[k][s]: subsets of size k of the ranks seen so far with doubled-rank sum s
    double[][] ways = new double[n1 + 1][maxSum + 1];
    ways[0][0] = 1;
    for (int r : doubledRanks) {
      for (int k = n1; k >= 1; k--) {
        double[] from = ways[k - 1];
        double[] to = ways[k];
        for (int s = maxSum - r; s >= 0; s--) {
          if (from[s] != 0) {
            to[s + r] += from[s];
          }
        }
      }
    }
    double total = 0;
    double extreme = 0;
    for (int s = 0; s <= maxSum; s++) {
      double w = ways[n1][s];
      total += w;
      if (Math.abs(s - doubledMean) >= deviation) {
        extreme += w;
      }
    }
    return Math.min(1.0, extreme / total);
  }

  private static double normalP(double[] pooled, int n1, int n2, double u) {
    int n = n1 + n2;
    double[] sorted = pooled.clone();
    Arrays.sort(sorted);
    double tieSum = 0; // sum of t^3 - t over groups of t tied values
    int i = 0;
    while (i < n) {
      int j = i;
      while (j + 1 < n && sorted[j + 1] == sorted[i]) {
        j++;
      }
      double t = j - i + 1;
      tieSum += t * t * t - t;
      i = j + 1;
    }
    double variance = n1 * (double) n2 / 12.0 * ((n + 1) - tieSum / ((double) n * (n - 1)));
    if (variance <= 0) {
      return 1.0; // every value tied: no evidence of a difference
    }
    double z = (u - n1 * (double) n2 / 2.0) / Math.sqrt(variance);
    return Math.min(1.0, 2 * new NormalDistribution().cumulativeProbability(-Math.abs(z)));
  }
}
