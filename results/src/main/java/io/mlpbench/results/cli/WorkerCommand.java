package io.mlpbench.results.cli;

import io.mlpbench.core.launch.RouteModules;
import io.mlpbench.results.fleet.CellQueue;
import io.mlpbench.results.fleet.FleetWorker;
import io.mlpbench.results.fleet.MachineClass;
import io.mlpbench.results.fleet.MatrixCellExecutor;
import io.mlpbench.results.store.StoreException;
import io.mlpbench.results.store.pg.PostgresRunStore;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * A fleet worker: runs the planned matrix cells of this machine's hardware class, one at a time.
 */
@Command(
    name = "worker",
    mixinStandardHelpOptions = true,
    description = {
      "Fleet worker: claims one cell at a time of the matrix planned with `matrix --plan` (only"
          + " cells of this machine's hardware class: CPU model, cores, ISA flags, the JDK it runs"
          + " on, threads up to its cores), keeps its lease alive while the cell runs in the"
          + " route's own JVM, then stores the result and marks the cell done in one transaction.",
      "Exits when no cell of its class is queued or running. SIGTERM gives the current cell back"
          + " (queued again, the attempt not counted). A killed worker's cell is claimed again"
          + " once its lease expires; after the plan's max attempts a cell is failed with its"
          + " reason.",
      "Exit status: 0 when its cells are done (or it was stopped), 2 on bad options, 4 when the"
          + " database is unreachable."
    })
final class WorkerCommand implements Callable<Integer> {
  @Option(
      names = "--store",
      paramLabel = "<url>",
      description =
          "The PostgreSQL of the plan (default: MLPBENCH_STORE); credentials from"
              + " PGUSER/PGPASSWORD or ~/.pgpass.")
  String store;

  @Option(names = "--name", description = "This worker in `matrix --status`; default <host>-<pid>.")
  String name;

  @Option(
      names = "--plan-name",
      paramLabel = "<name>",
      description = "Only this plan's cells; default any plan.")
  String planName;

  @Option(
      names = "--lease-seconds",
      description =
          "How long a claim lives without a heartbeat (renewed every third of it); a killed"
              + " worker's cell is claimed again after this; default ${DEFAULT-VALUE}.")
  int leaseSeconds = 120;

  @Option(
      names = "--poll-seconds",
      description =
          "Wait between looks at the queue while the remaining cells run elsewhere; default"
              + " ${DEFAULT-VALUE}.")
  int pollSeconds = 15;

  @Option(
      names = "--work-dir",
      paramLabel = "<dir>",
      description = "Builds, logs and JMH output; default <checkout>/results/fleet-work/<name>.")
  Path workDir;

  @Option(
      names = "--offline",
      description = "Build releases only from the local Maven repository (mvn -o).")
  boolean offline;

  @Option(
      names = "--print-class",
      description =
          "Print this machine's class (for `matrix --plan --machine-class`) and the hardware"
              + " class keys it claims, then exit.")
  boolean printClass;

  @Override
  public Integer call() {
    if (leaseSeconds < 3 || pollSeconds < 1) {
      throw new CommandFailure(
          ExitCode.USAGE,
          "expected --lease-seconds >= 3 and --poll-seconds >= 1, found "
              + leaseSeconds
              + " and "
              + pollSeconds);
    }
    MachineClass machine = MachineClass.current();
    Set<String> classes = machine.claimableKeys(Runtime.version().feature());
    if (printClass) {
      System.out.println(machine.key());
      classes.forEach(k -> System.out.println("  claims " + k));
      return ExitCode.OK.code;
    }
    String worker = name != null ? name : host() + "-" + ProcessHandle.current().pid();
    Path checkout = RouteModules.projectRoot();
    Path dir =
        workDir != null
            ? workDir.toAbsolutePath()
            : checkout.resolve("results/fleet-work").resolve(worker);
    try (PostgresRunStore db = FleetMatrixOptions.openStore(store, "worker")) {
      System.out.println(
          "worker " + worker + ": " + db.describe() + ", machine class " + machine.key());
      FleetWorker.Summary summary =
          new FleetWorker(
                  new CellQueue(db),
                  new MatrixCellExecutor(checkout, dir, offline, System.out::println),
                  new FleetWorker.Settings(
                      worker,
                      classes,
                      planName,
                      Duration.ofSeconds(leaseSeconds),
                      Duration.ofSeconds(pollSeconds)),
                  System.out::println)
              .stopOnShutdown()
              .run();
      System.out.println("worker " + worker + ": " + summary);
      return ExitCode.OK.code;
    } catch (IllegalArgumentException e) {
      throw new CommandFailure(ExitCode.USAGE, e.getMessage());
    } catch (StoreException e) {
      throw new CommandFailure(ExitCode.INFRASTRUCTURE, e.getMessage());
    }
  }

  private static String host() {
    try {
      return InetAddress.getLocalHost().getHostName();
    } catch (UnknownHostException e) {
      return "worker";
    }
  }
}
