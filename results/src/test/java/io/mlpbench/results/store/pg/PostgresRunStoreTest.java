package io.mlpbench.results.store.pg;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mlpbench.results.model.RunRecord;
import io.mlpbench.results.store.InMemoryRunStore;
import io.mlpbench.results.store.RunPusher;
import io.mlpbench.results.store.RunQuery;
import io.mlpbench.results.store.RunStore;
import io.mlpbench.results.store.RunStoreContract;
import io.mlpbench.results.store.StoreException;
import io.mlpbench.results.store.TestRuns;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The store contract, concurrency, faults and hostile input against a real PostgreSQL 14. */
class PostgresRunStoreTest extends RunStoreContract {
  private static EmbeddedServer server;
  private static Path serverDir;

  @BeforeAll
  static void startServer() throws IOException {
    serverDir = Files.createTempDirectory("mlpbench-pg");
    server = EmbeddedServer.start(serverDir);
  }

  @AfterAll
  static void stopServer() throws IOException {
    server.close();
  }

  @Override
  protected RunStore emptyStore() throws Exception {
    return PostgresRunStore.open(server.newDatabase(), Map.of());
  }

  @Test
  void fourConcurrentWritersStoreExactlyTheirRunsOnce() throws Exception {
    String url = server.newDatabase();
    int writers = 4;
    int runsEach = 50;
    List<List<RunRecord>> batches = new ArrayList<>();
    for (int w = 0; w < writers; w++) {
      List<RunRecord> mine = new ArrayList<>();
      for (int i = 0; i < runsEach; i++) {
        mine.add(
            TestRuns.run(
                "w" + w + "-" + i,
                Instant.parse("2026-11-01T00:00:00Z").plusSeconds(w * 1000L + i),
                "route-" + (i % 7),
                "machine-" + w,
                null));
      }
      batches.add(mine);
    }
    long start = System.nanoTime();
    int[] firstPass = pushConcurrently(url, batches);
    double seconds = (System.nanoTime() - start) / 1e9;
    int[] secondPass = pushConcurrently(url, batches);
    try (PostgresRunStore store = PostgresRunStore.open(url, Map.of())) {
      assertThat(store.count()).as("runs stored by 4 writers x 50").isEqualTo(writers * runsEach);
      assertThat(store.list(RunQuery.ALL).runs())
          .extracting(RunRecord::runId)
          .doesNotHaveDuplicates();
    }
    assertThat(firstPass).containsOnly(runsEach);
    assertThat(secondPass).as("pushing the same runs again adds nothing").containsOnly(0);
    System.out.printf(
        "concurrency: %d writers x %d runs stored in %.2f s%n", writers, runsEach, seconds);
  }

  private static int[] pushConcurrently(String url, List<List<RunRecord>> batches)
      throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(batches.size());
    CountDownLatch go = new CountDownLatch(1);
    List<Future<Integer>> futures = new ArrayList<>();
    for (List<RunRecord> mine : batches) {
      futures.add(
          pool.submit(
              () -> {
                try (PostgresRunStore store = PostgresRunStore.open(url, Map.of())) {
                  go.await();
                  int added = 0;
                  for (RunRecord run : mine) {
                    added += store.append(run) ? 1 : 0;
                  }
                  return added;
                }
              }));
    }
    go.countDown();
    int[] added = new int[batches.size()];
    for (int i = 0; i < added.length; i++) {
      added[i] = futures.get(i).get();
    }
    pool.shutdown();
    return added;
  }

  @Test
  void serverStoppedMidPushFailsClearlyAndARetryPushesExactlyTheRest(@TempDir Path dir)
      throws Exception {
    int port;
    try (ServerSocket socket = new ServerSocket(0)) {
      port = socket.getLocalPort();
    }
    try (EmbeddedServer own = EmbeddedServer.restartable(dir.resolve("pgdata"), port)) {
      String url = own.newDatabase();
      List<RunRecord> localRuns = new ArrayList<>();
      for (int i = 0; i < 60; i++) {
        localRuns.add(
            TestRuns.run(
                "run-" + i,
                Instant.parse("2026-11-02T00:00:00Z").plusSeconds(i),
                "manual",
                "m1",
                null));
      }
      RunStore local = new InMemoryRunStore(localRuns);
      RunPusher.Summary first;
      try (PostgresRunStore remote = PostgresRunStore.open(url, Map.of())) {
        first =
            RunPusher.push(
                local,
                remote,
                handled -> {
                  if (handled == 25) {
                    try {
                      own.stop(); // the database goes away in the middle of the push
                    } catch (IOException e) {
                      throw new RuntimeException(e);
                    }
                  }
                });
      }
      assertThat(first.complete()).isFalse();
      assertThat(first.pushed()).isEqualTo(25);
      assertThat(first.describe()).contains("25 pushed").contains("run push again");
      assertThat(local.list(RunQuery.ALL).runs()).as("local records kept").hasSize(60);

      own.start();
      try (PostgresRunStore remote = PostgresRunStore.open(url, Map.of())) {
        assertThat(remote.count()).as("no partial run survived the stop").isEqualTo(25);
        RunPusher.Summary retry = RunPusher.push(local, remote, null);
        assertThat(retry.complete()).isTrue();
        assertThat(retry.pushed()).isEqualTo(35);
        assertThat(retry.skipped()).isEqualTo(25);
        assertThat(remote.count()).isEqualTo(60);
      }
    }
  }

  @Test
  void databaseWithANewerSchemaIsRefusedAndLeftUntouched() throws Exception {
    String url = server.newDatabase();
    try (PostgresRunStore store = PostgresRunStore.open(url, Map.of())) {
      store.append(
          TestRuns.run("keep-me", Instant.parse("2026-11-03T00:00:00Z"), "manual", "m1", null));
    }
    try (Connection c = DriverManager.getConnection(url);
        Statement s = c.createStatement()) {
      s.execute(
          "insert into flyway_schema_history (installed_rank, version, description, type, script,"
              + " checksum, installed_by, execution_time, success) values"
              + " (99, '99', 'from a newer suite', 'SQL', 'V99__future.sql', 0, 'postgres', 1, true)");
      s.execute("create table from_the_future (x int)");
    }
    assertThatThrownBy(() -> PostgresRunStore.open(url, Map.of()))
        .isInstanceOf(StoreException.class)
        .hasMessageContaining("schema version 99")
        .hasMessageContaining("upgrade mlp-bench");
    try (Connection c = DriverManager.getConnection(url);
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("select count(*) from runs")) {
      rs.next();
      assertThat(rs.getInt(1)).as("existing runs untouched").isEqualTo(1);
    }
  }

  @Test
  void passwordInTheUrlIsRefusedAndNeverEchoed() {
    assertThatThrownBy(
            () ->
                PostgresRunStore.open(
                    "jdbc:postgresql://db.example/runs?user=ci&password=s3cret", Map.of()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("PGPASSWORD")
        .hasMessageNotContaining("s3cret");
  }

  @Test
  void credentialsComeFromTheEnvironment() {
    var props =
        PostgresCredentials.from(
            "jdbc:postgresql://db.example/runs", Map.of("PGUSER", "ci", "PGPASSWORD", "pw"));
    assertThat(props.getProperty("user")).isEqualTo("ci");
    assertThat(props.getProperty("password")).isEqualTo("pw");
    assertThat(PostgresCredentials.redacted("jdbc:postgresql://db.example/runs?user=ci"))
        .isEqualTo("jdbc:postgresql://db.example/runs");
  }

  @Test
  void pushesAndListsAThousandRuns() throws Exception {
    String url = server.newDatabase();
    List<RunRecord> runs = new ArrayList<>();
    for (int i = 0; i < 1000; i++) {
      runs.add(
          TestRuns.run(
              "k" + i,
              Instant.parse("2026-10-01T00:00:00Z").plusSeconds(i * 60L),
              "route-" + (i % 7),
              "m" + (i % 3),
              null));
    }
    try (PostgresRunStore store = PostgresRunStore.open(url, Map.of())) {
      long start = System.nanoTime();
      RunPusher.Summary summary = RunPusher.push(new InMemoryRunStore(runs), store, null);
      double pushSeconds = (System.nanoTime() - start) / 1e9;
      start = System.nanoTime();
      List<RunRecord> read = store.list(RunQuery.ALL).runs();
      double listSeconds = (System.nanoTime() - start) / 1e9;
      assertThat(summary.pushed()).isEqualTo(1000);
      assertThat(read).hasSize(1000);
      System.out.printf("1000 runs: push %.2f s, list %.2f s%n", pushSeconds, listSeconds);
    }
  }
}
