package io.mlpbench.core.launch;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Starts a JVM for one route module: that module's classpath (plus any extra entries, e.g. JMH),
 * the route's declared environment and JVM flags, applied to this JVM only.
 */
public final class RouteJvm {
  private RouteJvm() {}

  /** A process builder running {@code mainClass args} on the module's classpath. */
  public static ProcessBuilder builder(
      RouteModule module,
      List<Path> extraClasspath,
      Map<String, String> environment,
      List<String> jvmArgs,
      String mainClass,
      List<String> args) {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(jvmArgs);
    StringBuilder cp = new StringBuilder(module.classpathString());
    for (Path extra : extraClasspath) {
      cp.append(java.io.File.pathSeparator).append(extra);
    }
    command.add("-cp");
    command.add(cp.toString());
    command.add(mainClass);
    command.addAll(args);
    ProcessBuilder builder = new ProcessBuilder(command);
    builder.environment().putAll(environment);
    return builder;
  }
}
