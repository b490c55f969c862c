package io.mlpbench.results.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/**
 * Exact p-values are checked against values that are exact fractions, each also given by R's {@code
 * wilcox.test(x, y)} (exact for no ties) and by {@code scipy.stats.mannwhitneyu(x, y,
 * method="exact")} 1.17; tolerance 1e-12 is floating-point rounding of a ratio of integer counts.
 */
class RankTestTest {
  private static final double EXACT = 1e-12;

  @Test
  void completeSeparationOfThreeForksASideCannotGoBelowPointOne() {
    // 2 / C(6,3) = 2/20: the smallest exact two-sided p for 3 vs 3, whatever the data
    RankTest.Result r = RankTest.test(new double[] {1, 2, 3}, new double[] {4, 5, 6});
    assertThat(r.exact()).isTrue();
    assertThat(r.u()).isEqualTo(0.0);
    assertThat(r.p()).isCloseTo(0.1, within(EXACT));
  }

  @Test
  void completeSeparationOfFiveASideIsTwoIn252() {
    RankTest.Result r = RankTest.test(new double[] {1, 2, 3, 4, 5}, new double[] {6, 7, 8, 9, 10});
    assertThat(r.p()).isCloseTo(2.0 / 252, within(EXACT)); // 0.0079365, Mann-Whitney tables
  }

  @Test
  void oneInversionOfFourASideIsFourIn70() {
    // U = 1: P(U <= 1) = 2/70 per tail (tables: n1 = n2 = 4), two-sided 4/70 = 0.05714
    RankTest.Result r = RankTest.test(new double[] {1, 2, 3, 5}, new double[] {4, 6, 7, 8});
    assertThat(r.u()).isEqualTo(1.0);
    assertThat(r.p()).isCloseTo(4.0 / 70, within(EXACT));
  }

  @Test
  void theSameRouteSplitInHalfIsNotSignificant() {
    // the 8 fork means of shared/measurements/2026-12-02-manual-8-forks.json, first 4 vs last 4:
    // U = 13, p = 14/70 = 0.2 (scipy exact)
    RankTest.Result r =
        RankTest.test(
            new double[] {60_039, 72_058, 76_423, 78_093},
            new double[] {66_240, 63_561, 61_236, 52_101});
    assertThat(r.u()).isEqualTo(13.0);
    assertThat(r.p()).isCloseTo(0.2, within(EXACT));
  }

  @Test
  void tiesUseTheExactConditionalDistribution() {
    // mid-ranks 1, 3, 3, 3, 5.5, 5.5, 7.5, 7.5: 14 of the C(8,4) = 70 assignments are at least as
    // far
    // from the mean rank sum as the observed one (brute-force enumeration below; scipy 1.17's
    // method="exact", which doubles the smaller tail, also gives 0.2 here): p = 0.2, U = 2.5
    double[] x = {1, 2, 2, 3};
    double[] y = {2, 3, 4, 4};
    RankTest.Result r = RankTest.test(x, y);
    assertThat(r.u()).isEqualTo(2.5);
    assertThat(r.p()).isCloseTo(14.0 / 70, within(EXACT));
    assertThat(r.p()).isCloseTo(bruteForceP(x, y), within(EXACT));
  }

  @Test
  void tiedPairsOfThreeASide() {
    // {10,10,11} vs {11,12,12}: 4 of 20 assignments as extreme (scipy exact 0.2)
    double[] x = {10, 10, 11};
    double[] y = {11, 12, 12};
    assertThat(RankTest.test(x, y).p()).isCloseTo(0.2, within(EXACT));
    assertThat(RankTest.test(x, y).p()).isCloseTo(bruteForceP(x, y), within(EXACT));
  }

  @Test
  void largeSamplesUseTheTieCorrectedNormalApproximation() {
    // 35 vs 35 heavily tied values (N = 70 > EXACT_LIMIT): scipy.stats.mannwhitneyu(x, y,
    // method="asymptotic", use_continuity=False) gives U = 302.5, p = 0.0002604594712750421;
    // 1e-9 relative: the normal CDF's own accuracy in commons-math3
    double[] x = {
      0, 1, 1, 1, 2, 2, 2, 3, 3, 3, 4, 4, 4, 5, 5, 5, 6, 6, 6, 7, 7, 7, 8, 8, 8, 9, 9, 9, 10, 10,
      10, 11, 11, 11, 12
    };
    double[] y = {
      4, 4, 4, 5, 5, 6, 6, 6, 6, 7, 7, 8, 8, 8, 8, 9, 9, 10, 10, 10, 10, 11, 11, 12, 12, 12, 12, 13,
      13, 14, 14, 14, 14, 15, 15
    };
    RankTest.Result r = RankTest.test(x, y);
    assertThat(r.exact()).isFalse();
    assertThat(r.u()).isEqualTo(302.5);
    assertThat(r.p()).isCloseTo(0.0002604594712750421, within(0.0002604594712750421 * 1e-9));
  }

  @Test
  void allValuesTiedGiveNoEvidence() {
    assertThat(RankTest.test(new double[] {5, 5, 5}, new double[] {5, 5, 5}).p()).isEqualTo(1.0);
  }

  /** Independent reference: every subset of the pooled mid-ranks enumerated. */
  private static double bruteForceP(double[] x, double[] y) {
    int n1 = x.length;
    int n = n1 + y.length;
    double[] pooled = new double[n];
    System.arraycopy(x, 0, pooled, 0, n1);
    System.arraycopy(y, 0, pooled, n1, y.length);
    double[] rank = new double[n];
    for (int i = 0; i < n; i++) {
      double less = 0;
      double equal = 0;
      for (double v : pooled) {
        less += v < pooled[i] ? 1 : 0;
        equal += v == pooled[i] ? 1 : 0;
      }
      rank[i] = less + (equal + 1) / 2;
    }
    double mean = n1 * (n + 1) / 2.0;
    double observed = 0;
    for (int i = 0; i < n1; i++) {
      observed += rank[i];
    }
    int extreme = 0;
    int total = 0;
    for (int mask = 0; mask < 1 << n; mask++) {
      if (Integer.bitCount(mask) != n1) {
        continue;
      }
      double s = 0;
      for (int i = 0; i < n; i++) {
        s += (mask >> i & 1) == 1 ? rank[i] : 0;
      }
      total++;
      extreme += Math.abs(s - mean) >= Math.abs(observed - mean) - 1e-9 ? 1 : 0;
    }
    return extreme / (double) total;
  }
}
