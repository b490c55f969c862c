package io.mlpbench.results.fleet;

import static org.assertj.core.api.Assertions.assertThat;

import io.mlpbench.results.model.RunRecord;
import io.mlpbench.results.store.pg.PostgresRunStore;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Worker processes on one queue, as on a fleet: real JVMs ({@link FleetTestWorker}) that die by
 * SIGKILL or stop on SIGTERM. The worker to be killed has a short lease (1.5 s, renewed every 0.5
 * s) so its cell comes back quickly; the others a long one, so a JVM slowed down by a loaded
 * machine never loses a lease (which would be correct behaviour, but not the case under test).
 */
class FleetProcessTest {
  private static final long SHORT_LEASE_MILLIS = 1500;
  private static final long LONG_LEASE_MILLIS = 120_000;
  private final List<Process> started = new ArrayList<>();
  @TempDir Path logs;

  @AfterEach
  void killLeftovers() {
    started.forEach(Process::destroyForcibly);
  }

  @Test
  void threeWorkersOneKilledMidCellDoEveryCellExactlyOnce() throws Exception {
    String url = FleetDatabase.newDatabase();
    List<FleetCell> cells;
    try (PostgresRunStore store = PostgresRunStore.open(url)) {
      CellQueue queue = new CellQueue(store);
      FleetPlanner planner = FleetDatabase.planner(3);
      var config = FleetDatabase.tinyMatrix(3, List.of("tiny-a", "tiny-b"), List.of(1L, 2L));
      cells = planner.expand(config, f -> List.of());
      assertThat(planner.plan(queue, config, f -> List.of())).isEqualTo(12);
    }

    // the victim first, so it surely holds a cell when it dies
    Worker victim = start(url, "victim", SHORT_LEASE_MILLIS, "stall");
    String killedCell = victim.awaitStartedCell();
    Worker a = start(url, "a", LONG_LEASE_MILLIS, "normal");
    Worker b = start(url, "b", LONG_LEASE_MILLIS, "normal");
    victim.process.destroyForcibly(); // SIGKILL: no shutdown hook, the lease just stops renewing
    assertThat(victim.process.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(victim.process.exitValue()).as("killed by SIGKILL").isEqualTo(137);

    assertThat(a.process.waitFor(90, TimeUnit.SECONDS)).as("worker a drains the queue").isTrue();
    assertThat(b.process.waitFor(90, TimeUnit.SECONDS)).as("worker b drains the queue").isTrue();
    assertThat(a.process.exitValue()).as(a.log()).isZero();
    assertThat(b.process.exitValue()).as(b.log()).isZero();

    assertThat(FleetDatabase.count(url, "select count(*) from fleet_cells where status = 'done'"))
        .isEqualTo(12);
    assertThat(FleetDatabase.count(url, "select count(*) from runs"))
        .as("one run per cell")
        .isEqualTo(12);
    assertThat(FleetDatabase.count(url, "select count(distinct result_run_id) from fleet_cells"))
        .isEqualTo(12);
    assertThat(
            FleetDatabase.text(
                url,
                "select attempts || ' ' || worker || ' ' || last_error from fleet_cells where cell_key = '"
                    + killedCell
                    + "'"))
        .as("the killed cell was run again by a survivor")
        .matches("2 [ab] lease of victim expired on attempt 1");
    assertThat(
            FleetDatabase.count(
                url,
                "select count(*) from fleet_cells where attempts = 1 and worker in ('a', 'b')"))
        .as("every other cell ran once; logs:\n" + a.log() + b.log())
        .isEqualTo(11);
    try (PostgresRunStore store = PostgresRunStore.open(url)) {
      for (FleetCell cell : cells) {
        Optional<RunRecord> run = store.find(cell.runId());
        assertThat(run).as(cell.label()).isPresent();
        // the same deterministic computation, so equality is exact (doubles survive JSON exactly)
        assertThat(run.get().accuracy().get(0).finalTestAccuracy())
            .as(cell.label())
            .isEqualTo(TinyWorkload.value(cell));
      }
    }
  }

  @Test
  void sigtermGivesTheCellBackWithoutCountingTheAttempt() throws Exception {
    String url = FleetDatabase.newDatabase();
    try (PostgresRunStore store = PostgresRunStore.open(url)) {
      FleetDatabase.planner(3)
          .plan(
              new CellQueue(store),
              FleetDatabase.tinyMatrix(1, List.of("tiny-a"), List.of(1L)),
              f -> List.of());
    }
    Worker w = start(url, "stopped", LONG_LEASE_MILLIS, "stall");
    String cell = w.awaitStartedCell();
    assertThat(FleetDatabase.text(url, "select status || ' ' || lease_owner from fleet_cells"))
        .isEqualTo("running stopped");
    w.process.destroy(); // SIGTERM
    assertThat(w.process.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(w.log()).contains("stopping: released");
    assertThat(
            FleetDatabase.text(
                url,
                "select status || ' ' || attempts || ' ' || coalesce(lease_owner, 'none')"
                    + " || ' ' || coalesce(lease_token::text, 'none') from fleet_cells"))
        .isEqualTo("queued 0 none none");

    // and it is claimable at once, not after a lease expiry
    Worker next = start(url, "next", LONG_LEASE_MILLIS, "normal");
    assertThat(next.process.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(
            FleetDatabase.text(
                url,
                "select status || ' ' || attempts || ' ' || worker from fleet_cells where cell_key = '"
                    + cell
                    + "'"))
        .isEqualTo("done 1 next");
  }

  private Worker start(String url, String name, long leaseMillis, String mode) throws IOException {
    Path log = logs.resolve(name + ".log");
    Process p =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp",
                System.getProperty("java.class.path"),
                FleetTestWorker.class.getName(),
                url,
                name,
                String.valueOf(leaseMillis),
                mode)
            .redirectErrorStream(true)
            .redirectOutput(log.toFile())
            .start();
    started.add(p);
    return new Worker(p, log);
  }

  private record Worker(Process process, Path logFile) {
    String log() {
      try {
        return Files.exists(logFile) ? Files.readString(logFile) : "";
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    String awaitStartedCell() throws InterruptedException {
      FleetDatabase.await(
          "worker " + logFile.getFileName() + " starts a cell (log: " + logFile + ")",
          () -> log().contains("@@started ") || !process.isAlive());
      return log()
          .lines()
          .filter(l -> l.startsWith("@@started "))
          .findFirst()
          .map(l -> l.substring("@@started ".length()).trim())
          .orElseThrow(() -> new AssertionError("worker ended without starting a cell:\n" + log()));
    }
  }
}
