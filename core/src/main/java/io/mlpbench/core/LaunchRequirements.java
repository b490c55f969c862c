package io.mlpbench.core;

import java.util.List;
import java.util.Map;

/**
 * What the JVM that runs a route needs before it starts: environment variables (e.g. OpenMP's
 * OMP_NUM_THREADS, which a native library reads once at load) and JVM arguments (system properties,
 * module flags). Runners apply them to that route's JVM only and record them with the results.
 */
public record LaunchRequirements(Map<String, String> environment, List<String> jvmArgs) {
  public static final LaunchRequirements NONE = new LaunchRequirements(Map.of(), List.of());

  public LaunchRequirements {
    environment = Map.copyOf(environment);
    jvmArgs = List.copyOf(jvmArgs);
  }
}
