package io.mlpbench.results.compare;

import io.mlpbench.results.model.ForkResult;
import io.mlpbench.results.stats.LogRatioInterval;
import io.mlpbench.results.stats.RankTest;
import java.util.List;
import java.util.Locale;

/**
 * Throughput verdict from per-fork summaries (the mean of each JMH fork's iterations; forks are the
 * unit of replication, iterations inside a fork are not independent: Georges et al., OOPSLA 2007;
 * Kalibera and Jones, ISMM 2013). Higher is better.
 *
 * <ol>
 *   <li>fewer than {@link CompareOptions#minForks()} forks on a side: inconclusive (too few forks);
 *   <li>forks measured busy (at least half their iterations marked by the contention profiler) are
 *       left out; if that leaves too few: inconclusive (machine busy);
 *   <li>the change is the ratio of geometric means of the fork means with a Welch t-interval on
 *       their logarithms at confidence 1 - alpha ({@link LogRatioInterval});
 *   <li>regression / improvement when the interval excludes 1 AND the change exceeds the threshold;
 *       otherwise no change. The exact rank test on the fork means is shown beside it, not
 *       decisive: with 3 forks a side its smallest possible p is 0.1.
 * </ol>
 */
public final class ThroughputVerdict {
  private ThroughputVerdict() {}

  /** The verdict and its explanation; reference and now are geometric means of fork means. */
  public record Result(
      double reference, double now, double changePercent, Verdict verdict, String detail) {}

  public static Result compare(
      List<ForkResult> reference, List<ForkResult> now, CompareOptions options) {
    List<ForkResult> ref = usable(reference);
    List<ForkResult> cur = usable(now);
    double refAll = geometricMean(ref);
    double nowAll = geometricMean(cur);
    double roughChange = (nowAll / refAll - 1) * 100;
    int min = options.minForks();
    if (ref.size() < min || cur.size() < min) {
      return new Result(
          refAll,
          nowAll,
          roughChange,
          Verdict.TOO_FEW_FORKS,
          String.format(
              Locale.ROOT,
              "%d vs %d forks, need %d per side (iterations of one fork are not independent"
                  + " samples)",
              ref.size(),
              cur.size(),
              min));
    }
    List<ForkResult> refQuiet = ref.stream().filter(f -> !f.measuredBusy()).toList();
    List<ForkResult> nowQuiet = cur.stream().filter(f -> !f.measuredBusy()).toList();
    int leftOut = ref.size() - refQuiet.size() + cur.size() - nowQuiet.size();
    String busyNote =
        String.format(
            Locale.ROOT,
            "%d of %d reference and %d of %d new forks measured on a busy machine",
            ref.size() - refQuiet.size(),
            ref.size(),
            cur.size() - nowQuiet.size(),
            cur.size());
    if (refQuiet.size() < min || nowQuiet.size() < min) {
      return new Result(
          refAll,
          nowAll,
          roughChange,
          Verdict.MACHINE_BUSY,
          busyNote
              + " (other processes' CPU or steal above the threshold), leaving fewer than "
              + min
              + " quiet forks a side");
    }
    double[] a = means(refQuiet);
    double[] b = means(nowQuiet);
    double confidence = 1 - options.alpha();
    LogRatioInterval.Result ci = LogRatioInterval.of(a, b, confidence);
    RankTest.Result rank = RankTest.test(a, b);
    double change = (ci.ratio() - 1) * 100;
    boolean beyondThreshold = Math.abs(change) > options.thresholdPercent();
    String stats =
        String.format(
            Locale.ROOT,
            "ratio %.3f, %.0f%% CI [%.3f, %.3f] (Welch t on log fork means, %d/%d forks);"
                + " rank test p=%.3g (%s)%s",
            ci.ratio(),
            100 * confidence,
            ci.lower(),
            ci.upper(),
            a.length,
            b.length,
            rank.p(),
            rank.exact() ? "exact" : "normal approx.",
            leftOut > 0 ? "; " + busyNote + ", left out" : "");
    Verdict verdict;
    String why;
    if (!ci.excludesOne()) {
      verdict = Verdict.NO_CHANGE;
      why = "interval includes 1; ";
    } else if (!beyondThreshold) {
      verdict = Verdict.NO_CHANGE;
      why = "within " + fmt(options.thresholdPercent()) + "% threshold; ";
    } else {
      verdict = change < 0 ? Verdict.REGRESSION : Verdict.IMPROVEMENT;
      why = "";
    }
    return new Result(
        LogRatioInterval.geometricMean(a),
        LogRatioInterval.geometricMean(b),
        change,
        verdict,
        why + stats);
  }

  private static List<ForkResult> usable(List<ForkResult> forks) {
    return forks == null
        ? List.of()
        : forks.stream().filter(f -> f.mean() > 0 && Double.isFinite(f.mean())).toList();
  }

  private static double[] means(List<ForkResult> forks) {
    return forks.stream().mapToDouble(ForkResult::mean).toArray();
  }

  private static double geometricMean(List<ForkResult> forks) {
    return forks.isEmpty() ? Double.NaN : LogRatioInterval.geometricMean(means(forks));
  }

  static String fmt(double v) {
    return v == Math.rint(v) ? Long.toString((long) v) : Double.toString(v);
  }
}
