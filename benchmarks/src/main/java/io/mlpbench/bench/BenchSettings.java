package io.mlpbench.bench;

import io.mlpbench.core.ModelSpec;
import io.mlpbench.core.RunSpec;
import io.mlpbench.core.launch.RouteModules;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;

/**
 * Everything a run is told, from system properties ({@code -Dbench.*}; Maven passes them through).
 *
 * @param routes route ids to run; empty means every route found
 * @param threadCounts thread counts, each a separate JVM per route (the route's env depends on it)
 * @param benchmarks which of {@code train}, {@code inference}, {@code feed} to run per route;
 *     {@code feed} (the suite's share of a step) is in the {@code full} profile's default
 * @param hidden hidden sizes joined by '-' ({@code bench.hidden} may use ',' or '-'), or null for
 *     the canonical spec
 * @param activation hidden activation, or null for the canonical spec
 * @param peak whether to calibrate the machine's FP32 peak with GEMM
 * @param profilers extra JMH profilers, e.g. {@code gc}
 * @param ignoreJmhLock let two JMH runs overlap (tests only; overlapping runs disturb timings)
 * @param contended also run {@link ContendedScenario} ({@code bench.contended}; default on in the
 *     {@code full} profile only)
 * @param interleave measure forks in {@link Rounds}, one fork of every job per round ({@code
 *     bench.interleave}, default true; matters only with more than one fork)
 */
public record BenchSettings(
    BenchProfile profile,
    List<String> routes,
    List<Integer> threadCounts,
    List<Integer> batchSizes,
    List<String> benchmarks,
    String hidden,
    String activation,
    boolean peak,
    int gemmSize,
    List<String> profilers,
    Path root,
    Path outputDir,
    boolean ignoreJmhLock,
    boolean contended,
    boolean interleave) {

  public static final List<String> BENCHMARKS = List.of("train", "inference", "feed");

  /** What a run measures unless {@code bench.benchmarks} says: feeding only in the full profile. */
  static List<String> defaultBenchmarks(BenchProfile profile) {
    return profile.name().equals("full") ? BENCHMARKS : List.of("train", "inference");
  }

  public BenchSettings {
    routes = List.copyOf(routes);
    threadCounts = List.copyOf(threadCounts);
    batchSizes = List.copyOf(batchSizes);
    benchmarks = List.copyOf(benchmarks);
    profilers = List.copyOf(profilers);
    for (String b : benchmarks) {
      if (!BENCHMARKS.contains(b)) {
        throw new IllegalArgumentException(
            "unknown benchmark '" + b + "' in bench.benchmarks: expected some of " + BENCHMARKS);
      }
    }
  }

  public static BenchSettings fromSystemProperties() {
    return from(System.getProperties(), Runtime.getRuntime().availableProcessors());
  }

  /** Settings from {@code p} (the {@code bench.*} keys) for a machine with {@code cores} cores. */
  public static BenchSettings from(Properties given, int cores) {
    Properties p = withSpec(given);
    BenchProfile named = BenchProfile.named(p.getProperty("bench.profile", "quick"));
    String forks = p.getProperty("bench.forks");
    BenchProfile profile = blank(forks) ? named : named.withForks(positive("bench.forks", forks));
    Path root =
        blank(p.getProperty("mlpbench.root"))
            ? RouteModules.projectRoot()
            : Path.of(p.getProperty("mlpbench.root")).toAbsolutePath().normalize();
    String out = p.getProperty("bench.out");
    List<Integer> threads = ints(p, "bench.threads");
    List<Integer> batches = ints(p, "bench.batches");
    String gemm = p.getProperty("bench.gemmSize");
    return new BenchSettings(
        profile,
        strings(p, "bench.routes"),
        threads.isEmpty() ? profile.threadCounts(cores) : threads,
        batches.isEmpty() ? profile.batchSizes() : batches,
        strings(p, "bench.benchmarks").isEmpty()
            ? defaultBenchmarks(named)
            : strings(p, "bench.benchmarks"),
        blank(p.getProperty("bench.hidden")) ? null : hidden(p.getProperty("bench.hidden")),
        blank(p.getProperty("bench.activation")) ? null : p.getProperty("bench.activation").trim(),
        !"false".equalsIgnoreCase(p.getProperty("bench.peak", "true").trim()),
        blank(gemm) ? profile.gemmSize() : positive("bench.gemmSize", gemm),
        strings(p, "bench.profilers"),
        root,
        blank(out) ? root.resolve("results").resolve("jmh") : Path.of(out).toAbsolutePath(),
        Boolean.parseBoolean(p.getProperty("bench.ignoreJmhLock", "false").trim()),
        Boolean.parseBoolean(
            p.getProperty("bench.contended", "" + named.name().equals("full")).trim()),
        !"false".equalsIgnoreCase(p.getProperty("bench.interleave", "true").trim()));
  }

  /** The {@code bench.*} keys a {@code bench.spec} sets: a run says each of them once. */
  static final List<String> SPEC_KEYS =
      List.of("bench.hidden", "bench.activation", "bench.threads", "bench.batches", "bench.forks");

  /**
   * {@code p} with {@code bench.spec} (core's {@link RunSpec} JSON, as the CLI writes it) spelled
   * out as the keys it sets; an error when one of those keys is also given on its own.
   */
  private static Properties withSpec(Properties p) {
    String json = p.getProperty("bench.spec");
    if (blank(json)) {
      return p;
    }
    for (String key : SPEC_KEYS) {
      if (!blank(p.getProperty(key))) {
        throw new IllegalArgumentException(
            "bench.spec and " + key + " both given: the run spec already says it, give one");
      }
    }
    RunSpec spec;
    try {
      spec = RunSpec.fromJson(json);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("bench.spec: " + e.getMessage(), e);
    }
    Properties q = new Properties();
    q.putAll(p);
    q.setProperty("bench.hidden", spec.model().hiddenText("-"));
    q.setProperty("bench.activation", spec.model().activation().id());
    RunSpec.Sweep sweep = spec.sweep();
    if (!sweep.threads().isEmpty()) {
      q.setProperty("bench.threads", join(sweep.threads()));
    }
    if (!sweep.batchSizes().isEmpty()) {
      q.setProperty("bench.batches", join(sweep.batchSizes()));
    }
    if (sweep.forks() != null) {
      q.setProperty("bench.forks", Integer.toString(sweep.forks()));
    }
    return q;
  }

  private static String join(List<Integer> values) {
    return String.join(",", values.stream().map(String::valueOf).toList());
  }

  /** Checked by the one parser now, not in every fork; in the '-' form JMH parameters take. */
  private static String hidden(String sizes) {
    try {
      return ModelSpec.hiddenText(ModelSpec.parseHidden(sizes), "-");
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("bench.hidden: " + e.getMessage(), e);
    }
  }

  private static boolean blank(String s) {
    return s == null || s.isBlank();
  }

  private static List<String> strings(Properties p, String key) {
    String value = p.getProperty(key);
    if (blank(value)) {
      return List.of();
    }
    return Arrays.stream(value.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
  }

  private static List<Integer> ints(Properties p, String key) {
    List<Integer> values = new ArrayList<>();
    for (String s : strings(p, key)) {
      values.add(positive(key, s));
    }
    return values;
  }

  private static int positive(String key, String s) {
    try {
      int v = Integer.parseInt(s.trim());
      if (v > 0) {
        return v;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new IllegalArgumentException(key + ": expected positive integers, got '" + s + "'");
  }
}
