package io.mlpbench.results.compare;

import static org.assertj.core.api.Assertions.assertThat;

import io.mlpbench.results.model.ForkResult;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The fork means are those of calibration session plus10-4 (results/calibration/
 * 20261202T100820Z-full-8forks): manual vs manual-plus10, 8 interleaved pairs, fork A8 collapsed to
 * 2,918 samples/s at full CPU. With it the paired interval was [0.596, 2.689] ("no change"); the
 * other 7 pairs alone show the 10% slower route.
 */
class CollapsedForksTest {
  private static final double[] A = {38_523, 36_948, 37_994, 36_997, 38_139, 37_223, 37_450, 2_918};
  private static final double[] B = {
    34_206, 34_666, 35_663, 34_997, 34_523, 33_874, 34_396, 34_358
  };

  private static List<ForkResult> forks(double... means) {
    List<ForkResult> forks = new ArrayList<>();
    for (double m : means) {
      forks.add(ForkResult.of(List.of(m, m, m)));
    }
    return forks;
  }

  @Test
  void findsOnlyTheForkBelowAThirdOfItsSidesMedian() {
    assertThat(CollapsedForks.find(forks(A))).containsExactly(7);
    assertThat(CollapsedForks.find(forks(B))).isEmpty();
    // 13% fork-to-fork noise, even a 2x slow fork, is not a collapse
    assertThat(CollapsedForks.find(forks(100, 90, 110, 50))).isEmpty();
    // two forks cannot tell which one collapsed
    assertThat(CollapsedForks.find(forks(100, 1))).isEmpty();
  }

  @Test
  void pairedVerdictLeavesTheCollapsedPairOutAndSaysSo() {
    ThroughputVerdict.Result r =
        ThroughputVerdict.comparePaired(forks(A), forks(B), CompareOptions.defaults());
    assertThat(r.verdict()).isEqualTo(Verdict.REGRESSION);
    // the 7 remaining pairs: geometric-mean ratio 0.920 (computed from the literals above)
    assertThat(r.changePercent()).isBetween(-8.2, -7.4);
    assertThat(r.detail()).contains("fork A of pair 8 collapsed", "12.8x", "7 adjacent A/B forks");
  }

  @Test
  void unpairedVerdictLeavesTheCollapsedForkOut() {
    ThroughputVerdict.Result r =
        ThroughputVerdict.compare(forks(A), forks(B), CompareOptions.defaults());
    assertThat(r.verdict()).isEqualTo(Verdict.REGRESSION);
    assertThat(r.detail()).contains("a reference fork collapsed", "7/8 forks");
  }

  @Test
  void twoCollapsedForksOnASideAreInconclusiveNotHidden() {
    double[] bimodal = A.clone();
    bimodal[3] = 3_100;
    ThroughputVerdict.Result r =
        ThroughputVerdict.comparePaired(forks(bimodal), forks(B), CompareOptions.defaults());
    assertThat(r.verdict()).isEqualTo(Verdict.UNSTABLE);
    assertThat(r.verdict().isInconclusive()).isTrue();
    assertThat(r.detail()).startsWith("2 of 8 reference and 0 of 8 new forks collapsed");
  }
}
