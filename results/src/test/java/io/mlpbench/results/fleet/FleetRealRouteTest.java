package io.mlpbench.results.fleet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.mlpbench.results.matrix.MatrixConfig;
import io.mlpbench.results.model.AccuracyResult;
import io.mlpbench.results.model.RunRecord;
import io.mlpbench.results.store.pg.PostgresRunStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The production executor on a real route: one accuracy cell of {@code manual} (the checkout's own
 * build, one epoch of MNIST) planned, claimed, trained in the route's own JVM and stored.
 */
class FleetRealRouteTest {
  @TempDir Path dir;

  @Test
  void aWorkerTrainsAManualRouteCellInItsOwnJvmAndStoresTheRun() throws Exception {
    Path checkout = Path.of("").toAbsolutePath().getParent(); // tests run in results/
    Path module = checkout.resolve("manual-backprop");
    assumeTrue(
        Files.isRegularFile(module.resolve("target/route-classpath.txt")),
        "manual-backprop not built");
    // a checkout holding only manual-backprop, so route discovery starts one JVM, not four
    Path root = Files.createDirectories(dir.resolve("root"));
    Files.createSymbolicLink(root.resolve("manual-backprop"), module);

    MatrixConfig config =
        new MatrixConfig(
            "smoke",
            List.of("train"),
            1,
            List.of(42L),
            1,
            List.of(
                new MatrixConfig.Framework(
                    "Manual",
                    "manual-backprop",
                    List.of("manual"),
                    List.of(new MatrixConfig.Version("checkout", Map.of())))));
    String url = FleetDatabase.newDatabase();
    try (PostgresRunStore store = PostgresRunStore.open(url)) {
      CellQueue queue = new CellQueue(store);
      FleetPlanner planner =
          new FleetPlanner(
              "real", TinyWorkload.MACHINE, List.of(TinyWorkload.JDK), List.of(128), 0, 1);
      assertThat(planner.plan(queue, config, f -> List.of())).isEqualTo(1);
      List<String> log = new ArrayList<>();
      FleetWorker.Summary summary =
          new FleetWorker(
                  queue,
                  new MatrixCellExecutor(root, dir.resolve("work"), true, log::add),
                  new FleetWorker.Settings(
                      "real",
                      TinyWorkload.MACHINE.claimableKeys(TinyWorkload.JDK),
                      "real",
                      Duration.ofMinutes(5),
                      Duration.ofSeconds(1)),
                  log::add)
              .run();
      assertThat(summary.done()).as(String.join("\n", log)).isEqualTo(1);
      FleetCell cell = planner.expand(config, f -> List.of()).get(0);
      RunRecord run = store.find(cell.runId()).orElseThrow();
      AccuracyResult a = run.accuracy().get(0);
      assertThat(a.route()).isEqualTo("manual");
      assertThat(a.seed()).isEqualTo(42L);
      assertThat(a.ok()).as(a.failure()).isTrue();
      // every route reaches about 0.967 after one epoch (README); 0.95 catches a broken training
      // (a chance-level model scores about 0.1) without depending on the seed
      assertThat(a.finalTestAccuracy()).isGreaterThan(0.95);
      assertThat(run.environment().threads()).isEqualTo(1);
      assertThat(run.settings().batchSize()).isEqualTo(128);
    }
  }
}
