package io.mlpbench.bench;

import io.mlpbench.core.launch.RouteCatalog;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The JMH jobs of one run: a GEMM calibration per route module that offers a library, then one job
 * per route and thread count, each with the route's own environment and JVM flags.
 */
final class RunPlan {
  /** Same heap limit for every route, so peak RSS is comparable. */
  static final List<String> BASE_JVM_ARGS = List.of("-Xmx4g");

  private final BenchSettings settings;
  private final List<JmhJob> jobs = new ArrayList<>();
  private final List<String> problems = new ArrayList<>();
  private boolean calibrated;
  private List<ContendedScenario.Pair> contended = List.of();

  private RunPlan(BenchSettings settings) {
    this.settings = settings;
  }

  List<JmhJob> jobs() {
    return List.copyOf(jobs);
  }

  /** Route modules that could not be described or probed, or no routes at all: run failures. */
  List<String> problems() {
    return List.copyOf(problems);
  }

  boolean calibrated() {
    return calibrated;
  }

  /** The quiet/contended job pairs of {@link ContendedScenario}; empty unless asked for. */
  List<ContendedScenario.Pair> contended() {
    return contended;
  }

  /**
   * Describes the routes (per thread count: a route's environment, e.g. OMP_NUM_THREADS, depends on
   * it) and plans the jobs.
   *
   * @throws IllegalArgumentException for a selected route that no module holds
   */
  static RunPlan of(BenchSettings settings) {
    return new RunPlan(settings).build();
  }

  private RunPlan build() {
    List<JmhJob> calibrations = new ArrayList<>();
    List<JmhJob> routeJobs = new ArrayList<>();
    Set<String> problems = new LinkedHashSet<>();
    Map<String, List<String>> librariesByModule = new LinkedHashMap<>();
    for (int threads : settings.threadCounts()) {
      // Described per thread count: a route's environment (e.g. OMP_NUM_THREADS) depends on it.
      RouteCatalog catalog = RouteCatalog.discover(settings.root(), threads);
      problems.addAll(catalog.problems());
      List<RouteCatalog.Entry> selected = catalog.select(settings.routes());
      if (settings.peak()) {
        for (RouteCatalog.Entry entry : firstRoutePerModule(catalog)) {
          List<String> libraries =
              librariesByModule.computeIfAbsent(
                  entry.module().name(), name -> GemmProbe.libraries(entry.module(), problems));
          if (!libraries.isEmpty()) {
            calibrations.add(calibrationJob(entry, libraries, threads));
          }
        }
      }
      for (RouteCatalog.Entry entry : selected) {
        routeJobs.add(routeJob(entry, threads));
      }
    }
    problems.forEach(p -> this.problems.add("route module " + p));
    if (routeJobs.isEmpty()) {
      this.problems.add(
          "no routes to run under "
              + settings.root()
              + " (a route module is a directory with target/route-classpath.txt; build them first)");
    }
    jobs.addAll(calibrations);
    jobs.addAll(routeJobs);
    calibrated = !calibrations.isEmpty();
    contended = ContendedScenario.plan(settings, routeJobs);
    return this;
  }

  private static List<RouteCatalog.Entry> firstRoutePerModule(RouteCatalog catalog) {
    Map<String, RouteCatalog.Entry> first = new LinkedHashMap<>();
    for (RouteCatalog.Entry entry : catalog.entries()) {
      first.putIfAbsent(entry.module().name(), entry);
    }
    return List.copyOf(first.values());
  }

  /**
   * SGEMM through every library the module offers. It runs with the environment and flags of the
   * module's first route: the library reads the same thread settings as the routes built on it.
   */
  private JmhJob calibrationJob(RouteCatalog.Entry entry, List<String> libraries, int threads) {
    Map<String, List<String>> params = new LinkedHashMap<>();
    params.put("library", libraries);
    params.put("size", List.of(Integer.toString(settings.gemmSize())));
    params.put("threads", List.of(Integer.toString(threads)));
    return new JmhJob(
        "peak-" + entry.module().name() + "-t" + threads,
        entry.module(),
        null,
        threads,
        List.of(BenchmarkRunner.GEMM),
        params,
        entry.descriptor().environment(),
        jvmArgs(entry));
  }

  private JmhJob routeJob(RouteCatalog.Entry entry, int threads) {
    Map<String, List<String>> params = new LinkedHashMap<>();
    params.put("route", List.of(entry.id()));
    params.put("batchSize", settings.batchSizes().stream().map(String::valueOf).toList());
    params.put("threads", List.of(Integer.toString(threads)));
    if (settings.hidden() != null) {
      params.put("hidden", List.of(settings.hidden()));
    }
    if (settings.activation() != null) {
      params.put("activation", List.of(settings.activation()));
    }
    List<String> benchmarks = new ArrayList<>();
    if (settings.benchmarks().contains("train")) {
      benchmarks.add(BenchmarkRunner.TRAIN);
    }
    if (settings.benchmarks().contains("inference")) {
      benchmarks.add(BenchmarkRunner.INFERENCE);
    }
    if (settings.benchmarks().contains("feed")) {
      benchmarks.add(BenchmarkRunner.FEED);
    }
    return new JmhJob(
        entry.id() + "-t" + threads,
        entry.module(),
        entry.descriptor(),
        threads,
        benchmarks,
        params,
        entry.descriptor().environment(),
        jvmArgs(entry));
  }

  private List<String> jvmArgs(RouteCatalog.Entry entry) {
    List<String> args = new ArrayList<>(BASE_JVM_ARGS);
    if (settings.ignoreJmhLock()) {
      args.add("-Djmh.ignoreLock=true");
    }
    args.addAll(entry.descriptor().jvmArgs()); // last, so a route's own flags win
    return args;
  }
}
