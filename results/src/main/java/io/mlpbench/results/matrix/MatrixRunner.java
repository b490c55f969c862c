package io.mlpbench.results.matrix;

import io.mlpbench.core.RunSpec;
import io.mlpbench.core.TrainingConfig;
import io.mlpbench.core.launch.JvmLaunch;
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
import java.util.function.Supplier;

/**
 * The framework release matrix: for every configured release of every framework, builds the route
 * module against it ({@link VersionBuild}: its own classpath and compile), measures throughput with
 * the benchmarks runner in that module's own JVMs and trains each route for a few epochs, on each
 * configured JDK ({@link MatrixConfig#jvms()}), and stores one {@link RunRecord} per release and
 * JDK in {@code <out>/history/}. Consecutive releases are then compared with the same rules as
 * {@code compare}, and the JDKs of each release with each other ({@link MatrixTable}).
 */
public final class MatrixRunner {
  private static final DateTimeFormatter STAMP =
      DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC);

  /**
   * One release's outcome on one JDK: its record (null when the build failed) or why it has none.
   *
   * @param jvm the configured JDK the route JVMs were started on; null for the JVM running the CLI
   *     (a matrix without JVMs). What they reported running on is {@link #reportedJdk()}
   * @param loadBeforeTiming the machine's 1-minute load average when its timing started (null if
   *     unknown): timings taken under different load are not a fair comparison, so the table shows
   *     it
   */
  public record Cell(
      MatrixConfig.Framework framework,
      MatrixConfig.Version version,
      MatrixConfig.Jvm jvm,
      RunRecord record,
      String failure,
      Double loadBeforeTiming) {
    /** On the JVM running the CLI. */
    public Cell(
        MatrixConfig.Framework framework,
        MatrixConfig.Version version,
        RunRecord record,
        String failure,
        Double loadBeforeTiming) {
      this(framework, version, null, record, failure, loadBeforeTiming);
    }

    public Cell(
        MatrixConfig.Framework framework,
        MatrixConfig.Version version,
        RunRecord record,
        String failure) {
      this(framework, version, null, record, failure, null);
    }

    /** The JDK the route JVMs reported running on (the record's); null without a record. */
    public String reportedJdk() {
      return record == null ? null : record.environment().measuredJdk();
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

  /**
   * Every release of every framework, each on every configured JDK: a release is built once and its
   * classes run on each JDK in turn, so the JDKs of a release are measured back to back and differ
   * in nothing but the JVM.
   */
  public List<Cell> run(MatrixConfig config) {
    FileRunStore store =
        new FileRunStore(out.resolve("history"), out.resolve("unused-baseline.json"));
    List<Cell> cells = new ArrayList<>();
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
        Instant buildStarted = Instant.now();
        VersionBuild.Result build =
            new VersionBuild(checkout, offline)
                .build(
                    framework.module(), version.properties(), out.resolve("build").resolve(name));
        if (!build.ok()) {
          log.accept("matrix:   build FAILED: " + build.failure());
        } else {
          log.accept(String.format("matrix:   built in %.0f s", build.seconds()));
        }
        if (config.jvms().isEmpty()) {
          // the record spans build and measurement, as before there were JDKs
          cells.add(measure(config, framework, version, null, build, name, store, buildStarted));
          continue;
        }
        for (MatrixConfig.Jvm jvm : config.jvms()) {
          log.accept("matrix:   on JDK " + jvm.label() + " (" + jvm.home() + ")");
          String cellName = name + "-jdk" + jvm.label().replaceAll("[^A-Za-z0-9._-]", "_");
          cells.add(
              onJvm(
                  jvm,
                  () ->
                      measure(
                          config, framework, version, jvm, build, cellName, store, Instant.now())));
        }
      }
    }
    return cells;
  }

  /**
   * Runs {@code body} with the route JVMs it starts on {@code jvm}'s home: the system property
   * {@code run --jvm} sets ({@link JvmLaunch#JVM_PROPERTY}), so every launch goes through {@link
   * JvmLaunch} as it does there; restored afterwards.
   */
  private static <T> T onJvm(MatrixConfig.Jvm jvm, Supplier<T> body) {
    String before = System.getProperty(JvmLaunch.JVM_PROPERTY);
    System.setProperty(JvmLaunch.JVM_PROPERTY, jvm.home().toAbsolutePath().toString());
    try {
      return body.get();
    } finally {
      if (before == null) {
        System.clearProperty(JvmLaunch.JVM_PROPERTY);
      } else {
        System.setProperty(JvmLaunch.JVM_PROPERTY, before);
      }
    }
  }

  /** One built release on one JDK (null: the CLI's): throughput, accuracy, its record stored. */
  private Cell measure(
      MatrixConfig config,
      MatrixConfig.Framework framework,
      MatrixConfig.Version version,
      MatrixConfig.Jvm jvm,
      VersionBuild.Result build,
      String name,
      FileRunStore store,
      Instant started) {
    if (!build.ok()) {
      return new Cell(framework, version, jvm, null, "build failed: " + build.failure(), null);
    }
    int threads = config.effectiveThreads();
    // discovered on this JDK, so the descriptors report the JDK the routes run on
    RouteCatalog catalog = RouteCatalog.discover(build.root(), threads);
    List<RouteCatalog.Entry> entries;
    try {
      entries = catalog.select(framework.routes());
    } catch (IllegalArgumentException e) {
      return new Cell(framework, version, jvm, null, e.getMessage(), null);
    }
    if (entries.isEmpty()) {
      return new Cell(
          framework, version, jvm, null, "no routes found: " + catalog.problems(), null);
    }
    lastLoad = null;
    List<ThroughputResult> throughput =
        throughput(config, build.root(), entries, threads, jvm, name);
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
            "matrix-" + out.getFileName() + "-" + name,
            started,
            Instant.now(),
            config.epochs() > 0 ? "both" : "throughput",
            "release matrix: "
                + framework.name()
                + " "
                + version.label()
                + " "
                + version.properties()
                + (jvm == null ? "" : " on JDK " + jvm.label() + " (" + jvm.home() + ")"),
            env,
            settings,
            accuracy,
            throughput);
    store.append(record);
    return new Cell(framework, version, jvm, record, null, lastLoad);
  }

  private List<ThroughputResult> throughput(
      MatrixConfig config,
      Path root,
      List<RouteCatalog.Entry> entries,
      int threads,
      MatrixConfig.Jvm jvm,
      String name) {
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
              root,
              bench,
              jvm == null ? null : jvm.home(),
              out.resolve("jmh").resolve(name),
              m -> log.accept("matrix:   " + m));
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
