package io.mlpbench.results.fleet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mlpbench.results.matrix.MatrixConfig;
import io.mlpbench.results.store.pg.PostgresRunStore;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Planner and queue semantics against a real PostgreSQL, in one process. */
class FleetQueueTest {
  private static final Set<String> TEST_CLASSES =
      TinyWorkload.MACHINE.claimableKeys(TinyWorkload.JDK);
  private static final Duration LONG_LEASE = Duration.ofMinutes(5);

  @Test
  void planningTwiceEnqueuesOnceAndANewSeedAddsOnlyItsCells() throws Exception {
    String url = FleetDatabase.newDatabase();
    MatrixConfig config = FleetDatabase.tinyMatrix(3, List.of("tiny-a", "tiny-b"), List.of(1L, 2L));
    FleetPlanner planner =
        new FleetPlanner("test", TinyWorkload.MACHINE, List.of(17, 25), List.of(32, 128), 3, 2);
    try (PostgresRunStore store = PostgresRunStore.open(url)) {
      CellQueue queue = new CellQueue(store);
      // 3 releases x 2 routes x 2 JDKs x 2 batches x (2 seeds + 3 forks), counted by hand
      int expected = 3 * 2 * 2 * 2 * (2 + 3);
      assertThat(planner.plan(queue, config, f -> List.of())).isEqualTo(expected);
      assertThat(planner.plan(queue, config, f -> List.of())).as("second plan").isZero();
      assertThat(FleetDatabase.count(url, "select count(*) from fleet_cells")).isEqualTo(expected);

      MatrixConfig oneMoreSeed =
          FleetDatabase.tinyMatrix(3, List.of("tiny-a", "tiny-b"), List.of(1L, 2L, 3L));
      assertThat(planner.plan(queue, oneMoreSeed, f -> List.of()))
          .as("seed 3: one accuracy cell per release, route, JDK and batch")
          .isEqualTo(3 * 2 * 2 * 2);
      assertThat(queue.counts("test").queued()).isEqualTo(expected + 24);
    }
  }

  @Test
  void threadsZeroMeansTheMachinesCoresAndRoutesComeFromTheResolverWhenTheConfigHasNone() {
    MatrixConfig config = FleetDatabase.tinyMatrix(1, List.of(), List.of(42L));
    List<FleetCell> cells =
        FleetDatabase.planner(3).expand(config, f -> List.of("found-" + f.module()));
    assertThat(cells).hasSize(1);
    assertThat(cells.get(0).route()).isEqualTo("found-tiny-impl");
    assertThat(cells.get(0).threads()).isEqualTo(TinyWorkload.MACHINE.cores());
    assertThat(cells.get(0).hardwareClass().key()).isEqualTo("Test CPU @ 2.0GHz|2c|avx2,fma|17|2t");
  }

  @Test
  void aCellThatAlwaysFailsEndsFailedAfterMaxAttemptsWithItsError() throws Exception {
    String url = FleetDatabase.newDatabase();
    try (PostgresRunStore store = PostgresRunStore.open(url)) {
      CellQueue queue = new CellQueue(store);
      FleetDatabase.planner(3)
          .plan(
              queue,
              FleetDatabase.tinyMatrix(1, List.of("tiny-a", "broken"), List.of(7L)),
              f -> List.of());
      TinyWorkload tiny = new TinyWorkload();
      List<String> log = new ArrayList<>();
      FleetWorker.Summary summary =
          new FleetWorker(
                  queue,
                  cell -> {
                    if (cell.route().equals("broken")) {
                      throw new IllegalStateException("route 'broken' crashed: exit status 134");
                    }
                    return tiny.execute(cell);
                  },
                  new FleetWorker.Settings(
                      "w1", TEST_CLASSES, null, LONG_LEASE, Duration.ofMillis(50)),
                  log::add)
              .run();
      assertThat(summary.done()).isEqualTo(1);
      assertThat(summary.failed()).isEqualTo(1);
      assertThat(summary.retried()).as("attempts 1 and 2 are queued again").isEqualTo(2);
      assertThat(
              FleetDatabase.text(
                  url,
                  "select status || ' ' || attempts from fleet_cells where label like '% broken %'"))
          .isEqualTo("failed 3");
      assertThat(
              FleetDatabase.text(
                  url, "select last_error from fleet_cells where label like '% broken %'"))
          .isEqualTo("route 'broken' crashed: exit status 134");
      assertThat(FleetDatabase.count(url, "select count(*) from runs"))
          .as("only the good cell's run")
          .isEqualTo(1);
      assertThat(log).anyMatch(l -> l.contains("no attempts left"));
    }
  }

  @Test
  void aCompletionAfterTheLeaseWasTakenOverStoresNothing() throws Exception {
    String url = FleetDatabase.newDatabase();
    try (PostgresRunStore store = PostgresRunStore.open(url)) {
      CellQueue queue = new CellQueue(store);
      FleetDatabase.planner(3)
          .plan(queue, FleetDatabase.tinyMatrix(1, List.of("tiny-a"), List.of(1L)), f -> List.of());
      Lease first = queue.claim("slow", TEST_CLASSES, null, Duration.ofMillis(200)).orElseThrow();
      FleetDatabase.await("the lease has expired on the server's clock", () -> expired(url));
      Lease second = queue.claim("fast", TEST_CLASSES, null, LONG_LEASE).orElseThrow();
      assertThat(second.cellKey()).isEqualTo(first.cellKey());
      assertThat(second.attempt()).isEqualTo(2);

      FleetCell cell = first.cell();
      assertThat(queue.renew(first, LONG_LEASE)).as("old lease cannot be renewed").isFalse();
      assertThat(queue.complete(first, TinyWorkload.record(cell, 0.5))).isFalse();
      assertThat(queue.fail(first, "late failure")).isEqualTo(Optional.empty());
      assertThat(FleetDatabase.count(url, "select count(*) from runs")).isZero();

      assertThat(queue.complete(second, TinyWorkload.record(cell, TinyWorkload.value(cell))))
          .isTrue();
      assertThat(FleetDatabase.count(url, "select count(*) from runs")).isEqualTo(1);
      assertThat(
              FleetDatabase.text(
                  url, "select status || ' ' || worker || ' ' || result_run_id from fleet_cells"))
          .isEqualTo("done fast " + cell.runId());
      assertThat(FleetDatabase.text(url, "select last_error from fleet_cells"))
          .isEqualTo("lease of slow expired on attempt 1");
      assertThat(queue.claim("any", TEST_CLASSES, null, LONG_LEASE)).isEmpty();
    }
  }

  @Test
  void aWorkerLostOnTheLastAttemptFailsTheCellOnceItsLeaseExpires() throws Exception {
    String url = FleetDatabase.newDatabase();
    try (PostgresRunStore store = PostgresRunStore.open(url)) {
      CellQueue queue = new CellQueue(store);
      FleetDatabase.planner(1)
          .plan(queue, FleetDatabase.tinyMatrix(1, List.of("tiny-a"), List.of(1L)), f -> List.of());
      queue.claim("lost", TEST_CLASSES, null, Duration.ofMillis(200)).orElseThrow();
      FleetDatabase.await("the lease has expired on the server's clock", () -> expired(url));
      assertThat(queue.claim("next", TEST_CLASSES, null, LONG_LEASE)).isEmpty();
      assertThat(FleetDatabase.text(url, "select status || ': ' || last_error from fleet_cells"))
          .isEqualTo("failed: lease of lost expired on the last attempt (1 of 1): worker lost");
      assertThat(queue.unfinished(TEST_CLASSES, null)).isZero();
    }
  }

  @Test
  void aWorkerClaimsOnlyCellsOfItsHardwareClass() throws Exception {
    String url = FleetDatabase.newDatabase();
    try (PostgresRunStore store = PostgresRunStore.open(url)) {
      CellQueue queue = new CellQueue(store);
      FleetDatabase.planner(3)
          .plan(queue, FleetDatabase.tinyMatrix(2, List.of("tiny-a"), List.of(1L)), f -> List.of());
      MachineClass otherCpu = new MachineClass("Other CPU", 2, List.of("avx2", "fma"));
      assertThat(queue.claim("other", otherCpu.claimableKeys(17), null, LONG_LEASE)).isEmpty();
      assertThat(queue.claim("jdk25", TinyWorkload.MACHINE.claimableKeys(25), null, LONG_LEASE))
          .as("same machine, another JDK")
          .isEmpty();
      assertThat(queue.claim("mine", TEST_CLASSES, "another-plan", LONG_LEASE)).isEmpty();
      assertThat(queue.claim("mine", TEST_CLASSES, "test", LONG_LEASE)).isPresent();
    }
  }

  @Test
  void theHeartbeatKeepsALongCellsLeaseAliveUntilItIsDone() throws Exception {
    String url = FleetDatabase.newDatabase();
    try (PostgresRunStore store = PostgresRunStore.open(url)) {
      CellQueue queue = new CellQueue(store);
      FleetDatabase.planner(3)
          .plan(queue, FleetDatabase.tinyMatrix(1, List.of("tiny-a"), List.of(1L)), f -> List.of());
      CountDownLatch finish = new CountDownLatch(1);
      TinyWorkload tiny = new TinyWorkload();
      FleetWorker worker =
          new FleetWorker(
              queue,
              cell -> {
                finish.await(); // the cell lasts until the test has seen the lease renewed
                return tiny.execute(cell);
              },
              new FleetWorker.Settings(
                  "beating", TEST_CLASSES, null, Duration.ofSeconds(2), Duration.ofMillis(50)),
              line -> {});
      CompletableFuture<FleetWorker.Summary> run = CompletableFuture.supplyAsync(worker::run);
      Set<String> expiries = new HashSet<>();
      FleetDatabase.await(
          "the lease's expiry has moved three times",
          () -> {
            try {
              String expiry =
                  FleetDatabase.text(
                      url,
                      "select lease_expires_at::text from fleet_cells where status = 'running'");
              if (expiry != null) {
                expiries.add(expiry);
              }
              return expiries.size() >= 4;
            } catch (SQLException e) {
              throw new IllegalStateException(e);
            }
          });
      finish.countDown();
      assertThat(run.get(60, TimeUnit.SECONDS).done()).isEqualTo(1);
      assertThat(
              FleetDatabase.text(
                  url, "select status || ' ' || attempts || ' ' || worker from fleet_cells"))
          .as("never taken over while the heartbeat ran")
          .isEqualTo("done 1 beating");
    }
  }

  @Test
  void aResultWithAnotherRunIdIsRefused() throws Exception {
    String url = FleetDatabase.newDatabase();
    try (PostgresRunStore store = PostgresRunStore.open(url)) {
      CellQueue queue = new CellQueue(store);
      List<FleetCell> cells =
          FleetDatabase.planner(3)
              .expand(FleetDatabase.tinyMatrix(2, List.of("tiny-a"), List.of(1L)), f -> List.of());
      queue.enqueue(cells.subList(0, 1), 3);
      Lease lease = queue.claim("w", TEST_CLASSES, null, LONG_LEASE).orElseThrow();
      assertThatThrownBy(() -> queue.complete(lease, TinyWorkload.record(cells.get(1), 0.5)))
          .hasMessageContaining("must have run id " + cells.get(0).runId());
      assertThat(FleetDatabase.count(url, "select count(*) from runs")).isZero();
    }
  }

  @Test
  void machineClassRoundTripsThroughItsKeyAndRejectsGarbage() {
    MachineClass m = new MachineClass("Weird | CPU", 4, List.of("avx", "avx2"));
    assertThat(MachineClass.parse(m.key())).isEqualTo(m);
    assertThat(MachineClass.parse("Some CPU|8c|"))
        .isEqualTo(new MachineClass("Some CPU", 8, List.of()));
    assertThatThrownBy(() -> MachineClass.parse("Some CPU|eight|avx"))
        .hasMessageContaining("found 'Some CPU|eight|avx'");
  }

  private static boolean expired(String url) {
    try {
      return FleetDatabase.count(
              url, "select count(*) from fleet_cells where lease_expires_at < now()")
          > 0;
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }
}
