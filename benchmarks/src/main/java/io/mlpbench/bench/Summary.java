package io.mlpbench.bench;

import com.fasterxml.jackson.databind.JsonNode;
import io.mlpbench.core.bench.BenchResults;
import io.mlpbench.core.bench.GemmPeak;
import io.mlpbench.core.bench.Measurement;
import io.mlpbench.core.bench.Rank;
import io.mlpbench.core.bench.RouteResult;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The numbers a reader wants from a run's typed results: samples/s with JMH's error, GFLOP/s, the
 * fraction of the machine's GEMM peak, the ratio to the fastest route, and a rank that never
 * separates two routes whose confidence intervals overlap.
 */
public final class Summary {
  /**
   * One route at one setting.
   *
   * @param rank 1 + the number of routes measurably faster (interval entirely above); null when
   *     some score in the group has no error estimate, so no ranking is claimed
   * @param tied another route in the group has the same rank
   */
  public record Row(RouteResult result, double ratioToFastest, Integer rank, boolean tied) {
    public String benchmark() {
      return result.benchmark();
    }

    public String route() {
      return result.route();
    }

    public int threads() {
      return result.threads();
    }

    public int batchSize() {
      return result.batchSize();
    }

    /** Hidden sizes and activation, e.g. "512-512 relu". */
    public String model() {
      List<Integer> sizes = result.layerSizes();
      return String.join(
              "-", sizes.subList(1, sizes.size() - 1).stream().map(String::valueOf).toList())
          + " "
          + result.activation();
    }

    public Measurement samplesPerSecond() {
      return result.samplesPerSecond();
    }

    /** Iterations marked busy by {@link ContentionProfiler}, of those carrying the mark. */
    public BusyCount busy() {
      return BusyCount.of(result.forks());
    }
  }

  /** Busy iterations out of the iterations that carry contention data. */
  public record BusyCount(int busy, int of) {
    static BusyCount of(List<RouteResult.Fork> forks) {
      int busy = 0;
      int of = 0;
      for (RouteResult.Fork f : forks) {
        of += f.busy().size();
        busy += (int) f.busy().stream().filter(Boolean::booleanValue).count();
      }
      return new BusyCount(busy, of);
    }
  }

  /** A route's throughput on all threads divided by its throughput on one. */
  public record Scaling(
      String benchmark,
      String route,
      int batchSize,
      int threads,
      double speedup,
      boolean withinError) {}

  private final BenchResults results;
  private final List<Row> rows;
  private final Map<Integer, GemmPeak> peaks = new TreeMap<>();
  private final List<Scaling> scaling;

  private Summary(BenchResults results, List<Row> rows) {
    this.results = results;
    this.rows = List.copyOf(rows);
    results.peaks().forEach(p -> peaks.put(p.threads(), p));
    this.scaling = scaling(rows);
  }

  /** The typed results this summarizes. */
  public BenchResults results() {
    return results;
  }

  public List<Row> rows() {
    return rows;
  }

  /** Every library's GEMM rate, per thread count, busy ones included. */
  public List<GemmPeak> calibrations() {
    return results.calibrations();
  }

  /** The peak per thread count (ascending): the fastest quiet library, or a reused quiet one. */
  public Map<Integer, GemmPeak> peaks() {
    return java.util.Collections.unmodifiableMap(peaks);
  }

  public List<Scaling> scaling() {
    return scaling;
  }

  /** The summary of JMH result objects and sidecar records with nothing else known (tests). */
  static Summary of(List<JsonNode> jmh, List<JsonNode> sidecar) {
    return of(TypedResults.of(jmh, sidecar, TypedResults.Run.unknown()));
  }

  public static Summary of(BenchResults results) {
    Map<String, List<RouteResult>> groups = new LinkedHashMap<>();
    for (RouteResult r : results.results()) {
      String key =
          r.benchmark()
              + "|"
              + r.batchSize()
              + "|"
              + r.threads()
              + "|"
              + r.layerSizes()
              + r.activation();
      groups.computeIfAbsent(key, k -> new ArrayList<>()).add(r);
    }
    // Groups in reading order: training first, most threads first, then batch size and model.
    List<List<RouteResult>> ordered = new ArrayList<>(groups.values());
    ordered.sort(
        Comparator.comparing(
                (List<RouteResult> g) -> g.get(0).benchmark().equals(RouteResult.TRAIN) ? 0 : 1)
            .thenComparing(g -> -g.get(0).threads())
            .thenComparing(g -> g.get(0).batchSize())
            .thenComparing(g -> g.get(0).layerSizes().toString() + g.get(0).activation()));
    List<Row> rows = new ArrayList<>();
    for (List<RouteResult> group : ordered) {
      rows.addAll(rank(group));
    }
    return new Summary(results, rows);
  }

  /**
   * Ratio and rank inside one group of comparable results (same benchmark, batch, threads, model).
   */
  private static List<Row> rank(List<RouteResult> group) {
    List<RouteResult> sorted = new ArrayList<>(group);
    sorted.sort(
        Comparator.comparingDouble((RouteResult d) -> d.samplesPerSecond().score()).reversed());
    List<Rank> ranks = Rank.of(sorted.stream().map(RouteResult::samplesPerSecond).toList());
    double fastest = sorted.get(0).samplesPerSecond().score();
    List<Row> rows = new ArrayList<>();
    for (int i = 0; i < sorted.size(); i++) {
      Rank rank = ranks.get(i);
      rows.add(
          new Row(
              sorted.get(i),
              sorted.get(i).samplesPerSecond().score() / fastest,
              rank == null ? null : rank.place(),
              rank != null && rank.tied()));
    }
    return rows;
  }

  private static List<Scaling> scaling(List<Row> rows) {
    List<Scaling> scaling = new ArrayList<>();
    for (Row one : rows) {
      if (one.threads() != 1) {
        continue;
      }
      for (Row many : rows) {
        if (many.threads() > 1
            && many.benchmark().equals(one.benchmark())
            && many.route().equals(one.route())
            && many.batchSize() == one.batchSize()
            && many.model().equals(one.model())) {
          scaling.add(
              new Scaling(
                  one.benchmark(),
                  one.route(),
                  one.batchSize(),
                  many.threads(),
                  many.samplesPerSecond().score() / one.samplesPerSecond().score(),
                  many.samplesPerSecond().overlaps(one.samplesPerSecond())));
        }
      }
    }
    return scaling;
  }
}
