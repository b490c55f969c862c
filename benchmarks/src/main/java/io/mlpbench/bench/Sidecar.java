package io.mlpbench.bench;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.mlpbench.core.launch.WorkerProtocol;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Map;

/**
 * Facts a benchmark fork reports beside JMH's numbers (peak RSS, the library that ran a GEMM): one
 * JSON object per line, appended to the file named by {@value #ENV} (set by {@link
 * BenchmarkRunner}; JMH forks inherit the environment), else printed as a protocol line.
 */
final class Sidecar {
  static final String ENV = "MLPBENCH_BENCH_SIDECAR";
  private static final ObjectMapper JSON = new ObjectMapper();

  private Sidecar() {}

  /** The record as the one JSON line {@link #append} writes. */
  static String format(Map<String, Object> record) {
    try {
      return JSON.writeValueAsString(record);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("sidecar record is not serializable: " + record, e);
    }
  }

  static void append(Map<String, Object> record) {
    try {
      String line = format(record);
      String file = System.getenv(ENV);
      if (file == null || file.isBlank()) {
        System.out.println(WorkerProtocol.PREFIX + line);
        return;
      }
      // Forks run one after another, so appending needs no lock.
      Files.writeString(
          Path.of(file),
          line + "\n",
          StandardCharsets.UTF_8,
          StandardOpenOption.CREATE,
          StandardOpenOption.APPEND);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot append to the benchmark sidecar file", e);
    }
  }
}
