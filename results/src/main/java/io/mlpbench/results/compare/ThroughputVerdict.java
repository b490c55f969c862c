package io.mlpbench.results.compare;

import io.mlpbench.results.model.ForkResult;
import io.mlpbench.results.stats.LogRatioInterval;
import io.mlpbench.results.stats.RankTest;
import java.util.ArrayList;
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
    java.util.TreeSet<Integer> refCollapsed = CollapsedForks.find(refQuiet);
    java.util.TreeSet<Integer> nowCollapsed = CollapsedForks.find(nowQuiet);
    if (refCollapsed.size() > 1 || nowCollapsed.size() > 1) {
      return unstable(
          refAll,
          nowAll,
          roughChange,
          refCollapsed.size(),
          nowCollapsed.size(),
          refQuiet.size(),
          nowQuiet.size());
    }
    List<String> collapseNotes = new ArrayList<>();
    for (int i : refCollapsed) {
      collapseNotes.add(CollapsedForks.describe("a reference fork", refQuiet, i));
    }
    for (int i : nowCollapsed) {
      collapseNotes.add(CollapsedForks.describe("a new fork", nowQuiet, i));
    }
    refQuiet = without(refQuiet, refCollapsed);
    nowQuiet = without(nowQuiet, nowCollapsed);
    if (refQuiet.size() < min || nowQuiet.size() < min) {
      return new Result(
          refAll,
          nowAll,
          roughChange,
          Verdict.TOO_FEW_FORKS,
          String.join("; ", collapseNotes) + ", left out: fewer than " + min + " forks a side");
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
                leftOut > 0 ? "; " + busyNote + ", left out" : "")
            + (collapseNotes.isEmpty()
                ? ""
                : "; " + String.join("; ", collapseNotes) + ", left out");
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

  /**
   * The verdict for forks measured in pairs (A_i then B_i, back to back, in an interleaved
   * session): the same rules, with the paired t-interval on the per-pair log ratios ({@link
   * LogRatioInterval#paired}), which cancels drift shared by the two forks of a pair. A pair with a
   * busy fork is left out whole. The unpaired interval is shown beside it.
   */
  public static Result comparePaired(
      List<ForkResult> a, List<ForkResult> b, CompareOptions options) {
    if (a.size() != b.size()) {
      throw new IllegalArgumentException(
          "pairs need equal counts, got " + a.size() + "/" + b.size());
    }
    List<ForkResult> qa = new java.util.ArrayList<>();
    List<ForkResult> qb = new java.util.ArrayList<>();
    int busyPairs = 0;
    for (int i = 0; i < a.size(); i++) {
      if (!(a.get(i).mean() > 0) || !(b.get(i).mean() > 0)) {
        continue;
      }
      if (a.get(i).measuredBusy() || b.get(i).measuredBusy()) {
        busyPairs++;
        continue;
      }
      qa.add(a.get(i));
      qb.add(b.get(i));
    }
    Result unpaired = compare(a, b, options);
    int min = options.minForks();
    if (qa.size() < min) {
      Verdict why = qa.size() + busyPairs < min ? Verdict.TOO_FEW_FORKS : Verdict.MACHINE_BUSY;
      return new Result(
          unpaired.reference(),
          unpaired.now(),
          unpaired.changePercent(),
          why,
          String.format(
              Locale.ROOT,
              "%d quiet A/B pairs (%d left out busy), need %d",
              qa.size(),
              busyPairs,
              min));
    }
    java.util.TreeSet<Integer> collapsedA = CollapsedForks.find(qa);
    java.util.TreeSet<Integer> collapsedB = CollapsedForks.find(qb);
    if (collapsedA.size() > 1 || collapsedB.size() > 1) {
      return unstable(
          unpaired.reference(),
          unpaired.now(),
          unpaired.changePercent(),
          collapsedA.size(),
          collapsedB.size(),
          qa.size(),
          qb.size());
    }
    List<String> collapseNotes = new ArrayList<>();
    for (int i : collapsedA) {
      collapseNotes.add(CollapsedForks.describe("fork A of pair " + (i + 1), qa, i));
    }
    for (int i : collapsedB) {
      collapseNotes.add(CollapsedForks.describe("fork B of pair " + (i + 1), qb, i));
    }
    java.util.TreeSet<Integer> collapsedPairs = new java.util.TreeSet<>(collapsedA);
    collapsedPairs.addAll(collapsedB);
    qa = without(qa, collapsedPairs);
    qb = without(qb, collapsedPairs);
    if (qa.size() < min) {
      return new Result(
          unpaired.reference(),
          unpaired.now(),
          unpaired.changePercent(),
          Verdict.TOO_FEW_FORKS,
          String.join("; ", collapseNotes)
              + ": that pair left out leaves fewer than "
              + min
              + " pairs");
    }
    double confidence = 1 - options.alpha();
    LogRatioInterval.Result ci = LogRatioInterval.paired(means(qa), means(qb), confidence);
    double change = (ci.ratio() - 1) * 100;
    String stats =
        String.format(
            Locale.ROOT,
            "ratio %.3f, %.0f%% CI [%.3f, %.3f] (paired t on log ratios of %d adjacent A/B"
                + " forks%s); unpaired: %s",
            ci.ratio(),
            100 * confidence,
            ci.lower(),
            ci.upper(),
            qa.size(),
            busyPairs > 0 ? ", " + busyPairs + " busy pairs left out" : "",
            unpaired.detail());
    if (!collapseNotes.isEmpty()) {
      stats = String.join("; ", collapseNotes) + ", pair left out; " + stats;
    }
    Verdict verdict;
    String why;
    if (!ci.excludesOne()) {
      verdict = Verdict.NO_CHANGE;
      why = "interval includes 1; ";
    } else if (Math.abs(change) <= options.thresholdPercent()) {
      verdict = Verdict.NO_CHANGE;
      why = "within " + fmt(options.thresholdPercent()) + "% threshold; ";
    } else {
      verdict = change < 0 ? Verdict.REGRESSION : Verdict.IMPROVEMENT;
      why = "";
    }
    return new Result(
        LogRatioInterval.geometricMean(means(qa)),
        LogRatioInterval.geometricMean(means(qb)),
        change,
        verdict,
        why + stats);
  }

  private static Result unstable(
      double reference,
      double now,
      double change,
      int refCollapsed,
      int nowCollapsed,
      int refForks,
      int nowForks) {
    return new Result(
        reference,
        now,
        change,
        Verdict.UNSTABLE,
        String.format(
            Locale.ROOT,
            "%d of %d reference and %d of %d new forks collapsed below 1/%.0f of their side's"
                + " median: the code may run in two regimes; investigate before trusting a ratio",
            refCollapsed,
            refForks,
            nowCollapsed,
            nowForks,
            CollapsedForks.FACTOR));
  }

  private static List<ForkResult> without(List<ForkResult> forks, java.util.Set<Integer> drop) {
    List<ForkResult> kept = new ArrayList<>();
    for (int i = 0; i < forks.size(); i++) {
      if (!drop.contains(i)) {
        kept.add(forks.get(i));
      }
    }
    return kept;
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
