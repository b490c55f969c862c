package io.mlpbench.results.fleet;

import io.mlpbench.core.RunSpec;
import io.mlpbench.core.TrainingConfig;
import io.mlpbench.core.launch.RouteCatalog;
import io.mlpbench.core.launch.TrainRequest;
import io.mlpbench.results.accuracy.AccuracyRunner;
import io.mlpbench.results.accuracy.RunProgress;
import io.mlpbench.results.cli.SuiteVersion;
import io.mlpbench.results.env.EnvironmentCapture;
import io.mlpbench.results.matrix.RunnerSnapshot;
import io.mlpbench.results.matrix.VersionBuild;
import io.mlpbench.results.model.AccuracyResult;
import io.mlpbench.results.model.EnvironmentRecord;
import io.mlpbench.results.model.RunRecord;
import io.mlpbench.results.model.RunSettings;
import io.mlpbench.results.model.ThroughputResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Runs a cell with the release matrix's machinery: the route module built against the cell's
 * release ({@link VersionBuild}, once per release and worker; a release without properties uses the
 * checkout's own build), then either the accuracy worker for one seed ({@link AccuracyRunner}) or
 * the benchmarks runner for one route, batch and thread count, each in the route's own JVM as
 * everywhere in the suite. The result is one run record with the environment it ran in.
 */
public final class MatrixCellExecutor implements CellExecutor {
  private static final long ACCURACY_TIMEOUT_MINUTES = 60;

  private final Path checkout;
  private final Path workDir;
  private final boolean offline;
  private final Consumer<String> log;
  private final Map<String, Path> builtReleases = new HashMap<>();
  private RunnerSnapshot runner;

  /**
   * @param workDir this worker's builds, logs and JMH output
   * @param offline build releases only from the local Maven repository
   */
  public MatrixCellExecutor(Path checkout, Path workDir, boolean offline, Consumer<String> log) {
    this.checkout = checkout;
    this.workDir = workDir;
    this.offline = offline;
    this.log = log;
  }

  @Override
  public RunRecord execute(FleetCell cell) throws Exception {
    Instant started = Instant.now();
    Path root = releaseRoot(cell);
    RouteCatalog.Entry entry =
        RouteCatalog.discover(root, cell.threads()).select(List.of(cell.route())).get(0);
    List<AccuracyResult> accuracy = List.of();
    List<ThroughputResult> throughput = List.of();
    if (cell.kind() == FleetCell.Kind.ACCURACY) {
      accuracy = List.of(accuracy(cell, entry));
    } else {
      throughput = throughput(cell, root);
    }
    EnvironmentRecord env =
        EnvironmentCapture.capture(
            checkout, List.of(entry), List.of("-Xmx4g"), cell.threads(), SuiteVersion.current());
    RunSettings settings = RunSettings.of(spec(cell), List.of(cell.route()), cell.profile());
    return new RunRecord(
        RunRecord.SCHEMA_VERSION,
        cell.runId(),
        started,
        Instant.now(),
        cell.kind() == FleetCell.Kind.ACCURACY ? "accuracy" : "throughput",
        "fleet cell: " + cell.label() + " " + cell.properties(),
        env,
        settings,
        accuracy,
        throughput);
  }

  /** The canonical job at the cell's batch and threads; an accuracy cell trains its replicate. */
  private static RunSpec spec(FleetCell cell) {
    RunSpec d = RunSpec.defaults();
    TrainingConfig training = d.training().withBatchSize(cell.batch()).withThreads(cell.threads());
    if (cell.kind() != FleetCell.Kind.ACCURACY) {
      return d.withTraining(training).withSweep(d.sweep().withSeeds(List.of()));
    }
    return d.withTraining(training.withEpochs(cell.epochs()).withSeed(cell.replicate()))
        .withSweep(d.sweep().withSeeds(List.of(cell.replicate())));
  }

  /** The directory whose route modules run the cell's release, built on first use. */
  private Path releaseRoot(FleetCell cell) {
    if (cell.properties().isEmpty()) {
      return checkout;
    }
    String name = cell.module() + "-" + cell.release();
    Path known = builtReleases.get(name);
    if (known != null) {
      return known;
    }
    log.accept("  building " + cell.module() + " with " + cell.properties());
    VersionBuild.Result build =
        new VersionBuild(checkout, offline)
            .build(cell.module(), cell.properties(), workDir.resolve("build").resolve(name));
    if (!build.ok()) {
      throw new IllegalStateException(
          "build failed: " + build.failure() + " (log " + build.log() + ")");
    }
    builtReleases.put(name, build.root());
    return build.root();
  }

  private AccuracyResult accuracy(FleetCell cell, RouteCatalog.Entry entry) throws IOException {
    TrainRequest request = new TrainRequest(cell.route(), spec(cell));
    Path logs = workDir.resolve("logs").resolve(cell.key());
    Files.createDirectories(logs);
    // a diverged or crashed training is a result of the release (listed as failed in the table),
    // not a failed attempt: the same release would fail the same way on the next machine
    return new AccuracyRunner(RunProgress.NONE, logs, ACCURACY_TIMEOUT_MINUTES)
        .runOne(entry, request);
  }

  private List<ThroughputResult> throughput(FleetCell cell, Path root) throws IOException {
    if (runner == null) {
      runner = RunnerSnapshot.take(checkout, workDir.resolve("bench-classes"));
    }
    Map<String, String> bench = new LinkedHashMap<>();
    bench.put("profile", cell.profile());
    bench.put("routes", cell.route());
    bench.put("threads", Integer.toString(cell.threads()));
    bench.put("batches", Integer.toString(cell.batch()));
    bench.put("benchmarks", String.join(",", cell.benchmarks()));
    bench.put("peak", "false");
    return runner.measure(root, bench, workDir.resolve("jmh").resolve(cell.key()), log).results();
  }
}
