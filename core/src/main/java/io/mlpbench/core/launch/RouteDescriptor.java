package io.mlpbench.core.launch;

import java.util.List;
import java.util.Map;

/**
 * What a runner knows about a route without loading it: reported by the route's own JVM ({@link
 * RouteWorker describe}) so runners never put framework classes on their classpath.
 *
 * @param jdk the JDK that route JVM runs on, "vendor (vm name) runtime version" ({@link
 *     #jdkOfThisJvm()}); null from workers built before it was reported
 */
public record RouteDescriptor(
    String id,
    String framework,
    String frameworkVersion,
    String style,
    String module,
    Map<String, String> environment,
    List<String> jvmArgs,
    String jdk,
    List<String> nativeLibraries) {

  /** This JVM's JDK in the form {@link #jdk} has. */
  public static String jdkOfThisJvm() {
    return System.getProperty("java.vendor", "unknown")
        + " ("
        + System.getProperty("java.vm.name", "")
        + ") "
        + System.getProperty("java.runtime.version", System.getProperty("java.version", "unknown"));
  }
}
