package io.mlpbench.results.report;

import io.mlpbench.core.bench.BenchResults;
import io.mlpbench.core.bench.RouteResult;
import io.mlpbench.results.model.ForkResult;
import io.mlpbench.results.model.ThroughputResult;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The throughput side of a report: a typed result file the benchmarks runner wrote ({@code
 * results/jmh/jmh-*-results.json}, core's {@link BenchResults}), as run-record throughput rows.
 * Nothing is re-derived here: samples/s, GFLOP/s, % of peak and the peak itself are the runner's.
 *
 * @param source the typed result file read
 */
public record JmhResults(Path source, BenchResults typed, List<ThroughputResult> results) {

  public JmhResults {
    results = List.copyOf(results);
  }

  /** The newest typed result file in {@code dir}, if any. */
  public static Optional<Path> newest(Path dir) {
    return BenchResults.newest(dir);
  }

  /**
   * Reads a typed result file (or the one beside a JMH JSON file named instead); an unreadable or
   * truncated one fails naming the file.
   */
  public static JmhResults read(Path file) throws IOException {
    String name = file.getFileName().toString();
    if (!name.endsWith(BenchResults.SUFFIX)) {
      file = file.resolveSibling(BenchResults.fileNameFor(name));
    }
    BenchResults typed = BenchResults.read(file);
    List<ThroughputResult> results = new ArrayList<>();
    for (RouteResult r : typed.results()) {
      results.add(throughput(r, typed));
    }
    for (BenchResults.FailedJob f : typed.failures()) {
      if (f.route() != null) {
        results.add(
            new ThroughputResult(
                f.route(),
                RouteResult.TRAIN,
                0,
                f.threads(),
                null,
                null,
                null,
                List.of(),
                null,
                null,
                "failed",
                f.reason()));
      }
    }
    return new JmhResults(file, typed, results);
  }

  /** The standard JMH JSON the typed file was read from (beside it). */
  public Path jmhJson() {
    return source.resolveSibling(typed.jmhFile());
  }

  private static ThroughputResult throughput(RouteResult r, BenchResults typed) {
    List<ForkResult> forks = new ArrayList<>();
    List<Double> raw = new ArrayList<>();
    for (RouteResult.Fork f : r.forks()) {
      forks.add(
          new ForkResult(
              f.samples(),
              f.busy(),
              f.otherCpuCores(),
              f.stealPercent(),
              f.loadAverage(),
              f.processCpuCores()));
      raw.addAll(f.samples());
    }
    return new ThroughputResult(
        r.route(),
        r.benchmark(),
        r.batchSize(),
        r.threads(),
        finite(r.samplesPerSecond().score()),
        finite(r.samplesPerSecond().error()),
        "samples/s",
        raw,
        r.gflops() == null ? null : finite(r.gflops().score()),
        r.percentOfPeak(),
        "ok",
        null,
        forks,
        r.peakRssKb(),
        r.peakHeapKb(),
        r.percentOfPeak() == null ? null : typed.peak(r.threads()).orElse(null));
  }

  private static Double finite(double v) {
    return Double.isFinite(v) ? v : null;
  }

  /**
   * The training result of {@code route} closest to the run's settings: same batch and threads
   * first.
   */
  public Optional<ThroughputResult> train(String route, int batchSize, int threads) {
    return train(results, route, batchSize, threads);
  }

  /** As {@link #train(String, int, int)}, over any list of results (e.g. a run record's). */
  public static Optional<ThroughputResult> train(
      List<ThroughputResult> results, String route, int batchSize, int threads) {
    return results.stream()
        .filter(r -> r.route().equals(route) && r.benchmark().equals(RouteResult.TRAIN))
        .max(
            Comparator.comparingInt(
                    (ThroughputResult r) ->
                        (r.batchSize() == batchSize ? 2 : 0) + (r.threads() == threads ? 1 : 0))
                .thenComparing(r -> "ok".equals(r.status()) ? 1 : 0)
                .thenComparingInt(ThroughputResult::threads));
  }
}
