package io.mlpbench.results.store.pg;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.mlpbench.results.cli.CliRun;
import io.mlpbench.results.cli.ExitCode;
import io.mlpbench.results.compare.ReportSection;
import io.mlpbench.results.history.FileRunStore;
import io.mlpbench.results.history.RunHistory;
import io.mlpbench.results.model.RunRecord;
import io.mlpbench.results.model.RunRecordJson;
import io.mlpbench.results.report.Table;
import io.mlpbench.results.store.InvalidRecordException;
import io.mlpbench.results.store.RunStore;
import io.mlpbench.results.store.RunStores;
import io.mlpbench.results.store.TestRuns;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The store faults of issue 17 against a real PostgreSQL: a NUL in one run, passwords in URLs, the
 * libpq URL form, and {@code run}/{@code compare} reading and writing the same selected store.
 */
class PostgresFaultsTest {
  private static final String SECRET = "S3cretPw";
  private static EmbeddedServer server;

  @BeforeAll
  static void startServer() throws IOException {
    server = EmbeddedServer.start(Files.createTempDirectory("mlpbench-pg-faults"));
  }

  @AfterAll
  static void stopServer() throws IOException {
    server.close();
  }

  private static RunRecord run(String id, int second, String note) {
    return TestRuns.run(
        id, Instant.parse("2026-11-06T00:00:00Z").plusSeconds(second), "manual", "m1", note);
  }

  @Test
  void aNulInOneRunRejectsThatRunOnlyAndTheStoreStaysUsable() throws Exception {
    try (PostgresRunStore store = PostgresRunStore.open(server.newDatabase(), Map.of())) {
      assertThatThrownBy(() -> store.append(run("nul", 0, "a\0b")))
          .isInstanceOf(InvalidRecordException.class)
          .hasMessageContaining("run nul cannot be stored: note contains the character U+0000");
      assertThat(store.append(run("fine", 1, "a b"))).isTrue();
      assertThat(store.count()).isEqualTo(1);
    }
  }

  @Test
  void pushSendsEveryGoodRunReportsTheBadOneAndExitsWithDataError(@TempDir Path dir)
      throws Exception {
    String url = server.newDatabase();
    FileRunStore local = new FileRunStore(dir);
    for (int i = 0; i < 5; i++) {
      local.append(run("good-" + i, i * 2, "note " + i));
    }
    // as an older suite (or a hand edit) could have left it: the file store no longer writes one
    RunRecord bad = run("bad", 5, "stack\0dump");
    Files.write(
        local.historyDir().resolve(FileRunStore.fileName(bad)),
        RunRecordJson.mapper().writeValueAsBytes(bad));
    Files.writeString(
        local.historyDir().resolve("20261106T000100Z_future.json"),
        "{\"schemaVersion\": 99, \"runId\": \"future\"}");
    String history = "--history-dir=" + local.historyDir();

    CliRun first = CliRun.of("push", history, "--store", url);
    assertThat(first.exit()).as(first.transcript()).isEqualTo(ExitCode.DATA.code);
    assertThat(first.err())
        .contains("push: rejected: run bad cannot be stored: note contains the character U+0000")
        .contains("push: skipped unreadable local record: 20261106T000100Z_future.json")
        .contains("2 local record(s) could not be pushed");
    assertThat(first.out()).contains("5 pushed, 0 already present, 1 rejected, of 6 runs");
    try (PostgresRunStore store = PostgresRunStore.open(url, Map.of())) {
      assertThat(store.count()).as("every good run, also those after the bad one").isEqualTo(5);
    }
    CliRun again = CliRun.of("push", history, "--store", url);
    assertThat(again.exit()).isEqualTo(ExitCode.DATA.code);
    assertThat(again.out()).contains("0 pushed, 5 already present, 1 rejected");
    assertThat(again.out() + again.err()).doesNotContain("run push again");
  }

  @Test
  void anUnknownSchemaBaselineInTheDatabaseDoesNotStopCompare(@TempDir Path dir) throws Exception {
    String url = server.newDatabase();
    try (PostgresRunStore store = PostgresRunStore.open(url, Map.of())) {
      store.append(run("base", 0, null));
      store.append(run("a", 60, null));
      store.append(run("b", 120, null));
      store.promoteBaseline("base");
    }
    try (java.sql.Connection c = java.sql.DriverManager.getConnection(url);
        java.sql.Statement st = c.createStatement()) {
      st.execute("update runs set schema_version = 99 where run_id = 'base'");
    }
    try (PostgresRunStore store = PostgresRunStore.open(url, Map.of())) {
      assertThat(store.list(io.mlpbench.results.store.RunQuery.ALL).problems())
          .singleElement()
          .asString()
          .contains("run base: record schema 99 is newer than this suite reads (1)");
      assertThatThrownBy(store::baseline)
          .isInstanceOf(io.mlpbench.results.store.CorruptRecordException.class);
    }
    CliRun compare =
        CliRun.of(
            "compare",
            "--store",
            url,
            "--out",
            dir.toString(),
            "--history-dir=" + dir.resolve("h"));
    assertThat(compare.exit()).as(compare.transcript()).isZero();
    assertThat(compare.err())
        .contains("baseline unreadable, compared with the recent history only");
    assertThat(compare.out()).contains("run b vs run a");
  }

  @Test
  void passwordsInTheUrlAreRefusedInEveryFormAndNeverEchoed() {
    int port = server.port();
    for (String url :
        List.of(
            "jdbc:postgresql://postgres:" + SECRET + "@localhost:" + port + "/postgres",
            "postgresql://postgres:" + SECRET + "@localhost:" + port + "/postgres",
            "jdbc:postgresql://localhost:" + port + "/postgres?password=" + SECRET)) {
      assertThatThrownBy(() -> RunStores.open(url, () -> null))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageNotContaining(SECRET);
      assertThatThrownBy(() -> PostgresRunStore.open(url, Map.of()))
          .hasMessageNotContaining(SECRET);
      CliRun cli = CliRun.of("history", "--store", url);
      assertThat(cli.exit()).isEqualTo(ExitCode.USAGE.code);
      assertThat(cli.out() + cli.err())
          .doesNotContain(SECRET)
          .contains("must not contain a password");
    }
  }

  @Test
  void theLibpqFormAndAUserNameInTheUrlWork() throws Exception {
    String jdbc = server.newDatabase(); // jdbc:postgresql://localhost:<port>/<db>?user=postgres
    String db = jdbc.substring(jdbc.lastIndexOf('/') + 1, jdbc.indexOf('?'));
    String libpq = "postgresql://postgres@localhost:" + server.port() + "/" + db;
    try (RunStore store = RunStores.open(libpq, () -> null)) {
      assertThat(store.append(run("libpq", 0, null))).isTrue();
      assertThat(store.describe()).doesNotContain("postgres@").contains("/" + db);
    }
    try (PostgresRunStore store = PostgresRunStore.open(jdbc, Map.of())) {
      assertThat(store.count()).isEqualTo(1);
    }
  }

  @Test
  void aStoppedServerIsAnInfrastructureErrorWithOneLine(@TempDir Path dir) throws Exception {
    int port;
    try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
      port = socket.getLocalPort();
    }
    String url;
    try (EmbeddedServer own = EmbeddedServer.restartable(dir.resolve("pg"), port)) {
      url = own.newDatabase();
    }
    CliRun cli = CliRun.of("compare", "--store", url);
    assertThat(cli.exit()).as(cli.transcript()).isEqualTo(ExitCode.INFRASTRUCTURE.code);
    List<String> lines = cli.errLines();
    assertThat(lines).as(cli.transcript()).hasSize(1);
    assertThat(lines.get(0))
        .startsWith("mlp-bench compare: cannot connect to or prepare the run store at PostgreSQL")
        .doesNotContain("?user=");
  }

  @Test
  void aRunIsRecordedInTheSelectedStoreAndComparedFromIt(@TempDir Path dir) throws Exception {
    String url = server.newDatabase();
    FileRunStore local = new FileRunStore(dir.resolve("results"));
    try (PostgresRunStore selected = PostgresRunStore.open(url, Map.of())) {
      RunRecord older = run("older", 0, null);
      selected.append(older);
      selected.promoteBaseline("older");
      RunRecord now = run("now", 60, null);
      ByteArrayOutputStream console = new ByteArrayOutputStream();
      RunHistory.record(
          local, selected, now, new PrintStream(console, true, StandardCharsets.UTF_8));
      assertThat(selected.find("now")).as("recorded in the selected store").isPresent();
      assertThat(local.find("now")).as("and kept in the local history").isPresent();
      assertThat(console.toString(StandardCharsets.UTF_8)).contains("in PostgreSQL");
      // the report's regression check reads the same store: its baseline is the database's
      List<Table> tables = ReportSection.tables(selected, now);
      assertThat(tables.toString()).contains("older");
    }
    CliRun compare =
        CliRun.of(
            "compare",
            "--store",
            url,
            "--history-dir=" + dir.resolve("elsewhere/history"),
            "--out",
            dir.resolve("out").toString());
    assertThat(compare.exit()).as(compare.transcript()).isZero();
    assertThat(compare.out()).contains("baseline older");
  }

  /**
   * The whole {@code run} job with {@code --store}: it records to the database and its compare
   * stage reads the database (before, it wrote files and compared from the database). Skipped when
   * manual-backprop is not built.
   */
  @Test
  void runRecordsToAndComparesFromTheSameSelectedStore(@TempDir Path dir) throws Exception {
    Path module = Path.of("").toAbsolutePath().getParent().resolve("manual-backprop");
    assumeTrue(
        Files.isRegularFile(module.resolve("target/route-classpath.txt")),
        "manual-backprop not built");
    Path root = Files.createDirectories(dir.resolve("checkout"));
    Files.createSymbolicLink(root.resolve("manual-backprop"), module);
    Files.createDirectories(root.resolve("core"));
    Files.writeString(root.resolve("pom.xml"), "<project/>");
    String url = server.newDatabase();
    String previousRoot = System.getProperty("mlpbench.root");
    CliRun run;
    try {
      System.setProperty("mlpbench.root", root.toString());
      run =
          CliRun.of(
              "run",
              "--skip-timing",
              "--routes",
              "manual",
              "--epochs",
              "1",
              "--hidden",
              "32",
              "--threads",
              "1",
              "--train-limit",
              "2000",
              "--store",
              url,
              "--out",
              dir.resolve("latest").toString());
    } finally {
      if (previousRoot == null) {
        System.clearProperty("mlpbench.root");
      } else {
        System.setProperty("mlpbench.root", previousRoot);
      }
    }
    assertThat(run.exit()).as(run.transcript()).isZero();
    assertThat(run.out()).containsPattern("compare +ok").contains("in PostgreSQL");
    try (PostgresRunStore store = PostgresRunStore.open(url, Map.of())) {
      List<RunRecord> runs = store.list(io.mlpbench.results.store.RunQuery.ALL).runs();
      assertThat(runs).hasSize(1);
      assertThat(runs.get(0).settings().trainLimit())
          .as("the smoke limit is recorded")
          .isEqualTo(2000);
    }
    try (var files = Files.list(root.resolve("results/history"))) {
      assertThat(files.filter(p -> p.toString().endsWith(".json"))).hasSize(1);
    }
  }
}
