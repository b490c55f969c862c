package io.mlpbench.results.fleet;

import io.mlpbench.results.matrix.MatrixConfig;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Expands a release matrix config into cells and enqueues them. The config gives releases, routes,
 * seeds, epochs, profile and threads; the plan adds what a fleet spreads out: JDKs, batch sizes,
 * throughput forks and the machine class the cells are for. Each cell's key is a hash of all of it,
 * so planning the same matrix again adds nothing, and adding a JDK or a seed adds only the new
 * cells.
 *
 * @param name the plan's name (cells of two plans never collide)
 * @param machine the machine class the cells are planned for (its cores stand for threads = 0)
 * @param jdks JDK feature releases, e.g. 17 and 25
 * @param batches batch sizes of every cell
 * @param forks throughput cells per (release, route, JDK, batch): one benchmarks-runner JVM each
 * @param maxAttempts attempts before a cell is failed
 */
public record FleetPlanner(
    String name,
    MachineClass machine,
    List<Integer> jdks,
    List<Integer> batches,
    int forks,
    int maxAttempts) {

  public FleetPlanner {
    jdks = List.copyOf(jdks);
    batches = List.copyOf(batches);
    if (name == null || name.isBlank()) {
      throw new IllegalArgumentException("--name: expected a plan name, found nothing");
    }
    require(
        !jdks.isEmpty() && jdks.stream().allMatch(j -> j >= 8),
        "--jdks",
        "JDK releases like 17,25",
        jdks);
    require(
        !batches.isEmpty() && batches.stream().allMatch(b -> b > 0),
        "--batches",
        "positive batch sizes",
        batches);
    require(forks >= 0, "--forks", "0 or more forks", forks);
    require(maxAttempts > 0, "--max-attempts", "a positive number", maxAttempts);
  }

  /**
   * Every cell of {@code config}, framework by framework in config order. {@code routesOf} names
   * the routes of a framework whose config lists none (e.g. those its module describes).
   */
  public List<FleetCell> expand(
      MatrixConfig config, Function<MatrixConfig.Framework, List<String>> routesOf) {
    int threads = config.threads() > 0 ? config.threads() : machine.cores();
    List<FleetCell> cells = new ArrayList<>();
    for (MatrixConfig.Framework f : config.frameworks()) {
      List<String> routes = f.routes().isEmpty() ? routesOf.apply(f) : f.routes();
      for (MatrixConfig.Version v : f.versions()) {
        for (String route : routes) {
          for (int jdk : jdks) {
            for (int batch : batches) {
              if (config.epochs() > 0) {
                for (long seed : config.seeds()) {
                  cells.add(
                      cell(
                          f, v, route, jdk, batch, threads, FleetCell.Kind.ACCURACY, seed, config));
                }
              }
              for (int fork = 1; fork <= forks; fork++) {
                cells.add(
                    cell(
                        f, v, route, jdk, batch, threads, FleetCell.Kind.THROUGHPUT, fork, config));
              }
            }
          }
        }
      }
    }
    return cells;
  }

  /** Expands and enqueues; returns how many cells were new. */
  public int plan(
      CellQueue queue,
      MatrixConfig config,
      Function<MatrixConfig.Framework, List<String>> routesOf) {
    return queue.enqueue(expand(config, routesOf), maxAttempts);
  }

  private FleetCell cell(
      MatrixConfig.Framework f,
      MatrixConfig.Version v,
      String route,
      int jdk,
      int batch,
      int threads,
      FleetCell.Kind kind,
      long replicate,
      MatrixConfig config) {
    boolean accuracy = kind == FleetCell.Kind.ACCURACY;
    // only what changes the measurement goes into a cell (and so into its key)
    return new FleetCell(
        name,
        f.name(),
        f.module(),
        v.label(),
        v.properties(),
        route,
        jdk,
        batch,
        threads,
        kind,
        replicate,
        accuracy ? null : config.profile(),
        accuracy ? config.epochs() : 0,
        accuracy ? List.of() : config.benchmarks(),
        machine);
  }

  private static void require(boolean ok, String option, String expected, Object found) {
    if (!ok) {
      throw new IllegalArgumentException(option + ": expected " + expected + ", found " + found);
    }
  }
}
