package io.mlpbench.core.launch;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Starts a JVM for one route module: that module's classpath (plus any extra entries, e.g. JMH),
 * the route's declared environment and JVM flags, applied to this JVM only.
 */
public final class RouteJvm {
  /**
   * System property naming the Java home that route JVMs run on (e.g. {@code
   * -Dmlpbench.jvm=/usr/lib/jvm/temurin-25-jdk-amd64}); unset means this JVM's own.
   */
  public static final String JVM_PROPERTY = "mlpbench.jvm";

  private RouteJvm() {}

  /** The {@code java} launcher route JVMs use: {@value #JVM_PROPERTY}'s, else this JVM's. */
  public static Path javaLauncher() {
    String home = System.getProperty(JVM_PROPERTY, "");
    Path java = Path.of(home.isBlank() ? System.getProperty("java.home") : home, "bin", "java");
    if (!Files.isExecutable(java)) {
      throw new IllegalArgumentException(
          "-D" + JVM_PROPERTY + "=" + home + ": no executable " + java + " (expected a Java home)");
    }
    return java;
  }

  /** A process builder running {@code mainClass args} on the module's classpath. */
  public static ProcessBuilder builder(
      RouteModule module,
      List<Path> extraClasspath,
      Map<String, String> environment,
      List<String> jvmArgs,
      String mainClass,
      List<String> args) {
    List<String> command = new ArrayList<>();
    command.add(javaLauncher().toString());
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
