package io.mlpbench.results.store.pg;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.mlpbench.results.model.AccuracyResult;
import io.mlpbench.results.model.EnvironmentRecord;
import io.mlpbench.results.model.RunRecord;
import io.mlpbench.results.model.RunRecordJson;
import io.mlpbench.results.model.ThroughputResult;
import io.mlpbench.results.store.CorruptRecordException;
import io.mlpbench.results.store.InvalidRecordException;
import io.mlpbench.results.store.RunQuery;
import io.mlpbench.results.store.RunStore;
import io.mlpbench.results.store.StorableText;
import io.mlpbench.results.store.StoreException;
import io.mlpbench.results.store.StoreUrls;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationState;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * Run history in PostgreSQL, for many machines writing at once. Each run is stored in one
 * transaction keyed by its run id ({@code on conflict do nothing}), so a retried or concurrent push
 * never duplicates a run and a lost connection leaves no partial one. The schema belongs to Flyway
 * migrations applied on first connect; a database migrated by a newer suite is refused, not
 * touched. Every value from a record goes through a bound parameter: names and notes are data,
 * never SQL.
 */
public final class PostgresRunStore implements RunStore {
  static final String MIGRATIONS = "classpath:db/migration/postgresql";
  private static final String DEFAULT_SLOT = "default";

  private final String url;
  private final PGSimpleDataSource dataSource;
  private final ObjectMapper json = RunRecordJson.mapper();
  private Connection connection;

  private PostgresRunStore(String url, PGSimpleDataSource dataSource) {
    this.url = url;
    this.dataSource = dataSource;
  }

  /**
   * Connects with credentials from the environment (see {@link PostgresCredentials}) and migrates.
   */
  public static PostgresRunStore open(String jdbcUrl) {
    return open(jdbcUrl, System.getenv());
  }

  static PostgresRunStore open(String jdbcUrl, Map<String, String> env) {
    if (!jdbcUrl.startsWith("jdbc:postgresql:")) {
      throw new IllegalArgumentException(
          "expected a store URL starting with jdbc:postgresql:, got '"
              + PostgresCredentials.redacted(jdbcUrl)
              + "'");
    }
    Properties credentials = PostgresCredentials.from(jdbcUrl, env);
    PGSimpleDataSource ds = new PGSimpleDataSource();
    ds.setURL(jdbcUrl);
    if (credentials.containsKey("user")) {
      ds.setUser(credentials.getProperty("user"));
    }
    if (credentials.containsKey("password")) {
      ds.setPassword(credentials.getProperty("password"));
    }
    PostgresRunStore store = new PostgresRunStore(jdbcUrl, ds);
    store.migrate();
    return store;
  }

  private void migrate() {
    Flyway flyway = Flyway.configure().dataSource(dataSource).locations(MIGRATIONS).load();
    try {
      for (MigrationInfo info : flyway.info().all()) {
        if (info.getState() == MigrationState.FUTURE_SUCCESS
            || info.getState() == MigrationState.FUTURE_FAILED) {
          throw new StoreException(
              "the run store at "
                  + describe()
                  + " has schema version "
                  + info.getVersion()
                  + " (\""
                  + info.getDescription()
                  + "\"), newer than this suite knows ("
                  + latestKnownVersion(flyway)
                  + "); upgrade mlp-bench to use it. Nothing was changed.");
        }
      }
      flyway.migrate();
    } catch (StoreException e) {
      throw e;
    } catch (RuntimeException e) {
      // Flyway's message repeats the URL (with any user-info); say it once, redacted, with the
      // cause
      throw new StoreException(
          "cannot connect to or prepare the run store at "
              + describe()
              + ": "
              + StoreUrls.scrub(rootMessage(e), url),
          e);
    }
  }

  private static String latestKnownVersion(Flyway flyway) {
    String latest = "none";
    for (MigrationInfo info : flyway.info().all()) {
      if (info.getState() != MigrationState.FUTURE_SUCCESS
          && info.getState() != MigrationState.FUTURE_FAILED
          && info.getVersion() != null) {
        latest = info.getVersion().toString();
      }
    }
    return latest;
  }

  @Override
  public synchronized boolean append(RunRecord run) {
    StorableText.check(run);
    String record = toJson(run);
    Connection c = connection();
    try {
      c.setAutoCommit(false);
      if (!insertRun(c, run, record)) {
        c.rollback();
        return false;
      }
      insertRoutes(c, run);
      insertResults(c, run);
      c.commit();
      return true;
    } catch (SQLException e) {
      rollbackQuietly(c);
      String message =
          "could not store run " + run.runId() + " in " + describe() + ": " + sqlMessage(e);
      // SQLSTATE class 22 (data exception) and 23 (integrity): this record, not the connection
      String state = e.getSQLState();
      if (state != null && (state.startsWith("22") || state.startsWith("23"))) {
        throw new InvalidRecordException(message, e);
      }
      throw new StoreException(message, e);
    }
  }

  /**
   * Stores {@code run} inside the caller's open transaction on {@code c}, neither committing nor
   * rolling back: for callers that must commit it together with rows of their own (the fleet queue
   * marks a cell done in the same transaction). Returns false when the run id is already present.
   */
  public boolean appendWithin(Connection c, RunRecord run) throws SQLException {
    if (!insertRun(c, run, toJson(run))) {
      return false;
    }
    insertRoutes(c, run);
    insertResults(c, run);
    return true;
  }

  /** A new connection to this store's database (auto-commit off), owned by the caller. */
  public Connection newConnection() throws SQLException {
    Connection c = dataSource.getConnection();
    c.setAutoCommit(false);
    return c;
  }

  private boolean insertRun(Connection c, RunRecord run, String record) throws SQLException {
    EnvironmentRecord env = run.environment();
    try (PreparedStatement s =
        c.prepareStatement(
            "insert into runs (run_id, schema_version, started_at, finished_at, kind, note,"
                + " machine_fingerprint, cpu_model, threads, suite_version, git_commit, hostname, record)"
                + " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb) on conflict (run_id) do nothing")) {
      s.setString(1, run.runId());
      s.setInt(2, run.schemaVersion());
      s.setTimestamp(3, timestamp(run.startedAt()));
      s.setTimestamp(4, timestamp(run.finishedAt()));
      s.setString(5, run.kind());
      s.setString(6, run.note());
      s.setString(7, env == null ? null : env.machineFingerprint());
      s.setString(8, env == null ? null : env.cpuModel());
      if (env == null) {
        s.setNull(9, Types.INTEGER);
      } else {
        s.setInt(9, env.threads());
      }
      s.setString(10, env == null ? null : env.suiteVersion());
      s.setString(11, env == null ? null : env.gitCommit());
      s.setString(12, env == null ? null : env.hostname());
      s.setString(13, record);
      return s.executeUpdate() == 1;
    }
  }

  private void insertRoutes(Connection c, RunRecord run) throws SQLException {
    Map<String, String[]> routes = new LinkedHashMap<>();
    for (AccuracyResult a : run.accuracy()) {
      routes.putIfAbsent(a.route(), new String[] {a.framework(), a.frameworkVersion(), a.style()});
    }
    Map<String, String> versions =
        run.environment() == null || run.environment().frameworkVersions() == null
            ? Map.of()
            : run.environment().frameworkVersions();
    for (ThroughputResult t : run.throughput()) {
      routes.putIfAbsent(t.route(), new String[] {null, versions.get(t.route()), null});
    }
    try (PreparedStatement s =
        c.prepareStatement(
            "insert into run_routes (run_id, route, framework, framework_version, style)"
                + " values (?, ?, ?, ?, ?)")) {
      for (Map.Entry<String, String[]> e : routes.entrySet()) {
        s.setString(1, run.runId());
        s.setString(2, e.getKey());
        s.setString(3, e.getValue()[0]);
        s.setString(4, e.getValue()[1] != null ? e.getValue()[1] : versions.get(e.getKey()));
        s.setString(5, e.getValue()[2]);
        s.addBatch();
      }
      s.executeBatch();
    }
  }

  private void insertResults(Connection c, RunRecord run) throws SQLException {
    try (PreparedStatement s =
        c.prepareStatement(
            "insert into results (run_id, route, metric, batch_size, threads, seed, value, error, unit,"
                + " status, failure, raw_samples) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
      for (AccuracyResult a : run.accuracy()) {
        addResult(
            s,
            run.runId(),
            a.route(),
            "test_accuracy",
            null,
            a.threads(),
            a.seed(),
            a.finalTestAccuracy(),
            null,
            "fraction",
            a.status(),
            a.failure(),
            null);
        if (a.secondsTo97() != null) {
          addResult(
              s,
              run.runId(),
              a.route(),
              "seconds_to_97",
              null,
              a.threads(),
              a.seed(),
              a.secondsTo97(),
              null,
              "s",
              a.status(),
              null,
              null);
        }
      }
      for (ThroughputResult t : run.throughput()) {
        addResult(
            s,
            run.runId(),
            t.route(),
            t.benchmark(),
            t.batchSize(),
            t.threads(),
            null,
            t.score(),
            t.scoreError(),
            t.unit(),
            t.status() == null ? "ok" : t.status(),
            t.failure(),
            t.rawSamples() == null ? null : c.createArrayOf("float8", t.rawSamples().toArray()));
      }
      s.executeBatch();
    }
  }

  private static void addResult(
      PreparedStatement s,
      String runId,
      String route,
      String metric,
      Integer batchSize,
      int threads,
      Long seed,
      Double value,
      Double error,
      String unit,
      String status,
      String failure,
      Array raw)
      throws SQLException {
    s.setString(1, runId);
    s.setString(2, route);
    s.setString(3, metric);
    setInteger(s, 4, batchSize);
    s.setInt(5, threads);
    if (seed == null) {
      s.setNull(6, Types.BIGINT);
    } else {
      s.setLong(6, seed);
    }
    setDouble(s, 7, value);
    setDouble(s, 8, error);
    s.setString(9, unit);
    s.setString(10, status == null ? "ok" : status);
    s.setString(11, failure);
    if (raw == null) {
      s.setNull(12, Types.ARRAY);
    } else {
      s.setArray(12, raw);
    }
    s.addBatch();
  }

  @Override
  public synchronized ReadResult list(RunQuery query) {
    RunQuery q = query == null ? RunQuery.ALL : query;
    String sql =
        "select run_id, schema_version, record::text from runs r"
            + " where (cast(? as text) is null or r.machine_fingerprint = ?)"
            + " and (cast(? as text) is null or r.suite_version = ?)"
            + " and (cast(? as text) is null or exists (select 1 from run_routes x"
            + "      where x.run_id = r.run_id and x.route = ?))"
            + " and (cast(? as text) is null or exists (select 1 from run_routes x"
            + "      where x.run_id = r.run_id and x.framework_version = ?))"
            + " order by r.started_at desc nulls last, r.run_id desc"
            + (q.limit() == null ? "" : " limit ?");
    List<RunRecord> runs = new ArrayList<>();
    List<String> problems = new ArrayList<>();
    try (PreparedStatement s = connection().prepareStatement(sql)) {
      int i = 1;
      for (String value :
          new String[] {
            q.machineFingerprint(), q.suiteVersion(), q.route(), q.frameworkVersion()
          }) {
        s.setString(i++, value);
        s.setString(i++, value);
      }
      if (q.limit() != null) {
        s.setInt(i, q.limit());
      }
      try (ResultSet rs = s.executeQuery()) {
        while (rs.next()) {
          String runId = rs.getString(1);
          try {
            runs.add(decode(runId, rs.getInt(2), rs.getString(3)));
          } catch (CorruptRecordException e) {
            problems.add(e.getMessage() + "; skipped");
          }
        }
      }
      connection().commit();
    } catch (SQLException e) {
      rollbackQuietly(connection);
      throw new StoreException(
          "could not read runs from " + describe() + ": " + StoreUrls.scrub(e.getMessage(), url),
          e);
    }
    Collections.reverse(runs); // oldest first, as the contract says
    return new ReadResult(runs, problems);
  }

  @Override
  public synchronized Optional<RunRecord> find(String runId) {
    try (PreparedStatement s =
        connection()
            .prepareStatement(
                "select run_id, schema_version, record::text from runs where run_id = ?")) {
      s.setString(1, runId);
      try (ResultSet rs = s.executeQuery()) {
        Optional<RunRecord> result =
            rs.next()
                ? Optional.of(decode(rs.getString(1), rs.getInt(2), rs.getString(3)))
                : Optional.empty();
        connection().commit();
        return result;
      }
    } catch (SQLException e) {
      rollbackQuietly(connection);
      throw new StoreException(
          "could not read run "
              + runId
              + " from "
              + describe()
              + ": "
              + StoreUrls.scrub(e.getMessage(), url),
          e);
    }
  }

  @Override
  public synchronized Optional<RunRecord> baseline() {
    try (PreparedStatement s =
        connection()
            .prepareStatement(
                "select r.run_id, r.schema_version, r.record::text from baselines b"
                    + " join runs r on r.run_id = b.run_id where b.slot = ?")) {
      s.setString(1, DEFAULT_SLOT);
      try (ResultSet rs = s.executeQuery()) {
        Optional<RunRecord> result =
            rs.next()
                ? Optional.of(decode(rs.getString(1), rs.getInt(2), rs.getString(3)))
                : Optional.empty();
        connection().commit();
        return result;
      }
    } catch (SQLException e) {
      rollbackQuietly(connection);
      throw new StoreException(
          "could not read the baseline from "
              + describe()
              + ": "
              + StoreUrls.scrub(e.getMessage(), url),
          e);
    }
  }

  @Override
  public synchronized void promoteBaseline(String runId) {
    Connection c = connection();
    try (PreparedStatement exists = c.prepareStatement("select 1 from runs where run_id = ?");
        PreparedStatement upsert =
            c.prepareStatement(
                "insert into baselines (slot, run_id) values (?, ?)"
                    + " on conflict (slot) do update set run_id = excluded.run_id")) {
      exists.setString(1, runId);
      try (ResultSet rs = exists.executeQuery()) {
        if (!rs.next()) {
          c.rollback();
          throw new StoreException("no run '" + runId + "' in " + describe());
        }
      }
      upsert.setString(1, DEFAULT_SLOT);
      upsert.setString(2, runId);
      upsert.executeUpdate();
      c.commit();
    } catch (SQLException e) {
      rollbackQuietly(c);
      throw new StoreException(
          "could not promote run "
              + runId
              + " in "
              + describe()
              + ": "
              + StoreUrls.scrub(e.getMessage(), url),
          e);
    }
  }

  /** Number of stored runs (for push summaries and tests). */
  public synchronized int count() {
    try (PreparedStatement s = connection().prepareStatement("select count(*) from runs");
        ResultSet rs = s.executeQuery()) {
      rs.next();
      int n = rs.getInt(1);
      connection().commit();
      return n;
    } catch (SQLException e) {
      rollbackQuietly(connection);
      throw new StoreException(
          "could not count runs in " + describe() + ": " + StoreUrls.scrub(e.getMessage(), url), e);
    }
  }

  @Override
  public String describe() {
    return "PostgreSQL " + PostgresCredentials.redacted(url);
  }

  @Override
  public synchronized void close() {
    if (connection != null) {
      try {
        connection.close();
      } catch (SQLException ignored) {
        // closing a broken connection: nothing left to release
      }
      connection = null;
    }
  }

  /** The open connection, reopened if the last one broke (e.g. the server restarted). */
  private Connection connection() {
    try {
      if (connection == null || connection.isClosed() || !connection.isValid(5)) {
        close();
        connection = dataSource.getConnection();
        connection.setAutoCommit(false);
      }
      return connection;
    } catch (SQLException e) {
      throw new StoreException("cannot connect to " + describe() + ": " + sqlMessage(e), e);
    }
  }

  private String toJson(RunRecord run) {
    try {
      return json.writeValueAsString(run);
    } catch (JsonProcessingException e) {
      throw new StoreException("cannot serialise run " + run.runId() + ": " + e.getMessage(), e);
    }
  }

  private static Timestamp timestamp(Instant instant) {
    return instant == null ? null : Timestamp.from(instant);
  }

  private static void setInteger(PreparedStatement s, int index, Integer value)
      throws SQLException {
    if (value == null) {
      s.setNull(index, Types.INTEGER);
    } else {
      s.setInt(index, value);
    }
  }

  private static void setDouble(PreparedStatement s, int index, Double value) throws SQLException {
    if (value == null || value.isNaN()) {
      s.setNull(index, Types.DOUBLE);
    } else {
      s.setDouble(index, value);
    }
  }

  private static void rollbackQuietly(Connection c) {
    if (c != null) {
      try {
        c.rollback();
      } catch (SQLException ignored) {
        // the connection is gone; the server discards the open transaction itself
      }
    }
  }

  /**
   * A stored record as a run, with the file history's schema rules: a version this suite does not
   * know (newer, or below 1) or an unreadable body is refused, naming the run.
   */
  private RunRecord decode(String runId, int version, String record) {
    if (version > RunRecord.SCHEMA_VERSION || version < 1) {
      throw new CorruptRecordException(
          "run "
              + runId
              + ": record schema "
              + version
              + (version > RunRecord.SCHEMA_VERSION
                  ? " is newer than this suite reads (" + RunRecord.SCHEMA_VERSION + ")"
                  : " is unknown (expected 1.." + RunRecord.SCHEMA_VERSION + ")"));
    }
    try {
      return json.readValue(record, RunRecord.class);
    } catch (JsonProcessingException e) {
      throw new CorruptRecordException(
          "run " + runId + ": unreadable record: " + e.getOriginalMessage());
    }
  }

  private String sqlMessage(Exception e) {
    return StoreUrls.scrub(e.getMessage(), url);
  }

  private static String rootMessage(Throwable t) {
    Throwable root = t;
    while (root.getCause() != null) {
      root = root.getCause();
    }
    return root.getMessage();
  }
}
