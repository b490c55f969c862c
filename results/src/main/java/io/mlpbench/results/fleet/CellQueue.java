package io.mlpbench.results.fleet;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.mlpbench.results.model.AccuracyResult;
import io.mlpbench.results.model.RunRecord;
import io.mlpbench.results.model.ThroughputResult;
import io.mlpbench.results.store.StoreException;
import io.mlpbench.results.store.pg.PostgresRunStore;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The fleet's work queue in PostgreSQL (table {@code fleet_cells}, migration V2): enqueue, claim
 * with {@code FOR UPDATE SKIP LOCKED}, renew, complete, fail and release. Lease expiry is judged by
 * the database server's clock ({@code now()}), so workers' clocks never need to agree. Every call
 * uses a connection of its own, so a worker's main thread, heartbeat and shutdown hook can use one
 * queue at once.
 */
public final class CellQueue {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String NO_LEASE =
      "lease_owner = null, lease_token = null, lease_expires_at = null";

  private final PostgresRunStore store;

  /** A queue in the database of {@code store} (opening the store applied the migrations). */
  public CellQueue(PostgresRunStore store) {
    this.store = store;
  }

  /** Queue status counts, in the order queued, running, done, failed. */
  public record Counts(int queued, int running, int done, int failed) {
    public int total() {
      return queued + running + done + failed;
    }
  }

  /** One row of {@code matrix --status}: a worker and its cells by status. */
  public record WorkerCounts(String worker, Counts counts) {}

  /** A cell as the report sees it. */
  public record CellState(
      FleetCell cell, String status, int attempts, String lastError, String resultRunId) {}

  /** Adds the cells not already queued (by key) with {@code maxAttempts}; returns how many. */
  public int enqueue(List<FleetCell> cells, int maxAttempts) {
    return inTransaction(
        "enqueue cells",
        c -> {
          int added = 0;
          try (PreparedStatement s =
              c.prepareStatement(
                  "insert into fleet_cells (cell_key, plan, label, cell, hardware_class, max_attempts)"
                      + " values (?, ?, ?, ?::jsonb, ?, ?) on conflict (cell_key) do nothing")) {
            for (FleetCell cell : cells) {
              s.setString(1, cell.key());
              s.setString(2, cell.plan());
              s.setString(3, cell.label());
              s.setString(4, cell.toJson());
              s.setString(5, cell.hardwareClass().key());
              s.setInt(6, maxAttempts);
              added += s.executeUpdate();
            }
          }
          return added;
        });
  }

  /**
   * Claims the oldest cell of one of {@code hardwareClasses} (and of {@code plan}, unless null)
   * that is queued, or running under an expired lease, with attempts left. First fails the cells
   * whose last attempt's worker was lost (lease expired, no attempts left).
   */
  public Optional<Lease> claim(
      String worker, Collection<String> hardwareClasses, String plan, Duration lease) {
    return inTransaction(
        "claim a cell",
        c -> {
          String[] classes = hardwareClasses.toArray(String[]::new);
          try (PreparedStatement s =
              c.prepareStatement(
                  "update fleet_cells set status = 'failed', finished_at = now(), last_error ="
                      + " 'lease of ' || coalesce(lease_owner, '?') || ' expired on the last attempt ('"
                      + " || attempts || ' of ' || max_attempts || '): worker lost', "
                      + NO_LEASE
                      + " where cell_key in (select cell_key from fleet_cells where status = 'running'"
                      + " and lease_expires_at < now() and attempts >= max_attempts"
                      + " and hardware_class = any(?) for update skip locked)")) {
            s.setArray(1, c.createArrayOf("text", classes));
            s.executeUpdate();
          }
          String key;
          try (PreparedStatement s =
              c.prepareStatement(
                  "select cell_key from fleet_cells where hardware_class = any(?)"
                      + " and (cast(? as text) is null or plan = ?)"
                      + " and (status = 'queued' or (status = 'running' and lease_expires_at < now()))"
                      + " and attempts < max_attempts"
                      + " order by seq limit 1 for update skip locked")) {
            s.setArray(1, c.createArrayOf("text", classes));
            s.setString(2, plan);
            s.setString(3, plan);
            try (ResultSet rs = s.executeQuery()) {
              if (!rs.next()) {
                return Optional.empty();
              }
              key = rs.getString(1);
            }
          }
          UUID token = UUID.randomUUID();
          try (PreparedStatement s =
              c.prepareStatement(
                  "update fleet_cells set status = 'running', attempts = attempts + 1,"
                      + " last_error = case when status = 'running' then 'lease of ' || lease_owner"
                      + " || ' expired on attempt ' || attempts else last_error end,"
                      + " lease_owner = ?, lease_token = ?, lease_expires_at = now() + make_interval(secs => ?),"
                      + " worker = ?, claimed_at = now(), finished_at = null"
                      + " where cell_key = ? returning cell::text, attempts, max_attempts")) {
            s.setString(1, worker);
            s.setObject(2, token);
            s.setDouble(3, seconds(lease));
            s.setString(4, worker);
            s.setString(5, key);
            try (ResultSet rs = s.executeQuery()) {
              rs.next();
              return Optional.of(
                  new Lease(
                      key,
                      token,
                      worker,
                      FleetCell.fromJson(rs.getString(1)),
                      rs.getInt(2),
                      rs.getInt(3)));
            }
          }
        });
  }

  /** Extends the lease by {@code lease} from now; false when it is no longer this lease's. */
  public boolean renew(Lease held, Duration lease) {
    return inTransaction(
        "renew the lease of " + held.cellKey(),
        c -> {
          try (PreparedStatement s =
              c.prepareStatement(
                  "update fleet_cells set lease_expires_at = now() + make_interval(secs => ?)"
                      + " where cell_key = ? and lease_token = ? and status = 'running'")) {
            s.setDouble(1, seconds(lease));
            s.setString(2, held.cellKey());
            s.setObject(3, held.token());
            return s.executeUpdate() == 1;
          }
        });
  }

  /**
   * Stores {@code result} in the run store and marks the cell done, in one transaction, only while
   * {@code held} is still the cell's lease. Returns false (and stores nothing) when the lease was
   * lost, e.g. it expired and another worker claimed the cell.
   */
  public boolean complete(Lease held, RunRecord result) {
    if (!held.cell().runId().equals(result.runId())) {
      // the cell's own run id is what makes a second result of the same cell impossible
      throw new IllegalArgumentException(
          "the result of "
              + held.cell().label()
              + " must have run id "
              + held.cell().runId()
              + ", found "
              + result.runId());
    }
    return inTransaction(
        "store the result of " + held.cell().label(),
        c -> {
          try (PreparedStatement s =
              c.prepareStatement(
                  "select 1 from fleet_cells where cell_key = ? and lease_token = ?"
                      + " and status = 'running' for update")) {
            s.setString(1, held.cellKey());
            s.setObject(2, held.token());
            try (ResultSet rs = s.executeQuery()) {
              if (!rs.next()) {
                c.rollback();
                return false;
              }
            }
          }
          if (!store.appendWithin(c, result)) {
            // the cell's run id is unique to it, and only this transaction (holding the row lock
            // and the lease) may write it: a present run means someone pushed it by hand
            c.rollback();
            throw new StoreException(
                "run " + result.runId() + " of cell " + held.cell().label() + " is already stored");
          }
          try (PreparedStatement s =
              c.prepareStatement(
                  "update fleet_cells set status = 'done', finished_at = now(), result_run_id = ?,"
                      + " result = ?::jsonb, "
                      + NO_LEASE
                      + " where cell_key = ?")) {
            s.setString(1, result.runId());
            s.setString(2, summary(result));
            s.setString(3, held.cellKey());
            s.executeUpdate();
          }
          return true;
        });
  }

  /**
   * Records a failed attempt: the cell is queued again while attempts are left, else failed with
   * {@code error}. Returns the new status, or empty when the lease was no longer held.
   */
  public Optional<String> fail(Lease held, String error) {
    return inTransaction(
        "record the failure of " + held.cell().label(),
        c -> {
          try (PreparedStatement s =
              c.prepareStatement(
                  "update fleet_cells set last_error = ?,"
                      + " status = case when attempts >= max_attempts then 'failed' else 'queued' end,"
                      + " finished_at = case when attempts >= max_attempts then now() end, "
                      + NO_LEASE
                      + " where cell_key = ? and lease_token = ? and status = 'running'"
                      + " returning status")) {
            s.setString(1, error);
            s.setString(2, held.cellKey());
            s.setObject(3, held.token());
            try (ResultSet rs = s.executeQuery()) {
              return rs.next() ? Optional.of(rs.getString(1)) : Optional.<String>empty();
            }
          }
        });
  }

  /**
   * Gives the cell back unfinished (a worker asked to stop): queued again, and the attempt not
   * counted, since nothing about the cell failed. False when the lease was no longer held.
   */
  public boolean release(Lease held) {
    return inTransaction(
        "release " + held.cell().label(),
        c -> {
          try (PreparedStatement s =
              c.prepareStatement(
                  "update fleet_cells set status = 'queued', attempts = greatest(attempts - 1, 0), "
                      + NO_LEASE
                      + " where cell_key = ? and lease_token = ? and status = 'running'")) {
            s.setString(1, held.cellKey());
            s.setObject(2, held.token());
            return s.executeUpdate() == 1;
          }
        });
  }

  /** Cells of {@code hardwareClasses} still queued or running (the worker's "anything left?"). */
  public int unfinished(Collection<String> hardwareClasses, String plan) {
    return inTransaction(
        "count unfinished cells",
        c -> {
          try (PreparedStatement s =
              c.prepareStatement(
                  "select count(*) from fleet_cells where status in ('queued', 'running')"
                      + " and hardware_class = any(?) and (cast(? as text) is null or plan = ?)")) {
            s.setArray(1, c.createArrayOf("text", hardwareClasses.toArray(String[]::new)));
            s.setString(2, plan);
            s.setString(3, plan);
            try (ResultSet rs = s.executeQuery()) {
              rs.next();
              return rs.getInt(1);
            }
          }
        });
  }

  /** Cells by status, over the plan (or every plan when null). */
  public Counts counts(String plan) {
    int[] n = new int[4];
    for (WorkerCounts w : perWorker(plan)) {
      n[0] += w.counts().queued();
      n[1] += w.counts().running();
      n[2] += w.counts().done();
      n[3] += w.counts().failed();
    }
    return new Counts(n[0], n[1], n[2], n[3]);
  }

  /** Cells by status per worker (the worker of the latest attempt; "-" for never claimed). */
  public List<WorkerCounts> perWorker(String plan) {
    List<WorkerCounts> rows = new ArrayList<>();
    countsBy(plan).forEach((w, n) -> rows.add(new WorkerCounts(w, n)));
    return rows;
  }

  private Map<String, Counts> countsBy(String plan) {
    return inTransaction(
        "count cells",
        c -> {
          Map<String, int[]> raw = new LinkedHashMap<>();
          try (PreparedStatement s =
              c.prepareStatement(
                  "select coalesce(worker, '-') as g, status, count(*) from fleet_cells"
                      + " where (cast(? as text) is null or plan = ?) group by g, status order by g")) {
            s.setString(1, plan);
            s.setString(2, plan);
            try (ResultSet rs = s.executeQuery()) {
              while (rs.next()) {
                int[] n = raw.computeIfAbsent(rs.getString(1), k -> new int[4]);
                n[List.of("queued", "running", "done", "failed").indexOf(rs.getString(2))] +=
                    rs.getInt(3);
              }
            }
          }
          Map<String, Counts> counts = new LinkedHashMap<>();
          raw.forEach((k, n) -> counts.put(k, new Counts(n[0], n[1], n[2], n[3])));
          return counts;
        });
  }

  /** Every cell of the plan (or of every plan when null), oldest first. */
  public List<CellState> cells(String plan) {
    return inTransaction(
        "read cells",
        c -> {
          List<CellState> cells = new ArrayList<>();
          try (PreparedStatement s =
              c.prepareStatement(
                  "select cell::text, status, attempts, last_error, result_run_id from fleet_cells"
                      + " where (cast(? as text) is null or plan = ?) order by seq")) {
            s.setString(1, plan);
            s.setString(2, plan);
            try (ResultSet rs = s.executeQuery()) {
              while (rs.next()) {
                cells.add(
                    new CellState(
                        FleetCell.fromJson(rs.getString(1)),
                        rs.getString(2),
                        rs.getInt(3),
                        rs.getString(4),
                        rs.getString(5)));
              }
            }
          }
          return cells;
        });
  }

  public String describe() {
    return store.describe();
  }

  /** The few numbers of a result worth seeing without opening the run. */
  private static String summary(RunRecord run) {
    Map<String, Object> s = new LinkedHashMap<>();
    s.put("runId", run.runId());
    for (AccuracyResult a : run.accuracy()) {
      s.put("status", a.status());
      s.put("testAccuracy", a.finalTestAccuracy());
    }
    for (ThroughputResult t : run.throughput()) {
      s.put(t.benchmark() + "." + t.unit(), t.score());
    }
    try {
      return JSON.writeValueAsString(s);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot serialise a summary of " + run.runId(), e);
    }
  }

  private static double seconds(Duration d) {
    return d.toMillis() / 1000.0;
  }

  private interface Work<T> {
    T run(Connection c) throws SQLException;
  }

  private <T> T inTransaction(String what, Work<T> work) {
    try (Connection c = store.newConnection()) {
      try {
        T result = work.run(c);
        c.commit();
        return result;
      } catch (SQLException | RuntimeException e) {
        try {
          c.rollback();
        } catch (SQLException ignored) {
          // the connection is gone; the server discards the open transaction itself
        }
        throw e;
      }
    } catch (SQLException e) {
      throw new StoreException(
          "could not " + what + " in " + store.describe() + ": " + e.getMessage(), e);
    }
  }
}
