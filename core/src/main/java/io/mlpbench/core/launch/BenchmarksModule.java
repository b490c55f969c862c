package io.mlpbench.core.launch;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The built benchmarks module of a checkout, as the JVM of its runner needs it: its classes and the
 * dependency classpath written at package time to {@code target/bench-classpath.txt}. The one place
 * outside {@code benchmarks} that names its runner and files (as {@link RouteModule} is for
 * routes).
 */
public record BenchmarksModule(Path classes, List<Path> dependencies) {
  /** The runner's main class; {@code -Dbench.*} system properties are its settings. */
  public static final String RUNNER = "io.mlpbench.bench.BenchmarkRunner";

  public BenchmarksModule {
    dependencies = List.copyOf(dependencies);
  }

  /** The module under {@code root}; an error naming the missing file when it is not built. */
  public static BenchmarksModule of(Path root) throws IOException {
    Path classes = root.resolve("benchmarks/target/classes");
    Path file = root.resolve("benchmarks/target/bench-classpath.txt");
    if (!Files.isDirectory(classes) || !Files.isRegularFile(file)) {
      throw new IOException(
          "benchmarks module not built (" + file + " missing); run mvn -B install -DskipTests");
    }
    List<Path> dependencies = new ArrayList<>();
    for (String entry : Files.readString(file).trim().split(File.pathSeparator)) {
      if (!entry.isBlank()) {
        dependencies.add(Path.of(entry));
      }
    }
    return new BenchmarksModule(classes, dependencies);
  }

  /** The same module with its classes taken from {@code copy} (a snapshot of {@link #classes}). */
  public BenchmarksModule withClasses(Path copy) {
    return new BenchmarksModule(copy, dependencies);
  }

  /**
   * A launch of the runner measuring the route modules under {@code routesRoot}, with {@code
   * settings} as {@code -Dbench.<key>=<value>} (e.g. {@code profile -> quick}).
   */
  public JvmLaunch runner(Path routesRoot, Map<String, String> settings) {
    List<String> flags = new ArrayList<>();
    flags.add("-Dmlpbench.root=" + routesRoot);
    settings.forEach((key, value) -> flags.add("-Dbench." + key + "=" + value));
    List<Path> classpath = new ArrayList<>();
    classpath.add(classes);
    classpath.addAll(dependencies);
    return JvmLaunch.of(RUNNER).classpath(classpath).jvmArgs(flags);
  }
}
