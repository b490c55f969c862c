package io.mlpbench.results.fleet;

import io.mlpbench.results.matrix.MatrixConfig;
import io.mlpbench.results.store.pg.EmbeddedServer;
import java.io.IOException;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;

/** The embedded PostgreSQL of the fleet tests, tiny plans, and plain-SQL checks on the queue. */
final class FleetDatabase {
  private static EmbeddedServer server;

  private FleetDatabase() {}

  /** A fresh database on the shared embedded server (started on first use). */
  static synchronized String newDatabase() throws IOException, SQLException {
    if (server == null) {
      server = EmbeddedServer.start(Files.createTempDirectory("mlpbench-fleet-pg"));
      Runtime.getRuntime().addShutdownHook(new Thread(FleetDatabase::stopQuietly));
    }
    return server.newDatabase();
  }

  private static void stopQuietly() {
    try {
      server.close();
    } catch (IOException ignored) {
      // the test JVM is exiting; the data directory is a temp directory
    }
  }

  /**
   * A matrix of {@code versions} releases x {@code routes} routes of one framework, with the given
   * seeds and one epoch (accuracy cells only unless the plan asks for forks).
   */
  static MatrixConfig tinyMatrix(int versions, List<String> routes, List<Long> seeds) {
    List<MatrixConfig.Version> v =
        java.util.stream.IntStream.rangeClosed(1, versions)
            .mapToObj(i -> new MatrixConfig.Version("v" + i, Map.of("tiny.version", "v" + i)))
            .toList();
    return new MatrixConfig(
        "smoke",
        List.of("train"),
        1,
        seeds,
        0,
        List.of(new MatrixConfig.Framework("Tiny", "tiny-impl", routes, v)));
  }

  static FleetPlanner planner(int maxAttempts) {
    return new FleetPlanner(
        "test", TinyWorkload.MACHINE, List.of(TinyWorkload.JDK), List.of(128), 0, maxAttempts);
  }

  static long count(String url, String sql) throws SQLException {
    try (Connection c = DriverManager.getConnection(url);
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery(sql)) {
      rs.next();
      return rs.getLong(1);
    }
  }

  static String text(String url, String sql) throws SQLException {
    try (Connection c = DriverManager.getConnection(url);
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery(sql)) {
      return rs.next() ? rs.getString(1) : null;
    }
  }

  /**
   * Waits until {@code condition} holds; the limit only keeps a broken test from hanging (on a
   * loaded 2-core machine JVM starts take seconds), nothing asserts how long it took.
   */
  static void await(String what, BooleanSupplier condition) throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("timed out waiting until " + what);
      }
      Thread.sleep(50);
    }
  }
}
