package io.mlpbench.bench;

import io.mlpbench.core.launch.WorkerProtocol;

/**
 * Run inside a route module's JVM: prints one protocol line per {@link
 * io.mlpbench.core.GemmProvider} on its classpath, so the runner knows which modules can calibrate
 * the machine's peak.
 */
public final class GemmProbe {
  private GemmProbe() {}

  public static void main(String[] args) throws Exception {
    var json = new com.fasterxml.jackson.databind.ObjectMapper();
    for (String library : GemmPeakBenchmark.libraries()) {
      System.out.println(WorkerProtocol.PREFIX + json.writeValueAsString(library));
    }
  }
}
