package io.mlpbench.results.store.pg;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A real PostgreSQL server (the zonky binaries from Maven, no Docker) for the store tests, with a
 * fresh database per test so tests never see each other's runs.
 */
public final class EmbeddedServer implements AutoCloseable {
  private static final AtomicInteger DATABASES = new AtomicInteger();
  private final Path dataDir;
  private final int port;
  private EmbeddedPostgres postgres;

  private EmbeddedServer(Path dataDir, int port) throws IOException {
    this.dataDir = dataDir;
    this.port = port;
    start();
  }

  /** A server on a random port with a throwaway data directory. */
  public static EmbeddedServer start(Path dataDir) throws IOException {
    return new EmbeddedServer(dataDir, 0);
  }

  void start() throws IOException {
    EmbeddedPostgres.Builder builder =
        EmbeddedPostgres.builder().setDataDirectory(dataDir).setCleanDataDirectory(false);
    if (port != 0) {
      builder.setPort(port);
    }
    postgres = builder.start();
  }

  /** Stops the server, keeping its data directory, as a crash or a restart would. */
  void stop() throws IOException {
    postgres.close();
    postgres = null;
  }

  /** A restartable server: fixed port and data dir, so the same URL works after stop/start. */
  static EmbeddedServer restartable(Path dataDir, int port) throws IOException {
    return new EmbeddedServer(dataDir, port);
  }

  int port() {
    return postgres.getPort();
  }

  /** Creates a new empty database and returns its JDBC URL (user postgres, trust auth). */
  public String newDatabase() throws SQLException {
    String name = "runs_" + DATABASES.incrementAndGet();
    try (Connection c = postgres.getPostgresDatabase().getConnection();
        Statement s = c.createStatement()) {
      s.execute("create database " + name); // name is generated here, never user input
    }
    return postgres.getJdbcUrl("postgres", name);
  }

  @Override
  public void close() throws IOException {
    if (postgres != null) {
      postgres.close();
    }
  }
}
