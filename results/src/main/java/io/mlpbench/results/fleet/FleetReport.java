package io.mlpbench.results.fleet;

import io.mlpbench.results.compare.CompareOptions;
import io.mlpbench.results.matrix.MatrixConfig;
import io.mlpbench.results.matrix.MatrixRunner;
import io.mlpbench.results.matrix.MatrixTable;
import io.mlpbench.results.model.AccuracyResult;
import io.mlpbench.results.model.RunRecord;
import io.mlpbench.results.model.ThroughputResult;
import io.mlpbench.results.store.RunStore;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * {@code matrix --report}: the route x release tables of {@link MatrixTable} (same comparison rules
 * between consecutive releases), built from the cells' stored runs. One section per hardware class
 * (CPU, JDK, threads), since results of different classes are never compared. A release whose cells
 * are not all done is labelled "partial: k of n cells"; the forks of one throughput measurement are
 * pooled (their raw samples together, the score their mean).
 */
public final class FleetReport {
  private final List<String> hardwareClasses = new ArrayList<>();
  private final Map<String, List<MatrixRunner.Cell>> tables = new LinkedHashMap<>();
  private final CompareOptions options;

  private FleetReport(CompareOptions options) {
    this.options = options;
  }

  /** Reads the plan's cells from {@code queue} and their runs through {@code runs}. */
  public static FleetReport of(
      CellQueue queue,
      String plan,
      Function<String, Optional<RunRecord>> runs,
      CompareOptions options) {
    return of(queue.cells(plan), runs, options);
  }

  public static FleetReport of(
      RunStore store, CellQueue queue, String plan, CompareOptions options) {
    return of(queue, plan, store::find, options);
  }

  static FleetReport of(
      List<CellQueue.CellState> cells,
      Function<String, Optional<RunRecord>> runs,
      CompareOptions options) {
    FleetReport report = new FleetReport(options);
    // hardware class -> "framework|release" -> that release's cells, in planning order
    Map<String, Map<String, List<CellQueue.CellState>>> grouped = new LinkedHashMap<>();
    for (CellQueue.CellState c : cells) {
      grouped
          .computeIfAbsent(c.cell().hardwareClass().key(), k -> new LinkedHashMap<>())
          .computeIfAbsent(c.cell().framework() + "|" + c.cell().release(), k -> new ArrayList<>())
          .add(c);
    }
    grouped.forEach(
        (hardwareClass, releases) -> {
          report.hardwareClasses.add(hardwareClass);
          List<MatrixRunner.Cell> columns = new ArrayList<>();
          releases.values().forEach(release -> columns.add(column(release, runs)));
          report.tables.put(hardwareClass, columns);
        });
    return report;
  }

  /** True when any release regresses against the previous one in any hardware class. */
  public boolean hasRegression() {
    return tables.values().stream().anyMatch(t -> new MatrixTable(t, options).hasRegression());
  }

  /** True when some cell of the plan is not done (still queued, running, or failed). */
  public boolean partial() {
    return tables.values().stream()
        .flatMap(List::stream)
        .anyMatch(c -> c.version().label().contains("(partial"));
  }

  public String markdown() {
    StringBuilder md = new StringBuilder();
    if (tables.isEmpty()) {
      return "No cells planned.\n";
    }
    tables.forEach(
        (hardwareClass, columns) -> {
          md.append("Hardware class: `").append(hardwareClass).append("`\n\n");
          md.append(new MatrixTable(columns, options).markdown()).append('\n');
        });
    return md.toString();
  }

  private static MatrixRunner.Cell column(
      List<CellQueue.CellState> release, Function<String, Optional<RunRecord>> runs) {
    FleetCell first = release.get(0).cell();
    List<RunRecord> done = new ArrayList<>();
    for (CellQueue.CellState c : release) {
      if (c.status().equals("done") && c.resultRunId() != null) {
        runs.apply(c.resultRunId()).ifPresent(done::add);
      }
    }
    long failed = release.stream().filter(c -> c.status().equals("failed")).count();
    String label = first.release();
    if (done.size() < release.size()) {
      label +=
          " (partial: "
              + done.size()
              + " of "
              + release.size()
              + " cells"
              + (failed > 0 ? ", " + failed + " failed" : "")
              + ")";
    }
    MatrixConfig.Framework framework =
        new MatrixConfig.Framework(first.framework(), first.module(), List.of(), List.of());
    MatrixConfig.Version version = new MatrixConfig.Version(label, first.properties());
    return new MatrixRunner.Cell(framework, version, merged(first, done), null);
  }

  /** The release's cell runs as one record, as the matrix stores one record per release. */
  private static RunRecord merged(FleetCell first, List<RunRecord> runs) {
    List<AccuracyResult> accuracy = new ArrayList<>();
    Map<String, List<ThroughputResult>> forks = new LinkedHashMap<>();
    for (RunRecord r : runs) {
      accuracy.addAll(r.accuracy());
      for (ThroughputResult t : r.throughput()) {
        forks
            .computeIfAbsent(
                t.route() + "|" + t.benchmark() + "|" + t.batchSize() + "|" + t.threads(),
                k -> new ArrayList<>())
            .add(t);
      }
    }
    List<ThroughputResult> throughput = new ArrayList<>();
    forks.values().forEach(f -> throughput.add(pooled(f)));
    RunRecord base = runs.isEmpty() ? null : runs.get(0);
    return new RunRecord(
        RunRecord.SCHEMA_VERSION,
        "fleet-" + first.plan() + "-" + first.framework() + "-" + first.release(),
        base == null ? null : base.startedAt(),
        base == null ? null : base.finishedAt(),
        "both",
        "fleet plan " + first.plan(),
        base == null ? null : base.environment(),
        base == null ? null : base.settings(),
        accuracy,
        throughput);
  }

  private static ThroughputResult pooled(List<ThroughputResult> forks) {
    if (forks.size() == 1) {
      return forks.get(0);
    }
    List<ThroughputResult> ok = forks.stream().filter(t -> t.score() != null).toList();
    if (ok.isEmpty()) {
      return forks.get(0);
    }
    ThroughputResult t = ok.get(0);
    List<Double> samples = new ArrayList<>();
    ok.forEach(f -> samples.addAll(f.rawSamples() == null ? List.of() : f.rawSamples()));
    double mean = ok.stream().mapToDouble(ThroughputResult::score).average().orElseThrow();
    // the error of one fork does not describe the pooled mean; the raw samples carry the spread
    return new ThroughputResult(
        t.route(),
        t.benchmark(),
        t.batchSize(),
        t.threads(),
        mean,
        null,
        t.unit(),
        samples,
        null,
        null,
        t.status(),
        null);
  }
}
