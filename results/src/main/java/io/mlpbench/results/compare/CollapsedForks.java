package io.mlpbench.results.compare;

import io.mlpbench.results.model.ForkResult;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;

/**
 * Forks that ran in another regime: a mean below 1/{@value #FACTOR} of the median of the other
 * forks of the same side. Fork-to-fork noise here is ~13% CV (shared/measurements), so a 3x drop is
 * ~8 sigma in log: not noise but a different outcome of that JVM (seen once in 320 quiet forks of
 * the calibration: {@code manual} at 2,918 vs 37,337 samples/s while using its full 1.9 cores, so
 * neither load nor steal). One such fork a side is left out with a note, as a busy fork is; two or
 * more on a side mean the code itself may be bimodal, and the verdict is inconclusive rather than
 * hiding it.
 */
final class CollapsedForks {
  static final double FACTOR = 3.0;

  private CollapsedForks() {}

  /** Indices of collapsed forks in {@code side}; none when fewer than 3 forks (no median of 2). */
  static TreeSet<Integer> find(List<ForkResult> side) {
    TreeSet<Integer> collapsed = new TreeSet<>();
    if (side.size() < 3) {
      return collapsed;
    }
    for (int i = 0; i < side.size(); i++) {
      if (side.get(i).mean() * FACTOR < medianOfOthers(side, i)) {
        collapsed.add(i);
      }
    }
    return collapsed;
  }

  static double medianOfOthers(List<ForkResult> side, int skip) {
    double[] others = new double[side.size() - 1];
    for (int i = 0, j = 0; i < side.size(); i++) {
      if (i != skip) {
        others[j++] = side.get(i).mean();
      }
    }
    Arrays.sort(others);
    int n = others.length;
    return n % 2 == 1 ? others[n / 2] : (others[n / 2 - 1] + others[n / 2]) / 2;
  }

  /** E.g. "fork A of pair 8 collapsed (2,918 vs 37,337 samples/s median of the others, 12.8x)". */
  static String describe(String forkName, List<ForkResult> side, int index) {
    double median = medianOfOthers(side, index);
    double mean = side.get(index).mean();
    return String.format(
        Locale.ROOT,
        "%s collapsed (%,.0f vs %,.0f samples/s median of the others, %.1fx)",
        forkName,
        mean,
        median,
        median / mean);
  }
}
