package io.mlpbench.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.mlpbench.core.launch.RouteJvm;
import io.mlpbench.core.launch.RouteModule;
import io.mlpbench.core.launch.WorkerProtocol;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * Which {@link io.mlpbench.core.GemmProvider}s a route module offers, asked in the module's own JVM
 * ({@link #main} runs there and prints one protocol line per library).
 */
public final class GemmProbe {
  private static final ObjectMapper JSON = new ObjectMapper();

  private GemmProbe() {}

  public static void main(String[] args) throws Exception {
    for (String library : GemmPeakBenchmark.libraries()) {
      System.out.println(WorkerProtocol.PREFIX + JSON.writeValueAsString(library));
    }
  }

  /** Asks the module's JVM which GEMM libraries it offers (usually none or one). */
  static List<String> libraries(RouteModule module, Set<String> problems) {
    ProcessBuilder builder =
        RouteJvm.builder(
            module,
            JmhClasspath.entries(),
            Map.of(),
            List.of(),
            GemmProbe.class.getName(),
            List.of());
    builder.redirectErrorStream(true);
    List<String> libraries = new ArrayList<>();
    StringBuilder other = new StringBuilder();
    try {
      Process process = builder.start();
      try (BufferedReader reader =
          new BufferedReader(
              new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
        String line;
        while ((line = reader.readLine()) != null) {
          if (WorkerProtocol.isMessage(line)) {
            libraries.add(JSON.readValue(WorkerProtocol.payload(line), String.class));
          } else if (other.length() < 2000) {
            other.append(line).append(' ');
          }
        }
      }
      if (!process.waitFor(2, TimeUnit.MINUTES)) {
        process.destroyForcibly();
        problems.add(module.name() + ": GEMM probe timed out");
      } else if (process.exitValue() != 0) {
        problems.add(
            module.name()
                + ": GEMM probe exited with "
                + process.exitValue()
                + ": "
                + other.toString().strip());
      }
    } catch (IOException e) {
      problems.add(module.name() + ": GEMM probe failed: " + e.getMessage());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    return libraries;
  }
}
