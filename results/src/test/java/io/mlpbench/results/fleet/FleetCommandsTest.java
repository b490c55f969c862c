package io.mlpbench.results.fleet;

import static org.assertj.core.api.Assertions.assertThat;

import io.mlpbench.results.cli.CliRun;
import io.mlpbench.results.store.pg.PostgresRunStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code matrix --plan/--status/--report} and {@code worker} through the command line. */
class FleetCommandsTest {
  private static final String TINY_CONFIG =
      """
      { "profile": "smoke", "epochs": 1, "seeds": [1, 2], "threads": 2,
        "frameworks": [ { "name": "Tiny", "module": "tiny-impl", "routes": ["tiny-a"],
          "versions": [ { "label": "v1", "properties": { "tiny.version": "v1" } },
                        { "label": "v2", "properties": { "tiny.version": "v2" } } ] } ] }
      """;

  @TempDir Path dir;

  private static CliRun cli(String... args) {
    return CliRun.of(args);
  }

  @Test
  void planStatusAndPartialReportThroughTheCommandLine() throws Exception {
    String url = FleetDatabase.newDatabase();
    Path config = dir.resolve("tiny.json");
    Files.writeString(config, TINY_CONFIG);
    String[] plan = {
      "matrix",
      "--plan",
      "--store",
      url,
      "--config",
      config.toString(),
      "--plan-name",
      "tiny",
      "--machine-class",
      TinyWorkload.MACHINE.key(),
      "--jdks",
      "17",
      "--forks",
      "0"
    };
    CliRun first = cli(plan);
    assertThat(first.exit()).as(first.err()).isZero();
    // 2 releases x 1 route x 1 JDK x 1 batch x 2 seeds, no throughput forks
    assertThat(first.out()).contains("plan tiny: 4 cells, 4 new, 0 already queued");
    assertThat(cli(plan).out()).contains("plan tiny: 4 cells, 0 new, 4 already queued");

    try (PostgresRunStore store = PostgresRunStore.open(url)) {
      CellQueue queue = new CellQueue(store);
      TinyWorkload tiny = new TinyWorkload();
      for (int i = 0; i < 3; i++) { // v1's two seeds and v2's first
        Lease lease =
            queue
                .claim("w1", TinyWorkload.MACHINE.claimableKeys(17), "tiny", Duration.ofMinutes(5))
                .orElseThrow();
        assertThat(queue.complete(lease, tiny.execute(lease.cell()))).isTrue();
      }
    }

    CliRun status =
        cli(
            "matrix",
            "--status",
            "--store",
            url,
            "--config",
            config.toString(),
            "--plan-name",
            "tiny");
    assertThat(status.exit()).as(status.err()).isZero();
    assertThat(status.out())
        .contains("plan tiny in PostgreSQL")
        .contains("4 cells, 3 done, 0 running, 1 queued, 0 failed");
    assertThat(status.out()).contains("| w1 | 0 | 0 | 3 | 0 |").contains("| - | 1 | 0 | 0 | 0 |");

    CliRun report =
        cli(
            "matrix",
            "--report",
            "--store",
            url,
            "--config",
            config.toString(),
            "--plan-name",
            "tiny",
            "--out",
            dir.resolve("report").toString());
    assertThat(report.exit()).as(report.err()).isZero();
    assertThat(report.out())
        .contains("Hardware class: `" + TinyWorkload.MACHINE.withJvm(17, 2).key() + "`")
        .contains("| v1 |")
        .contains("v2 (partial: 1 of 2 cells)")
        .contains("| tiny-a |")
        .contains("matrix: partial");
    // this machine is not the plan's (fake) machine class: its worker finds nothing to do
    CliRun worker =
        cli(
            "worker",
            "--store",
            url,
            "--name",
            "here",
            "--work-dir",
            dir.resolve("work").toString());
    assertThat(worker.exit()).as(worker.err()).isZero();
    assertThat(worker.out()).contains("worker here: Summary[done=0, failed=0, retried=0, lost=0");
    assertThat(FleetDatabase.count(url, "select count(*) from fleet_cells where status = 'queued'"))
        .isEqualTo(1);
    assertThat(Files.readString(dir.resolve("report/matrix.md")))
        .contains("v2 (partial: 1 of 2 cells)");
  }

  @Test
  void fleetCommandsNeedAPostgresStoreAndExactlyOneAction() {
    CliRun worker = cli("worker", "--store", "files");
    assertThat(worker.exit()).isEqualTo(2);
    assertThat(worker.err()).contains("worker needs a PostgreSQL store");
    CliRun both = cli("matrix", "--plan", "--status", "--store", "jdbc:postgresql://localhost:1/x");
    assertThat(both.exit()).isEqualTo(2);
    assertThat(both.err()).contains("give one of --plan, --status, --report");
    CliRun unreachable =
        cli("matrix", "--status", "--store", "jdbc:postgresql://127.0.0.1:1/nothing");
    assertThat(unreachable.exit()).as("database unreachable: infrastructure").isEqualTo(4);
  }
}
