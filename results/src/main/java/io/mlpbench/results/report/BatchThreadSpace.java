package io.mlpbench.results.report;

import io.mlpbench.results.model.ForkResult;
import io.mlpbench.results.model.RunRecord;
import io.mlpbench.results.model.ThroughputResult;
import io.mlpbench.results.stats.LogRatioInterval;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The batch-size x thread-count space of one run's training throughput (the {@code full} profile
 * measures batch 32, 128 and 512 at 1 thread and at all cores): samples/s per route over batch size
 * for each thread count, and each route's speed-up from 1 thread to the most measured, as the ratio
 * of geometric fork means with its 95% Welch interval (busy forks left out, as in compare).
 * Small-batch thread scaling is where OpenMP frameworks lose; this is where it shows.
 */
public final class BatchThreadSpace {
  static final double CONFIDENCE = 0.95;

  private BatchThreadSpace() {}

  /** The section, or empty when the run measured training at one batch size and thread count. */
  public static Optional<HtmlReport.Section> of(RunRecord run) {
    List<ThroughputResult> train =
        run.throughput().stream()
            .filter(t -> t.benchmark().equals("train") && "ok".equals(t.status()))
            .filter(t -> t.score() != null)
            .toList();
    Set<String> routes = new LinkedHashSet<>();
    TreeSet<Integer> batches = new TreeSet<>();
    TreeSet<Integer> threads = new TreeSet<>();
    for (ThroughputResult t : train) {
      routes.add(t.route());
      batches.add(t.batchSize());
      threads.add(t.threads());
    }
    if (batches.size() * threads.size() < 2) {
      return Optional.empty();
    }
    List<Table> tables = new ArrayList<>();
    List<String> headers = new ArrayList<>(List.of("route"));
    batches.forEach(b -> headers.add("batch " + b));
    for (int n : threads) {
      List<List<String>> rows = new ArrayList<>();
      for (String route : routes) {
        List<String> row = new ArrayList<>(List.of(route));
        for (int b : batches) {
          row.add(find(train, route, b, n).map(BatchThreadSpace::score).orElse("not measured"));
        }
        rows.add(row);
      }
      tables.add(
          new Table(
              "Training samples/s at " + n + (n == 1 ? " thread" : " threads"),
              headers,
              rows,
              List.of("JMH score ± its 99.9% error.")));
    }
    if (threads.size() > 1 && threads.first() == 1) {
      int most = threads.last();
      List<List<String>> rows = new ArrayList<>();
      for (String route : routes) {
        List<String> row = new ArrayList<>(List.of(route));
        for (int b : batches) {
          Optional<ThroughputResult> one = find(train, route, b, 1);
          Optional<ThroughputResult> all = find(train, route, b, most);
          row.add(one.isPresent() && all.isPresent() ? speedUp(one.get(), all.get()) : "n/a");
        }
        rows.add(row);
      }
      tables.add(
          new Table(
              "Speed-up from 1 to " + most + " threads",
              headers,
              rows,
              List.of(
                  "Ratio of geometric fork means, "
                      + most
                      + " threads / 1 thread, with its 95% interval over forks (busy forks left"
                      + " out); "
                      + most
                      + ".00 would be perfect scaling.")));
    }
    return Optional.of(
        new HtmlReport.Section(
            "Batch size and threads",
            "Training throughput of this run over the batch sizes and thread counts it measured.",
            List.of(chart(run, train, routes, threads)),
            tables));
  }

  /**
   * The tables' numbers as one chart ({@link Charts#batchThreads}): how throughput grows with batch
   * size, and the 1-thread vs most-threads gap per route, read at a glance.
   */
  private static HtmlReport.Chart chart(
      RunRecord run, List<ThroughputResult> train, Set<String> routes, TreeSet<Integer> threads) {
    Map<String, String> frameworks = new LinkedHashMap<>();
    run.accuracy().forEach(a -> frameworks.putIfAbsent(a.route(), a.framework()));
    routes.forEach(r -> frameworks.putIfAbsent(r, r)); // a timing-only run: RouteStyle reads ids
    Map<String, Integer> markers = Charts.markerIndex(run.accuracy());
    routes.forEach(r -> markers.putIfAbsent(r, markers.size()));
    int most = threads.last();
    String lines =
        threads.size() == 1
            ? "One line per route (all at " + threadCount(most) + ")"
            : "One line per route and thread count: solid at "
                + threadCount(most)
                + (threads.first() == 1 ? ", dashed at 1 thread" : "")
                + (threads.size() > (threads.first() == 1 ? 2 : 1)
                    ? ", dotted at any other count"
                    : "");
    byte[] png;
    try {
      png = Charts.batchThreads(train, frameworks, markers);
    } catch (IOException e) {
      throw new UncheckedIOException(e); // into memory: does not happen
    }
    return new HtmlReport.Chart(
        "Training samples/s over batch size",
        "Line chart of each route's training samples per second (y) over batch size (x, log 2"
            + " scale), one line per route and thread count, with JMH error bars",
        lines
            + "; colour by framework and marker by route, as in the other charts. Each marker is a"
            + " measured batch size (a lone marker: measured at one batch size only); error bars"
            + " are JMH's 99.9% error. The numbers are this run's JMH training scores, as in the"
            + " tables below.",
        png);
  }

  private static String threadCount(int n) {
    return n + (n == 1 ? " thread" : " threads");
  }

  static String speedUp(ThroughputResult one, ThroughputResult all) {
    double[] a = quietForkMeans(one);
    double[] b = quietForkMeans(all);
    if (a.length < 2 || b.length < 2) {
      return String.format(
          Locale.ROOT, "%.2f (scores; under 2 quiet forks a side)", all.score() / one.score());
    }
    LogRatioInterval.Result r = LogRatioInterval.of(a, b, CONFIDENCE);
    return String.format(Locale.ROOT, "%.2f [%.2f, %.2f]", r.ratio(), r.lower(), r.upper());
  }

  /** The means of the forks not measured on a busy machine (the unit compare also uses). */
  static double[] quietForkMeans(ThroughputResult t) {
    return t.forkResults().stream()
        .filter(f -> !f.measuredBusy())
        .mapToDouble(ForkResult::mean)
        .filter(m -> m > 0 && Double.isFinite(m))
        .toArray();
  }

  private static String score(ThroughputResult t) {
    return t.scoreError() == null || t.scoreError().isNaN()
        ? String.format(Locale.ROOT, "%,.0f", t.score())
        : String.format(Locale.ROOT, "%,.0f ± %,.0f", t.score(), t.scoreError());
  }

  private static Optional<ThroughputResult> find(
      List<ThroughputResult> train, String route, int batch, int threads) {
    return train.stream()
        .filter(t -> t.route().equals(route) && t.batchSize() == batch && t.threads() == threads)
        .findFirst();
  }
}
