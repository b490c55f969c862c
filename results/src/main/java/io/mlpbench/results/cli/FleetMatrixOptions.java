package io.mlpbench.results.cli;

import io.mlpbench.core.TrainingConfig;
import io.mlpbench.core.launch.RouteCatalog;
import io.mlpbench.results.compare.CompareOptions;
import io.mlpbench.results.fleet.CellQueue;
import io.mlpbench.results.fleet.FleetPlanner;
import io.mlpbench.results.fleet.FleetReport;
import io.mlpbench.results.fleet.FleetStatus;
import io.mlpbench.results.fleet.MachineClass;
import io.mlpbench.results.matrix.MatrixConfig;
import io.mlpbench.results.store.RunStores;
import io.mlpbench.results.store.StoreException;
import io.mlpbench.results.store.pg.PostgresRunStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import picocli.CommandLine.Option;

/**
 * The fleet options of {@code matrix} ({@code --plan}, {@code --status}, {@code --report} with
 * {@code --store}): the matrix spread over many machines through the store's work queue, run by
 * {@code worker} processes. A mixin, so the matrix command itself stays as it was.
 */
final class FleetMatrixOptions {
  @Option(
      names = "--plan",
      description =
          "Fleet: expand the config into cells and enqueue them in --store (planning again adds"
              + " nothing); `mlp-bench worker` processes run them.")
  boolean plan;

  @Option(
      names = "--status",
      description = "Fleet: the plan's cells by status and per worker, and why cells failed.")
  boolean status;

  @Option(
      names = "--report",
      description =
          "Fleet: the route x release table from the cells' stored runs (releases not complete"
              + " are marked partial); written to <out>/matrix.md when --out is given.")
  boolean report;

  @Option(
      names = "--store",
      paramLabel = "<url>",
      description =
          "Fleet: the PostgreSQL holding the queue and the runs (default: MLPBENCH_STORE);"
              + " credentials from PGUSER/PGPASSWORD or ~/.pgpass.")
  String store;

  @Option(
      names = "--plan-name",
      paramLabel = "<name>",
      description = "Fleet: the plan's name; default ${DEFAULT-VALUE}.")
  String planName = "matrix";

  @Option(
      names = "--jdks",
      split = ",",
      paramLabel = "<release>",
      description =
          "Fleet: JDK feature releases to plan, e.g. 17,25; default the running JDK. A worker runs"
              + " the cells of the JDK it runs on.")
  List<Integer> jdks;

  @Option(
      names = "--batches",
      split = ",",
      paramLabel = "<size>",
      description = "Fleet: batch sizes to plan; default ${DEFAULT-VALUE}.")
  List<Integer> batches = List.of(TrainingConfig.defaults().batchSize());

  @Option(
      names = "--forks",
      description =
          "Fleet: throughput cells (benchmarks-runner JVMs) per release, route, JDK and batch;"
              + " default ${DEFAULT-VALUE}.")
  int forks = 1;

  @Option(
      names = "--max-attempts",
      description = "Fleet: attempts before a cell is failed; default ${DEFAULT-VALUE}.")
  int maxAttempts = 3;

  @Option(
      names = "--machine-class",
      paramLabel = "<cpu|Nc|isa>",
      description =
          "Fleet: the machine class to plan for (as `worker --print-class` shows it);"
              + " default this machine.")
  String machineClass;

  boolean selected() {
    return plan || status || report;
  }

  /** Runs the selected fleet action; the exit code of {@link ExitCode}. */
  int run(
      Path checkout,
      MatrixConfig config,
      CompareOptions options,
      Path out,
      boolean failOnRegression) {
    if ((plan ? 1 : 0) + (status ? 1 : 0) + (report ? 1 : 0) != 1) {
      throw new CommandFailure(ExitCode.USAGE, "give one of --plan, --status, --report");
    }
    try (PostgresRunStore db = openStore(store, "matrix")) {
      CellQueue queue = new CellQueue(db);
      if (plan) {
        FleetPlanner planner =
            new FleetPlanner(
                planName,
                machineClass == null ? MachineClass.current() : MachineClass.parse(machineClass),
                jdks == null || jdks.isEmpty() ? List.of(Runtime.version().feature()) : jdks,
                batches,
                forks,
                maxAttempts);
        int total = planner.expand(config, f -> routesOf(checkout, f)).size();
        int added = planner.plan(queue, config, f -> routesOf(checkout, f));
        System.out.println(
            "matrix: plan "
                + planName
                + ": "
                + total
                + " cells, "
                + added
                + " new, "
                + (total - added)
                + " already queued, in "
                + db.describe());
        return ExitCode.OK.code;
      }
      if (status) {
        System.out.print(FleetStatus.text(queue, planName));
        return ExitCode.OK.code;
      }
      FleetReport table = FleetReport.of(db, queue, planName, options);
      String md = table.markdown();
      System.out.print(md);
      if (out != null) {
        Files.createDirectories(out);
        Files.writeString(out.resolve("matrix.md"), md);
        System.out.println("wrote " + out.resolve("matrix.md"));
      }
      if (table.partial()) {
        System.out.println("matrix: partial: some cells are not done (matrix --status)");
      }
      return failOnRegression && table.hasRegression()
          ? ExitCode.REGRESSION.code
          : ExitCode.OK.code;
    } catch (IllegalArgumentException e) {
      throw new CommandFailure(ExitCode.USAGE, e.getMessage());
    } catch (StoreException e) {
      throw new CommandFailure(ExitCode.INFRASTRUCTURE, e.getMessage());
    } catch (IOException e) {
      throw new CommandFailure(
          ExitCode.DATA, "cannot write " + out.resolve("matrix.md") + ": " + e.getMessage());
    }
  }

  /** The PostgreSQL store of {@code --store} / MLPBENCH_STORE; the fleet needs one. */
  static PostgresRunStore openStore(String option, String command) {
    String url = RunStores.selected(option);
    if (url == null || !url.startsWith("jdbc:postgresql:")) {
      throw new IllegalArgumentException(
          command
              + " needs a PostgreSQL store: pass --store jdbc:postgresql://host[:port]/database or set "
              + RunStores.ENVIRONMENT_VARIABLE
              + (url == null ? "" : " (found '" + url.replaceAll("\\?.*", "") + "')"));
    }
    return PostgresRunStore.open(url);
  }

  /** A framework's routes when the config lists none: those its module describes here. */
  private static List<String> routesOf(Path checkout, MatrixConfig.Framework f) {
    RouteCatalog catalog = RouteCatalog.discover(checkout, 1);
    List<String> routes =
        catalog.entries().stream()
            .filter(e -> e.module().name().equals(f.module()))
            .map(RouteCatalog.Entry::id)
            .toList();
    if (routes.isEmpty()) {
      throw new IllegalArgumentException(
          f.name()
              + " lists no routes in the config and module "
              + f.module()
              + " describes none in "
              + checkout
              + " ("
              + (catalog.problems().isEmpty()
                  ? "not built?"
                  : String.join("; ", catalog.problems()))
              + "); add \"routes\": [...] to the config or build the module");
    }
    return routes;
  }
}
