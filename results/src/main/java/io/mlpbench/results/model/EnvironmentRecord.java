package io.mlpbench.results.model;

import java.util.List;
import java.util.Map;

/**
 * Where a result was measured. Its {@link io.mlpbench.results.env.HardwareClass} (CPU model, cores,
 * ISA flags, JDK, threads) decides whether two runs are comparable; {@link #machineFingerprint},
 * hostname, OS and memory are recorded but not compared.
 *
 * @param frameworkVersions route id -> framework version on that route's classpath
 * @param nativeVersions library name -> version of the native libraries (javacpp, openblas,
 *     libtorch, TF)
 * @param routeLaunch route id -> environment and JVM flags applied to that route's JVM
 * @param jvmVendor the JVM running the launcher (the CLI); {@link #routeJdk} is the one measured
 * @param routeJdk the JDK the route JVMs reported running on ({@code --jvm}), "vendor (vm)
 *     version"; null in records written before it was recorded, when it was the launcher's JDK
 */
public record EnvironmentRecord(
    String cpuModel,
    List<String> cpuFlags,
    int cores,
    long memoryBytes,
    String os,
    String jvmVendor,
    String jvmVersion,
    List<String> jvmArgs,
    Map<String, String> frameworkVersions,
    Map<String, String> nativeVersions,
    Map<String, String> routeLaunch,
    int threads,
    String gitCommit,
    String suiteVersion,
    String hostname,
    String machineFingerprint,
    String timestamp,
    String routeJdk) {

  /** The JDK the measurements ran on: the route JVMs', else (older records) the launcher's. */
  public String measuredJdk() {
    return routeJdk != null ? routeJdk : (jvmVendor + " " + jvmVersion).trim();
  }
}
