package io.mlpbench.results.matrix;

import io.mlpbench.core.RunSpec;
import io.mlpbench.core.TrainingConfig;
import io.mlpbench.core.launch.RouteCatalog;
import io.mlpbench.results.accuracy.AccuracyRunner;
import io.mlpbench.results.accuracy.RunProgress;
import io.mlpbench.results.cli.SuiteVersion;
import io.mlpbench.results.env.EnvironmentCapture;
import io.mlpbench.results.history.FileRunStore;
import io.mlpbench.results.model.AccuracyResult;
import io.mlpbench.results.model.EnvironmentRecord;
import io.mlpbench.results.model.RunRecord;
import io.mlpbench.results.model.RunSettings;
import io.mlpbench.results.model.ThroughputResult;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The framework release matrix: for every configured release of every framework, builds the route
 * module against it ({@link VersionBuild}: its own classpath and compile), measures throughput with
 * the benchmarks runner in that module's own JVMs and trains each route for a few epochs, and
 * stores one {@link RunRecord} per release in {@code <out>/history/}. Consecutive releases are then
 * compared with the same rules as {@code compare} ({@link MatrixTable}).
 */
public final class MatrixRunner {
  private static final DateTimeFormatter STAMP =
      DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC);

  /**
   * One release's outcome: its record (null when the build failed) or why it has none.
   *
   * @param loadBeforeTiming the machine's 1-minute load average when its timing started (null if
   *     unknown): timings taken under different load are not a fair comparison, so the table shows
   *     it
   */
  public record Cell(
      MatrixConfig.Framework framework,
      MatrixConfig.Version version,
      RunRecord record,
      String failure,
      Double loadBeforeTiming) {
    public Cell(
        MatrixConfig.Framework framework,
        MatrixConfig.Version version,
        RunRecord record,
        String failure) {
      this(framework, version, record, failure, null);
    }
  }

  private Double lastLoad;
  private RunnerSnapshot runner;

  private final Path checkout;
  private final Path out;
  private final boolean offline;
  private final Consumer<String> log;

  /**
   * @param out this matrix run's directory (records, builds, logs, the table)
   * @param offline build only with releases already in the local Maven repository
   */
  public MatrixRunner(Path checkout, Path out, boolean offline, Consumer<String> log) {
    this.checkout = checkout;
    this.out = out;
    this.offline = offline;
    this.log = log;
  }

  public static String stamp() {
    return STAMP.format(Instant.now());
  }

  public List<Cell> run(MatrixConfig config) {
    FileRunStore store =
        new FileRunStore(out.resolve("history"), out.resolve("unused-baseline.json"));
    List<Cell> cells = new ArrayList<>();
    String stamp = out.getFileName().toString();
    for (MatrixConfig.Framework framework : config.frameworks()) {
      for (MatrixConfig.Version version : framework.versions()) {
        String name = framework.module() + "-" + version.label();
        log.accept(
            "matrix: "
                + framework.name()
                + " "
                + version.label()
                + ": building "
                + framework.module()
                + " with "
                + version.properties());
        Instant started = Instant.now();
        VersionBuild.Result build =
            new VersionBuild(checkout, offline)
                .build(
                    framework.module(), version.properties(), out.resolve("build").resolve(name));
        if (!build.ok()) {
          log.accept("matrix:   build FAILED: " + build.failure());
          cells.add(new Cell(framework, version, null, "build failed: " + build.failure()));
          continue;
        }
        log.accept(String.format("matrix:   built in %.0f s", build.seconds()));
        int threads = config.effectiveThreads();
        RouteCatalog catalog = RouteCatalog.discover(build.root(), threads);
        List<RouteCatalog.Entry> entries;
        try {
          entries = catalog.select(framework.routes());
        } catch (IllegalArgumentException e) {
          cells.add(new Cell(framework, version, null, e.getMessage()));
          continue;
        }
        if (entries.isEmpty()) {
          cells.add(new Cell(framework, version, null, "no routes found: " + catalog.problems()));
          continue;
        }
        lastLoad = null;
        List<ThroughputResult> throughput =
            throughput(config, build.root(), entries, threads, name);
        List<AccuracyResult> accuracy = accuracy(config, entries, threads, name);
        EnvironmentRecord env =
            EnvironmentCapture.capture(
                checkout, entries, List.of("-Xmx4g"), threads, SuiteVersion.current());
        RunSettings settings =
            RunSettings.of(
                spec(config, threads),
                entries.stream().map(RouteCatalog.Entry::id).toList(),
                config.profile());
        RunRecord record =
            new RunRecord(
                RunRecord.SCHEMA_VERSION,
                "matrix-" + stamp + "-" + name,
                started,
                Instant.now(),
                config.epochs() > 0 ? "both" : "throughput",
                "release matrix: "
                    + framework.name()
                    + " "
                    + version.label()
                    + " "
                    + version.properties(),
                env,
                settings,
                accuracy,
                throughput);
        store.append(record);
        cells.add(new Cell(framework, version, record, null, lastLoad));
      }
    }
    return cells;
  }

  private List<ThroughputResult> throughput(
      MatrixConfig config, Path root, List<RouteCatalog.Entry> entries, int threads, String name) {
    List<String> routes = entries.stream().map(RouteCatalog.Entry::id).toList();
    Map<String, String> bench = new LinkedHashMap<>();
    bench.put("profile", config.profile());
    bench.put("routes", String.join(",", routes));
    bench.put("threads", Integer.toString(threads));
    bench.put("benchmarks", String.join(",", config.benchmarks()));
    bench.put("peak", "false");
    try {
      if (runner == null) {
        runner = RunnerSnapshot.take(checkout, out.resolve("bench-classes"));
      }
      log.accept("matrix:   throughput (" + config.profile() + " profile) of " + routes);
      RunnerSnapshot.Measured measured =
          runner.measure(
              root, bench, out.resolve("jmh").resolve(name), m -> log.accept("matrix:   " + m));
      lastLoad = measured.loadBefore();
      return measured.results();
    } catch (IOException | IllegalStateException e) {
      log.accept("matrix:   no throughput: " + e.getMessage());
      return List.of();
    }
  }

  private List<AccuracyResult> accuracy(
      MatrixConfig config, List<RouteCatalog.Entry> entries, int threads, String name) {
    if (config.epochs() <= 0) {
      return List.of();
    }
    log.accept("matrix:   accuracy, " + config.epochs() + " epoch(s), seeds " + config.seeds());
    try {
      return new AccuracyRunner(RunProgress.NONE, out.resolve("logs").resolve(name), 60)
          .run(entries, spec(config, threads));
    } catch (IOException e) {
      throw new UncheckedIOException("accuracy of " + name + " failed: " + e.getMessage(), e);
    }
  }

  /** The canonical job at the matrix's epochs, seeds and threads; no seeds when epochs is 0. */
  private static RunSpec spec(MatrixConfig config, int threads) {
    RunSpec d = RunSpec.defaults();
    TrainingConfig training = d.training().withThreads(threads);
    if (config.epochs() <= 0) {
      return d.withTraining(training).withSweep(d.sweep().withSeeds(List.of()));
    }
    return d.withTraining(training.withEpochs(config.epochs()))
        .withSweep(d.sweep().withSeeds(config.seeds()));
  }

  /** The 1-minute load average (Linux /proc/loadavg), or null elsewhere. */
  static Double loadAverage() {
    try {
      return Double.parseDouble(Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+")[0]);
    } catch (IOException | RuntimeException e) {
      return null;
    }
  }
}
