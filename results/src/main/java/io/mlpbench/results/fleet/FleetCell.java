package io.mlpbench.results.fleet;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.mlpbench.results.env.HardwareClass;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * One cell of a planned release matrix: one measurement that a single machine runs in one go.
 * Accuracy cells train one route for one seed; throughput cells run the benchmarks runner once for
 * one route at one batch size and thread count (fork {@code replicate} of the plan's forks: the JVM
 * fork is the unit of replication, so each fork is its own cell and may run on another machine of
 * the same hardware class).
 *
 * @param plan the plan's name; two plans never share cells
 * @param framework framework name from the matrix config, e.g. "DL4J"
 * @param module the route module built against the release, e.g. "dl4j-impl"
 * @param release the release label, e.g. "1.0.0-M2.1"
 * @param properties the Maven property overrides that select the release (empty: the checkout's own
 *     build)
 * @param jdk the JDK feature release the route JVM runs on (a worker claims only cells of its own
 *     JDK; the exact vendor and version are recorded in the stored run)
 * @param replicate the seed of an accuracy cell, the fork number (1, 2, ...) of a throughput cell
 * @param profile benchmark profile of a throughput cell (null for accuracy)
 * @param epochs training epochs of an accuracy cell (0 for throughput)
 * @param benchmarks benchmarks of a throughput cell (empty for accuracy)
 * @param machine the machine part of the hardware class the cell is planned for
 */
public record FleetCell(
    String plan,
    String framework,
    String module,
    String release,
    Map<String, String> properties,
    String route,
    int jdk,
    int batch,
    int threads,
    Kind kind,
    long replicate,
    String profile,
    int epochs,
    List<String> benchmarks,
    MachineClass machine) {

  /** What a cell measures. */
  public enum Kind {
    ACCURACY,
    THROUGHPUT
  }

  // sorted keys, so the same cell always serialises (and hashes) the same way
  private static final ObjectMapper CANONICAL =
      new ObjectMapper().configure(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS, true);

  public FleetCell {
    properties = properties == null ? Map.of() : new TreeMap<>(properties);
    benchmarks = benchmarks == null ? List.of() : List.copyOf(benchmarks);
  }

  /**
   * The queue's unique key: a hash of everything that makes the cell, so planning is idempotent.
   */
  public String key() {
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256").digest(toJson().getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest, 0, 12);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JDK", e);
    }
  }

  /**
   * The run id of this cell's stored result: one per cell, so a result can never be stored twice.
   */
  public String runId() {
    return "fleet-" + key();
  }

  /** The hardware class a worker must have to run this cell. */
  public HardwareClass hardwareClass() {
    return machine.withJvm(jdk, threads);
  }

  /**
   * A one-line description for logs and status, e.g. "DL4J 1.0.0-M2 dl4j-fit jdk17 b128 t2 seed
   * 42".
   */
  public String label() {
    return framework
        + " "
        + release
        + " "
        + route
        + " jdk"
        + jdk
        + " b"
        + batch
        + " t"
        + threads
        + (kind == Kind.ACCURACY ? " seed " + replicate : " fork " + replicate);
  }

  public String toJson() {
    try {
      return CANONICAL.writeValueAsString(this);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot serialise cell " + label(), e);
    }
  }

  public static FleetCell fromJson(String json) {
    try {
      return CANONICAL.readValue(json, FleetCell.class);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("not a fleet cell: " + e.getOriginalMessage(), e);
    }
  }
}
