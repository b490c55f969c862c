package io.mlpbench.bench;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * What one JMH job produced: its results (JMH's own JSON objects, raw data included), the sidecar
 * records of its forks, and, if anything went wrong, why.
 *
 * @param exitCode the JMH host JVM's exit code; null if it was killed after the timeout
 * @param failure null when every expected result is there and the JVM exited with 0
 */
public record JobOutcome(
    JmhJob job,
    List<String> command,
    Map<String, String> appliedEnvironment,
    Integer exitCode,
    double seconds,
    List<JsonNode> results,
    List<JsonNode> sidecar,
    String failure,
    Path log) {

  public JobOutcome {
    command = List.copyOf(command);
    appliedEnvironment = Map.copyOf(appliedEnvironment);
    results = List.copyOf(results);
    sidecar = List.copyOf(sidecar);
  }

  public boolean failed() {
    return failure != null;
  }
}
