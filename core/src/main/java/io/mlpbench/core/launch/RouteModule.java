package io.mlpbench.core.launch;

import java.io.File;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A built route module: its directory and the runtime classpath written at package time to {@code
 * target/route-classpath.txt}. Each module's routes run in a JVM with exactly this classpath.
 */
public record RouteModule(String name, Path directory, List<Path> classpath) {
  public RouteModule {
    classpath = List.copyOf(classpath);
  }

  public String classpathString() {
    return classpath.stream().map(Path::toString).collect(Collectors.joining(File.pathSeparator));
  }
}
