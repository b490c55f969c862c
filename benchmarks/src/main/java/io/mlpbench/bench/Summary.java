package io.mlpbench.bench;

import com.fasterxml.jackson.databind.JsonNode;
import io.mlpbench.core.Activation;
import io.mlpbench.core.FlopCount;
import io.mlpbench.core.ModelSpec;
import io.mlpbench.core.RunSpec;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * The numbers a reader wants from a run's JMH results: samples/s with JMH's error, GFLOP/s from the
 * model's FLOPs per sample, the fraction of the machine's GEMM peak, the ratio to the fastest
 * route, and a rank that never separates two routes whose confidence intervals overlap.
 */
public final class Summary {
  static final String TRAIN = "trainStep";
  static final String INFERENCE = "predict";
  static final String GEMM = "multiply";

  /** Every dataset in the suite is 28x28 grayscale with 10 classes, as the canonical model. */
  static final int INPUTS = ModelSpec.canonical().inputSize();

  static final int CLASSES = ModelSpec.canonical().classCount();

  private static final RunSpec.Model CANONICAL = RunSpec.Model.canonical();

  /** The machine's practical FP32 peak at one thread count, and the library that reached it. */
  /**
   * The machine's practical FP32 peak at one thread count, and the library that reached it.
   *
   * @param busy measured while the machine was busy ({@link ContentionProfiler}): refused as a
   *     peak, so "% peak" is n/a rather than moving with the load
   */
  public record Peak(int threads, Measurement gflops, String library, int size, boolean busy) {}

  /**
   * One route at one setting.
   *
   * @param rank 1 + the number of routes measurably faster (interval entirely above); null when
   *     some score in the group has no error estimate, so no ranking is claimed
   * @param tied another route in the group has the same rank
   * @param percentOfPeak null when no peak was calibrated for this thread count
   * @param peakRssKb the fork's peak resident memory; null if it was not recorded
   * @param allocatedBytesPerSample Java heap allocation per sample from JMH's {@code gc} profiler;
   *     null unless it ran ({@code -Dbench.profilers=gc})
   * @param busy measurement iterations marked busy by {@link ContentionProfiler}, and how many
   *     iterations carry the mark (0 of 0 when contention was not recorded)
   */
  public record Row(
      String benchmark,
      String route,
      int threads,
      int batchSize,
      String model,
      Measurement samplesPerSecond,
      Measurement gflops,
      Double percentOfPeak,
      double ratioToFastest,
      Integer rank,
      boolean tied,
      Long peakRssKb,
      Double allocatedBytesPerSample,
      BusyCount busy) {}

  /** Busy iterations out of the iterations that carry contention data. */
  public record BusyCount(int busy, int of) {
    /** Counts the {@code contention.busy} marks in a JMH result's raw data (every fork). */
    static BusyCount of(JsonNode result) {
      int busy = 0;
      int of = 0;
      var metrics = result.path("secondaryMetrics");
      var names = metrics.fieldNames();
      while (names.hasNext()) {
        String name = names.next();
        if (name.endsWith(ContentionProfiler.PREFIX + "busy")) {
          for (JsonNode fork : metrics.path(name).path("rawData")) {
            for (JsonNode v : fork) {
              of++;
              busy += v.asDouble() > 0.5 ? 1 : 0;
            }
          }
        }
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

  private final List<Row> rows;
  private final List<Peak> calibrations;
  private final Map<Integer, Peak> peaks;
  private final List<Scaling> scaling;

  private Summary(
      List<Row> rows, List<Peak> calibrations, Map<Integer, Peak> peaks, List<Scaling> scaling) {
    this.calibrations = List.copyOf(calibrations);
    this.rows = List.copyOf(rows);
    this.peaks = java.util.Collections.unmodifiableMap(new TreeMap<>(peaks));
    this.scaling = List.copyOf(scaling);
  }

  public List<Row> rows() {
    return rows;
  }

  /** Every library's GEMM rate, per thread count; {@link #peaks()} keeps the best. */
  public List<Peak> calibrations() {
    return calibrations;
  }

  /** The machine's peak per thread count (ascending): the fastest calibrated library. */
  public Map<Integer, Peak> peaks() {
    return peaks;
  }

  public List<Scaling> scaling() {
    return scaling;
  }

  /** Builds the summary from JMH result objects and the forks' sidecar records. */
  public static Summary of(List<JsonNode> results, List<JsonNode> sidecar) {
    List<Peak> calibrations = calibrations(results, sidecar);
    Map<Integer, Peak> peaks = best(calibrations);
    Map<String, Long> rss = rssByResult(sidecar);
    Map<String, List<Draft>> groups = new LinkedHashMap<>();
    for (JsonNode r : results) {
      String method = method(r);
      if (!method.equals(TRAIN) && !method.equals(INFERENCE)) {
        continue;
      }
      JsonNode p = r.path("params");
      int batch = p.path("batchSize").asInt();
      int threads = p.path("threads").asInt();
      String hidden = p.path("hidden").asText(CANONICAL.hiddenText("-"));
      String activation = p.path("activation").asText(CANONICAL.activation().id());
      ModelSpec spec = RouteState.spec(INPUTS, hidden, CLASSES, activation);
      Measurement samples = samplesPerSecond(r, batch);
      FlopCount count = FlopCount.perSample(spec);
      long flops = method.equals(TRAIN) ? count.training() : count.inference();
      String model = hidden + " " + Activation.parse(activation).id();
      String name = method.equals(TRAIN) ? "train" : "inference";
      Draft d =
          new Draft(
              name,
              p.path("route").asText(),
              threads,
              batch,
              model,
              samples,
              samples.times(flops / 1e9));
      d.allocatedBytesPerSample = allocationPerSample(r, batch);
      d.busy = BusyCount.of(r);
      d.peakRssKb = rss.get(rssKey(r.path("benchmark").asText(), d.route, batch, threads, hidden));
      groups
          .computeIfAbsent(name + "|" + batch + "|" + threads + "|" + model, k -> new ArrayList<>())
          .add(d);
    }
    // Groups in reading order: training first, most threads first, then batch size and model.
    List<List<Draft>> ordered = new ArrayList<>(groups.values());
    ordered.sort(
        Comparator.comparing((List<Draft> g) -> g.get(0).benchmark.equals("train") ? 0 : 1)
            .thenComparing(g -> -g.get(0).threads)
            .thenComparing(g -> g.get(0).batch)
            .thenComparing(g -> g.get(0).model));
    List<Row> rows = new ArrayList<>();
    for (List<Draft> group : ordered) {
      rows.addAll(rank(group, peaks));
    }
    return new Summary(rows, calibrations, peaks, scaling(rows));
  }

  /** JMH's gc profiler reports bytes per operation (one batch); null without it. */
  static Double allocationPerSample(JsonNode result, int batchSize) {
    var names = result.path("secondaryMetrics").fieldNames();
    while (names.hasNext()) {
      String name = names.next();
      if (name.endsWith("gc.alloc.rate.norm")) {
        double perBatch =
            Measurement.number(result.path("secondaryMetrics").path(name).path("score"));
        return perBatch / batchSize;
      }
    }
    return null;
  }

  /** Samples/s: the {@code samples} counter if present, else batches/s times the batch size. */
  static Measurement samplesPerSecond(JsonNode result, int batchSize) {
    JsonNode samples = result.path("secondaryMetrics").path("samples");
    if (!samples.isMissingNode()) {
      return Measurement.of(samples);
    }
    return Measurement.of(result.path("primaryMetric")).times(batchSize);
  }

  private static final class Draft {
    final String benchmark;
    final String route;
    final int threads;
    final int batch;
    final String model;
    final Measurement samples;
    final Measurement gflops;
    Long peakRssKb;
    Double allocatedBytesPerSample;
    BusyCount busy;

    Draft(
        String benchmark,
        String route,
        int threads,
        int batch,
        String model,
        Measurement samples,
        Measurement gflops) {
      this.benchmark = benchmark;
      this.route = route;
      this.threads = threads;
      this.batch = batch;
      this.model = model;
      this.samples = samples;
      this.gflops = gflops;
    }
  }

  /**
   * Ratio and rank inside one group of comparable results (same benchmark, batch, threads, model).
   */
  private static List<Row> rank(List<Draft> group, Map<Integer, Peak> peaks) {
    double fastest = group.stream().mapToDouble(d -> d.samples.score()).max().orElse(Double.NaN);
    boolean rankable = group.stream().allMatch(d -> d.samples.hasError());
    Map<Draft, Integer> ranks = new HashMap<>();
    Map<Integer, Integer> sharing = new HashMap<>();
    if (rankable) {
      for (Draft d : group) {
        int above = 0;
        for (Draft other : group) {
          if (other.samples.lower() > d.samples.upper()) {
            above++;
          }
        }
        ranks.put(d, 1 + above);
        sharing.merge(1 + above, 1, Integer::sum);
      }
    }
    List<Draft> sorted = new ArrayList<>(group);
    sorted.sort(Comparator.comparingDouble((Draft d) -> d.samples.score()).reversed());
    List<Row> rows = new ArrayList<>();
    for (Draft d : sorted) {
      Peak peak = peaks.get(d.threads);
      Double percent = peak == null ? null : 100 * d.gflops.score() / peak.gflops().score();
      Integer rank = ranks.get(d);
      rows.add(
          new Row(
              d.benchmark,
              d.route,
              d.threads,
              d.batch,
              d.model,
              d.samples,
              d.gflops,
              percent,
              d.samples.score() / fastest,
              rank,
              rank != null && sharing.get(rank) > 1,
              d.peakRssKb,
              d.allocatedBytesPerSample,
              d.busy));
    }
    return rows;
  }

  /** The best GEMM rate per thread count, over every library that was calibrated. */
  /** Every GEMM result as GFLOP/s, in result order. */
  private static List<Peak> calibrations(List<JsonNode> results, List<JsonNode> sidecar) {
    List<Peak> calibrations = new ArrayList<>();
    for (JsonNode r : results) {
      if (!method(r).equals(GEMM)) {
        continue;
      }
      JsonNode p = r.path("params");
      int n = p.path("size").asInt();
      int threads = p.path("threads").asInt();
      double flopsPerCall = 2.0 * n * n * n;
      Measurement gflops = Measurement.of(r.path("primaryMetric")).times(flopsPerCall / 1e9);
      String library = p.path("library").asText();
      if (library.equals("auto")) {
        library = gemmLibrary(sidecar, n, threads, library);
      }
      calibrations.add(new Peak(threads, gflops, library, n, BusyCount.of(r).busy() > 0));
    }
    return calibrations;
  }

  /** The best calibration per thread count; one measured on a busy machine is no peak. */
  private static Map<Integer, Peak> best(List<Peak> calibrations) {
    Map<Integer, Peak> peaks = new TreeMap<>();
    for (Peak c : calibrations) {
      if (c.busy()) {
        continue;
      }
      Peak current = peaks.get(c.threads());
      if (current == null || c.gflops().score() > current.gflops().score()) {
        peaks.put(c.threads(), c);
      }
    }
    return peaks;
  }

  private static String gemmLibrary(List<JsonNode> sidecar, int n, int threads, String fallback) {
    for (JsonNode s : sidecar) {
      if ("gemm".equals(s.path("kind").asText())
          && s.path("size").asInt() == n
          && s.path("threads").asInt() == threads) {
        return s.path("library").asText(fallback);
      }
    }
    return fallback;
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

  static String method(JsonNode result) {
    String benchmark = result.path("benchmark").asText();
    return benchmark.substring(benchmark.lastIndexOf('.') + 1);
  }

  private static Map<String, Long> rssByResult(List<JsonNode> sidecar) {
    Map<String, Long> rss = new HashMap<>();
    for (JsonNode s : sidecar) {
      if ("rss".equals(s.path("kind").asText()) && s.path("peakRssKb").asLong(-1) > 0) {
        String key =
            rssKey(
                s.path("benchmark").asText(),
                s.path("route").asText(),
                s.path("batchSize").asInt(),
                s.path("threads").asInt(),
                s.path("hidden").asText());
        // With several forks, keep the largest peak.
        rss.merge(key, s.path("peakRssKb").asLong(), Math::max);
      }
    }
    return rss;
  }

  private static String rssKey(
      String benchmark, String route, int batch, int threads, String hidden) {
    return String.join(
        "|",
        benchmark,
        route,
        Integer.toString(batch),
        Integer.toString(threads),
        Objects.toString(hidden));
  }
}
