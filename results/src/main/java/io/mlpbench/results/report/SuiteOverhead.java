package io.mlpbench.results.report;

import io.mlpbench.results.model.RunRecord;
import io.mlpbench.results.model.ThroughputResult;
import io.mlpbench.results.stats.LogRatioInterval;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * How much of a training step is the suite's work: for every route, batch size and thread count
 * measured both ways, the time per batch of {@code feed} (the batch put into the route's input
 * form, no training) over the time per batch of a training step, as a percentage with its 95%
 * interval over quiet forks. The goal is under {@value #GOAL_PERCENT}% for every route; a route
 * over it spends a visible part of its measured speed on copying our batches, not on training.
 */
public final class SuiteOverhead {
  static final double GOAL_PERCENT = 5;

  private SuiteOverhead() {}

  /** The section, or empty when the run did not measure feeding. */
  public static Optional<HtmlReport.Section> of(RunRecord run) {
    List<ThroughputResult> feeds = measured(run, "feed");
    if (feeds.isEmpty()) {
      return Optional.empty();
    }
    List<ThroughputResult> steps = measured(run, "train");
    List<List<String>> rows = new ArrayList<>();
    for (ThroughputResult feed : feeds) {
      Optional<ThroughputResult> step =
          steps.stream()
              .filter(
                  s ->
                      s.route().equals(feed.route())
                          && s.batchSize() == feed.batchSize()
                          && s.threads() == feed.threads())
              .findFirst();
      rows.add(
          List.of(
              feed.route(),
              Integer.toString(feed.batchSize()),
              Integer.toString(feed.threads()),
              micros(feed),
              step.map(SuiteOverhead::micros).orElse("not measured"),
              step.map(s -> share(feed, s)).orElse("n/a")));
    }
    Table table =
        new Table(
            "Feeding as a share of a training step",
            List.of(
                "route",
                "batch",
                "threads",
                "feed µs/batch",
                "step µs/batch",
                "feed / step [95% CI]"),
            rows,
            List.of(
                "feed: the batch put into the route's input form exactly as a step puts it"
                    + " (tensors, native arrays, staging buffers) and released, with no training;"
                    + " a route that reads the Java arrays in place (manual) feeds at the cost of a"
                    + " bounds check.",
                "feed / step: ratio of geometric fork means of the two benchmarks' samples/s,"
                    + " with its 95% interval over quiet forks; the goal is under "
                    + fmt(GOAL_PERCENT)
                    + "%. Measured alone, the batch stays in cache, so this is a lower bound on"
                    + " feeding's share inside a step."));
    return Optional.of(
        new HtmlReport.Section(
            "Suite overhead",
            "How much of each route's measured step is the suite copying batches in rather than"
                + " the framework training.",
            List.of(),
            List.of(table)));
  }

  /** feed / step as a percentage with its interval, or the ratio of scores under 2 forks a side. */
  static String share(ThroughputResult feed, ThroughputResult step) {
    double[] f = BatchThreadSpace.quietForkMeans(feed);
    double[] s = BatchThreadSpace.quietForkMeans(step);
    if (f.length < 2 || s.length < 2) {
      return fmt(100 * step.score() / feed.score()) + "% (scores; under 2 quiet forks a side)";
    }
    // time per batch is batch / (samples/s), so feed time / step time = step rate / feed rate
    LogRatioInterval.Result r = LogRatioInterval.of(f, s, BatchThreadSpace.CONFIDENCE);
    String goal = fmt(GOAL_PERCENT) + "%";
    String verdict =
        r.upper() * 100 < GOAL_PERCENT
            ? ", under " + goal
            : r.lower() * 100 > GOAL_PERCENT ? ", OVER " + goal : ", undecided at " + goal;
    return fmt(100 * r.ratio())
        + "% ["
        + fmt(100 * r.lower())
        + ", "
        + fmt(100 * r.upper())
        + "]"
        + verdict;
  }

  private static List<ThroughputResult> measured(RunRecord run, String benchmark) {
    return run.throughput().stream()
        .filter(t -> t.benchmark().equals(benchmark) && "ok".equals(t.status()))
        .filter(t -> t.score() != null && t.score() > 0)
        .toList();
  }

  private static String micros(ThroughputResult t) {
    double us = 1e6 * t.batchSize() / t.score();
    return String.format(Locale.ROOT, us < 10 ? "%.3f" : "%,.1f", us);
  }

  /** Two decimals, three below 0.1%, and a bound below 0.001% (a feed in place is ~0). */
  private static String fmt(double percent) {
    if (percent < 0.001) {
      return "<0.001";
    }
    return String.format(Locale.ROOT, percent < 0.1 ? "%.3f" : "%.2f", percent);
  }
}
