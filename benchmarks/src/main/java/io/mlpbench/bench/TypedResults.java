package io.mlpbench.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import io.mlpbench.core.FlopCount;
import io.mlpbench.core.ModelSpec;
import io.mlpbench.core.RunSpec;
import io.mlpbench.core.bench.BenchResults;
import io.mlpbench.core.bench.GemmPeak;
import io.mlpbench.core.bench.Measurement;
import io.mlpbench.core.bench.RouteResult;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.IntFunction;

/**
 * The one reading of JMH's JSON: turns a run's JMH result objects and its forks' sidecar records
 * into core's typed {@link BenchResults}, which the summary table and the {@code results} module
 * read instead of JMH's format.
 */
final class TypedResults {
  /** Every dataset in the suite is 28x28 grayscale with 10 classes, as the canonical model. */
  static final int INPUTS = ModelSpec.canonical().inputSize();

  static final int CLASSES = ModelSpec.canonical().classCount();

  private static final RunSpec.Model CANONICAL = RunSpec.Model.canonical();

  /**
   * What JMH's JSON does not say about a run.
   *
   * @param earlierQuietPeak a quiet peak at the given thread count from an earlier run on this
   *     hardware, used when all of this run's calibrations at that count were busy
   */
  record Run(
      String jmhFile,
      String profile,
      String startedAt,
      String finishedAt,
      BenchResults.Machine machine,
      List<BenchResults.FailedJob> failures,
      Optional<TheoreticalPeak> theoretical,
      IntFunction<Optional<GemmPeak>> earlierQuietPeak) {
    /** A run with nothing known beyond JMH's JSON (tests, re-summarizing old files). */
    static Run unknown() {
      return new Run(
          null,
          null,
          null,
          null,
          new BenchResults.Machine(null, 0, null, null),
          List.of(),
          Optional.empty(),
          threads -> Optional.empty());
    }
  }

  /** JMH benchmark method -> the result's benchmark kind. */
  private static final Map<String, String> KINDS =
      Map.of(
          "trainStep",
          RouteResult.TRAIN,
          "predict",
          RouteResult.INFERENCE,
          "feed",
          RouteResult.FEED);

  private TypedResults() {}

  static BenchResults of(List<JsonNode> jmh, List<JsonNode> sidecar, Run run) {
    List<GemmPeak> calibrations = new ArrayList<>();
    for (JsonNode r : jmh) {
      if (method(r).equals("multiply")) {
        calibrations.add(calibration(r, sidecar, run.theoretical()));
      }
    }
    List<GemmPeak> peaks = peaks(calibrations, run.earlierQuietPeak());
    Map<String, Long> rss = largestByFork(sidecar, "peakRssKb");
    Map<String, Long> heap = largestByFork(sidecar, "peakHeapKb");
    List<RouteResult> results = new ArrayList<>();
    for (JsonNode r : jmh) {
      String method = method(r);
      String kind = KINDS.get(method);
      if (kind == null) {
        continue;
      }
      JsonNode p = r.path("params");
      int batch = p.path("batchSize").asInt();
      int threads = p.path("threads").asInt();
      String hidden = p.path("hidden").asText(CANONICAL.hiddenText("-"));
      String activation = p.path("activation").asText(CANONICAL.activation().id());
      ModelSpec spec = RouteState.spec(INPUTS, hidden, CLASSES, activation);
      boolean train = kind.equals(RouteResult.TRAIN);
      boolean feed = kind.equals(RouteResult.FEED);
      FlopCount count = FlopCount.perSample(spec);
      JsonNode samples = r.path("secondaryMetrics").path("samples");
      // the samples counter if present, else batches/s x batch size
      JsonNode metric = samples.isMissingNode() ? r.path("primaryMetric") : samples;
      double scale = samples.isMissingNode() ? batch : 1;
      Measurement perSecond = measurement(metric).times(scale);
      // feeding does no arithmetic of the model: no FLOPs, no share of the GEMM peak
      Measurement gflops =
          feed ? null : perSecond.times((train ? count.training() : count.inference()) / 1e9);
      Optional<GemmPeak> peak = peaks.stream().filter(k -> k.threads() == threads).findFirst();
      String key =
          key(r.path("benchmark").asText(), p.path("route").asText(), batch, threads, hidden);
      results.add(
          new RouteResult(
              kind,
              p.path("route").asText(),
              batch,
              threads,
              Arrays.stream(spec.layerSizes()).boxed().toList(),
              spec.hiddenActivation().id(),
              perSecond,
              forks(metric.path("rawData"), scale, r),
              gflops,
              feed ? null : peak.map(k -> 100 * gflops.score() / k.gflops().score()).orElse(null),
              rss.get(key),
              heap.get(key),
              allocationPerSample(r, batch),
              (r.path("vmName").asText("") + " " + r.path("jdkVersion").asText("")).trim()));
    }
    return new BenchResults(
        BenchResults.SCHEMA_VERSION,
        run.jmhFile(),
        run.profile(),
        run.startedAt(),
        run.finishedAt(),
        run.machine(),
        String.format(
            Locale.ROOT,
            "other processes used more than %.2f cores or steal exceeded %.0f%% (/proc/stat)",
            ContentionProfiler.busyOtherCpuCores(Runtime.getRuntime().availableProcessors()),
            ContentionProfiler.BUSY_STEAL_PERCENT),
        results,
        calibrations,
        peaks,
        run.failures());
  }

  /**
   * The best quiet calibration per thread count; where every one was busy, an earlier quiet peak.
   */
  private static List<GemmPeak> peaks(
      List<GemmPeak> calibrations, IntFunction<Optional<GemmPeak>> earlierQuietPeak) {
    Map<Integer, GemmPeak> fastestQuiet = new TreeMap<>();
    Set<Integer> calibrated = new TreeSet<>();
    for (GemmPeak c : calibrations) {
      calibrated.add(c.threads());
      if (!c.busy()) {
        fastestQuiet.merge(
            c.threads(), c, (a, b) -> b.gflops().score() > a.gflops().score() ? b : a);
      }
    }
    List<GemmPeak> peaks = new ArrayList<>();
    for (int threads : calibrated) {
      Optional.ofNullable(fastestQuiet.get(threads))
          .or(() -> earlierQuietPeak.apply(threads))
          .ifPresent(peaks::add);
    }
    return peaks;
  }

  private static GemmPeak calibration(
      JsonNode r, List<JsonNode> sidecar, Optional<TheoreticalPeak> theoretical) {
    JsonNode p = r.path("params");
    int n = p.path("size").asInt();
    int threads = p.path("threads").asInt();
    String library = p.path("library").asText();
    for (JsonNode s : sidecar) {
      if (library.equals("auto")
          && "gemm".equals(s.path("kind").asText())
          && s.path("size").asInt() == n
          && s.path("threads").asInt() == threads) {
        library = s.path("library").asText(library); // the library "auto" chose
      }
    }
    boolean busy =
        forks(r.path("primaryMetric").path("rawData"), 1, r).stream()
            .anyMatch(f -> f.busy().contains(true));
    return new GemmPeak(
        threads,
        n,
        library,
        measurement(r.path("primaryMetric")).times(2.0 * n * n * n / 1e9),
        busy,
        theoretical.map(t -> t.gflops(threads)).orElse(null),
        theoretical.map(t -> t.formula(threads)).orElse(null),
        null);
  }

  /**
   * Per-fork samples with each iteration's contention record: JMH's {@code rawData} has one array
   * per fork, and the contention profiler's secondary metrics line up with it fork by fork.
   */
  private static List<RouteResult.Fork> forks(JsonNode rawData, double scale, JsonNode result) {
    JsonNode busy = contention(result, "busy");
    List<RouteResult.Fork> forks = new ArrayList<>();
    for (int f = 0; f < rawData.size(); f++) {
      List<Double> samples = new ArrayList<>();
      rawData.get(f).forEach(v -> samples.add(v.asDouble() * scale));
      List<Boolean> busyFlags = new ArrayList<>();
      busy.path(f).forEach(v -> busyFlags.add(v.asDouble() > 0.5));
      forks.add(
          new RouteResult.Fork(
              samples,
              busyFlags.size() == samples.size() ? busyFlags : List.of(),
              numbers(contention(result, "otherCpu").path(f)),
              numbers(contention(result, "steal").path(f)),
              numbers(contention(result, "loadavg").path(f)),
              numbers(contention(result, "processCpu").path(f))));
    }
    return forks;
  }

  /** The raw data of secondary metric {@code contention.<name>} (JMH may prefix names). */
  private static JsonNode contention(JsonNode result, String name) {
    var names = result.path("secondaryMetrics").fieldNames();
    while (names.hasNext()) {
      String key = names.next();
      if (key.endsWith(ContentionProfiler.PREFIX + name)) {
        return result.path("secondaryMetrics").path(key).path("rawData");
      }
    }
    return MissingNode.getInstance();
  }

  private static List<Double> numbers(JsonNode fork) {
    List<Double> values = new ArrayList<>();
    fork.forEach(v -> values.add(v.asDouble()));
    return values;
  }

  /** JMH's gc profiler reports bytes per operation (one batch); null without it. */
  private static Double allocationPerSample(JsonNode result, int batchSize) {
    var names = result.path("secondaryMetrics").fieldNames();
    while (names.hasNext()) {
      String name = names.next();
      if (name.endsWith("gc.alloc.rate.norm")) {
        return number(result.path("secondaryMetrics").path(name).path("score")) / batchSize;
      }
    }
    return null;
  }

  /** Per result, the largest of the forks' sidecar values of {@code field} (e.g. peak RSS). */
  private static Map<String, Long> largestByFork(List<JsonNode> sidecar, String field) {
    Map<String, Long> largest = new HashMap<>();
    for (JsonNode s : sidecar) {
      if ("rss".equals(s.path("kind").asText()) && s.path(field).asLong(-1) > 0) {
        String key =
            key(
                s.path("benchmark").asText(),
                s.path("route").asText(),
                s.path("batchSize").asInt(),
                s.path("threads").asInt(),
                s.path("hidden").asText());
        largest.merge(key, s.path(field).asLong(), Math::max);
      }
    }
    return largest;
  }

  private static String key(String benchmark, String route, int batch, int threads, String hidden) {
    return String.join("|", benchmark, route, "" + batch, "" + threads, hidden);
  }

  static String method(JsonNode result) {
    String benchmark = result.path("benchmark").asText();
    return benchmark.substring(benchmark.lastIndexOf('.') + 1);
  }

  /** A JMH metric object ({@code primaryMetric} or one of {@code secondaryMetrics}). */
  private static Measurement measurement(JsonNode metric) {
    return new Measurement(number(metric.path("score")), number(metric.path("scoreError")));
  }

  /** JMH writes non-finite numbers as strings ("NaN"). */
  private static double number(JsonNode node) {
    if (node.isNumber()) {
      return node.doubleValue();
    }
    try {
      return Double.parseDouble(node.asText());
    } catch (NumberFormatException e) {
      return Double.NaN;
    }
  }
}
