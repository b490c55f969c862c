package io.mlpbench.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.mlpbench.core.launch.JvmLaunch;
import io.mlpbench.core.launch.LaunchedJvm;
import io.mlpbench.core.launch.RouteModule;
import io.mlpbench.core.launch.WorkerProtocol;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Set;

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
    try {
      LaunchedJvm.Transcript t =
          JvmLaunch.of(GemmProbe.class.getName())
              .module(module)
              .classpath(JmhClasspath.entries())
              .timeout(Duration.ofMinutes(2))
              .start()
              .transcript();
      if (!t.exit().ok()) {
        problems.add(
            module.name() + ": GEMM probe " + t.exit().describe() + ": " + t.otherOutput());
      }
      return t.messages(String.class);
    } catch (IOException e) {
      problems.add(module.name() + ": GEMM probe failed: " + e.getMessage());
      return List.of();
    }
  }
}
